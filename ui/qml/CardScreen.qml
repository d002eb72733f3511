import QtQuick
import "components"

// A service card: every section of the record, long text flicks by touch, QR to the phone.
Flickable {
    id: cardScreen
    objectName: "cardScreen"
    property var card: catalogue.card
    // Texts shown in Polish for want of a translation: read aloud with the Polish voice.
    property var textLanguages: card.textLanguages || ({})
    signal fileRequested(string serviceId)
    signal visitRequested(string serviceId)
    contentHeight: content.implicitHeight + theme.body * 2
    clip: true
    flickDeceleration: 1500
    boundsBehavior: Flickable.StopAtBounds
    Accessible.role: Accessible.Pane
    Accessible.name: card.name || ""
    ScrollCue { parent: cardScreen; flick: cardScreen }

    Column {
        id: content
        width: cardScreen.width - 20  // the scroll bar has the last 20 px
        spacing: theme.body * 0.9

        Text {
            objectName: "cardTitle"
            width: parent.width
            text: cardScreen.card.name || ""
            color: theme.colors.text
            font.pixelSize: theme.title
            font.bold: true
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Text {
            objectName: "languageNotice"
            visible: text.length > 0
            width: parent.width
            text: cardScreen.card.languageNotice || ""
            color: theme.colors.mutedText
            font.pixelSize: theme.small
            font.italic: true
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Text {
            width: parent.width
            text: cardScreen.card.authority || ""
            color: theme.colors.mutedText
            font.pixelSize: theme.body
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        KioskButton {
            objectName: "fileButton"
            visible: (cardScreen.card.kioskForm || "").length > 0
            width: parent.width
            primary: true
            text: "✎ " + qsTr("Fill in the application here")
            onClicked: cardScreen.fileRequested(cardScreen.card.id)
        }
        KioskButton {
            objectName: "cardVisitButton"
            visible: visits.available && visits.bookable.indexOf(cardScreen.card.id || "") >= 0
            width: parent.width
            text: qsTr("Book a visit")
            onClicked: cardScreen.visitRequested(cardScreen.card.id)
        }
        Text {
            objectName: "fileMessage"
            visible: form.startMessage.length > 0
            width: parent.width
            text: "⚠ " + form.startMessage
            color: theme.colors.error
            font.pixelSize: theme.body
            font.bold: true
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: form.startMessage
        }
        SectionText { heading: qsTr("What it is"); body: cardScreen.card.description || "" }
        // What lies below the first screenful is made a frame later: the card's title and
        // description are on the screen at once, the rest follows before a finger can scroll.
        Loader {
            id: rest
            width: parent.width
            asynchronous: true
            sourceComponent: Column {
                width: rest.width
                spacing: theme.body * 0.9
                SectionText { heading: qsTr("Who can apply"); body: cardScreen.card.whoCanApply || "" }
                SectionText { heading: qsTr("What to bring"); lines: cardScreen.card.documents || [] }
                SectionText { heading: qsTr("Fees"); lines: cardScreen.card.costs || [] }
                SectionText { heading: qsTr("How long it takes"); body: cardScreen.card.time || "" }
                Repeater {
                    model: cardScreen.card.places || []
                    SectionText { heading: qsTr("Where and when to go"); body: modelData.address; lines: modelData.hours }
                }
                Row {
                    objectName: "phoneQr"
                    visible: (cardScreen.card.onlineUrl || "").length > 0
                    width: parent.width
                    spacing: theme.body
                    Image {
                        id: qr
                        width: 260
                        height: 260
                        source: parent.visible ? "image://qr/" + encodeURIComponent(cardScreen.card.onlineUrl) : ""
                        sourceSize.width: 260
                        sourceSize.height: 260
                        smooth: false
                        asynchronous: true  // the QR is drawn off the GUI thread: the screen shows at once
                        Accessible.role: Accessible.Graphic
                        Accessible.name: qsTr("QR code with the address of this service online")
                    }
                    Column {
                        width: parent.width - qr.width - parent.spacing
                        spacing: theme.body * 0.3
                        anchors.verticalCenter: parent.verticalCenter
                        Text { width: parent.width; text: qsTr("Continue on your phone"); color: theme.colors.primary; font.pixelSize: theme.body * 1.1; font.bold: true; wrapMode: Text.WordWrap; Accessible.role: Accessible.Heading; Accessible.name: text }
                        Text { width: parent.width; text: qsTr("Scan the code with your phone's camera to open this service online."); color: theme.colors.text; font.pixelSize: theme.small; wrapMode: Text.WordWrap; Accessible.role: Accessible.StaticText; Accessible.name: text }
                        Text { width: parent.width; text: cardScreen.card.onlineUrl || ""; color: theme.colors.mutedText; font.pixelSize: theme.small * 0.85; wrapMode: Text.WrapAnywhere }
                    }
                }
                SectionText { heading: qsTr("Legal basis"); lines: cardScreen.card.legalBasis || [] }
                SectionText { heading: qsTr("How to appeal"); body: cardScreen.card.appeal || "" }
                SectionText { heading: qsTr("What you get"); body: cardScreen.card.output || "" }
            }
        }
        Text {
            width: parent.width
            text: qsTr("Information checked on %1").arg(cardScreen.card.updated || "")
            color: theme.colors.mutedText
            font.pixelSize: theme.small
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }
}
