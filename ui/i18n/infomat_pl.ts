<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../admin_model.py" line="69"/>
        <source>Admin mode is not set up on this kiosk.</source>
        <translation>Tryb serwisowy nie jest skonfigurowany w tym kiosku.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="80"/>
        <source>Too many wrong PINs. Try again in %1 min.</source>
        <translation>Zbyt wiele błędnych PIN-ów. Spróbuj ponownie za %1 min.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="85"/>
        <source>Wrong PIN. Tries left: %1</source>
        <translation>Błędny PIN. Pozostałe próby: %1</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="99"/>
        <source>Sync is not set up: the config has no catalogue address.</source>
        <translation>Synchronizacja nie jest skonfigurowana: w konfiguracji brak adresu katalogu.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="102"/>
        <source>Syncing…</source>
        <translation>Synchronizuję…</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="130"/>
        <source>Printing a test receipt…</source>
        <translation>Trwa wydruk testowy…</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="145"/>
        <source>Test receipt printed.</source>
        <translation>Wydruk testowy gotowy.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="147"/>
        <source>The test receipt was NOT printed.</source>
        <translation>Wydruk testowy NIE powiódł się.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Mon</source>
        <translation>pon.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Tue</source>
        <translation>wt.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Wed</source>
        <translation>śr.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Thu</source>
        <translation>czw.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Fri</source>
        <translation>pt.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Sat</source>
        <translation>sob.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Sun</source>
        <translation>niedz.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="28"/>
        <source>free of charge</source>
        <translation>bezpłatnie</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="73"/>
        <source>This information is available only in Polish.</source>
        <translation>Ta informacja jest dostępna tylko po polsku.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="74"/>
        <source>Part of this information is available only in Polish.</source>
        <translation>Część tej informacji jest dostępna tylko po polsku.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="22"/>
        <source>This answer is required: please fill it in.</source>
        <translation>Ta odpowiedź jest wymagana: uzupełnij ją.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="23"/>
        <source>A PESEL number has digits only: remove letters and other signs.</source>
        <translation>Numer PESEL składa się tylko z cyfr: usuń litery i inne znaki.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="24"/>
        <source>A PESEL number has 11 digits: check that none is missing or doubled.</source>
        <translation>Numer PESEL ma 11 cyfr: sprawdź, czy żadnej nie brakuje i żadna się nie powtórzyła.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="26"/>
        <source>This PESEL number has a typo: check the 11 digits against your ID card.</source>
        <translation>W tym numerze PESEL jest literówka: porównaj 11 cyfr z dowodem osobistym.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="29"/>
        <source>The first six digits of this PESEL number are not a possible date of birth: check them against your ID card.</source>
        <translation>Pierwsze sześć cyfr tego numeru PESEL nie jest możliwą datą urodzenia: porównaj je z dowodem osobistym.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="32"/>
        <source>This PESEL number belongs to someone born on {birth_date}: check the PESEL number and the date of birth you gave.</source>
        <translation>Ten numer PESEL należy do osoby urodzonej {birth_date}: sprawdź numer PESEL i podaną datę urodzenia.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="35"/>
        <source>This PESEL number does not match the sex you chose: check the PESEL number and your choice.</source>
        <translation>Ten numer PESEL nie pasuje do wybranej płci: sprawdź numer PESEL i swój wybór.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="38"/>
        <source>A NIP number has digits only (dashes and spaces are fine): remove the rest.</source>
        <translation>Numer NIP składa się z cyfr (myślniki i spacje są dozwolone): usuń pozostałe znaki.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="40"/>
        <source>A NIP number has 10 digits: check that none is missing or doubled.</source>
        <translation>Numer NIP ma 10 cyfr: sprawdź, czy żadnej nie brakuje i żadna się nie powtórzyła.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="42"/>
        <source>This NIP number has a typo: check the 10 digits against your documents.</source>
        <translation>W tym numerze NIP jest literówka: porównaj 10 cyfr z dokumentami.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="44"/>
        <source>A REGON number has digits only: remove letters and other signs.</source>
        <translation>Numer REGON składa się tylko z cyfr: usuń litery i inne znaki.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="46"/>
        <source>A REGON number has 9 or 14 digits: check that none is missing or doubled.</source>
        <translation>Numer REGON ma 9 lub 14 cyfr: sprawdź, czy żadnej nie brakuje i żadna się nie powtórzyła.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="49"/>
        <source>This REGON number has a typo: check the digits against your documents.</source>
        <translation>W tym numerze REGON jest literówka: porównaj cyfry z dokumentami.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="52"/>
        <source>An ID card number is 3 letters and 6 digits, like ABC123456: check what you typed.</source>
        <translation>Numer dowodu osobistego to 3 litery i 6 cyfr, np. ABC123456: sprawdź, co wpisano.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="55"/>
        <source>This ID card number has a typo: check the letters and digits on your ID card.</source>
        <translation>W tym numerze dowodu jest literówka: porównaj litery i cyfry z dowodem osobistym.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="57"/>
        <source>A postal code has 5 digits, like 37-100: check what you typed.</source>
        <translation>Kod pocztowy ma 5 cyfr, np. 37-100: sprawdź, co wpisano.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="59"/>
        <source>A phone number has digits only (and + at the start): remove the rest.</source>
        <translation>Numer telefonu składa się z cyfr (i + na początku): usuń pozostałe znaki.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="62"/>
        <source>This phone number has the wrong number of digits: give 9 digits, or + and the country code for a number abroad.</source>
        <translation>Ten numer telefonu ma złą liczbę cyfr: podaj 9 cyfr albo + i kierunkowy kraju dla numeru zagranicznego.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="65"/>
        <source>This is not an e-mail address: it should look like name@example.pl, with one @ and no spaces.</source>
        <translation>To nie jest adres e-mail: powinien wyglądać jak imie@example.pl, z jednym znakiem @ i bez spacji.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="68"/>
        <source>The part after @ is not a valid address: check it, e.g. gmail.com or poczta.onet.pl.</source>
        <translation>Część po znaku @ nie jest poprawnym adresem: sprawdź ją, np. gmail.com albo poczta.onet.pl.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="71"/>
        <source>This e-mail address is too long: check that nothing was typed twice.</source>
        <translation>Ten adres e-mail jest za długi: sprawdź, czy nic nie zostało wpisane dwa razy.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="73"/>
        <source>This is not a date: type it as day.month.year, like 20.11.2026.</source>
        <translation>To nie jest data: wpisz ją jako dzień.miesiąc.rok, np. 20.11.2026.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="74"/>
        <source>This day does not exist in the calendar: check the day and the month.</source>
        <translation>Takiego dnia nie ma w kalendarzu: sprawdź dzień i miesiąc.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="75"/>
        <source>This date is too early: give {earliest} or a later date.</source>
        <translation>Ta data jest za wczesna: podaj {earliest} lub późniejszą.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="76"/>
        <source>This date is too late: give {latest} or an earlier date.</source>
        <translation>Ta data jest za późna: podaj {latest} lub wcześniejszą.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="77"/>
        <source>This is not a whole number: type digits only, like 3.</source>
        <translation>To nie jest liczba całkowita: wpisz same cyfry, np. 3.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="78"/>
        <source>This number is too small: give {min} or more.</source>
        <translation>Ta liczba jest za mała: podaj {min} lub więcej.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="79"/>
        <source>This number is too large: give {max} or less.</source>
        <translation>Ta liczba jest za duża: podaj {max} lub mniej.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="80"/>
        <source>This is not one of the answers offered: choose one of those shown.</source>
        <translation>To nie jest żadna z proponowanych odpowiedzi: wybierz jedną z pokazanych.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="82"/>
        <source>This answer does not go with an answer you gave earlier: choose one of those shown now, or go back and change the earlier answer.</source>
        <translation>Ta odpowiedź nie pasuje do odpowiedzi udzielonej wcześniej: wybierz jedną z pokazanych teraz albo wróć i zmień wcześniejszą odpowiedź.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="84"/>
        <source>This question needs a yes or a no: tap one of the two.</source>
        <translation>To pytanie wymaga odpowiedzi tak lub nie: dotknij jednej z nich.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="86"/>
        <source>This answer is too long ({length} characters, at most {max}): shorten it.</source>
        <translation>Ta odpowiedź jest za długa ({length} znaków, najwyżej {max}): skróć ją.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="89"/>
        <source>Your application could not be saved, so nothing was sent or printed. Please try again, or ask at the office.</source>
        <translation>Nie udało się zapisać wniosku, więc nic nie zostało wysłane ani wydrukowane. Spróbuj ponownie albo zapytaj w urzędzie.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="93"/>
        <source>This kiosk cannot save applications right now, so the form was not opened. Please ask at the office, or apply online.</source>
        <translation>Ten kiosk nie może teraz zapisać wniosku, więc formularz się nie otworzył. Zapytaj w urzędzie albo złóż wniosek przez internet.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="97"/>
        <source>This application can no longer be filled in at this kiosk: the information has just been updated. Please ask at the office.</source>
        <translation>Tego wniosku nie można już wypełnić w kiosku: informacje zostały właśnie zaktualizowane. Zapytaj w urzędzie.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="104"/>
        <source>This answer needs checking.</source>
        <translation>Tę odpowiedź trzeba sprawdzić.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="113"/>
        <source>(optional)</source>
        <translation>(nieobowiązkowe)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="57"/>
        <source>today %1</source>
        <translation>dziś %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="59"/>
        <source>yesterday %1</source>
        <translation>wczoraj %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="72"/>
        <source>catalogue of %1, services: %2</source>
        <translation>katalog z %1, usług: %2</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="77"/>
        <source>built in</source>
        <translation>wbudowany</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="79"/>
        <source>loaded %1</source>
        <translation>wczytany %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="84"/>
        <source>no connection to the catalogue server</source>
        <translation>brak połączenia z serwerem katalogu</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="85"/>
        <source>the catalogue server answered with an error</source>
        <translation>serwer katalogu odpowiedział błędem</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="86"/>
        <source>the catalogue&apos;s signature is not valid</source>
        <translation>podpis katalogu jest nieprawidłowy</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="87"/>
        <source>the catalogue has invalid records</source>
        <translation>katalog zawiera błędne wpisy</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="88"/>
        <source>the disk is full</source>
        <translation>dysk jest pełny</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="89"/>
        <source>the catalogue is too large</source>
        <translation>katalog jest za duży</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="95"/>
        <source>an unexpected error (see the log)</source>
        <translation>nieoczekiwany błąd (szczegóły w logu)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="101"/>
        <source>not set up (no catalogue address in the config)</source>
        <translation>nieskonfigurowana (brak adresu katalogu w konfiguracji)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="103"/>
        <source>not yet since the start</source>
        <translation>jeszcze nie od uruchomienia</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="106"/>
        <source>new catalogue loaded, %1</source>
        <translation>wczytano nowy katalog, %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="108"/>
        <source>no changes, %1</source>
        <translation>bez zmian, %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="109"/>
        <source>failed, %1: %2</source>
        <translation>nieudana, %1: %2</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="111"/>
        <source>last success %1</source>
        <translation>ostatnia udana %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="117"/>
        <source>Sync finished: a new catalogue is in use.</source>
        <translation>Synchronizacja zakończona: używany jest nowy katalog.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="119"/>
        <source>Sync finished: the catalogue has not changed.</source>
        <translation>Synchronizacja zakończona: katalog się nie zmienił.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="121"/>
        <source>Sync failed: %1. The kiosk keeps the catalogue it has.</source>
        <translation>Synchronizacja nieudana: %1. Kiosk zostaje przy katalogu, który ma.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="127"/>
        <source>not checked (no catalogue address in the config)</source>
        <translation>niesprawdzana (brak adresu katalogu w konfiguracji)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="129"/>
        <source>no connection (the kiosk answers from its own catalogue)</source>
        <translation>brak połączenia (kiosk odpowiada z własnego katalogu)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="131"/>
        <source>connected</source>
        <translation>połączono</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="145"/>
        <source>virtual printer (receipts saved as pictures)</source>
        <translation>drukarka wirtualna (potwierdzenia zapisywane jako obrazy)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="146"/>
        <source>USB printer %1</source>
        <translation>drukarka USB %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="147"/>
        <source>network printer %1</source>
        <translation>drukarka sieciowa %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="148"/>
        <source>printer at %1</source>
        <translation>drukarka pod %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="155"/>
        <source>ready</source>
        <translation>gotowa</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="157"/>
        <source>paper running out</source>
        <translation>kończy się papier</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="158"/>
        <source>Put a new roll in soon.</source>
        <translation>Wkrótce włóż nową rolkę.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="161"/>
        <source>out of paper</source>
        <translation>brak papieru</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="162"/>
        <source>Put in a new roll (thermal side out) and close the cover.</source>
        <translation>Włóż nową rolkę (stroną termiczną na zewnątrz) i zamknij pokrywę.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="164"/>
        <source>cover open</source>
        <translation>otwarta pokrywa</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="164"/>
        <source>Close the cover until it clicks.</source>
        <translation>Zamknij pokrywę, aż kliknie.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="166"/>
        <source>unreachable</source>
        <translation>niedostępna</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="167"/>
        <source>The printer is off, unplugged or unreachable: check power and cable.</source>
        <translation>Drukarka jest wyłączona, odłączona lub nieosiągalna: sprawdź zasilanie i kabel.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="170"/>
        <source>error</source>
        <translation>błąd</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="171"/>
        <source>Paper jam, cutter or mechanical error: clear it, then switch it off and on.</source>
        <translation>Zacięcie papieru, błąd obcinacza lub mechanizmu: usuń przyczynę, potem wyłącz i włącz drukarkę.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="174"/>
        <source>does not answer status requests</source>
        <translation>nie odpowiada na pytania o stan</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="175"/>
        <source>Check the cable; receipts are still sent.</source>
        <translation>Sprawdź kabel; potwierdzenia są nadal wysyłane.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="183"/>
        <source>not asked yet</source>
        <translation>jeszcze nie pytana o stan</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="191"/>
        <source>waiting %1 · delivered %2 · rejected %3</source>
        <translation>czeka %1 · dostarczone %2 · odrzucone %3</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="199"/>
        <source>the oldest has waited %1 min</source>
        <translation>najstarszy czeka %1 min</translation>
    </message>
