<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name />
    <message>
        <location filename="../admin_model.py" line="59" />
        <source>Admin mode is not set up on this kiosk.</source>
        <translation>Der Servicemodus ist an diesem Kiosk nicht eingerichtet.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="70" />
        <source>Too many wrong PINs. Try again in %1 min.</source>
        <translation>Zu viele falsche PINs. Erneut versuchen in %1 Min.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="74" />
        <source>Wrong PIN. Tries left: %1</source>
        <translation>Falsche PIN. Verbleibende Versuche: %1</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="87" />
        <source>Sync started.</source>
        <translation>Synchronisierung gestartet.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="26" />
        <source>free of charge</source>
        <translation>kostenlos</translation>
    </message>
</context>
<context>
    <name>AccessibilityPanel</name>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="19" />
        <source>Large text</source>
        <translation>Große Schrift</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="20" />
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="21" />
        <source>Reduced motion</source>
        <translation>Weniger Bewegung</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="22" />
        <source>Controls low (wheelchair)</source>
        <translation>Bedienung unten (Rollstuhl)</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="23" />
        <source>Read aloud</source>
        <translation>Vorlesen</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="24" />
        <source>More time</source>
        <translation>Mehr Zeit</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="29" />
        <source>Accessibility</source>
        <translation>Barrierefreiheit</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="49" />
        <source>Read this screen now</source>
        <translation>Diesen Bildschirm vorlesen</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="56" />
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <location filename="../qml/AdminPanel.qml" line="17" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="17" />
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="17" />
        <source>Catalogue</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="18" />
        <source>Last sync</source>
        <translation>Letzte Synchronisierung</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="18" />
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="18" />
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="19" />
        <source>Applications waiting</source>
        <translation>Wartende Anträge</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="23" />
        <source>Technician</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="36" />
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="37" />
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="38" />
        <source>Reload screens</source>
        <translation>Bildschirme neu laden</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="39" />
        <source>Close the app</source>
        <translation>App schließen</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="40" />
        <source>Back to residents</source>
        <translation>Zurück zu den Bürgern</translation>
    </message>
</context>
<context>
    <name>AttractOverlay</name>
    <message>
        <location filename="../qml/AttractOverlay.qml" line="20" />
        <source>Touch the screen to find an office service</source>
        <translation>Berühren Sie den Bildschirm, um eine Verwaltungsleistung zu finden</translation>
    </message>
</context>
<context>
    <name>CardScreen</name>
    <message>
        <location filename="../qml/CardScreen.qml" line="39" />
        <source>What it is</source>
        <translation>Worum es geht</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="40" />
        <source>Who can apply</source>
        <translation>Wer kann den Antrag stellen</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="41" />
        <source>What to bring</source>
        <translation>Was Sie mitbringen müssen</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="42" />
        <source>Fees</source>
        <translation>Gebühren</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="43" />
        <source>How long it takes</source>
        <translation>Wie lange es dauert</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="46" />
        <source>Where and when to go</source>
        <translation>Wo und wann</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="62" />
        <source>QR code with the address of this service online</source>
        <translation>QR-Code mit der Adresse dieses Dienstes im Internet</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="68" />
        <source>Continue on your phone</source>
        <translation>Auf dem Handy weitermachen</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="69" />
        <source>Scan the code with your phone's camera to open this service online.</source>
        <translation>Scannen Sie den Code mit der Handykamera, um diesen Dienst online zu öffnen.</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="73" />
        <source>Legal basis</source>
        <translation>Rechtsgrundlage</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="74" />
        <source>How to appeal</source>
        <translation>Rechtsbehelf</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="75" />
        <source>What you get</source>
        <translation>Was Sie erhalten</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="78" />
        <source>Information checked on %1</source>
        <translation>Informationen geprüft am %1</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/HomeScreen.qml" line="23" />
        <source>What are you looking for? e.g. ID card, waste, tax</source>
        <translation>Was suchen Sie? z. B. Ausweis, Müll, Steuer</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="38" />
        <source>Search the e-services</source>
        <translation>E-Dienste durchsuchen</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="60" />
        <source>Nothing found for “%1”. Try fewer letters, or choose a category:</source>
        <translation>Nichts gefunden für „%1“. Weniger Buchstaben eingeben oder eine Kategorie wählen:</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="100" />
        <source>All offices</source>
        <translation>Alle Ämter</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="116" />
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="131" />
        <source>Life events</source>
        <translation>Lebenslagen</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="26" />
        <source>Are you still there?</source>
        <translation>Sind Sie noch da?</translation>
    </message>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="36" />
        <source>When the time runs out, everything you entered is cleared for the next person.</source>
        <translation>Wenn die Zeit abläuft, wird alles Eingegebene für die nächste Person gelöscht.</translation>
    </message>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="42" />
        <source>I'm still here</source>
        <translation>Ich bin noch da</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="97" />
        <source>Accessibility</source>
        <translation>Barrierefreiheit</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="119" />
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="120" />
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="125" />
        <source>No connection · catalogue from %1</source>
        <translation>Keine Verbindung · Katalog vom %1</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../qml/PinPad.qml" line="20" />
        <source>Technician PIN</source>
        <translation>Service-PIN</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="42" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ServiceList</name>
    <message>
        <location filename="../qml/components/ServiceList.qml" line="12" />
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
</context>
</TS>