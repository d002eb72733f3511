import QtQuick
import "components"

// "Are you still there?" with the seconds left; any touch keeps the session.
Rectangle {
    id: overlay
    objectName: "idleOverlay"
    visible: idle.countdownVisible
    color: Qt.rgba(0, 0, 0, 0.7)
    Accessible.role: Accessible.AlertMessage
    Accessible.name: question.text
    // Takes every touch on the overlay: nothing beneath may react to it.
    MouseArea { anchors.fill: parent; onPressed: idle.touch() }
    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width * 0.85, 900)
        height: box.implicitHeight + theme.body * 2
        radius: 16
        color: theme.colors.background
        border.color: theme.colors.border
        border.width: 3
        Column {
            id: box
            anchors.centerIn: parent
            width: parent.width - theme.body * 2
            spacing: theme.body
            Text { id: question; width: parent.width; text: qsTr("Are you still there?"); color: theme.colors.text; font.pixelSize: theme.title; font.bold: true; horizontalAlignment: Text.AlignHCenter; wrapMode: Text.WordWrap; Accessible.role: Accessible.Heading; Accessible.name: text }
            Text {
                objectName: "secondsLeft"
                width: parent.width
                text: idle.secondsLeft
                color: theme.colors.primary
                font.pixelSize: theme.title * 2.2
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
            }
            Text { width: parent.width; text: qsTr("When the time runs out, everything you entered is cleared for the next person."); color: theme.colors.text; font.pixelSize: theme.body; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter; Accessible.role: Accessible.StaticText; Accessible.name: text }
            KioskButton {
                objectName: "stillHere"
                width: parent.width
                primary: true
                fontSize: theme.title * 0.9
                text: qsTr("I'm still here")
                onClicked: idle.touch()
            }
        }
    }
}
