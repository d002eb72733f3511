import QtQuick
import "components"

// 'Umów wizytę' / 'Pobierz numerek': a service, then a day and a time (or a number), then
// the slip from the printer. The office is asked over the network: while it answers the
// screen says so, and when it cannot, it says so at once with the office's phone.
Flickable {
    id: visitsScreen
    objectName: "visitsScreen"
    contentHeight: content.implicitHeight + theme.body * 2
    clip: true
    flickDeceleration: 1500
    boundsBehavior: Flickable.StopAtBounds
    Accessible.role: Accessible.Pane
    Accessible.name: title.text
    ScrollCue { parent: visitsScreen; flick: visitsScreen }
    // Back steps through the choices before it leaves the screen (Main.qml asks).
    function goBack() {
        if (visits.stage === "days" || visits.stage === "times" || visits.stage === "confirm") {
            visits.back(); return true
        }
        return false
    }

    Column {
        id: content
        width: visitsScreen.width - 20  // the scroll bar has the last 20 px
        spacing: theme.body * 0.7

        Text {
            id: title
            width: parent.width
            text: visits.mode === "ticket" ? qsTr("Take a queue number") : qsTr("Book a visit")
            color: theme.colors.text
            font.pixelSize: theme.title
            font.bold: true
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Text {
            objectName: "visitsStep"
            width: parent.width
            visible: text.length > 0
            text: visits.busy ? qsTr("Asking the office…")
                : visits.stage === "services" ? qsTr("Choose the matter:")
                : visits.stage === "days" ? qsTr("%1: choose a day (free times only).").arg(visits.chosen.service)
                : visits.stage === "times" ? qsTr("Choose a time:")
                : visits.stage === "confirm" ? qsTr("Book this visit?") : ""
            color: theme.colors.text
            font.pixelSize: theme.body
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Text {
            objectName: "visitsHours"
            width: parent.width
            visible: visits.officeHours.length > 0 && !visits.busy
                     && (visits.stage === "services" || visits.stage === "days")
            text: qsTr("The office receives visitors: %1").arg(visits.officeHours)
            color: theme.colors.text
            font.pixelSize: theme.body * 0.9
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Text {
            objectName: "visitsProblem"
            visible: visits.problem.length > 0
            width: parent.width
            text: "⚠ " + visits.problem + (visits.officePhone ? " " + qsTr("Office phone: %1").arg(visits.officePhone) : "")
            color: theme.colors.error
            font.pixelSize: theme.body
            font.bold: true
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Column {
            width: parent.width
            spacing: theme.body * 0.4
            visible: visits.stage === "services" && !visits.busy
            Repeater {
                model: visits.stage === "services" ? visits.services : []
                KioskButton {
                    objectName: "visitService_" + modelData.id
                    width: content.width
                    text: modelData.name
                    onClicked: visits.chooseService(modelData.id)
                }
            }
        }
        Text {
            visible: visits.stage === "days" && !visits.busy && visits.days.length === 0
            width: parent.width
            text: qsTr("No free times in the next two weeks. Please call the office.")
            color: theme.colors.text
            font.pixelSize: theme.body
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Grid {
            width: parent.width
            columns: root.landscape ? 4 : 3
            spacing: theme.body * 0.4
            visible: visits.stage === "days" && !visits.busy
            Repeater {
                model: visits.stage === "days" ? visits.days : []
                KioskButton {
                    objectName: "visitDay_" + modelData.day
                    width: (content.width - (parent.columns - 1) * parent.spacing) / parent.columns
                    text: modelData.label
                    onClicked: visits.chooseDay(modelData.day)
                }
            }
        }
        Grid {
            width: parent.width
            columns: root.landscape ? 6 : 4
            spacing: theme.body * 0.4
            visible: visits.stage === "times" && !visits.busy
            Repeater {
                model: visits.stage === "times" ? visits.times : []
                KioskButton {
                    objectName: "visitTime_" + modelData.time
                    width: (content.width - (parent.columns - 1) * parent.spacing) / parent.columns
                    text: modelData.time
                    onClicked: visits.chooseTime(modelData.index)
                }
            }
        }
        Column {
            width: parent.width
            spacing: theme.body * 0.5
            visible: visits.stage === "confirm"
            Text {
                width: parent.width
                text: qsTr("%1, %2 at %3, %4").arg(visits.chosen.service).arg(visits.chosen.day).arg(visits.chosen.time).arg(visits.chosen.desk)
                color: theme.colors.text
                font.pixelSize: theme.body * 1.1
                font.bold: true
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            KioskButton {
                objectName: "confirmVisitButton"
                primary: true
                enabled_: !visits.busy
                text: qsTr("Book and print")
                onClicked: visits.confirm()
            }
        }
        Column {
            objectName: "visitResult"
            width: parent.width
            spacing: theme.body * 0.5
            visible: visits.stage === "done"
            Text {
                width: parent.width
                text: visits.result.printed ? qsTr("Take the slip from the printer.")
                                            : qsTr("The printer did not print the slip. Please note it down.")
                color: visits.result.printed ? theme.colors.text : theme.colors.error
                font.pixelSize: theme.body * 1.2
                font.bold: true
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Text {
                objectName: "visitHeadline"
                width: parent.width
                text: visits.result.kind === "ticket"
                      ? qsTr("Your number: %1").arg(visits.result.number)
                      : qsTr("Visit code: %1").arg(visits.result.code || "")
                color: theme.colors.text
                font.pixelSize: theme.title
                font.bold: true
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Text {
                width: parent.width
                text: visits.result.kind === "ticket"
                      ? qsTr("People ahead of you: %1. Expected wait: about %2 min.").arg(visits.result.ahead).arg(visits.result.wait)
                      : qsTr("%1, %2 at %3, %4").arg(visits.result.service || "").arg(visits.result.day || "").arg(visits.result.time || "").arg(visits.result.desk || "")
                color: theme.colors.text
                font.pixelSize: theme.body
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }
    }
}
