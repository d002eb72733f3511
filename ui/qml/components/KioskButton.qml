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
    signal clicked()
    signal longPressed()

    implicitWidth: Math.max(theme.touch * 2, label.implicitWidth + theme.body * 1.6)
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
        font.pixelSize: button.fontSize
        font.bold: true
        fontSizeMode: button.shrinkToFit ? Text.Fit : Text.FixedSize
        minimumPixelSize: Math.round(button.fontSize * 0.75)
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        Accessible.ignored: true
    }
    // An exclusive grab on press: the tap ends here and never reaches what lies beneath
    // (a button in a popup over home). A Flickable around may still take over a drag.
    TapHandler {
        gesturePolicy: TapHandler.ReleaseWithinBounds
        // A slow press is still a tap (older hands hold longer); only a holdable button
        // has a long press.
        longPressThreshold: button.holdable ? 1.2 : 0
        onLongPressed: button.longPressed()
        enabled: button.enabled_
        onTapped: button.clicked()
    }
}