</context>
<context>
    <name>AccessibilityPanel</name>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="28"/>
        <source>Large text</source>
        <translation>Duży tekst</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="29"/>
        <source>High contrast</source>
        <translation>Wysoki kontrast</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="30"/>
        <source>Reduced motion</source>
        <translation>Mniej ruchu</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="31"/>
        <source>Controls low (wheelchair)</source>
        <translation>Przyciski nisko (wózek)</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="32"/>
        <source>Read aloud</source>
        <translation>Czytaj na głos</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="33"/>
        <source>More time</source>
        <translation>Więcej czasu</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="38"/>
        <source>Accessibility</source>
        <translation>Dostępność</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="66"/>
        <source>Speech slower</source>
        <translation>Mowa wolniej</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="67"/>
        <source>Speech faster</source>
        <translation>Mowa szybciej</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="68"/>
        <source>Speech quieter</source>
        <translation>Mowa ciszej</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="69"/>
        <source>Speech louder</source>
        <translation>Mowa głośniej</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation type="vanished">Wolniej</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation type="vanished">Szybciej</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation type="vanished">Ciszej</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation type="vanished">Głośniej</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="86"/>
        <source>Read this screen now</source>
        <translation>Przeczytaj ten ekran</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="95"/>
        <source>Done</source>
        <translation>Gotowe</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <location filename="../qml/AdminPanel.qml" line="21"/>
        <source>Version</source>
        <translation>Wersja</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="21"/>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="21"/>
        <source>Catalogue</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="22"/>
        <source>Last sync</source>
        <translation>Ostatnia synchronizacja</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="22"/>
        <source>Network</source>
        <translation>Sieć</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="22"/>
        <source>Printer</source>
        <translation>Drukarka</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="23"/>
        <source>Applications</source>
        <translation>Wnioski</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="27"/>
        <source>Technician</source>
        <translation>Serwis</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="54"/>
        <source>Sync now</source>
        <translation>Synchronizuj teraz</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="55"/>
        <source>Refresh</source>
        <translation>Odśwież</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="56"/>
        <source>Test print</source>
        <translation>Wydruk testowy</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="57"/>
        <source>Reload screens</source>
        <translation>Przeładuj ekrany</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="58"/>
        <source>Close the app</source>
        <translation>Zamknij aplikację</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="59"/>
        <source>Back to residents</source>
        <translation>Powrót do mieszkańców</translation>
    </message>
