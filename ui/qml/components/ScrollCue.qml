import QtQuick

// Tells that a list or page goes on below the screen: a scroll bar and, while there is more
// below, a fade with an arrow at the bottom edge. Put it over the Flickable it describes
// (as a sibling, or as a child with `parent: theFlickable`, so it does not scroll away).
Item {
    id: cue
    required property Flickable flick
    readonly property bool scrollable: flick.contentHeight > flick.height + 1
    readonly property bool moreBelow: scrollable && flick.contentY < flick.contentHeight - flick.height - 1
    x: parent === flick ? 0 : flick.x
    y: parent === flick ? 0 : flick.y
    width: flick.width
    height: flick.height
    z: 5
    visible: flick.visible

    Rectangle {
        objectName: "scrollBar"
        visible: cue.scrollable
        x: cue.parent === cue.flick ? cue.width - width : cue.width + 8  // in the margin, off the buttons
        y: Math.max(0, cue.flick.visibleArea.yPosition) * cue.height
        width: 8
        height: Math.max(theme.touch * 0.6, cue.flick.visibleArea.heightRatio * cue.height)
        radius: 4
        color: theme.colors.mutedText
        opacity: 0.7
    }
    Rectangle {
        objectName: "moreBelow"
        visible: cue.moreBelow
        anchors.bottom: parent.bottom
        width: cue.width
        height: theme.body * 2.2
        gradient: Gradient {
            GradientStop { position: 0.0; color: "transparent" }
            GradientStop { position: 0.55; color: theme.colors.background }
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottom: parent.bottom
            text: "▼ " + qsTr("more below") + " ▼"
            color: theme.colors.primary
            font.pixelSize: theme.small
            font.bold: true
            // A screen reader's user scrolls by choosing it (touch exploration: double tap).
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("more below")
            Accessible.onPressAction: cue.flick.contentY = Math.min(cue.flick.contentY + cue.flick.height * 0.8,
                                                                    cue.flick.contentHeight - cue.flick.height)
        }
    }
}
