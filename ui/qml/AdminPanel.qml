import QtQuick
import QtQuick.Controls
import "components"

// What a technician needs on site: state of the kiosk and a few actions.
Popup {
    id: adminPanel
    objectName: "adminPanel"
    visible: admin.adminVisible
    parent: Overlay.overlay  // the whole window, also when made by a Loader
    modal: true
    closePolicy: Popup.NoAutoClose
    x: (root.width - width) / 2
    y: (root.height - height) / 2
    width: root.width * 0.9
    padding: theme.body
    onOpened: root.announceScreen()
    onClosed: root.announceScreen()
    background: Rectangle { color: theme.colors.background; border.color: theme.colors.border; border.width: 3; radius: 16 }
    readonly property var rows: [
        ["version", qsTr("Version")], ["kiosk", qsTr("Kiosk")], ["catalogue", qsTr("Catalogue")],
        ["sync", qsTr("Last sync")], ["network", qsTr("Network")], ["printer", qsTr("Printer")],
        ["outbox", qsTr("Applications")]
    ]
    contentItem: Column {
        spacing: theme.body * 0.4
        Text { text: qsTr("Technician"); color: theme.colors.text; font.pixelSize: theme.title; font.bold: true; Accessible.role: Accessible.Heading; Accessible.name: text }
        Row {  // the panel speaks the session's language; a technician may switch it here
            objectName: "adminLanguages"
            spacing: theme.body * 0.4
            Repeater {
                model: [["pl", "Polski"], ["en", "English"], ["uk", "Українська"], ["de", "Deutsch"]]
                LanguageButton {
                    objectName: "adminLang_" + modelData[0]
                    language: modelData[0]
                    name: modelData[1]
                    checked: session.language === modelData[0]
                    onClicked: session.setLanguage(modelData[0])
                }
            }
        }
        Repeater {
            model: adminPanel.rows
            Row {
                width: parent.width
                Text { width: parent.width * 0.4; text: modelData[1]; color: theme.colors.mutedText; font.pixelSize: theme.small; Accessible.role: Accessible.StaticText; Accessible.name: text }
                Text { objectName: "adminStatus_" + modelData[0]; width: parent.width * 0.6; text: admin.status[modelData[0]] || "—"; color: theme.colors.text; font.pixelSize: theme.small; wrapMode: Text.Wrap; Accessible.role: Accessible.StaticText; Accessible.name: text }
            }
        }
        Text { objectName: "adminMessage"; width: parent.width; text: admin.message; visible: text.length > 0; color: theme.colors.primary; font.pixelSize: theme.small; wrapMode: Text.WordWrap; Accessible.role: Accessible.AlertMessage; Accessible.name: text }
        Flow {
            width: parent.width
            spacing: theme.body * 0.4
            KioskButton { objectName: "adminSync"; text: qsTr("Sync now"); onClicked: admin.syncNow() }
            KioskButton { objectName: "adminRefresh"; text: qsTr("Refresh"); onClicked: admin.refreshStatus() }
            KioskButton { objectName: "adminTestPrint"; text: qsTr("Test print"); onClicked: admin.testPrint() }
            KioskButton { objectName: "adminReload"; text: qsTr("Reload screens"); onClicked: admin.reload() }
            KioskButton { objectName: "adminExit"; text: qsTr("Close the app"); visible: admin.exitAllowed; onClicked: admin.exitApp() }
            KioskButton { objectName: "adminClose"; primary: true; text: qsTr("Back to residents"); onClicked: admin.close() }
        }
    }
}