</context>
<context>
    <name>AttractOverlay</name>
    <message>
        <location filename="../qml/AttractOverlay.qml" line="21"/>
        <source>Touch the screen to find an office service</source>
        <translation>Dotknij ekranu, aby znaleźć sprawę urzędową</translation>
    </message>
</context>
<context>
    <name>CardScreen</name>
    <message>
        <location filename="../qml/CardScreen.qml" line="59"/>
        <source>Fill in the application here</source>
        <translation>Wypełnij wniosek tutaj</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="66"/>
        <source>Book a visit</source>
        <translation>Umów wizytę</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="81"/>
        <source>What it is</source>
        <translation>Na czym polega</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="91"/>
        <source>Who can apply</source>
        <translation>Kto może złożyć wniosek</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="92"/>
        <source>What to bring</source>
        <translation>Co zabrać</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="93"/>
        <source>Fees</source>
        <translation>Opłaty</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="94"/>
        <source>How long it takes</source>
        <translation>Ile to trwa</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="97"/>
        <source>Where and when to go</source>
        <translation>Gdzie i kiedy</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="114"/>
        <source>QR code with the address of this service online</source>
        <translation>Kod QR z adresem tej usługi w internecie</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="120"/>
        <source>Continue on your phone</source>
        <translation>Kontynuuj na telefonie</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="121"/>
        <source>Scan the code with your phone&apos;s camera to open this service online.</source>
        <translation>Zeskanuj kod aparatem telefonu, aby otworzyć tę usługę w internecie.</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="125"/>
        <source>Legal basis</source>
        <translation>Podstawa prawna</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="126"/>
        <source>How to appeal</source>
        <translation>Jak się odwołać</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="127"/>
        <source>What you get</source>
        <translation>Co otrzymasz</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="132"/>
        <source>Information checked on %1</source>
        <translation>Informacje sprawdzone: %1</translation>
    </message>
