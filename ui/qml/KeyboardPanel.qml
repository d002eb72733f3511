import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import "components"

// The in-window virtual keyboard, in the resident's language, with a row of Polish letters
// as keys of their own (the layout hides them behind a long press nobody guesses) while its
// layout is a Latin one. Main.qml loads it right after the first frame (its module costs
// ~0.1 s), so home shows up sooner.
Column {
    id: keyboard
    objectName: "keyboard"
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("On-screen keyboard")
    readonly property alias active: panel.active
    readonly property var polishLetters: ["ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż"]
    // The layouts the language key switches between, one tap each way: the resident's
    // language's and the kiosk's other alphabet's (a Ukrainian's Polish letters for a Polish
    // name or address; Cyrillic for the others, the Polish letters being in the row).
    readonly property var layouts: ({
        pl: ["pl_PL", "uk_UA"],
        en: ["en_GB", "uk_UA"],
        uk: ["uk_UA", "pl_PL"],
        de: ["de_DE", "uk_UA"]
    })
    readonly property var latinLayouts: ["pl_PL", "en_GB", "de_DE"]
    readonly property bool latin: latinLayouts.indexOf(InputContext.locale) >= 0

    // The layout a field starts in: the search field's is the resident's language's (a
    // Ukrainian searches the catalogue's Ukrainian texts in Cyrillic); every other field
    // (a form's names and addresses, a code from a receipt) is written in Latin letters, so
    // it starts in the first Latin one (Polish for a Ukrainian). docs/technician-guide.md
    function startingLayout(field) {
        const mine = layouts[session.language]
        if (field && field.typedInOwnLanguage === true) return mine[0]
        return mine.find(layout => latinLayouts.indexOf(layout) >= 0)
    }
    function applyLayouts() {
        VirtualKeyboardSettings.activeLocales = layouts[session.language]
        VirtualKeyboardSettings.locale = startingLayout(keyboard.Window.activeFocusItem)
    }
    Component.onCompleted: applyLayouts()
    Connections {
        target: session
        function onLanguageChanged() { keyboard.applyLayouts() }
    }
    Connections {
        target: keyboard.Window.window
        function onActiveFocusItemChanged() { keyboard.applyLayouts() }
    }

    // One key row of the style's keys (laid out at 2560x800, a quarter of it a row), so the
    // letters scale with the keyboard as Main.qml sizes it to the window.
    readonly property real rowHeight: Math.round(keyboard.width * 800 / 2560 / 4)

    Rectangle {
        objectName: "polishLetters"
        visible: panel.active && keyboard.latin
                 && !(InputContext.inputMethodHints & (Qt.ImhDigitsOnly | Qt.ImhDialableCharactersOnly))
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
        // The language key goes on to the next layout at once, rather than opening Qt's list
        // of languages to choose from (two taps, and a list over the keys).
        externalLanguageSwitchEnabled: true
        onExternalLanguageSwitch: (layouts, current) => {
            VirtualKeyboardSettings.locale = layouts[(current + 1) % layouts.length]
        }
        // A touch between the keys ends here too, never on the form beneath.
        MouseArea { anchors.fill: parent; z: -1 }
    }
}
