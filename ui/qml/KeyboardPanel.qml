import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

// The in-window virtual keyboard, in the resident's language. Main.qml loads it right after
// the first frame (its module costs ~0.1 s), so the home screen shows up sooner.
InputPanel {
    id: keyboard
    objectName: "keyboard"

    function applyLanguage() {
        VirtualKeyboardSettings.locale = ({ pl: "pl_PL", en: "en_GB", uk: "uk_UA", de: "de_DE" })[session.language]
    }
    Component.onCompleted: applyLanguage()
    Connections {
        target: session
        function onLanguageChanged() { keyboard.applyLanguage() }
    }
}