</context>
<context>
    <name>FormQuestion</name>
    <message>
        <location filename="../qml/components/FormQuestion.qml" line="41"/>
        <source>required</source>
        <translation>wymagane</translation>
    </message>
    <message>
        <location filename="../qml/components/FormQuestion.qml" line="87"/>
        <source>DD.MM.YYYY</source>
        <translation>DD.MM.RRRR</translation>
    </message>
    <message>
        <location filename="../qml/components/FormQuestion.qml" line="128"/>
        <source>%1 of %2 characters</source>
        <translation>%1 z %2 znaków</translation>
    </message>
    <message>
        <location filename="../qml/components/FormQuestion.qml" line="138"/>
        <source>Yes</source>
        <translation>Tak</translation>
    </message>
    <message>
        <location filename="../qml/components/FormQuestion.qml" line="138"/>
        <source>No</source>
        <translation>Nie</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <location filename="../qml/FormScreen.qml" line="87"/>
        <source>Check your answers</source>
        <translation>Sprawdź swoje odpowiedzi</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="88"/>
        <source>Step %1 of %2: %3</source>
        <translation>Krok %1 z %2: %3</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="169"/>
        <source>Change</source>
        <translation>Zmień</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="205"/>
        <source>How the office uses your data</source>
        <translation>Jak urząd wykorzysta Twoje dane</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="226"/>
        <source>To send the application, tick this box.</source>
        <translation>Aby wysłać wniosek, zaznacz to pole.</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="239"/>
        <source>I have read this information</source>
        <translation>Zapoznałem/-am się z tą informacją</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="267"/>
        <source>Previous</source>
        <translation>Poprzedni krok</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="275"/>
        <source>Send the application</source>
        <translation>Wyślij wniosek</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="275"/>
        <source>Next</source>
        <translation>Dalej</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/HomeScreen.qml" line="10"/>
        <source>Home: search, categories and life events</source>
        <translation>Strona główna: wyszukiwarka, kategorie i sytuacje życiowe</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="28"/>
        <source>What are you looking for? e.g. ID card, waste, tax</source>
        <translation>Czego szukasz? np. dowód, śmieci, podatek</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="55"/>
        <source>Clear the search</source>
        <translation>Wyczyść wyszukiwanie</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="59"/>
        <source>Search the e-services</source>
        <translation>Szukaj e-usług</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="84"/>
        <source>Nothing found for “%1”. Try fewer letters, or choose a category:</source>
        <translation>Nic nie znaleziono dla „%1”. Wpisz mniej liter albo wybierz kategorię:</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="122"/>
        <source>Check the status of your application</source>
        <translation>Sprawdź stan sprawy</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="132"/>
        <source>Book a visit</source>
        <translation>Umów wizytę</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="138"/>
        <source>Take a queue number</source>
        <translation>Pobierz numerek</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="146"/>
        <source>Internet Wi-Fi: print a voucher</source>
        <translation>Internet Wi-Fi: wydrukuj kupon</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="157"/>
        <source>All offices</source>
        <translation>Wszystkie urzędy</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="174"/>
        <source>Categories</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="189"/>
        <source>Life events</source>
        <translation>Sytuacje życiowe</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="27"/>
        <source>Are you still there?</source>
        <translation>Czy nadal tu jesteś?</translation>
    </message>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="37"/>
        <source>When the time runs out, everything you entered is cleared for the next person.</source>
        <translation>Gdy czas minie, wszystko, co wpisano, zostanie usunięte dla następnej osoby.</translation>
    </message>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="43"/>
        <source>I&apos;m still here</source>
        <translation>Jestem tutaj</translation>
    </message>
