import QtQuick

// When nobody has been here for a while: a calm invitation to touch the screen.
Rectangle {
    id: attract
    objectName: "attractOverlay"
    visible: idle.attractVisible
    color: theme.colors.primary
    Accessible.role: Accessible.Button
    Accessible.name: invite.text
    // Takes every touch on the overlay: nothing beneath may react to it.
    MouseArea { anchors.fill: parent; onPressed: idle.touch() }
    Column {
        anchors.centerIn: parent
        width: parent.width * 0.8
        spacing: theme.body * 1.5
        Text { width: parent.width; text: root.municipality; color: theme.colors.onPrimary; font.pixelSize: theme.title * 1.2; font.bold: true; horizontalAlignment: Text.AlignHCenter; wrapMode: Text.WordWrap }
        Text {
            id: invite
            width: parent.width
            text: qsTr("Touch the screen to find an office service")
            color: theme.colors.onPrimary
            font.pixelSize: theme.title
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            SequentialAnimation on opacity {
                running: attract.visible && !session.options.reduced_motion
                loops: Animation.Infinite
                NumberAnimation { from: 1.0; to: 0.55; duration: 2400; easing.type: Easing.InOutSine }
                NumberAnimation { from: 0.55; to: 1.0; duration: 2400; easing.type: Easing.InOutSine }
            }
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Text { width: parent.width; text: "Dotknij ekranu · Touch the screen · Торкніться екрана · Bildschirm berühren"; color: theme.colors.onPrimary; font.pixelSize: theme.small; horizontalAlignment: Text.AlignHCenter; wrapMode: Text.WordWrap }
    }
}
