import QtQuick
import QtQuick.Controls
import "components"

// One tap opens every accessibility choice; each is a large on/off button.
Popup {
    id: panel
    objectName: "accessibilityPanel"
    parent: Overlay.overlay  // the whole window, also when made by a Loader
    modal: true
    focus: true
    closePolicy: Popup.CloseOnPressOutside
    // The panel is the same size in every mode and stays where it opened: switching large
    // text or low reach on never moves another switch under the finger. Its own text is
    // always large (the people who need these switches must be able to read them).
    readonly property int big: 40
    readonly property int gap: 20
    // Every button's height, and the room around its text: the same with large text on.
    readonly property real buttonHeight: big * 2.4
    readonly property real buttonPadding: gap * 0.5
    x: (root.width - width) / 2
    width: Math.min(root.width * 0.9, root.landscape ? 1500 : 1000)
    padding: gap * 1.5
    function place() { y = Math.max(gap, session.options.low_reach ? root.height - implicitHeight - gap : (root.height - implicitHeight) / 2) }
    onAboutToShow: place()
    onOpened: { place(); root.announceScreen() }  // its height is known once laid out
    onClosed: root.announceScreen()
    background: Rectangle { color: theme.colors.background; border.color: theme.colors.border; border.width: 3; radius: 16 }

    readonly property var choices: [
        { key: "large_text", label: qsTr("Large text") },
        { key: "high_contrast", label: qsTr("High contrast") },
        { key: "reduced_motion", label: qsTr("Reduced motion") },
        { key: "low_reach", label: qsTr("Controls low (wheelchair)") },
        { key: "read_aloud", label: qsTr("Read aloud") },
        { key: "longer_timeouts", label: qsTr("More time") }
    ]

    contentItem: Column {
        spacing: panel.gap
        Text { width: parent.width; text: qsTr("Accessibility"); color: theme.colors.text; font.pixelSize: panel.big * 1.3; font.bold: true; Accessible.role: Accessible.Heading; Accessible.name: text }
        Grid {
            id: choiceGrid
            width: parent.width
            columns: root.landscape ? 2 : 1
            spacing: panel.gap
            Repeater {
                model: panel.choices
                KioskButton {
                    objectName: "a11y_" + modelData.key
                    toggle: true
                    width: (choiceGrid.width - (choiceGrid.columns - 1) * choiceGrid.spacing) / choiceGrid.columns
                    height: panel.buttonHeight
                    padding: panel.buttonPadding
                    shrinkToFit: true
                    fontSize: panel.big
                    checked: session.options[modelData.key] === true
                    text: (checked ? "✓ " : "") + modelData.label
                    onClicked: session.setOption(modelData.key, !checked)
                }
            }
        }
        // How the speech sounds (always here, so the panel keeps its size). Each label is
        // read whole: two lines where a column is narrow ("Мовлення / повільніше"), and in
        // portrait two columns, not four buttons of a word and a half ("Mowa wol…").
        Grid {
            id: speechGrid
            width: parent.width
            columns: root.landscape ? 4 : 2
            spacing: panel.gap * 0.5
            Repeater {
                model: [
                    { key: "slower", label: qsTr("Speech slower"), which: "pace", step: -1 },
                    { key: "faster", label: qsTr("Speech faster"), which: "pace", step: 1 },
                    { key: "quieter", label: qsTr("Speech quieter"), which: "loudness", step: -1 },
                    { key: "louder", label: qsTr("Speech louder"), which: "loudness", step: 1 }
                ]
                KioskButton {
                    objectName: "speech_" + modelData.key
                    width: (speechGrid.width - (speechGrid.columns - 1) * speechGrid.spacing) / speechGrid.columns
                    height: panel.buttonHeight
                    padding: panel.buttonPadding
                    shrinkToFit: true
                    fontSize: panel.big * 0.7
                    text: modelData.label
                    onClicked: { session.adjustSpeech(modelData.which, modelData.step); speech.say(text) }
                }
            }
        }
        // Side by side in landscape: the panel fits a 1366x768 or 1280x800 screen whole.
        Grid {
            id: lastRow
            width: parent.width
            columns: root.landscape ? 2 : 1
            spacing: panel.gap
            KioskButton {
                objectName: "a11yReadScreen"
                width: (lastRow.width - (lastRow.columns - 1) * lastRow.spacing) / lastRow.columns
                height: panel.buttonHeight
                padding: panel.buttonPadding
                shrinkToFit: true
                fontSize: panel.big
                text: qsTr("Read this screen now")
                onClicked: { panel.close(); screenReader.readAll() }
            }
            KioskButton {
                objectName: "a11yClose"
                width: (lastRow.width - (lastRow.columns - 1) * lastRow.spacing) / lastRow.columns
                height: panel.buttonHeight
                padding: panel.buttonPadding
                shrinkToFit: true
                fontSize: panel.big
                primary: true
                text: qsTr("Done")
                onClicked: panel.close()
            }
        }
    }
}
