import QtQuick

// One section of a service card: a heading and its text, hidden when empty.
Column {
    id: section
    property string heading
    property string body
    property var lines: []
    visible: body.length > 0 || lines.length > 0
    width: parent ? parent.width : 0
    spacing: theme.body * 0.3

    Text {
        text: section.heading
        width: section.width
        color: theme.colors.primary
        font.pixelSize: theme.body * 1.1
        font.bold: true
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    Text {
        visible: section.body.length > 0
        text: section.body
        width: section.width
        color: theme.colors.text
        font.pixelSize: theme.body
        wrapMode: Text.WordWrap
        lineHeight: 1.25
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    Repeater {
        model: section.lines
        Text {
            text: "•  " + modelData
            width: section.width
            color: theme.colors.text
            font.pixelSize: theme.body
            wrapMode: Text.WordWrap
            lineHeight: 1.2
            Accessible.role: Accessible.StaticText
            Accessible.name: modelData
        }
    }
}