</context>
<context>
    <name>KeyboardPanel</name>
    <message>
        <location filename="../qml/KeyboardPanel.qml" line="13"/>
        <source>On-screen keyboard</source>
        <translation>Klawiatura ekranowa</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="135"/>
        <source>Controls are low on the screen. To change this, touch “Accessibility” below.</source>
        <translation>Przyciski są nisko na ekranie. Aby to zmienić, dotknij „Dostępność” poniżej.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="183"/>
        <source>Accessibility</source>
        <translation>Dostępność</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="214"/>
        <source>Back</source>
        <translation>Wstecz</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="215"/>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="221"/>
        <source>No connection · catalogue from %1</source>
        <translation>Brak połączenia · katalog z %1</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../qml/PinPad.qml" line="24"/>
        <source>Technician PIN</source>
        <translation>PIN serwisowy</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="47"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="10"/>
        <location filename="../qml/ReceiptScreen.qml" line="32"/>
        <source>Your application has been filed</source>
        <translation>Twój wniosek został złożony</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="49"/>
        <location filename="../qml/ReceiptScreen.qml" line="64"/>
        <source>Application code:</source>
        <translation>Kod wniosku:</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="80"/>
        <source>Printing your receipt…</source>
        <translation>Drukujemy potwierdzenie…</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="81"/>
        <source>Take your receipt from the printer.</source>
        <translation>Odbierz potwierdzenie z drukarki.</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="82"/>
        <source>The printer is not working. Please take a photo of this screen: the code and the QR code are all you need.</source>
        <translation>Drukarka nie działa. Zrób zdjęcie tego ekranu: kod i kod QR to wszystko, czego potrzebujesz.</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="106"/>
        <source>QR code with the address of your application&apos;s status</source>
        <translation>Kod QR z adresem strony o stanie Twojego wniosku</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="112"/>
        <source>Check the status on your phone</source>
        <translation>Sprawdź stan sprawy na telefonie</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="113"/>
        <source>Scan the code with your phone&apos;s camera, or give the application code at the office.</source>
        <translation>Zeskanuj kod aparatem telefonu albo podaj kod wniosku w urzędzie.</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="117"/>
        <source>What happens next</source>
        <translation>Co dalej</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="117"/>
        <source>The office will register your application and contact you if anything is missing.</source>
        <translation>Urząd zarejestruje Twój wniosek i skontaktuje się z Tobą, jeśli czegoś zabraknie.</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="127"/>
        <source>Finish</source>
        <translation>Zakończ</translation>
    </message>
</context>
<context>
    <name>ScrollCue</name>
    <message>
        <location filename="../qml/components/ScrollCue.qml" line="42"/>
        <location filename="../qml/components/ScrollCue.qml" line="48"/>
        <source>more below</source>
        <translation>więcej poniżej</translation>
    </message>
</context>
<context>
    <name>ServiceList</name>
    <message>
        <location filename="../qml/components/ServiceList.qml" line="12"/>
        <source>Services</source>
        <translation>Usługi</translation>
    </message>
