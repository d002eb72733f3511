import QtQuick
import QtQuick.Controls
import "components"

// One tap opens every accessibility choice; each is a large on/off button.
Popup {
    id: panel
    objectName: "accessibilityPanel"
    parent: Overlay.overlay  // the whole window, also when made by a Loader
    modal: true
    focus: true
    closePolicy: Popup.CloseOnPressOutside
    x: (root.width - width) / 2
    y: session.options.low_reach ? root.height - height - theme.body : (root.height - height) / 2
    width: Math.min(root.width * 0.9, 1000)
    padding: theme.body
    background: Rectangle { color: theme.colors.background; border.color: theme.colors.border; border.width: 3; radius: 16 }

    readonly property var choices: [
        { key: "large_text", label: qsTr("Large text") },
        { key: "high_contrast", label: qsTr("High contrast") },
        { key: "reduced_motion", label: qsTr("Reduced motion") },
        { key: "low_reach", label: qsTr("Controls low (wheelchair)") },
        { key: "read_aloud", label: qsTr("Read aloud") },
        { key: "longer_timeouts", label: qsTr("More time") }
    ]

    contentItem: Column {
        spacing: theme.body * 0.5
        Text { width: parent.width; text: qsTr("Accessibility"); color: theme.colors.text; font.pixelSize: theme.title; font.bold: true; Accessible.role: Accessible.Heading; Accessible.name: text }
        Grid {
            id: choiceGrid
            width: parent.width
            columns: root.landscape ? 2 : 1
            spacing: theme.body * 0.5
            Repeater {
                model: panel.choices
                KioskButton {
                    objectName: "a11y_" + modelData.key
                    width: (choiceGrid.width - (choiceGrid.columns - 1) * choiceGrid.spacing) / choiceGrid.columns
                    checked: session.options[modelData.key] === true
                    text: (checked ? "✓ " : "") + modelData.label
                    onClicked: session.setOption(modelData.key, !checked)
                }
            }
        }
        KioskButton {
            objectName: "a11yReadScreen"
            width: parent.width
            text: qsTr("Read this screen now")
            onClicked: root.readScreen()
        }
        KioskButton {
            objectName: "a11yClose"
            width: parent.width
            primary: true
            text: qsTr("Done")
            onClicked: panel.close()
        }
    }
}
