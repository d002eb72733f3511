import QtQuick

// Simple drawn flags (no image files, no emoji font needed): PL, GB, UA, DE.
Item {
    id: flag
    property string language: "pl"
    implicitWidth: 54
    implicitHeight: 36
    Rectangle { anchors.fill: parent; color: "transparent"; border.color: "#8A95A5"; border.width: 1; z: 2 }
    Column {
        anchors.fill: parent
        visible: flag.language !== "en"
        Repeater {
            model: flag.language === "pl" ? ["#FFFFFF", "#DC143C"]
                 : flag.language === "uk" ? ["#0057B7", "#FFD700"]
                 : ["#000000", "#DD0000", "#FFCE00"]
            Rectangle { width: flag.width; height: flag.height / (flag.language === "de" ? 3 : 2); color: modelData }
        }
    }
    Rectangle {
        anchors.fill: parent
        visible: flag.language === "en"
        color: "#012169"
        Rectangle { anchors.centerIn: parent; width: parent.width; height: parent.height * 0.34; color: "#FFFFFF" }
        Rectangle { anchors.centerIn: parent; width: parent.width * 0.2; height: parent.height; color: "#FFFFFF" }
        Rectangle { anchors.centerIn: parent; width: parent.width; height: parent.height * 0.2; color: "#C8102E" }
        Rectangle { anchors.centerIn: parent; width: parent.width * 0.12; height: parent.height; color: "#C8102E" }
    }
}
