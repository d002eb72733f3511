import QtQuick
import "components"

// After sending: the submission code in large type and the status QR, always on screen;
// the printed receipt is a copy. When the printer fails, the resident photographs this.
Item {
    id: receiptScreen
    objectName: "receiptScreen"
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Your application has been filed")

    // The header's Back must not reopen a sent form: it finishes instead.
    function goBack() { session.reset(); return true }

    // "Finish" stays on screen below the page, whatever the orientation or text size.
    Flickable {
        id: page
        objectName: "receiptPage"
        width: parent.width
        anchors { top: parent.top; bottom: finish.top; bottomMargin: theme.body * 0.6 }
        contentHeight: content.implicitHeight + theme.body
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        Column {
            id: content
            width: page.width
            spacing: theme.body * 0.8

            Text {
                objectName: "receiptTitle"
                width: parent.width
                text: "✓ " + qsTr("Your application has been filed")
                color: theme.colors.text
                font.pixelSize: theme.title
                font.bold: true
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                width: parent.width
                text: form.result.service || ""
                color: theme.colors.mutedText
                font.pixelSize: theme.body
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Text {  // not read on its own: the code below is read with these words
                width: parent.width
                text: qsTr("Application code:")
                color: theme.colors.text
                font.pixelSize: theme.body
            }
            Text {
                objectName: "submissionCode"
                width: parent.width
                text: form.result.code || ""
                color: theme.colors.text
                font.pixelSize: theme.title * 1.8
                font.bold: true
                font.family: "DejaVu Sans Mono"
                font.letterSpacing: theme.body * 0.2
                wrapMode: Text.WrapAnywhere
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Application code:") + " " + (form.result.codeSpoken || "")
            }
            Rectangle {
                objectName: "printState"
                width: parent.width
                height: printText.implicitHeight + theme.body
                radius: 12
                color: form.result.printState === "failed" ? theme.colors.background : theme.colors.surface
                border.width: form.result.printState === "failed" ? 4 : 2
                border.color: form.result.printState === "failed" ? theme.colors.error : theme.colors.border
                Text {
                    id: printText
                    objectName: "printMessage"
                    x: theme.body * 0.5
                    width: parent.width - theme.body
                    anchors.verticalCenter: parent.verticalCenter
                    text: form.result.printState === "printing" ? qsTr("Printing your receipt…")
                          : form.result.printState === "printed" ? qsTr("Take your receipt from the printer.")
                          : qsTr("The printer is not working. Please take a photo of this screen: the code and the QR code are all you need.")
                    color: form.result.printState === "failed" ? theme.colors.error : theme.colors.text
                    font.pixelSize: theme.body
                    font.bold: true
                    wrapMode: Text.WordWrap
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
            }
            Row {
                objectName: "statusQr"
                width: parent.width
                spacing: theme.body
                visible: (form.result.statusUrl || "").length > 0
                Image {
                    id: qr
                    width: 300
                    height: 300
                    source: parent.visible ? "image://qr/" + encodeURIComponent(form.result.statusUrl) : ""
                    sourceSize.width: 300
                    sourceSize.height: 300
                    smooth: false
                asynchronous: true  // the QR is drawn off the GUI thread: the screen shows at once
                    Accessible.role: Accessible.Graphic
                    Accessible.name: qsTr("QR code with the address of your application's status")
                }
                Column {
                    width: parent.width - qr.width - parent.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    spacing: theme.body * 0.3
                    Text { width: parent.width; text: qsTr("Check the status on your phone"); color: theme.colors.primary; font.pixelSize: theme.body * 1.1; font.bold: true; wrapMode: Text.WordWrap; Accessible.role: Accessible.Heading; Accessible.name: text }
                    Text { width: parent.width; text: qsTr("Scan the code with your phone's camera, or give the application code at the office."); color: theme.colors.text; font.pixelSize: theme.small; wrapMode: Text.WordWrap; Accessible.role: Accessible.StaticText; Accessible.name: text }
                    Text { width: parent.width; text: form.result.statusUrl || ""; color: theme.colors.mutedText; font.pixelSize: theme.small * 0.85; wrapMode: Text.WrapAnywhere }
                }
            }
            SectionText { heading: qsTr("What happens next"); body: qsTr("The office will register your application and contact you if anything is missing.") }
        }
    }
    ScrollCue { flick: page }
    KioskButton {
        id: finish
        objectName: "finishButton"
        anchors.bottom: parent.bottom
        width: parent.width
        primary: true
        text: qsTr("Finish")
        onClicked: session.reset()
    }
}
