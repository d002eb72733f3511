import QtQuick
import QtQuick.Controls
import "components"

// The kiosk window: one screen stack, the resident's controls, overlays and the keyboard.
ApplicationWindow {
    id: root
    objectName: "kioskWindow"
    required property bool windowed
    required property bool landscape
    required property string municipality
    readonly property bool lowReach: session.options.low_reach === true
    // A window with little height for its text size (a 1366x768 or 1280x800 panel, or large
    // text): the commune's name and the screens' titles are set smaller to leave room.
    readonly property bool shortWindow: height < theme.body * 30
    // The margin around the page: halved with the controls low in a short window, where the
    // header's rows at the bottom leave little height (a 768 px panel with large text).
    readonly property real gap: lowReach && shortWindow ? theme.body * 0.5 : theme.body
    // Reduced motion makes the screen changes instant. The transitions stay enabled: a
    // disabled popEnter would leave home at the opacity 0 its earlier pushExit gave it.
    readonly property int motionMs: session.options.reduced_motion ? 0 : 150
    readonly property bool pristine: stack.depth === 1 && session.query === "" && !session.anyOption
                                     && session.language === defaultLanguage
    required property string defaultLanguage
    // The keyboard is made once the home screen is on the glass (see KeyboardPanel.qml).
    property bool firstFrameShown: false
    readonly property bool keyboardShown: keyboardLoader.item !== null && keyboardLoader.item.active

    // Full screen means the whole screen, whatever its size: a compositor (or an X server
    // without a window manager) may leave a window at the size it asked for, and a screen
    // smaller than the design size would show only its corner (seen in the image's VM).
    // A window is the design size, or the screen's where that is smaller (a 1366x768 panel).
    width: Screen.width <= 0 ? designWidth : windowed ? fitted(designWidth, Screen.desktopAvailableWidth) : Screen.width
    height: Screen.height <= 0 ? designHeight : windowed ? fitted(designHeight, Screen.desktopAvailableHeight) : Screen.height
    readonly property int designWidth: landscape ? 1920 : 1080
    readonly property int designHeight: landscape ? 1080 : 1920
    // (Not offscreen: its screen is a made-up 800x600; `kiosk screenshot` and the offscreen
    // tests want the design size.)
    function fitted(design, available) {
        return available > 0 && Qt.platform.pluginName !== "offscreen" ? Math.min(design, available) : design
    }
    visible: true
    visibility: windowed ? Window.Windowed : Window.FullScreen
    flags: windowed ? Qt.Window : (Qt.Window | Qt.FramelessWindowHint)
    title: "Infomat"
    color: theme.colors.background
    font.family: "DejaVu Sans"

    onFrameSwapped: if (!firstFrameShown) keyboardTimer.start()
    Timer { id: keyboardTimer; interval: 1; onTriggered: root.firstFrameShown = true }
    onPristineChanged: idle.setPristine(pristine)
    Component.onCompleted: idle.setPristine(pristine)

    function goHome() {
        // After a receipt the next person may be at the screen: a whole new session.
        if (stack.currentItem.objectName === "receiptScreen") { session.reset(); return }
        stack.pop(null)
        catalogue.closeService()
    }
    function openService(serviceId) {
        catalogue.openService(serviceId)
        stack.push(cardComponent)
    }
    function openStatusCheck() {
        statusCheck.clear()
        stack.push(statusComponent)
    }
    function openWifi() {
        stack.push(wifiComponent)
    }
    function openVisits(mode) {
        visits.start(mode)
        stack.push(visitsComponent)
    }
    function openForm(serviceId) {
        // Refused (no outbox, or a sync took the form away): the card says why instead.
        if (form.start(serviceId)) stack.push(formComponent)
    }
    function goBack() {
        var screen = stack.currentItem
        if (screen.goBack && screen.goBack()) return
        if (stack.depth === 2) catalogue.closeService()
        stack.pop()
    }
    function openAccessibility() {
        a11yLoader.active = true
        a11yLoader.item.open()
    }
    // The keypad's back key (speech mode): close what is open, or one screen back.
    function goBackOrClose() {
        if (admin.pinPadVisible || admin.adminVisible) { admin.close(); return }
        if (a11yLoader.item && a11yLoader.item.visible) { a11yLoader.item.close(); return }
        if (idle.countdownVisible || idle.attractVisible) { idle.touch(); return }
        if (stack.depth > 1) goBack()
    }

    // Speech mode: each new screen is announced by its title and how many items it holds.
    // (Guarded: in a test process that had made many kiosks, PySide once exposed the speech
    // model without its slots; a missing announcement must not break the screen.)
    function announceScreen() {
        if (typeof screenReader.screenChanged === "function") screenReader.screenChanged()
    }
    Connections {
        target: stack
        function onCurrentItemChanged() { root.announceScreen() }
    }

    Connections {
        target: session
        function onWasReset() {
            stack.pop(null)
            if (a11yLoader.item) a11yLoader.item.close()
            Qt.inputMethod.hide()
        }
    }

    Item {
        id: page
        anchors.fill: parent
        anchors.bottomMargin: root.keyboardShown ? keyboardLoader.height : 0

        // Five taps here within three seconds open the technician's PIN pad.
        Item {
            objectName: "adminCorner"
            width: 120; height: 120
            z: 10
            TapHandler { onTapped: admin.cornerTapped() }
        }

        // Low reach: the commune's name stays on top; every control and the content sit in
        // the lower part of the screen, where a person in a wheelchair reaches. Typing in
        // landscape it makes room too, as the header does (its "below" is hidden then).
        // In a short window it is set smaller and shows on home only: below home the page
        // takes its place, as below the commune's name in the header (stack, below).
        Column {
            id: reachNote
            objectName: "reachNote"
            visible: root.lowReach && !header.compact && !(root.shortWindow && stack.depth > 1)
            x: theme.body
            y: root.gap
            width: parent.width - theme.body * 2
            spacing: theme.body * 0.5
            Text {
                width: parent.width
                text: root.municipality
                color: theme.colors.text
                font.pixelSize: root.shortWindow ? theme.body * 1.2 : theme.title
                font.bold: true
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                width: parent.width
                text: qsTr("Controls are low on the screen. To change this, touch “Accessibility” below.")
                color: theme.colors.mutedText
                font.pixelSize: root.shortWindow ? theme.small : theme.body
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }

        Column {
            id: header
            objectName: "header"
            // Typing in landscape: the keyboard takes almost half the height; the
            // whole header makes room for what is being typed (the keyboard hides with its key).
            readonly property bool compact: root.landscape && root.keyboardShown
            // A short landscape window, below home: the commune's name (on home) gives its
            // place to the flags and, where they fit beside them, to Back and Home: one row
            // instead of two or three above every screen.
            readonly property bool navShown: stack.depth > 1 && !compact
            readonly property bool roomy: !(root.landscape && root.shortWindow && stack.depth > 1)
            // Low reach: the flags have a row of their own and the name is above the page, so
            // Back and Home go beside Accessibility (a row of the few the page keeps less).
            readonly property bool navBeside: !roomy
                && navRow.implicitWidth + (root.lowReach ? 0 : languageBar.flagsWidth) + a11yButton.width + theme.body * 2 <= width
            x: theme.body
            width: parent.width - theme.body * 2
            y: root.lowReach ? parent.height - height - root.gap : theme.body
            spacing: theme.body * 0.5
            // The commune's name, the languages (beside it in landscape, below in portrait)
            // and the accessibility button, always at the right end of the first row.
            Item {
                id: titleRow
                visible: !header.compact
                width: parent.width
                height: Math.max(municipalityName.visible ? municipalityName.height : 0, a11yButton.height,
                                 languageBar.parent === titleRow ? languageBar.height : 0,
                                 navRow.parent === titleRow ? navRow.height : 0)
                Text {
                    id: municipalityName
                    objectName: "municipality"
                    visible: !root.lowReach && header.roomy
                    // Landscape: as wide as the name on one line, at most a third of the row,
                    // and narrower where the flags would not fit on one row beside it (large
                    // text at 1366x768: the name on three lines is lower than two rows of
                    // flags). Measured apart: the wrapped text's own width would be a loop.
                    width: root.landscape ? Math.min(Math.ceil(nameWidth.advanceWidth) + 2, parent.width * 0.35,
                                                     Math.max(parent.width * 0.2, parent.width - a11yButton.width
                                                              - languageBar.flagsWidth - theme.body * 2 - 1))
                                          : parent.width - a11yButton.width - theme.body * 0.5
                    TextMetrics { id: nameWidth; font: municipalityName.font; text: root.municipality }
                    anchors.verticalCenter: parent.verticalCenter
                    text: root.municipality
                    color: theme.colors.text
                    font.pixelSize: root.shortWindow ? theme.body * 1.2 : theme.title
                    font.bold: true
                    wrapMode: Text.WordWrap
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                KioskButton {
                    id: a11yButton
                    objectName: "accessibilityButton"
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    text: "♿ " + qsTr("Accessibility")
                    checked: session.anyOption
                    // Held (a fixed place, for a tactile sticker): speech mode on or off.
                    holdable: true
                    onLongPressed: screenReader.setActive(screenReader.active !== true)
                    onClicked: root.openAccessibility()
                }
            }
            Flow {
                id: languageBar
                objectName: "languageBar"
                // Low reach: a row of their own, but on home in a short window, where they
                // go beside "Accessibility" (one row of controls less under the page).
                parent: root.landscape && (!root.lowReach || (root.shortWindow && !header.navShown)) ? titleRow : header
                visible: !header.compact
                x: parent !== titleRow ? 0 : header.navBeside ? navRow.width + theme.body
                                           : municipalityName.visible ? municipalityName.width + theme.body : 0
                anchors.verticalCenter: parent === titleRow ? parent.verticalCenter : undefined
                width: parent === titleRow ? titleRow.width - x - a11yButton.width - theme.body : header.width
                spacing: theme.body * 0.4
                readonly property var languages: [["pl", "Polski"], ["en", "English"], ["uk", "Українська"], ["de", "Deutsch"]]
                // Beside the name, on a row too narrow for the four names: flags alone, on one
                // row, rather than two rows of names that take the height of the screen.
                readonly property bool flagsOnly: parent === titleRow && width < namesWidth
                readonly property real flagsWidth: languages.length * (42 + theme.body) + (languages.length - 1) * spacing
                readonly property real namesWidth: languages.reduce(
                    (sum, l) => sum + languageFont.advanceWidth(l[1]) + 42 + theme.small * 0.5 + theme.body + spacing, 0)
                FontMetrics { id: languageFont; font.family: root.font.family; font.pixelSize: theme.small; font.bold: true }
                Repeater {
                    model: languageBar.languages
                    LanguageButton {
                        objectName: "lang_" + modelData[0]
                        language: modelData[0]
                        name: modelData[1]
                        flagOnly: languageBar.flagsOnly
                        checked: session.language === modelData[0]
                        onClicked: session.setLanguage(modelData[0])
                    }
                }
            }
            Item {
                id: navSlot  // Back and Home in their own row (their place in the column kept)
                visible: navRow.parent === navSlot && header.navShown  // (navRow.visible follows this one)
                width: navRow.width
                height: navRow.height
            }
            Row {
                id: navRow
                parent: header.navBeside ? titleRow : navSlot
                anchors.verticalCenter: parent === titleRow ? parent.verticalCenter : undefined
                spacing: theme.body * 0.5
                visible: header.navShown
                KioskButton { objectName: "backButton"; text: "‹ " + qsTr("Back"); onClicked: root.goBack() }
                KioskButton { objectName: "homeButton"; text: "⌂ " + qsTr("Home"); onClicked: root.goHome() }
            }
            Text {
                objectName: "offlineIndicator"
                visible: kioskStatus.offline && !header.compact
                width: parent.width
                text: qsTr("No connection · catalogue from %1").arg(kioskStatus.lastUpdate)
                color: theme.colors.mutedText
                font.pixelSize: theme.small
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }

        StackView {
            id: stack
            objectName: "stack"
            x: theme.body
            width: parent.width - theme.body * 2
            // Low reach: from 30 % of the height (20 % in landscape) down to the controls; in
            // a short window from the top (below the note on home), where that share would
            // leave the page room for one service of a list (190 px at 1366x768, large text).
            // Typing in landscape, with the header stepped aside: from the top.
            y: root.lowReach ? Math.max(root.shortWindow ? 0 : parent.height * (root.landscape ? 0.2 : 0.3),
                                        reachNote.visible ? reachNote.y + reachNote.height + root.gap : root.gap)
                             : header.compact ? theme.body * 0.5 : header.y + header.height + theme.body
            height: (root.lowReach ? header.y : parent.height) - y - root.gap
            initialItem: homeComponent
            // The screen left goes at once and the new one fades in over the background, as
            // a browser's page change does: each frame paints one screen, not two half-
            // transparent ones (a category opened in 19/26 ms p50/p99 to its first frame
            // with the cross-fade painting home translucent; software rendering).
            pushEnter: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: root.motionMs } }
            pushExit: Transition { PropertyAction { property: "opacity"; value: 0 } }
            popEnter: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: root.motionMs } }
            popExit: Transition { PropertyAction { property: "opacity"; value: 0 } }
            replaceEnter: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: root.motionMs } }
            replaceExit: Transition { PropertyAction { property: "opacity"; value: 0 } }
        }
    }

    Component {
        id: homeComponent
        HomeScreen {
            onOpenService: serviceId => root.openService(serviceId)
            onOpenList: stack.push(listComponent)
            onOpenStatusCheck: root.openStatusCheck()
            onOpenWifi: root.openWifi()
            onOpenVisits: mode => root.openVisits(mode)
        }
    }
    Component { id: listComponent; ListScreen { onOpenService: serviceId => root.openService(serviceId) } }
    Component {
        id: cardComponent
        CardScreen {
            onFileRequested: serviceId => root.openForm(serviceId)
            onVisitRequested: serviceId => { visits.startFor(serviceId); stack.push(visitsComponent) }
            Component.onCompleted: visits.refreshBookable()
        }
    }
    Component { id: formComponent; FormScreen { onBackRequested: root.goBack() } }
    Component { id: receiptComponent; ReceiptScreen {} }
    Component { id: statusComponent; StatusScreen {} }
    Component { id: wifiComponent; WifiScreen {} }
    Component { id: visitsComponent; VisitsScreen {} }
    Connections {
        target: form
        function onSubmitted() { stack.replace(receiptComponent) }
    }

    // Made when first needed: fewer items to build at start-up (the kiosk's cold start).
    Loader { id: a11yLoader; active: false; sourceComponent: AccessibilityPanel {} }
    Loader { anchors.fill: parent; z: 50; active: idle.attractVisible; sourceComponent: AttractOverlay {} }
    Loader { anchors.fill: parent; z: 60; active: idle.countdownVisible; sourceComponent: IdleOverlay {} }
    Loader { active: admin.pinPadVisible; sourceComponent: PinPad {} }
    Loader { active: admin.adminVisible; sourceComponent: AdminPanel {} }

    // Speech mode: a thick ring around the item last spoken (for a helper looking on).
    Rectangle {
        objectName: "speechFocus"
        readonly property rect ring: screenReader.focusRect || Qt.rect(0, 0, 0, 0)
        visible: screenReader.active === true && ring.width > 0
        x: ring.x - 6
        y: ring.y - 6
        width: ring.width + 12
        height: ring.height + 12
        z: 100
        radius: 14
        color: "transparent"
        border.width: 6
        border.color: theme.colors.focus
    }

    Loader {
        id: keyboardLoader
        z: 40
        // The keyboard takes at most this share of the window's height, so that the field
        // being typed into and what it brings fit above it (full width, a landscape keyboard
        // took 60 % and hid the field). Narrower and centred where it would be taller.
        readonly property real heightShare: 0.4
        // Its height per pixel of width: the built-in style's keys (laid out at 2560x800 and
        // scaled to the width) and our row of Polish letters, one key row (a quarter) more.
        readonly property real keyRow: 800 / 2560 / 4
        readonly property real heightPerWidth: keyRow * 5
        readonly property real margins: 24  // the style's bottom margin and the letters' row's
        // Never keys smaller than a fingertip (~9 mm a row; 96 dpi when the screen says nothing).
        readonly property real keyRowMinPx: 9 * (Screen.pixelDensity > 0 ? Screen.pixelDensity : 96 / 25.4)
        width: Math.min(parent.width, Math.max(keyRowMinPx / keyRow,
                                               (parent.height * heightShare - margins) / heightPerWidth))
        x: (parent.width - width) / 2
        y: root.keyboardShown ? parent.height - height : parent.height
        active: root.firstFrameShown
        source: "KeyboardPanel.qml"
    }

    // Debian 12's cage (wlroots 0.15) answers a Wayland commit that damages nothing with no
    // frame callback, and Qt then waits for it for ever: the screen froze half-way through a
    // screen change (a blank page under the header) and no later tap was drawn, while the
    // app ran on (seen in the image's VM; docs/platform-notes.md). Such frames come from
    // motion (a page fading in from opacity 0, the last steps of a flick, the attract loop)
    // and from the start-up. While anything may be moving, and in the first minute, this
    // pixel changes in every frame so no frame is empty;
    // at rest nothing is drawn at all. Other platforms (X11) do not need it. The image runs
    // weston since session 10, which answers every commit; this stays until enough journeys
    // in the VM under weston show it can go (docs/platform-notes.md).
    Rectangle {
        id: frameTicker
        objectName: "frameTicker"
        property bool flip: false
        readonly property color base: theme.colors.background
        readonly property bool needed: Qt.platform.pluginName === "wayland"
                                       && (stack.busy || motionAfterTouch.running || idle.attractVisible
                                           || startingUp.running)
        width: 1
        height: 1
        z: 1000
        // One step of one channel away from the background: never seen, always a change.
        color: flip ? base : Qt.rgba(base.r > 0.5 ? base.r - 1 / 255 : base.r + 1 / 255, base.g, base.b, 1)
        FrameAnimation {
            running: frameTicker.needed
            onTriggered: frameTicker.flip = !frameTicker.flip
        }
        Timer { id: motionAfterTouch; interval: 5000 }
        // The first minute: the keyboard and the overlays are built after the first frame,
        // and twice in the VM the first touch after the boot was never drawn.
        Timer { id: startingUp; interval: 60000; running: true }
        Connections {
            target: idle
            function onMotion() { motionAfterTouch.restart() }
        }
    }
}
