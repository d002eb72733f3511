import QtQuick
import "components"

// 'Internet Wi-Fi': a slip from the receipt printer with the hotspot's join QR and a voucher
// for longer access on one device. The voucher and the QR stay on the screen too, so a
// resident whose slip did not come out can still get online.
Flickable {
    id: wifiScreen
    objectName: "wifiScreen"
    contentHeight: content.implicitHeight + theme.body * 2
    clip: true
    flickDeceleration: 1500
    boundsBehavior: Flickable.StopAtBounds
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Internet Wi-Fi")
    ScrollCue { parent: wifiScreen; flick: wifiScreen }
    // The slip's answer (the headline, the voucher) comes below the button, out of sight on
    // a short screen: brought into view as it is laid out, until the resident scrolls.
    ViewKeeper { id: keeper; flick: wifiScreen }
    property bool resultToShow: false
    onMovementStarted: resultToShow = false
    onHeightChanged: Qt.callLater(showResult)  // the header grows with Back and Home
    function showResult() {
        if (!resultToShow) return
        var bottom = result.y + voucher.y + voucher.height
        // From the headline when it fits, else the voucher and its caption (what is typed).
        keeper.show(bottom - result.y <= keeper.room() ? result.y : result.y + voucherCaption.y, bottom)
    }

    Column {
        id: content
        width: wifiScreen.width - 20  // the scroll bar has the last 20 px
        spacing: theme.body * 0.8

        Text {
            width: parent.width
            text: qsTr("Internet Wi-Fi")
            color: theme.colors.text
            font.pixelSize: theme.title
            font.bold: true
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Text {
            width: parent.width
            text: qsTr("Free internet in the network “%1”. The slip's QR code joins your phone to the network; its voucher code gives %2 hours online for one device.").arg(wifi.ssid).arg(wifi.hours)
            color: theme.colors.text
            font.pixelSize: theme.body
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        KioskButton {
            objectName: "printWifiSlipButton"
            primary: true
            enabled_: !wifi.busy && !wifi.hasSlip
            text: wifi.busy ? qsTr("Printing…") : qsTr("Print the Wi-Fi slip")
            onClicked: wifi.printSlip()
        }
        Text {
            objectName: "wifiFailed"
            visible: wifi.failed
            width: parent.width
            text: qsTr("The slip could not be made. Please ask at the office.")
            color: theme.colors.error
            font.pixelSize: theme.body
            font.bold: true
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Column {
            id: result
            objectName: "wifiResult"
            visible: wifi.hasSlip
            onVisibleChanged: { wifiScreen.resultToShow = visible; Qt.callLater(wifiScreen.showResult) }
            Component.onCompleted: if (visible) { wifiScreen.resultToShow = true; Qt.callLater(wifiScreen.showResult) }
            onHeightChanged: Qt.callLater(wifiScreen.showResult)
            onYChanged: Qt.callLater(wifiScreen.showResult)
            width: parent.width
            spacing: theme.body * 0.5
            Text {
                objectName: "wifiHeadline"
                width: parent.width
                text: wifi.printed ? qsTr("Take the slip from the printer.")
                                   : qsTr("The printer did not print the slip. Copy the code from the screen.")
                color: wifi.printed ? theme.colors.text : theme.colors.error
                font.pixelSize: theme.body * 1.2
                font.bold: true
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Text {
                id: voucherCaption
                visible: wifi.voucher.length > 0
                width: parent.width
                text: qsTr("Voucher code")
                color: theme.colors.text
                font.pixelSize: theme.body
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Text {
                id: voucher
                objectName: "wifiVoucher"
                visible: wifi.voucher.length > 0
                width: parent.width
                text: wifi.voucher
                color: theme.colors.text
                font.pixelSize: theme.title
                font.bold: true
                font.letterSpacing: theme.body * 0.1
                wrapMode: Text.WrapAnywhere
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Voucher code") + ": " + wifi.voucher.split("").join(" ")
            }
            Text {
                visible: wifi.voucher.length > 0
                width: parent.width
                text: qsTr("Type it on the page that opens once your phone is connected. Use it by %1.").arg(wifi.validUntil)
                color: theme.colors.text
                font.pixelSize: theme.body
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Text {
                visible: wifi.voucher.length === 0
                width: parent.width
                text: qsTr("Once connected, accept the terms on the network's page.")
                color: theme.colors.text
                font.pixelSize: theme.body
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Row {
                objectName: "wifiQr"
                width: parent.width
                spacing: theme.body
                Image {
                    id: qr
                    width: 300
                    height: 300
                    source: wifi.joinText.length > 0 ? "image://qr/" + encodeURIComponent(wifi.joinText) : ""
                    sourceSize.width: 300
                    sourceSize.height: 300
                    smooth: false
                    asynchronous: true
                    Accessible.role: Accessible.Graphic
                    Accessible.name: qsTr("QR code that joins a phone to the network %1").arg(wifi.ssid)
                }
                Text {
                    width: parent.width - qr.width - parent.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Or scan this code from the screen with your phone's camera.")
                    color: theme.colors.text
                    font.pixelSize: theme.body
                    wrapMode: Text.WordWrap
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }
        }
    }
}
