import QtQuick
import QtQuick.Controls
import "components"

// 'Sprawdź stan sprawy': the receipt's code typed (or its QR held to a scanner that types
// the address), checked character by character, then the office's answer in plain words.
Flickable {
    id: statusScreen
    objectName: "statusScreen"
    contentHeight: content.implicitHeight + theme.body * 2
    clip: true
    flickDeceleration: 1500
    boundsBehavior: Flickable.StopAtBounds
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Check the status of your application")
    ScrollCue { parent: statusScreen; flick: statusScreen }
    Component.onCompleted: codeField.forceActiveFocus()
    // The code being typed and its hint stay in view above the keyboard: with large text and
    // the controls low, the keyboard leaves this screen a few lines, and the title and the
    // help were what showed while the resident typed blind below them.
    // The field is what the resident must use here: it is kept clear of the "more below"
    // cue also before it is touched (large text with the controls low in landscape left
    // it half under the cue), until the resident scrolls the screen themselves.
    ViewKeeper { id: keeper; flick: statusScreen; paragraphs: content }
    property bool scrolledByHand: false
    function showTyping() {
        if ((codeField.activeFocus || !scrolledByHand) && !answerToShow)
            keeper.show(codeField.y, codeHint.visible ? codeHint.y + codeHint.height : codeField.y + codeField.height)
    }
    onHeightChanged: Qt.callLater(showTyping)
    onContentHeightChanged: Qt.callLater(showTyping)
    // The answer comes below the field, out of sight when the screen is short: its start
    // (and as much of it as fits) is brought into view, again as it is laid out and the
    // keyboard goes, until the resident scrolls or types.
    property bool answerToShow: false
    Connections {
        target: statusCheck
        function onAnswered() { statusScreen.answerToShow = true; Qt.callLater(statusScreen.showAnswer) }
    }
    onMovementStarted: { answerToShow = false; scrolledByHand = true }
    function showAnswer() {
        if (answerToShow) keeper.show(result.y, result.y + result.height)
    }

    Column {
        id: content
        width: statusScreen.width - 20  // the scroll bar has the last 20 px
        spacing: theme.body * 0.8

        Text {
            width: parent.width
            text: qsTr("Check the status of your application")
            color: theme.colors.text
            font.pixelSize: theme.title
            font.bold: true
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Text {
            width: parent.width
            text: qsTr("Type the code from your receipt (10 characters, e.g. K7P4M-X9RCA), or hold the receipt's QR code to the scanner.")
            color: theme.colors.text
            font.pixelSize: theme.body
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        TextField {
            id: codeField
            objectName: "statusCodeField"
            width: Math.min(parent.width, theme.body * 16)
            height: Math.max(theme.touch, theme.body * 2.4)
            font.pixelSize: theme.body * 1.3
            font.letterSpacing: theme.body * 0.1
            font.capitalization: Font.AllUppercase
            color: theme.colors.text
            text: statusCheck.typed
            maximumLength: 200  // a scanned address is longer than the code
            selectByMouse: false
            inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            placeholderText: "K7P4M-X9RCA"
            placeholderTextColor: theme.colors.mutedText
            onTextEdited: statusCheck.setTyped(text)
            onActiveFocusChanged: Qt.callLater(statusScreen.showTyping)
            onAccepted: if (statusCheck.canCheck) { Qt.inputMethod.hide(); statusCheck.check() }
            // A new resident (reset) must find the field empty: typing broke the binding.
            Connections {
                target: statusCheck
                function onChanged() { if (codeField.text !== statusCheck.typed) codeField.text = statusCheck.typed }
            }
            rightPadding: statusCheck.problem ? theme.body * 1.6 : theme.body * 0.4
            background: FieldFrame { focused: codeField.activeFocus; wrong: statusCheck.problem }
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("Code from the receipt")
            Accessible.description: statusCheck.hint
        }
        Text {
            id: codeHint
            objectName: "statusCodeHint"
            onHeightChanged: Qt.callLater(statusScreen.showTyping)
            onVisibleChanged: Qt.callLater(statusScreen.showTyping)
            visible: text.length > 0
            width: parent.width
            text: (statusCheck.problem ? "⚠ " : "") + statusCheck.hint
            color: statusCheck.problem ? theme.colors.error : theme.colors.mutedText
            font.pixelSize: theme.body
            font.bold: statusCheck.problem
            wrapMode: Text.WordWrap
            Accessible.role: statusCheck.problem ? Accessible.AlertMessage : Accessible.StaticText
            Accessible.name: statusCheck.hint
        }
        KioskButton {
            objectName: "checkStatusButton"
            primary: true
            enabled_: statusCheck.canCheck
            text: qsTr("Check")
            onClicked: { Qt.inputMethod.hide(); statusCheck.check() }
        }
        Column {
            id: result
            objectName: "statusResult"
            onHeightChanged: Qt.callLater(statusScreen.showAnswer)
            onYChanged: Qt.callLater(statusScreen.showAnswer)
            onVisibleChanged: if (!visible) statusScreen.answerToShow = false
            visible: statusCheck.hasResult
            width: parent.width
            spacing: theme.body * 0.5
            Text {
                objectName: "statusHeadline"
                width: parent.width
                text: statusCheck.headline
                color: theme.colors.text
                font.pixelSize: theme.body * 1.2
                font.bold: true
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Text {
                visible: !statusCheck.busy
                width: parent.width
                text: qsTr("Code: %1").arg(statusCheck.code)
                color: theme.colors.text
                font.pixelSize: theme.body
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Repeater {
                model: statusCheck.details
                Text {
                    width: content.width
                    text: modelData
                    color: theme.colors.text
                    font.pixelSize: theme.body
                    wrapMode: Text.WordWrap
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }
            Text {
                objectName: "statusMessage"
                visible: text.length > 0
                width: parent.width
                text: statusCheck.message
                color: theme.colors.text
                font.pixelSize: theme.body
                font.bold: true
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Text {
                visible: text.length > 0
                width: parent.width
                text: statusCheck.source
                color: theme.colors.mutedText
                font.pixelSize: theme.small
                font.italic: true
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }
    }
}
