import QtQuick
import QtQuick.Controls
import "components"

// Home: search as you type; with nothing typed, categories, life events and tenants.
Item {
    id: home
    objectName: "homeScreen"
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Home: search, categories and life events")
    signal openService(string serviceId)
    signal openList()
    signal openStatusCheck()
    signal openWifi()
    signal openVisits(string mode)
    property alias searchField: search

    Column {
        anchors.fill: parent
        spacing: theme.body * 0.8

        TextField {
            id: search
            objectName: "searchField"
            width: parent.width
            height: Math.max(theme.touch, theme.body * 2.4)
            font.pixelSize: theme.body * 1.1
            color: theme.colors.text
            selectByMouse: false
            persistentSelection: false
            inputMethodHints: Qt.ImhNoPredictiveText
            // The keyboard starts in the resident's own letters here (KeyboardPanel.qml).
            readonly property bool typedInOwnLanguage: true
            text: session.query
            onTextEdited: catalogue.search(text)
            onAccepted: Qt.inputMethod.hide()  // Enter: the results, without the keyboard
            // Typing breaks the binding above; a new resident (reset) must see an empty field.
            Connections {
                target: session
                function onQueryChanged() { if (search.text !== session.query) search.text = session.query }
                function onWasReset() { browse.contentY = 0; suggestionsArea.contentY = 0; results.positionViewAtBeginning() }
            }
            background: FieldFrame { focused: search.activeFocus }
            // The hint, set smaller where it would not fit (German with large text in
            // portrait): the style's placeholder would cut it off with "…".
            Text {
                objectName: "searchHint"
                visible: search.length === 0 && search.preeditText.length === 0
                x: search.leftPadding
                y: search.topPadding
                width: search.width - search.leftPadding - search.rightPadding
                height: search.height - search.topPadding - search.bottomPadding
                text: qsTr("What are you looking for? e.g. ID card, waste, tax")
                color: theme.colors.mutedText
                font: search.font
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: Math.round(search.font.pixelSize * 0.6)
                verticalAlignment: Text.AlignVCenter
                elide: Text.ElideRight
                Accessible.ignored: true
            }
            rightPadding: clear.visible ? clear.width + theme.body * 0.6 : theme.body * 0.4
            KioskButton {
                id: clear
                objectName: "clearSearch"
                visible: search.text.length > 0
                anchors.right: parent.right
                anchors.rightMargin: 6
                anchors.verticalCenter: parent.verticalCenter
                height: parent.height - 12
                width: Math.max(theme.touch, height)
                text: "✕"
                Accessible.name: qsTr("Clear the search")
                onClicked: { search.text = ""; catalogue.search(""); search.forceActiveFocus() }
            }
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("Search the e-services")
        }

        Item {
            width: parent.width
            height: parent.height - search.height - parent.spacing

            ServiceList {
                id: results
                objectName: "resultsList"
                anchors.fill: parent
                visible: session.query.length > 0 && !catalogue.nothingFound
                // The results model also fills a category's list: rows made here, hidden
                // under that screen, would only double the work of every category opened.
                model: visible ? catalogue.results : null
                onOpened: serviceId => home.openService(serviceId)
            }

            // Scrolls: with large text in portrait the last suggestions ran below the screen,
            // out of reach.
            Flickable {
                id: suggestionsArea
                objectName: "nothingFoundArea"
                anchors.fill: parent
                visible: catalogue.nothingFound
                contentHeight: nothingFound.implicitHeight
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                Column {
                    id: nothingFound
                    objectName: "nothingFound"
                    width: suggestionsArea.width
                    spacing: theme.body * 0.6
                    Text {
                        width: parent.width
                        text: qsTr("Nothing found for “%1”. Try fewer letters, or choose a category:").arg(session.query)
                        color: theme.colors.text
                        font.pixelSize: theme.body
                        wrapMode: Text.WordWrap
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                    Flow {
                        width: parent.width
                        spacing: theme.body * 0.4
                        Repeater {
                            // Made only when shown: hidden, these buttons doubled the categories'
                            // at every start and every change of language.
                            model: catalogue.nothingFound ? catalogue.categories : null
                            KioskButton {
                                objectName: "suggest_" + model.termId
                                width: Math.min(implicitWidth, parent.width)  // a long name wraps in its row
                                text: model.name
                                fontSize: theme.small
                                // Showing the category clears the query, and these buttons go
                                // with it: home is held before, not looked up after.
                                onClicked: {
                                    const screen = home
                                    catalogue.showCategory(model.termId)
                                    screen.openList()
                                }
                            }
                        }
                    }
                }
            }

            ScrollCue { flick: suggestionsArea }
            ScrollCue { flick: browse }
            ScrollCue { flick: results }
            Flickable {
                id: browse
                objectName: "browseArea"
                anchors.fill: parent
                visible: session.query.length === 0
                contentHeight: browseColumn.implicitHeight
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                Column {
                    id: browseColumn
                    width: browse.width
                    spacing: theme.body * 0.6

                    KioskButton {
                        objectName: "statusCheckButton"
                        width: parent.width
                        text: qsTr("Check the status of your application")
                        onClicked: home.openStatusCheck()
                    }
                    Row {
                        width: parent.width
                        spacing: theme.body * 0.4
                        visible: visits.available
                        KioskButton {
                            objectName: "bookVisitButton"
                            width: (parent.width - parent.spacing) / 2
                            text: qsTr("Book a visit")
                            onClicked: home.openVisits("book")
                        }
                        KioskButton {
                            objectName: "queueTicketButton"
                            width: (parent.width - parent.spacing) / 2
                            text: qsTr("Take a queue number")
                            onClicked: home.openVisits("ticket")
                        }
                    }
                    KioskButton {
                        objectName: "wifiButton"
                        visible: wifi.available
                        width: parent.width
                        text: qsTr("Internet Wi-Fi: print a voucher")
                        onClicked: home.openWifi()
                    }
                    Flow {
                        objectName: "tenantBar"
                        width: parent.width
                        spacing: theme.body * 0.4
                        visible: catalogue.tenants.count > 1
                        KioskButton {
                            objectName: "tenant_all"
                            width: Math.min(implicitWidth, parent.width)  // a long name wraps in its row
                            toggle: true
                            text: qsTr("All offices")
                            fontSize: theme.small
                            checked: catalogue.tenant === ""
                            onClicked: catalogue.setTenant("")
                        }
                        Repeater {
                            model: catalogue.tenants
                            KioskButton {
                                objectName: "tenant_" + model.termId
                                width: Math.min(implicitWidth, parent.width)  // a long name wraps in its row
                                toggle: true
                                text: model.name
                                fontSize: theme.small
                                checked: catalogue.tenant === model.termId
                                onClicked: catalogue.setTenant(model.termId)
                            }
                        }
                    }
                    Text { text: qsTr("Categories"); color: theme.colors.text; font.pixelSize: theme.title * 0.8; font.bold: true; Accessible.role: Accessible.Heading; Accessible.name: text }
                    Grid {
                        id: categoryGrid
                        width: parent.width
                        // Three columns in landscape, two in portrait; fewer where a column would
                        // be narrower than about twenty letters (large text on a 1366 px screen:
                        // names of three lines, buttons taller than the page shows whole), or a
                        // category's longest word would not fit its button even set a quarter
                        // smaller (German "Personenstandsurkunden" with large text): wider
                        // buttons rather than a word broken in two.
                        columns: {
                            for (let n = root.landscape ? 3 : 2; n > 1; n--) {
                                if (columnWidth(n) >= theme.body * 10.5 && wordsFit(n)) return n
                            }
                            return 1
                        }
                        spacing: theme.body * 0.4
                        function columnWidth(columns) {
                            return (browseColumn.width - (columns - 1) * spacing) / columns
                        }
                        function wordsFit(columns) {
                            const width = columnWidth(columns)
                            for (let i = 0; i < categoryButtons.count; i++) {
                                const button = categoryButtons.itemAt(i)
                                if (button && button.widestWord * button.smallestScale > width - 2 * button.padding)
                                    return false
                            }
                            return true
                        }
                        Repeater {
                            id: categoryButtons
                            model: catalogue.categories
                            KioskButton {
                                objectName: "category_" + model.termId
                                width: (browseColumn.width - (parent.columns - 1) * parent.spacing) / parent.columns
                                text: model.name
                                onClicked: { catalogue.showCategory(model.termId); home.openList() }
                            }
                        }
                    }
                    Text { text: qsTr("Life events"); color: theme.colors.text; font.pixelSize: theme.title * 0.8; font.bold: true; Accessible.role: Accessible.Heading; Accessible.name: text }
                    Flow {
                        width: parent.width
                        spacing: theme.body * 0.4
                        Repeater {
                            model: catalogue.lifeEvents
                            KioskButton {
                                objectName: "lifeEvent_" + model.termId
                                width: Math.min(implicitWidth, parent.width)  // a long name wraps in its row
                                text: model.name
                                onClicked: { catalogue.showLifeEvent(model.termId); home.openList() }
                            }
                        }
                    }
                }
            }
        }
    }
}
