<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pl" sourcelanguage="en">
<context>
    <name />
    <message>
        <location filename="../admin_model.py" line="59" />
        <source>Admin mode is not set up on this kiosk.</source>
        <translation>Tryb serwisowy nie jest skonfigurowany w tym kiosku.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="70" />
        <source>Too many wrong PINs. Try again in %1 min.</source>
        <translation>Zbyt wiele błędnych PIN-ów. Spróbuj ponownie za %1 min.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="74" />
        <source>Wrong PIN. Tries left: %1</source>
        <translation>Błędny PIN. Pozostałe próby: %1</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="87" />
        <source>Sync started.</source>
        <translation>Synchronizacja rozpoczęta.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Mon</source>
        <translation>pon.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Tue</source>
        <translation>wt.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Wed</source>
        <translation>śr.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Thu</source>
        <translation>czw.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Fri</source>
        <translation>pt.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Sat</source>
        <translation>sob.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Sun</source>
        <translation>niedz.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="26" />
        <source>free of charge</source>
        <translation>bezpłatnie</translation>
    </message>
</context>
<context>
    <name>AccessibilityPanel</name>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="19" />
        <source>Large text</source>
        <translation>Duży tekst</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="20" />
        <source>High contrast</source>
        <translation>Wysoki kontrast</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="21" />
        <source>Reduced motion</source>
        <translation>Mniej ruchu</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="22" />
        <source>Controls low (wheelchair)</source>
        <translation>Przyciski nisko (wózek)</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="23" />
        <source>Read aloud</source>
        <translation>Czytaj na głos</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="24" />
        <source>More time</source>
        <translation>Więcej czasu</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="29" />
        <source>Accessibility</source>
        <translation>Dostępność</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="49" />
        <source>Read this screen now</source>
        <translation>Przeczytaj ten ekran</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="56" />
        <source>Done</source>
        <translation>Gotowe</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <location filename="../qml/AdminPanel.qml" line="17" />
        <source>Version</source>
        <translation>Wersja</translation>
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
        <translation>Ostatnia synchronizacja</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="18" />
        <source>Network</source>
        <translation>Sieć</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="18" />
        <source>Printer</source>
        <translation>Drukarka</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="19" />
        <source>Applications waiting</source>
        <translation>Wnioski w kolejce</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="23" />
        <source>Technician</source>
        <translation>Serwis</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="36" />
        <source>Sync now</source>
        <translation>Synchronizuj teraz</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="37" />
        <source>Refresh</source>
        <translation>Odśwież</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="38" />
        <source>Reload screens</source>
        <translation>Przeładuj ekrany</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="39" />
        <source>Close the app</source>
        <translation>Zamknij aplikację</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="40" />
        <source>Back to residents</source>
        <translation>Powrót do mieszkańców</translation>
    </message>
</context>
<context>
    <name>AttractOverlay</name>
    <message>
        <location filename="../qml/AttractOverlay.qml" line="20" />
        <source>Touch the screen to find an office service</source>
        <translation>Dotknij ekranu, aby znaleźć sprawę urzędową</translation>
    </message>
</context>
<context>
    <name>CardScreen</name>
    <message>
        <location filename="../qml/CardScreen.qml" line="39" />
        <source>What it is</source>
        <translation>Na czym polega</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="40" />
        <source>Who can apply</source>
        <translation>Kto może złożyć wniosek</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="41" />
        <source>What to bring</source>
        <translation>Co zabrać</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="42" />
        <source>Fees</source>
        <translation>Opłaty</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="43" />
        <source>How long it takes</source>
        <translation>Ile to trwa</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="46" />
        <source>Where and when to go</source>
        <translation>Gdzie i kiedy</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="62" />
        <source>QR code with the address of this service online</source>
        <translation>Kod QR z adresem tej usługi w internecie</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="68" />
        <source>Continue on your phone</source>
        <translation>Kontynuuj na telefonie</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="69" />
        <source>Scan the code with your phone's camera to open this service online.</source>
        <translation>Zeskanuj kod aparatem telefonu, aby otworzyć tę usługę w internecie.</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="73" />
        <source>Legal basis</source>
        <translation>Podstawa prawna</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="74" />
        <source>How to appeal</source>
        <translation>Jak się odwołać</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="75" />
        <source>What you get</source>
        <translation>Co otrzymasz</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="78" />
        <source>Information checked on %1</source>
        <translation>Informacje sprawdzone: %1</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/HomeScreen.qml" line="23" />
        <source>What are you looking for? e.g. ID card, waste, tax</source>
        <translation>Czego szukasz? np. dowód, śmieci, podatek</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="38" />
        <source>Search the e-services</source>
        <translation>Szukaj e-usług</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="60" />
        <source>Nothing found for “%1”. Try fewer letters, or choose a category:</source>
        <translation>Nic nie znaleziono dla „%1”. Wpisz mniej liter albo wybierz kategorię:</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="100" />
        <source>All offices</source>
        <translation>Wszystkie urzędy</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="116" />
        <source>Categories</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="131" />
        <source>Life events</source>
        <translation>Sytuacje życiowe</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="26" />
        <source>Are you still there?</source>
        <translation>Czy nadal tu jesteś?</translation>
    </message>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="36" />
        <source>When the time runs out, everything you entered is cleared for the next person.</source>
        <translation>Gdy czas minie, wszystko, co wpisano, zostanie usunięte dla następnej osoby.</translation>
    </message>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="42" />
        <source>I'm still here</source>
        <translation>Jestem tutaj</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="97" />
        <source>Accessibility</source>
        <translation>Dostępność</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="119" />
        <source>Back</source>
        <translation>Wstecz</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="120" />
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="125" />
        <source>No connection · catalogue from %1</source>
        <translation>Brak połączenia · katalog z %1</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../qml/PinPad.qml" line="20" />
        <source>Technician PIN</source>
        <translation>PIN serwisowy</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="42" />
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>ServiceList</name>
    <message>
        <location filename="../qml/components/ServiceList.qml" line="12" />
        <source>Services</source>
        <translation>Usługi</translation>
    </message>
</context>
</TS>