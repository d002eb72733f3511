import QtQuick

// A language choice: its flag and its own name ("Українська", not "Ukrainian"); the flag
// alone where a row has no room for the names (`flagOnly`; the name is still its accessible name).
Rectangle {
    id: button
    property string language
    property string name
    property bool checked: false
    property bool flagOnly: false
    signal clicked()
    implicitWidth: row.implicitWidth + theme.body
    implicitHeight: theme.touch
    radius: 12
    color: checked ? theme.colors.primary : theme.colors.surface
    border.width: checked ? 4 : (theme.highContrast ? 3 : 2)
    border.color: checked ? theme.colors.focus : theme.colors.border
    Accessible.role: Accessible.Button
    Accessible.name: name
    // The name is in its own language: speech mode reads "Українська" with the Ukrainian
    // voice (the Polish one spelt it out letter by letter), the role words in the resident's.
    readonly property string nameLanguage: language
    Accessible.checkable: true
    Accessible.checked: checked
    Accessible.onPressAction: button.clicked()
    Row {
        id: row
        anchors.centerIn: parent
        spacing: theme.small * 0.5
        Flag { language: button.language; width: 42; height: 28; anchors.verticalCenter: parent.verticalCenter }
        Text {
            visible: !button.flagOnly
            text: button.name
            color: button.checked ? theme.colors.onPrimary : theme.colors.text
            font.pixelSize: theme.small
            font.bold: true
            anchors.verticalCenter: parent.verticalCenter
            Accessible.ignored: true
        }
    }
    TouchTap { longPressThreshold: 0; onTouched: button.clicked() }
}
