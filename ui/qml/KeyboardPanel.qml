import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import "components"

// The in-window virtual keyboard, in the resident's language, with a row of Polish letters
// as keys of their own (the layout hides them behind a long press nobody guesses). Main.qml
// loads it right after the first frame (its module costs ~0.1 s), so home shows up sooner.
Column {
    id: keyboard
    objectName: "keyboard"
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("On-screen keyboard")
    readonly property alias active: panel.active
    readonly property var polishLetters: ["ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż"]

    function applyLanguage() {
        VirtualKeyboardSettings.locale = ({ pl: "pl_PL", en: "en_GB", uk: "uk_UA", de: "de_DE" })[session.language]
    }
    Component.onCompleted: applyLanguage()
    Connections {
        target: session
        function onLanguageChanged() { keyboard.applyLanguage() }
    }

    // One key row of the style's keys (laid out at 2560x800, a quarter of it a row), so the
    // letters scale with the keyboard as Main.qml sizes it to the window.
    readonly property real rowHeight: Math.round(keyboard.width * 800 / 2560 / 4)

    Rectangle {
        objectName: "polishLetters"
        visible: panel.active && !(InputContext.inputMethodHints & (Qt.ImhDigitsOnly | Qt.ImhDialableCharactersOnly))
        width: keyboard.width
        height: visible ? keyboard.rowHeight + 8 : 0
        color: "#2B2B2B"
        // A touch between the keys ends here, never on the screen beneath.
        MouseArea { anchors.fill: parent }
        Row {
            id: letters
            anchors.centerIn: parent
            spacing: 8
            Repeater {
                model: keyboard.polishLetters
                KioskButton {
                    objectName: "polish_" + modelData
                    width: Math.min(height * 1.3, (keyboard.width - 16 * 8) / 9)
                    height: keyboard.rowHeight - 8
                    text: InputContext.uppercase ? modelData.toUpperCase() : modelData
                    fontSize: Math.min(theme.body * 1.1, height * 0.5)
                    onClicked: InputContext.inputEngine.virtualKeyClick(Qt.Key_unknown, text, Qt.NoModifier)
                }
            }
        }
    }
    InputPanel {
        id: panel
        width: keyboard.width
        // A touch between the keys ends here too, never on the form beneath.
        MouseArea { anchors.fill: parent; z: -1 }
    }
}
