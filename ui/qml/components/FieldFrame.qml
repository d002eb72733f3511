import QtQuick

// The frame of a text field. Focus and a problem differ by more than colour: focus adds a
// ring outside the frame, a problem a thick frame in the error colour and a ⚠ mark inside.
Rectangle {
    id: frame
    property bool focused: false
    property bool wrong: false
    radius: 12
    color: theme.colors.background
    border.width: frame.wrong ? 4 : 2
    border.color: frame.wrong ? theme.colors.error : (frame.focused ? theme.colors.focus : theme.colors.border)

    Rectangle {
        objectName: "focusRing"
        visible: frame.focused
        anchors.fill: parent
        anchors.margins: -7
        radius: frame.radius + 7
        color: "transparent"
        border.width: 4
        border.color: theme.colors.focus
    }
    Text {
        visible: frame.wrong
        anchors.right: parent.right
        anchors.rightMargin: theme.body * 0.4
        y: Math.min((frame.height - height) / 2, theme.body * 0.4)
        text: "⚠"
        color: theme.colors.error
        font.pixelSize: theme.body
        font.bold: true
        Accessible.ignored: true
    }
}