</context>
<context>
    <name>SpokenWords</name>
    <message>
        <location filename="../spoken.py" line="16"/>
        <source>button</source>
        <translation>przycisk</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="17"/>
        <source>text field</source>
        <translation>pole tekstowe</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="18"/>
        <source>heading</source>
        <translation>nagłówek</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="19"/>
        <source>check box</source>
        <translation>pole wyboru</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="20"/>
        <source>picture</source>
        <translation>obraz</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="21"/>
        <source>message</source>
        <translation>komunikat</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="30"/>
        <source>on</source>
        <translation>włączony</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="30"/>
        <source>off</source>
        <translation>wyłączony</translation>
    </message>
    <message numerus="yes">
        <location filename="../spoken.py" line="38"/>
        <source>%1, %n items</source>
        <translation>
            <numerusform>%1, %n element</numerusform>
            <numerusform>%1, %n elementy</numerusform>
            <numerusform>%1, %n elementów</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../spoken.py" line="42"/>
        <source>Speech mode. Down arrow: next item. Up arrow: previous item. Enter: choose. Escape: back. F1: this help. On the screen: touch to hear, double tap to choose.</source>
        <translation>Tryb mówiący. Strzałka w dół: następny element. Strzałka w górę: poprzedni element. Enter: wybierz. Escape: wstecz. F1: ta pomoc. Na ekranie: dotknij, aby usłyszeć, dotknij dwa razy, aby wybrać.</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="47"/>
        <source>Speech mode on.</source>
        <translation>Tryb mówiący włączony.</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="50"/>
        <source>Speech mode off.</source>
        <translation>Tryb mówiący wyłączony.</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="54"/>
        <source>To use the kiosk by speech, press and hold the Accessibility button in the top right corner of the screen, or press the help key on the keypad.</source>
        <translation>Aby korzystać z infomatu za pomocą mowy, przytrzymaj przycisk Dostępność w prawym górnym rogu ekranu albo naciśnij klawisz pomocy na klawiaturze.</translation>
    </message>
    <message numerus="yes">
        <location filename="../spoken.py" line="60"/>
        <source>Are you still there? In %n seconds everything you entered is cleared. Press any key or touch the screen for more time.</source>
        <translation>
            <numerusform>Czy nadal tu jesteś? Za %n sekundę wszystko, co wpisano, zostanie usunięte. Naciśnij dowolny klawisz lub dotknij ekranu, aby mieć więcej czasu.</numerusform>
            <numerusform>Czy nadal tu jesteś? Za %n sekundy wszystko, co wpisano, zostanie usunięte. Naciśnij dowolny klawisz lub dotknij ekranu, aby mieć więcej czasu.</numerusform>
            <numerusform>Czy nadal tu jesteś? Za %n sekund wszystko, co wpisano, zostanie usunięte. Naciśnij dowolny klawisz lub dotknij ekranu, aby mieć więcej czasu.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../spoken.py" line="67"/>
        <source>deleted %1</source>
        <translation>usunięto %1</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="71"/>
        <location filename="../spoken.py" line="88"/>
        <source>space</source>
        <translation>spacja</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="72"/>
        <source>dash</source>
        <translation>myślnik</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="73"/>
        <source>dot</source>
        <translation>kropka</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="74"/>
        <source>comma</source>
        <translation>przecinek</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="75"/>
        <source>at</source>
        <translation>małpa</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="82"/>
        <source>Shift, capital letters</source>
        <translation>Shift, wielkie litery</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="83"/>
        <source>Delete the last letter</source>
        <translation>Usuń ostatnią literę</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="84"/>
        <source>Letters</source>
        <translation>Litery</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="86"/>
        <source>Digits and symbols</source>
        <translation>Cyfry i znaki</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="87"/>
        <source>Keyboard language</source>
        <translation>Język klawiatury</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="89"/>
        <source>Hide the keyboard</source>
        <translation>Ukryj klawiaturę</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="90"/>
        <source>Confirm</source>
        <translation>Zatwierdź</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="93"/>
        <source>key</source>
        <translation>klawisz</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="95"/>
        <source>capital %1</source>
        <translation>wielka litera %1</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="103"/>
        <source>Nothing more on this screen.</source>
        <translation>Na tym ekranie nie ma nic więcej.</translation>
    </message>
</context>
<context>
    <name>StatusScreen</name>
    <message>
        <location filename="../qml/StatusScreen.qml" line="15"/>
        <location filename="../qml/StatusScreen.qml" line="26"/>
        <source>Check the status of your application</source>
        <translation>Sprawdź stan sprawy</translation>
    </message>
    <message>
        <location filename="../qml/StatusScreen.qml" line="36"/>
        <source>Type the code from your receipt (10 characters, e.g. K7P4M-X9RCA), or hold the receipt&apos;s QR code to the scanner.</source>
        <translation>Wpisz kod wniosku z potwierdzenia (10 znaków, np. K7P4M-X9RCA) albo przyłóż kod QR z potwierdzenia do czytnika.</translation>
    </message>
    <message>
        <location filename="../qml/StatusScreen.qml" line="66"/>
        <source>Code from the receipt</source>
        <translation>Kod wniosku z potwierdzenia</translation>
    </message>
    <message>
        <location filename="../qml/StatusScreen.qml" line="85"/>
        <source>Check</source>
        <translation>Sprawdź</translation>
    </message>
    <message>
        <location filename="../qml/StatusScreen.qml" line="107"/>
        <source>Code: %1</source>
        <translation>Kod wniosku: %1</translation>
    </message>
