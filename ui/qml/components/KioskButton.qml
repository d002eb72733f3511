import QtQuick

// A large touch button: at least theme.touch high, accessible name and role, no hover states.
Rectangle {
    id: button
    property alias text: label.text
    property bool primary: false
    property bool checked: false
    property bool enabled_: true
    property int fontSize: theme.body
    property bool holdable: false  // a long press means something else (longPressed)
    property real padding: theme.body * 0.4  // around the text (a panel of fixed size sets its own)
    // A button of a fixed size (set by its panel) whose label would not fit at fontSize on
    // two lines, such as a long German one on a small screen: the label is set a little
    // smaller, never cut off ("…"), down to three quarters of fontSize.
    property bool shrinkToFit: false
    // The label is never set smaller than this share of fontSize (to fit a long word, or
    // with shrinkToFit): a panel lays its buttons out so their words fit at it.
    readonly property real smallestScale: 0.75
    // The widest word of the label at fontSize: a word wider than the label (German
    // "Personenstandsurkunden" in a third of a narrow screen) sets the label smaller, down
    // to smallestScale; one wider still is broken where it must be, never cut off ("…").
    readonly property real widestWord: wordMetrics.wordsWidth(label.text)
    signal clicked()
    signal longPressed()

    // Measured apart from the label, whose size may follow the width (below): a button as
    // wide as its text, or narrower where its row is (a Flow), is never a binding loop.
    implicitWidth: Math.max(theme.touch * 2, Math.ceil(wordMetrics.textWidth(label.text)) + theme.body * 1.6)
    implicitHeight: Math.max(theme.touch, label.implicitHeight + theme.body)
    radius: 12
    color: primary || checked ? theme.colors.primary : theme.colors.surface
    border.width: theme.highContrast ? 3 : (checked ? 4 : 2)
    border.color: checked ? theme.colors.focus : theme.colors.border
    opacity: enabled_ ? 1.0 : 0.5

    property bool toggle: false  // an on/off choice: screen readers say "on" or "off"

    // The one accessible node of the button: its inner text is not a second one.
    Accessible.role: Accessible.Button
    // The name without its decorative marks (♿ ‹ ⌂ ✓ ☐ ›): a screen reader says the words.
    Accessible.name: label.text.replace(/^[^0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]+|[ ›]+$/g, "")
    Accessible.checkable: toggle
    Accessible.checked: checked
    Accessible.onPressAction: if (enabled_) button.clicked()
    Accessible.onToggleAction: if (enabled_) button.clicked()

    Text {
        id: label
        anchors.fill: parent
        anchors.margins: button.padding
        color: button.primary || button.checked ? theme.colors.onPrimary : theme.colors.text
        font.pixelSize: button.widestWord > width && width > 0
                        ? Math.max(minimumPixelSize, Math.floor(button.fontSize * width / button.widestWord))
                        : button.fontSize
        font.bold: true
        fontSizeMode: button.shrinkToFit ? Text.Fit : Text.FixedSize
        minimumPixelSize: Math.round(button.fontSize * button.smallestScale)
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        Accessible.ignored: true
    }
    FontMetrics {
        id: wordMetrics
        font.family: label.font.family
        font.bold: true
        font.pixelSize: button.fontSize
        // (Each reads `font`: a binding calling them is evaluated again when it changes.)
        function textWidth(text) { return font.pixelSize > 0 ? advanceWidth(text) : 0 }
        function wordsWidth(text) {
            return font.pixelSize > 0 ? text.split(/\s+/).reduce((widest, word) => Math.max(widest, advanceWidth(word)), 0) : 0
        }
    }
    // An exclusive grab on press: the tap ends here and never reaches what lies beneath
    // (a button in a popup over home). A Flickable around may still take over a drag, and
    // a swipe it does not take is no tap (TouchTap.qml).
    TouchTap {
        // A slow press is still a tap (older hands hold longer); only a holdable button
        // has a long press.
        longPressThreshold: button.holdable ? 1.2 : 0
        onLongPressed: button.longPressed()
        enabled: button.enabled_
        onTouched: button.clicked()
    }
}
