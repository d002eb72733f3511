import QtQuick

// The services of a search or a category, one large row each; flicks by touch.
ListView {
    id: list
    signal opened(string serviceId)
    clip: true
    spacing: theme.body * 0.4
    boundsBehavior: Flickable.StopAtBounds
    model: catalogue.results
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Services")

    delegate: Rectangle {
        objectName: "service_" + model.serviceId
        width: list.width
        height: Math.max(theme.touch, column.implicitHeight + theme.body)
        radius: 12
        color: theme.colors.surface
        border.color: theme.colors.border
        border.width: theme.highContrast ? 3 : 1
        Accessible.role: Accessible.Button
        Accessible.name: model.name + ", " + model.authority
        Accessible.onPressAction: list.opened(model.serviceId)
        Column {
            id: column
            x: theme.body * 0.6
            width: parent.width - theme.body * 1.2
            anchors.verticalCenter: parent.verticalCenter
            spacing: 4
            Text { width: parent.width; text: model.name; color: theme.colors.text; font.pixelSize: theme.body; font.bold: true; wrapMode: Text.WordWrap; Accessible.ignored: true }
            Text { width: parent.width; text: model.authority; color: theme.colors.mutedText; font.pixelSize: theme.small; wrapMode: Text.WordWrap; Accessible.ignored: true }
        }
        TouchTap { longPressThreshold: 0; onTouched: list.opened(model.serviceId) }
    }
}