</context>
<context>
    <name>StatusWords</name>
    <message>
        <location filename="../status_words.py" line="17"/>
        <source>Codes have no “%1”. Compare with your receipt.</source>
        <translation>Kody nie zawierają znaku „%1”. Porównaj z potwierdzeniem.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="21"/>
        <source>One character does not match. Compare the code with your receipt.</source>
        <translation>Jeden znak się nie zgadza. Porównaj kod z potwierdzeniem.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="23"/>
        <source>That is more than %1 characters. Compare with your receipt.</source>
        <translation>To więcej niż %1 znaków. Porównaj z potwierdzeniem.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="28"/>
        <source>%1 of %2 characters</source>
        <translation>%1 z %2 znaków</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="32"/>
        <source>The code is complete. Touch “Check”.</source>
        <translation>Kod jest pełny. Dotknij „Sprawdź”.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="36"/>
        <source>The office has received your application.</source>
        <translation>Urząd otrzymał Twój wniosek.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="37"/>
        <source>Your application is being dealt with.</source>
        <translation>Twój wniosek jest rozpatrywany.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="38"/>
        <source>The office needs more from you. Please contact the office.</source>
        <translation>Urząd potrzebuje od Ciebie więcej informacji. Skontaktuj się z urzędem.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="39"/>
        <source>Your matter is settled. Please come to the office.</source>
        <translation>Sprawa jest załatwiona. Zapraszamy do urzędu.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="40"/>
        <source>The matter is closed.</source>
        <translation>Sprawa jest zakończona.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="42"/>
        <source>Your application is saved in this kiosk and waits to be sent to the office.</source>
        <translation>Twój wniosek jest zapisany w tym kiosku i czeka na wysłanie do urzędu.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="44"/>
        <source>Your application has been sent to the office.</source>
        <translation>Twój wniosek został wysłany do urzędu.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="45"/>
        <source>Your application did not reach the office. Please ask there.</source>
        <translation>Twój wniosek nie dotarł do urzędu. Zapytaj w urzędzie.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="50"/>
        <source>The office cannot be asked right now. Please try again later.</source>
        <translation>Nie można teraz połączyć się z urzędem. Spróbuj ponownie później.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="52"/>
        <source>No application with this code has reached the office yet. Applications reach it within minutes when the kiosk is online.</source>
        <translation>Wniosek o tym kodzie nie dotarł jeszcze do urzędu. Wnioski docierają do urzędu w ciągu kilku minut, gdy kiosk ma połączenie z siecią.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="58"/>
        <source>Information from the office.</source>
        <translation>Informacja z urzędu.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="60"/>
        <source>The office cannot be asked right now; this is what this kiosk knows.</source>
        <translation>Nie można teraz połączyć się z urzędem; to wie ten kiosk.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="62"/>
        <source>The office does not have it yet; this is what this kiosk knows.</source>
        <translation>Urząd jeszcze go nie ma; to wie ten kiosk.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="67"/>
        <source>Service: %1</source>
        <translation>Sprawa: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="68"/>
        <source>Case number: %1</source>
        <translation>Numer sprawy: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="69"/>
        <source>Filed: %1</source>
        <translation>Złożono: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="70"/>
        <source>Last change: %1</source>
        <translation>Ostatnia zmiana: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="72"/>
        <source>Expected by: %1</source>
        <translation>Przewidywany termin: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="73"/>
        <source>Office: %1</source>
        <translation>Urząd: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="74"/>
        <source>Phone: %1</source>
        <translation>Telefon: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="80"/>
        <source>Message from the office: %1</source>
        <translation>Wiadomość z urzędu: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="86"/>
        <source>Checking…</source>
        <translation>Sprawdzam…</translation>
    </message>
</context>
<context>
    <name>VisitsModel</name>
    <message>
        <location filename="../visits_model.py" line="268"/>
        <source>Someone has just booked that time. Please choose another.</source>
        <translation>Ktoś właśnie zajął ten termin. Wybierz inny.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="269"/>
        <source>The office takes no more visitors today.</source>
        <translation>Urząd nie przyjmuje już dziś interesantów.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="270"/>
        <source>The office cannot be reached now; nothing was booked.</source>
        <translation>Nie można teraz połączyć się z urzędem; niczego nie zarezerwowano.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="281"/>
        <source>Office phone: %1</source>
        <translation>Telefon do urzędu: %1</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="298"/>
        <source>Your number is %1.</source>
        <translation>Twój numer to %1.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="301"/>
        <source>Visit booked: %1 at %2. Visit code: %3.</source>
        <translation>Wizyta umówiona: %1, godz. %2. Kod wizyty: %3.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="320"/>
        <source>Choose the matter: %1 to choose from.</source>
        <translation>Wybierz sprawę: do wyboru %1.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="321"/>
        <source>Choose a day: %1 days with free times.</source>
        <translation>Wybierz dzień: %1 dni z wolnymi terminami.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="322"/>
        <source>Choose a time: %1 free times.</source>
        <translation>Wybierz godzinę: %1 wolnych terminów.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="328"/>
        <source>Book %1 on %2 at %3? Choose Book and print.</source>
        <translation>Umówić: %1, %2, godz. %3? Wybierz „Umów i wydrukuj”.</translation>
    </message>
