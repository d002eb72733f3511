import QtQuick
import QtQuick.Controls
import "components"

// The technician's PIN pad; the digits are never shown.
Popup {
    id: pad
    objectName: "pinPad"
    visible: admin.pinPadVisible
    parent: Overlay.overlay  // the whole window, also when made by a Loader
    modal: true
    closePolicy: Popup.NoAutoClose
    x: (root.width - width) / 2
    y: (root.height - height) / 2
    width: Math.min(root.width * 0.8, 700)
    padding: theme.body
    property string entered: ""
    onVisibleChanged: entered = ""
    onOpened: root.announceScreen()
    onClosed: root.announceScreen()
    background: Rectangle { color: theme.colors.background; border.color: theme.colors.border; border.width: 3; radius: 16 }
    contentItem: Column {
        spacing: theme.body * 0.5
        Text { width: parent.width; text: qsTr("Technician PIN"); color: theme.colors.text; font.pixelSize: theme.title; font.bold: true; Accessible.role: Accessible.Heading; Accessible.name: text }
        Text { objectName: "pinDots"; width: parent.width; text: "●".repeat(pad.entered.length) || " "; color: theme.colors.text; font.pixelSize: theme.title; horizontalAlignment: Text.AlignHCenter }
        // Its space is kept when empty (two lines), so a wrong PIN never moves the keys.
        Text { objectName: "pinMessage"; width: parent.width; height: font.pixelSize * 2.6; text: admin.message; color: theme.colors.error; font.pixelSize: theme.body; wrapMode: Text.WordWrap; maximumLineCount: 2; elide: Text.ElideRight; verticalAlignment: Text.AlignVCenter; Accessible.role: Accessible.AlertMessage; Accessible.name: text }
        Grid {
            columns: 3
            spacing: theme.body * 0.4
            anchors.horizontalCenter: parent.horizontalCenter
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
                KioskButton {
                    objectName: modelData === "OK" ? "pin_ok" : modelData === "⌫" ? "pin_back" : "pin_" + modelData
                    width: theme.touch * 1.6
                    text: modelData
                    primary: modelData === "OK"
                    onClicked: {
                        if (modelData === "OK") { admin.submitPin(pad.entered); pad.entered = "" }
                        else if (modelData === "⌫") pad.entered = pad.entered.slice(0, -1)
                        else if (pad.entered.length < 12) pad.entered += modelData
                    }
                }
            }
        }
        KioskButton { objectName: "pinCancel"; width: parent.width; text: qsTr("Cancel"); onClicked: admin.close() }
    }
}
