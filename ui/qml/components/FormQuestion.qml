import QtQuick
import QtQuick.Controls

// One question of a form: its label, how to fill it, the input for its kind, and — after
// "Next" — what is wrong and how to fix it. Answers go to the form model as they are typed.
Column {
    id: question
    required property string fieldId
    required property string kind
    required property string label
    required property string help
    required property bool required
    required property string value
    required property string problem
    required property var choices
    required property int maxLength
    // The height of the view the questions scroll in (0: not known): a long text's field
    // starts no taller than a swipe can bring into it whole.
    property real viewHeight: 0
    signal answered(string fieldId, string value)
    signal focused(Item input)  // the screen scrolls it clear of the keyboard
    signal done(Item input)  // Enter: on to the next field
    function focusInput() {
        if (kind === "long_text") area.forceActiveFocus()
        else if (typed) line.forceActiveFocus()
    }

    // Postal codes and dates typed as digits get their dash and dots where they belong.
    // Text with separators elsewhere (typed on a real keyboard, "1.2.2026") stays as typed.
    readonly property string pattern: ({ postal_code: "NN-NNN", date: "NN.NN.NNNN" })[kind] || ""
    function shaped(text) {
        if (pattern === "") return text
        for (var i = 0; i < text.length; ++i) {
            var isDigit = text[i] >= "0" && text[i] <= "9"
            if (!isDigit && (i >= pattern.length || pattern[i] !== text[i])) return text
        }
        var digits = text.replace(/[^0-9]/g, ""), out = "", next = 0
        for (var p = 0; p < pattern.length && next < digits.length; ++p)
            out += pattern[p] === "N" ? digits[next++] : pattern[p]
        return out + digits.slice(next)
    }

    readonly property bool hasField: typed || kind === "long_text"
    readonly property string spokenDetails: [question.required ? qsTr("required") : "",
                                             question.problem || question.help].filter(Boolean).join(", ")
    readonly property bool typed: kind !== "choice" && kind !== "yes_no" && kind !== "long_text"
    width: parent ? parent.width : 0
    spacing: theme.body * 0.3

    Text {
        width: question.width
        text: question.label  // "(optional)" is added once by the form model
        // A typed answer's field says its label, help and problem itself (read once).
        Accessible.ignored: question.hasField
        color: theme.colors.text
        font.pixelSize: theme.body * 1.05
        font.bold: true
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    Text {
        visible: question.help.length > 0
        width: question.width
        text: question.help
        color: theme.colors.mutedText
        font.pixelSize: theme.small
        wrapMode: Text.WordWrap
        Accessible.ignored: question.hasField
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    TextField {
        id: line
        objectName: "field_" + question.fieldId
        visible: question.typed
        width: question.width
        height: Math.max(theme.touch, theme.body * 2.2)
        font.pixelSize: theme.body
        color: theme.colors.text
        text: question.value
        maximumLength: question.maxLength > 0 ? question.maxLength : 32767
        selectByMouse: false
        inputMethodHints: ({
            // Digits only (no calculator keys); the dash of a postal code and the dots of a
            // date are put in as the resident types (shaped() below).
            pesel: Qt.ImhDigitsOnly, number: Qt.ImhDigitsOnly, nip: Qt.ImhDigitsOnly, regon: Qt.ImhDigitsOnly,
            postal_code: Qt.ImhDigitsOnly, phone: Qt.ImhDialableCharactersOnly,
            email: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase, date: Qt.ImhDigitsOnly,
            id_card: Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText
        })[question.kind] || Qt.ImhNoPredictiveText
        placeholderText: ({ postal_code: "00-000", date: qsTr("DD.MM.YYYY"), id_card: "ABC123456" })[question.kind] || ""
        placeholderTextColor: theme.colors.mutedText
        onTextEdited: {
            var wanted = question.shaped(text)
            if (wanted !== text) { text = wanted; cursorPosition = text.length }
            question.answered(question.fieldId, text)
        }
        onAccepted: question.done(line)
        EnterKey.type: Qt.EnterKeyNext
        onActiveFocusChanged: if (activeFocus) question.focused(line)
        rightPadding: question.problem.length > 0 ? theme.body * 1.6 : theme.body * 0.4
        background: FieldFrame { focused: line.activeFocus; wrong: question.problem.length > 0 }
        Accessible.role: Accessible.EditableText
        Accessible.name: question.label
        Accessible.description: question.spokenDetails
    }
    TextArea {
        id: area
        objectName: "area_" + question.fieldId
        visible: question.kind === "long_text"
        width: question.width
        // Three lines to begin with (two in a short window, to fit above the keyboard), and
        // never taller than its view less the "more below" cue's band and a margin: with
        // large text on a 1280x800 panel the 220 px field left 5 px to swipe it into a
        // 225 px view, and its bottom stayed under the cue. Longer text makes it grow.
        readonly property real startHeight: Math.min(theme.touch * (root.shortWindow ? 2 : 3),
                                                     question.viewHeight > 0 ? question.viewHeight - theme.body * 4 : Infinity)
        height: Math.max(startHeight, theme.touch, implicitHeight)
        font.pixelSize: theme.body
        color: theme.colors.text
        text: question.value
        wrapMode: TextEdit.Wrap
        selectByMouse: false
        inputMethodHints: Qt.ImhNoPredictiveText
        onActiveFocusChanged: if (activeFocus) question.focused(area)
        onTextChanged: if (activeFocus && text !== question.value) {
            if (question.maxLength > 0 && text.length > question.maxLength) remove(question.maxLength, text.length)
            else question.answered(question.fieldId, text)
        }
        rightPadding: question.problem.length > 0 ? theme.body * 1.6 : theme.body * 0.4
        background: FieldFrame { focused: area.activeFocus; wrong: question.problem.length > 0 }
        Accessible.role: Accessible.EditableText
        Accessible.name: question.label
        Accessible.description: question.spokenDetails
    }
    Text {
        visible: question.kind === "long_text" && question.maxLength > 0
        text: qsTr("%1 of %2 characters").arg(area.text.length).arg(question.maxLength)
        color: theme.colors.mutedText
        font.pixelSize: theme.small
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    Flow {
        visible: question.kind === "choice" || question.kind === "yes_no"
        width: question.width
        spacing: theme.body * 0.4
        Repeater {
            model: question.kind === "yes_no"
                   ? [{ value: "yes", label: qsTr("Yes") }, { value: "no", label: qsTr("No") }]
                   : question.choices
            KioskButton {
                objectName: "choice_" + question.fieldId + "_" + modelData.value
                toggle: true
                text: (question.value === modelData.value ? "✓ " : "") + modelData.label
                checked: question.value === modelData.value
                onClicked: question.answered(question.fieldId, modelData.value)
            }
        }
    }
    Text {
        objectName: "problem_" + question.fieldId
        visible: question.problem.length > 0
        width: question.width
        text: "⚠ " + question.problem
        color: theme.colors.error
        font.pixelSize: theme.body
        font.bold: true
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.AlertMessage
        Accessible.name: question.problem
        Accessible.ignored: question.hasField
    }
}
