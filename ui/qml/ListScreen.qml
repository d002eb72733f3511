import QtQuick
import "components"

// The services of one category or life event.
Item {
    id: listScreen
    objectName: "listScreen"
    signal openService(string serviceId)
    Column {
        anchors.fill: parent
        spacing: theme.body * 0.6
        Text {
            id: heading
            objectName: "listTitle"
            width: parent.width
            text: catalogue.listTitle
            color: theme.colors.text
            font.pixelSize: root.shortWindow ? theme.body * 1.2 : theme.title  // as a form's title
            font.bold: true
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        ServiceList {
            id: categoryList
            objectName: "categoryList"
            width: parent.width
            height: parent.height - heading.height - parent.spacing
            onOpened: serviceId => listScreen.openService(serviceId)
        }
    }
    ScrollCue { flick: categoryList }
}
