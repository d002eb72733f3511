import QtQuick
import "components"

// The application wizard: one question group per screen, then the review with the consent.
// Answers live in the form model (the resident session), so back and forward lose nothing.
Item {
    id: formScreen
    objectName: "formScreen"
    Accessible.role: Accessible.Pane
    Accessible.name: form.title + ". " + progressLine.text  // the step, for speech mode

    signal backRequested()  // Main.qml: one step back, or out to the card from the first step
    // The header's Back goes one step back; false means "leave the form" (Main.qml).
    function goBack() { return form.back() }

    // Keep the input being typed into (or the question with a problem) in view above the keyboard.
    property Item typingInto: null
    function reveal(item) {
        if (!item) return
        // The columns place their children at the next frame: a step just rebuilt (Next
        // refused shows each problem) would still have its questions at their old places.
        questionColumn.forceLayout()
        reviewColumn.forceLayout()
        // The whole question (its label and help too) when it fits above the keyboard.
        // Below it, room for the "more below" cue (ScrollCue's fade is theme.body * 2.2):
        // a field being typed in is not left with its bottom under the cue.
        var margin = theme.body
        var belowMargin = theme.body * 2.4
        var question = item.parent
        var flick = form.reviewing ? review : questions
        if (question && question.fieldId !== undefined && question.height + margin + belowMargin <= flick.height)
            item = question
        var top = item.mapToItem(flick.contentItem, 0, 0).y
        if (top + item.height + belowMargin > flick.contentY + flick.height)
            flick.contentY = Math.min(top + item.height + belowMargin - flick.height,
                                      Math.max(0, flick.contentHeight - flick.height))
        else if (top - margin < flick.contentY)
            flick.contentY = Math.max(0, top - margin)
    }
    // "Next" refused: bring the first question with a problem into view and put the
    // cursor in it (the problem may be below the fold).
    function showFirstProblem() {
        for (var i = 0; i < questionColumn.children.length; ++i) {
            var question = questionColumn.children[i]
            if (question.problem !== undefined && question.problem.length > 0) {
                // Kept in view while the keyboard comes (a field) or goes (a choice: the
                // field typed in before is gone with the old step's rows).
                typingInto = question
                reveal(question)
                question.focusInput()
                return
            }
        }
    }
    // Enter in a field: on to the next field of this step, or put the keyboard away.
    function focusAfter(input) {
        var next = input.nextItemInFocusChain(true)
        for (var up = next; up; up = up.parent)
            if (up === questionColumn && next !== input) { next.forceActiveFocus(); return }
        input.focus = false
        Qt.inputMethod.hide()
    }
    // "Send" before the privacy notice is ticked: show the resident the box to tick.
    property bool consentAsked: false
    Connections {
        target: form
        function onChanged() { if (form.consentAccepted || !form.reviewing) formScreen.consentAsked = false }
    }
    // Each step (and the review) is a new screen for a resident listening to speech mode.
    readonly property string stepKey: form.reviewing ? "review" : "step" + form.stepIndex
    onStepKeyChanged: root.announceScreen()

    // Typing in landscape leaves little height above the keyboard: the title steps aside.
    readonly property bool compact: root.landscape && root.keyboardShown
    // A short screen (large text on a small panel): the title and the step line scroll with
    // the questions, rather than take the height the questions need and run under the buttons.
    readonly property bool titleScrolls: top.implicitHeight > height / 3
    readonly property real gap: theme.body * 0.6  // between the title, the questions and the buttons
    Column {
        id: top
        parent: !formScreen.titleScrolls ? formScreen : form.reviewing ? review.contentItem : questions.contentItem
        visible: !formScreen.compact
        height: visible ? implicitHeight : 0
        width: formScreen.width
        spacing: theme.body * 0.3
        Text {
            objectName: "formTitle"
            width: parent.width
            text: form.title
            color: theme.colors.text
            font.pixelSize: root.shortWindow ? theme.body * 1.2 : theme.title
            font.bold: true
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Text {
            id: progressLine
            objectName: "formProgress"
            width: parent.width
            text: form.reviewing ? qsTr("Check your answers")
                                 : qsTr("Step %1 of %2: %3").arg(form.stepIndex + 1).arg(form.stepCount).arg(form.stepTitle)
            color: theme.colors.primary
            font.pixelSize: theme.body * 1.1
            font.bold: true
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
    }

    Flickable {
        id: questions
        objectName: "formQuestions"
        visible: !form.reviewing
        y: formScreen.titleScrolls ? 0 : top.height + formScreen.gap
        height: nav.y - formScreen.gap - y
        width: parent.width
        contentHeight: questionColumn.y + questionColumn.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        onHeightChanged: formScreen.reveal(formScreen.typingInto)
        Column {
            id: questionColumn
            y: formScreen.titleScrolls ? top.height + formScreen.gap : 0
            width: questions.width
            spacing: theme.body
            Text {
                visible: form.stepIntro.length > 0
                width: parent.width
                text: form.stepIntro
                color: theme.colors.text
                font.pixelSize: theme.body
                wrapMode: Text.WordWrap
                lineHeight: 1.2
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Repeater {
                model: form.fields
                FormQuestion {
                    viewHeight: questions.height
                    onAnswered: (fieldId, value) => form.setAnswer(fieldId, value)
                    onFocused: input => { formScreen.typingInto = input; formScreen.reveal(input) }
                    onDone: input => formScreen.focusAfter(input)
                }
            }
        }
    }

    ScrollCue { flick: questions }
    ScrollCue { flick: review }
    Flickable {
        id: review
        objectName: "formReview"
        visible: form.reviewing
        y: formScreen.titleScrolls ? 0 : top.height + formScreen.gap
        height: nav.y - formScreen.gap - y
        width: parent.width
        contentHeight: reviewColumn.y + reviewColumn.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        Column {
            id: reviewColumn
            y: formScreen.titleScrolls ? top.height + formScreen.gap : 0
            width: review.width
            spacing: theme.body * 0.8
            Repeater {
                model: form.review
                Column {
                    width: reviewColumn.width
                    spacing: theme.body * 0.25
                    Row {
                        width: parent.width
                        spacing: theme.body * 0.5
                        Text {
                            width: parent.width - change.width - parent.spacing
                            anchors.verticalCenter: parent.verticalCenter
                            text: modelData.step
                            color: theme.colors.primary
                            font.pixelSize: theme.body * 1.05
                            font.bold: true
                            wrapMode: Text.WordWrap
                            Accessible.role: Accessible.Heading
                            Accessible.name: text
                        }
                        KioskButton {
                            id: change
                            objectName: "change_" + index
                            text: qsTr("Change")
                            fontSize: theme.small
                            onClicked: form.editStep(modelData.stepIndex)
                        }
                    }
                    Repeater {
                        model: modelData.answers
                        Text {
                            width: reviewColumn.width
                            text: modelData.label + (/[?:]$/.test(modelData.label) ? " " : ": ") + "<b>" + modelData.shown + "</b>"
                            textFormat: Text.StyledText
                            color: theme.colors.text
                            font.pixelSize: theme.body
                            wrapMode: Text.WordWrap
                            Accessible.role: Accessible.StaticText
                            Accessible.name: modelData.label + ": " + modelData.shown
                        }
                    }
                }
            }
            Rectangle {
                id: consentBox
                width: reviewColumn.width
                height: consent.implicitHeight + theme.body
                radius: 12
                color: theme.colors.surface
                border.color: formScreen.consentAsked ? theme.colors.error : theme.colors.border
                border.width: formScreen.consentAsked ? 4 : 2
                Column {
                    id: consent
                    x: theme.body * 0.5
                    y: theme.body * 0.5
                    width: parent.width - theme.body
                    spacing: theme.body * 0.4
                    Text {
                        width: parent.width
                        text: qsTr("How the office uses your data")
                        color: theme.colors.text
                        font.pixelSize: theme.body * 1.05
                        font.bold: true
                        wrapMode: Text.WordWrap
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    Text {
                        objectName: "consentText"
                        width: parent.width
                        text: form.consentText
                        color: theme.colors.text
                        font.pixelSize: theme.small
                        wrapMode: Text.WordWrap
                        lineHeight: 1.2
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                    Text {
                        objectName: "consentAsk"
                        visible: formScreen.consentAsked
                        width: parent.width
                        text: "⚠ " + qsTr("To send the application, tick this box.")
                        color: theme.colors.error
                        font.pixelSize: theme.body
                        font.bold: true
                        wrapMode: Text.WordWrap
                        Accessible.role: Accessible.AlertMessage
                        Accessible.name: text
                    }
                    KioskButton {
                        objectName: "consentButton"
                        toggle: true
                        width: parent.width
                        checked: form.consentAccepted
                        text: (form.consentAccepted ? "☑ " : "☐ ") + (form.consentStatement || qsTr("I have read this information"))
                        onClicked: form.setConsent(!form.consentAccepted)
                    }
                }
            }
            Text {
                objectName: "formMessage"
                visible: form.message.length > 0
                width: reviewColumn.width
                text: "⚠ " + form.message
                color: theme.colors.error
                font.pixelSize: theme.body
                font.bold: true
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: form.message
            }
        }
    }

    Row {
        id: nav
        anchors.bottom: parent.bottom
        width: parent.width
        spacing: theme.body * 0.5
        KioskButton {
            objectName: "formBack"
            width: Math.floor((parent.width - parent.spacing) * 0.4)  // whole pixels: no 1 px past the edge
            text: "‹ " + qsTr("Previous")
            onClicked: formScreen.backRequested()
        }
        KioskButton {
            objectName: form.reviewing ? "formSubmit" : "formNext"
            width: Math.floor((parent.width - parent.spacing) * 0.6)
            primary: true
            opacity: !form.reviewing || form.consentAccepted ? 1.0 : 0.6
            text: form.reviewing ? qsTr("Send the application") : qsTr("Next") + " ›"
            onClicked: {
                if (form.reviewing && !form.consentAccepted) { formScreen.consentAsked = true; formScreen.reveal(consentBox) }
                else if (form.reviewing) form.submit()
                else if (form.next()) { questions.contentY = 0; review.contentY = 0 }
                else Qt.callLater(formScreen.showFirstProblem)
            }
        }
    }
}