</context>
<context>
    <name>VisitsScreen</name>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="33"/>
        <source>Take a queue number</source>
        <translation>Pobierz numerek</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="33"/>
        <source>Book a visit</source>
        <translation>Umów wizytę</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="45"/>
        <source>Asking the office…</source>
        <translation>Pytam urząd…</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="46"/>
        <source>Choose the matter:</source>
        <translation>Wybierz sprawę:</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="47"/>
        <source>%1: choose a day (free times only).</source>
        <translation>%1: wybierz dzień (tylko wolne terminy).</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="48"/>
        <source>Choose a time:</source>
        <translation>Wybierz godzinę:</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="49"/>
        <source>Book this visit?</source>
        <translation>Umówić tę wizytę?</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="61"/>
        <source>The office receives visitors: %1</source>
        <translation>Godziny przyjęć interesantów: %1</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="72"/>
        <source>Office phone: %1</source>
        <translation>Telefon do urzędu: %1</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="97"/>
        <source>No free times in the next two weeks. Please call the office.</source>
        <translation>Brak wolnych terminów w najbliższych dwóch tygodniach. Zadzwoń do urzędu.</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="140"/>
        <location filename="../qml/VisitsScreen.qml" line="189"/>
        <source>%1, %2 at %3, %4</source>
        <translation>%1, %2, godz. %3, %4</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="152"/>
        <source>Book and print</source>
        <translation>Umów i wydrukuj</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="163"/>
        <source>Take the slip from the printer.</source>
        <translation>Weź wydruk z drukarki.</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="164"/>
        <source>The printer did not print the slip. Please note it down.</source>
        <translation>Drukarka nie wydrukowała potwierdzenia. Zapisz te dane.</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="176"/>
        <source>Your number: %1</source>
        <translation>Twój numer: %1</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="177"/>
        <source>Visit code: %1</source>
        <translation>Kod wizyty: %1</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="188"/>
        <source>People ahead of you: %1. Expected wait: about %2 min.</source>
        <translation>Przed Tobą: %1. Przewidywany czas oczekiwania: ok. %2 min.</translation>
    </message>
</context>
<context>
    <name>WifiModel</name>
    <message>
        <location filename="../wifi_model.py" line="131"/>
        <source>The slip could not be made. Please ask at the office.</source>
        <translation>Nie udało się przygotować kuponu. Zapytaj w urzędzie.</translation>
    </message>
    <message>
        <location filename="../wifi_model.py" line="133"/>
        <source>Take the slip from the printer.</source>
        <translation>Weź wydruk z drukarki.</translation>
    </message>
    <message>
        <location filename="../wifi_model.py" line="135"/>
        <source>The printer did not print the slip. Copy the code from the screen.</source>
        <translation>Drukarka nie wydrukowała kuponu. Przepisz kod z ekranu.</translation>
    </message>
</context>
<context>
    <name>WifiScreen</name>
    <message>
        <location filename="../qml/WifiScreen.qml" line="15"/>
        <location filename="../qml/WifiScreen.qml" line="25"/>
        <source>Internet Wi-Fi</source>
        <translation>Internet Wi-Fi</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="35"/>
        <source>Free internet in the network “%1”. The slip&apos;s QR code joins your phone to the network; its voucher code gives %2 hours online for one device.</source>
        <translation>Bezpłatny internet w sieci „%1”. Kod QR z wydruku połączy telefon z siecią, a kod kuponu da %2 godz. internetu dla jednego urządzenia.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="46"/>
        <source>Printing…</source>
        <translation>Drukuję…</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="46"/>
        <source>Print the Wi-Fi slip</source>
        <translation>Wydrukuj kupon Wi-Fi</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="53"/>
        <source>The slip could not be made. Please ask at the office.</source>
        <translation>Nie udało się przygotować kuponu. Zapytaj w urzędzie.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="69"/>
        <source>Take the slip from the printer.</source>
        <translation>Weź wydruk z drukarki.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="70"/>
        <source>The printer did not print the slip. Copy the code from the screen.</source>
        <translation>Drukarka nie wydrukowała kuponu. Przepisz kod z ekranu.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="81"/>
        <location filename="../qml/WifiScreen.qml" line="98"/>
        <source>Voucher code</source>
        <translation>Kod kuponu</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="103"/>
        <source>Type it on the page that opens once your phone is connected. Use it by %1.</source>
        <translation>Wpisz go na stronie, która otworzy się po połączeniu telefonu z siecią. Wykorzystaj go do %1.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="113"/>
        <source>Once connected, accept the terms on the network&apos;s page.</source>
        <translation>Po połączeniu zaakceptuj regulamin na stronie sieci.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="134"/>
        <source>QR code that joins a phone to the network %1</source>
        <translation>Kod QR, który łączy telefon z siecią %1</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="139"/>
        <source>Or scan this code from the screen with your phone&apos;s camera.</source>
        <translation>Możesz też zeskanować ten kod z ekranu aparatem telefonu.</translation>
    </message>
</context>
</TS>
