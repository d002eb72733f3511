<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../admin_model.py" line="69"/>
        <source>Admin mode is not set up on this kiosk.</source>
        <translation>Der Servicemodus ist an diesem Kiosk nicht eingerichtet.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="80"/>
        <source>Too many wrong PINs. Try again in %1 min.</source>
        <translation>Zu viele falsche PINs. Erneut versuchen in %1 Min.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="85"/>
        <source>Wrong PIN. Tries left: %1</source>
        <translation>Falsche PIN. Verbleibende Versuche: %1</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="99"/>
        <source>Sync is not set up: the config has no catalogue address.</source>
        <translation>Die Synchronisierung ist nicht eingerichtet: In der Konfiguration fehlt die Katalogadresse.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="102"/>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="130"/>
        <source>Printing a test receipt…</source>
        <translation>Testbeleg wird gedruckt…</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="145"/>
        <source>Test receipt printed.</source>
        <translation>Testbeleg gedruckt.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="147"/>
        <source>The test receipt was NOT printed.</source>
        <translation>Der Testbeleg wurde NICHT gedruckt.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="28"/>
        <source>free of charge</source>
        <translation>kostenlos</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="73"/>
        <source>This information is available only in Polish.</source>
        <translation>Diese Information ist nur auf Polnisch verfügbar.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="74"/>
        <source>Part of this information is available only in Polish.</source>
        <translation>Ein Teil dieser Information ist nur auf Polnisch verfügbar.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="22"/>
        <source>This answer is required: please fill it in.</source>
        <translation>Diese Angabe ist erforderlich: Bitte füllen Sie sie aus.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="23"/>
        <source>A PESEL number has digits only: remove letters and other signs.</source>
        <translation>Eine PESEL-Nummer besteht nur aus Ziffern: Entfernen Sie Buchstaben und andere Zeichen.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="24"/>
        <source>A PESEL number has 11 digits: check that none is missing or doubled.</source>
        <translation>Eine PESEL-Nummer hat 11 Ziffern: Prüfen Sie, ob keine fehlt oder doppelt ist.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="26"/>
        <source>This PESEL number has a typo: check the 11 digits against your ID card.</source>
        <translation>Diese PESEL-Nummer enthält einen Tippfehler: Vergleichen Sie die 11 Ziffern mit Ihrem Ausweis.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="29"/>
        <source>The first six digits of this PESEL number are not a possible date of birth: check them against your ID card.</source>
        <translation>Die ersten sechs Ziffern dieser PESEL-Nummer sind kein mögliches Geburtsdatum: Vergleichen Sie sie mit Ihrem Ausweis.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="32"/>
        <source>This PESEL number belongs to someone born on {birth_date}: check the PESEL number and the date of birth you gave.</source>
        <translation>Diese PESEL-Nummer gehört zu einer Person, die am {birth_date} geboren ist: Prüfen Sie die PESEL-Nummer und das angegebene Geburtsdatum.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="35"/>
        <source>This PESEL number does not match the sex you chose: check the PESEL number and your choice.</source>
        <translation>Diese PESEL-Nummer passt nicht zum gewählten Geschlecht: Prüfen Sie die PESEL-Nummer und Ihre Auswahl.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="38"/>
        <source>A NIP number has digits only (dashes and spaces are fine): remove the rest.</source>
        <translation>Eine NIP-Nummer besteht aus Ziffern (Bindestriche und Leerzeichen sind erlaubt): Entfernen Sie den Rest.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="40"/>
        <source>A NIP number has 10 digits: check that none is missing or doubled.</source>
        <translation>Eine NIP-Nummer hat 10 Ziffern: Prüfen Sie, ob keine fehlt oder doppelt ist.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="42"/>
        <source>This NIP number has a typo: check the 10 digits against your documents.</source>
        <translation>Diese NIP-Nummer enthält einen Tippfehler: Vergleichen Sie die 10 Ziffern mit Ihren Unterlagen.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="44"/>
        <source>A REGON number has digits only: remove letters and other signs.</source>
        <translation>Eine REGON-Nummer besteht nur aus Ziffern: Entfernen Sie Buchstaben und andere Zeichen.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="46"/>
        <source>A REGON number has 9 or 14 digits: check that none is missing or doubled.</source>
        <translation>Eine REGON-Nummer hat 9 oder 14 Ziffern: Prüfen Sie, ob keine fehlt oder doppelt ist.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="49"/>
        <source>This REGON number has a typo: check the digits against your documents.</source>
        <translation>Diese REGON-Nummer enthält einen Tippfehler: Vergleichen Sie die Ziffern mit Ihren Unterlagen.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="52"/>
        <source>An ID card number is 3 letters and 6 digits, like ABC123456: check what you typed.</source>
        <translation>Eine Personalausweisnummer besteht aus 3 Buchstaben und 6 Ziffern, z. B. ABC123456: Prüfen Sie Ihre Eingabe.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="55"/>
        <source>This ID card number has a typo: check the letters and digits on your ID card.</source>
        <translation>Diese Ausweisnummer enthält einen Tippfehler: Vergleichen Sie Buchstaben und Ziffern mit Ihrem Ausweis.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="57"/>
        <source>A postal code has 5 digits, like 37-100: check what you typed.</source>
        <translation>Eine Postleitzahl hat 5 Ziffern, z. B. 37-100: Prüfen Sie Ihre Eingabe.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="59"/>
        <source>A phone number has digits only (and + at the start): remove the rest.</source>
        <translation>Eine Telefonnummer besteht aus Ziffern (und + am Anfang): Entfernen Sie den Rest.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="62"/>
        <source>This phone number has the wrong number of digits: give 9 digits, or + and the country code for a number abroad.</source>
        <translation>Diese Telefonnummer hat die falsche Anzahl Ziffern: Geben Sie 9 Ziffern ein oder + und die Ländervorwahl für eine ausländische Nummer.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="65"/>
        <source>This is not an e-mail address: it should look like name@example.pl, with one @ and no spaces.</source>
        <translation>Das ist keine E-Mail-Adresse: Sie sollte wie name@example.pl aussehen, mit einem @ und ohne Leerzeichen.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="68"/>
        <source>The part after @ is not a valid address: check it, e.g. gmail.com or poczta.onet.pl.</source>
        <translation>Der Teil nach dem @ ist keine gültige Adresse: Prüfen Sie ihn, z. B. gmail.com oder poczta.onet.pl.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="71"/>
        <source>This e-mail address is too long: check that nothing was typed twice.</source>
        <translation>Diese E-Mail-Adresse ist zu lang: Prüfen Sie, ob nichts doppelt eingegeben wurde.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="73"/>
        <source>This is not a date: type it as day.month.year, like 20.11.2026.</source>
        <translation>Das ist kein Datum: Geben Sie es als Tag.Monat.Jahr ein, z. B. 20.11.2026.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="74"/>
        <source>This day does not exist in the calendar: check the day and the month.</source>
        <translation>Diesen Tag gibt es im Kalender nicht: Prüfen Sie Tag und Monat.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="75"/>
        <source>This date is too early: give {earliest} or a later date.</source>
        <translation>Dieses Datum ist zu früh: Geben Sie den {earliest} oder ein späteres Datum an.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="76"/>
        <source>This date is too late: give {latest} or an earlier date.</source>
        <translation>Dieses Datum ist zu spät: Geben Sie den {latest} oder ein früheres Datum an.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="77"/>
        <source>This is not a whole number: type digits only, like 3.</source>
        <translation>Das ist keine ganze Zahl: Geben Sie nur Ziffern ein, z. B. 3.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="78"/>
        <source>This number is too small: give {min} or more.</source>
        <translation>Diese Zahl ist zu klein: Geben Sie {min} oder mehr an.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="79"/>
        <source>This number is too large: give {max} or less.</source>
        <translation>Diese Zahl ist zu groß: Geben Sie {max} oder weniger an.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="80"/>
        <source>This is not one of the answers offered: choose one of those shown.</source>
        <translation>Das ist keine der angebotenen Antworten: Wählen Sie eine der angezeigten.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="82"/>
        <source>This answer does not go with an answer you gave earlier: choose one of those shown now, or go back and change the earlier answer.</source>
        <translation>Diese Antwort passt nicht zu einer früheren Antwort: Wählen Sie eine der jetzt angezeigten oder gehen Sie zurück und ändern Sie die frühere Antwort.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="84"/>
        <source>This question needs a yes or a no: tap one of the two.</source>
        <translation>Diese Frage braucht ein Ja oder Nein: Tippen Sie auf eines von beiden.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="86"/>
        <source>This answer is too long ({length} characters, at most {max}): shorten it.</source>
        <translation>Diese Antwort ist zu lang ({length} Zeichen, höchstens {max}): Kürzen Sie sie.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="89"/>
        <source>Your application could not be saved, so nothing was sent or printed. Please try again, or ask at the office.</source>
        <translation>Ihr Antrag konnte nicht gespeichert werden, daher wurde nichts gesendet oder gedruckt. Bitte versuchen Sie es erneut oder fragen Sie im Amt.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="93"/>
        <source>This kiosk cannot save applications right now, so the form was not opened. Please ask at the office, or apply online.</source>
        <translation>Dieser Kiosk kann gerade keine Anträge speichern, daher wurde das Formular nicht geöffnet. Bitte fragen Sie im Amt oder stellen Sie den Antrag online.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="97"/>
        <source>This application can no longer be filled in at this kiosk: the information has just been updated. Please ask at the office.</source>
        <translation>Dieser Antrag kann an diesem Kiosk nicht mehr ausgefüllt werden: Die Angaben wurden gerade aktualisiert. Bitte fragen Sie im Amt.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="104"/>
        <source>This answer needs checking.</source>
        <translation>Diese Angabe muss geprüft werden.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="113"/>
        <source>(optional)</source>
        <translation>(freiwillig)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="57"/>
        <source>today %1</source>
        <translation>heute %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="59"/>
        <source>yesterday %1</source>
        <translation>gestern %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="72"/>
        <source>catalogue of %1, services: %2</source>
        <translation>Katalog vom %1, Dienste: %2</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="77"/>
        <source>built in</source>
        <translation>eingebaut</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="79"/>
        <source>loaded %1</source>
        <translation>geladen %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="84"/>
        <source>no connection to the catalogue server</source>
        <translation>keine Verbindung zum Katalogserver</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="85"/>
        <source>the catalogue server answered with an error</source>
        <translation>der Katalogserver hat mit einem Fehler geantwortet</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="86"/>
        <source>the catalogue&apos;s signature is not valid</source>
        <translation>die Signatur des Katalogs ist ungültig</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="87"/>
        <source>the catalogue has invalid records</source>
        <translation>der Katalog enthält ungültige Einträge</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="88"/>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="89"/>
        <source>the catalogue is too large</source>
        <translation>der Katalog ist zu groß</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="95"/>
        <source>an unexpected error (see the log)</source>
        <translation>ein unerwarteter Fehler (Einzelheiten im Protokoll)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="101"/>
        <source>not set up (no catalogue address in the config)</source>
        <translation>nicht eingerichtet (keine Katalogadresse in der Konfiguration)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="103"/>
        <source>not yet since the start</source>
        <translation>seit dem Start noch nicht</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="106"/>
        <source>new catalogue loaded, %1</source>
        <translation>neuer Katalog geladen, %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="108"/>
        <source>no changes, %1</source>
        <translation>keine Änderungen, %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="109"/>
        <source>failed, %1: %2</source>
        <translation>fehlgeschlagen, %1: %2</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="111"/>
        <source>last success %1</source>
        <translation>zuletzt erfolgreich %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="117"/>
        <source>Sync finished: a new catalogue is in use.</source>
        <translation>Synchronisierung beendet: Ein neuer Katalog ist in Gebrauch.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="119"/>
        <source>Sync finished: the catalogue has not changed.</source>
        <translation>Synchronisierung beendet: Der Katalog hat sich nicht geändert.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="121"/>
        <source>Sync failed: %1. The kiosk keeps the catalogue it has.</source>
        <translation>Synchronisierung fehlgeschlagen: %1. Der Kiosk behält seinen bisherigen Katalog.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="127"/>
        <source>not checked (no catalogue address in the config)</source>
        <translation>nicht geprüft (keine Katalogadresse in der Konfiguration)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="129"/>
        <source>no connection (the kiosk answers from its own catalogue)</source>
        <translation>keine Verbindung (der Kiosk antwortet aus seinem eigenen Katalog)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="131"/>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="145"/>
        <source>virtual printer (receipts saved as pictures)</source>
        <translation>virtueller Drucker (Belege werden als Bilder gespeichert)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="146"/>
        <source>USB printer %1</source>
        <translation>USB-Drucker %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="147"/>
        <source>network printer %1</source>
        <translation>Netzwerkdrucker %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="148"/>
        <source>printer at %1</source>
        <translation>Drucker an %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="155"/>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="157"/>
        <source>paper running out</source>
        <translation>Papier geht zur Neige</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="158"/>
        <source>Put a new roll in soon.</source>
        <translation>Legen Sie bald eine neue Rolle ein.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="161"/>
        <source>out of paper</source>
        <translation>kein Papier</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="162"/>
        <source>Put in a new roll (thermal side out) and close the cover.</source>
        <translation>Legen Sie eine neue Rolle ein (Thermoseite nach außen) und schließen Sie die Abdeckung.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="164"/>
        <source>cover open</source>
        <translation>Abdeckung offen</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="164"/>
        <source>Close the cover until it clicks.</source>
        <translation>Schließen Sie die Abdeckung, bis sie einrastet.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="166"/>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="167"/>
        <source>The printer is off, unplugged or unreachable: check power and cable.</source>
        <translation>Der Drucker ist aus, nicht angeschlossen oder nicht erreichbar: Prüfen Sie Strom und Kabel.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="170"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="171"/>
        <source>Paper jam, cutter or mechanical error: clear it, then switch it off and on.</source>
        <translation>Papierstau, Schneide- oder Mechanikfehler: beheben, dann den Drucker aus- und wieder einschalten.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="174"/>
        <source>does not answer status requests</source>
        <translation>antwortet nicht auf Statusabfragen</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="175"/>
        <source>Check the cable; receipts are still sent.</source>
        <translation>Prüfen Sie das Kabel; Belege werden weiterhin gesendet.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="183"/>
        <source>not asked yet</source>
        <translation>noch nicht abgefragt</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="191"/>
        <source>waiting %1 · delivered %2 · rejected %3</source>
        <translation>wartend %1 · zugestellt %2 · abgelehnt %3</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="199"/>
        <source>the oldest has waited %1 min</source>
        <translation>der älteste wartet seit %1 Min.</translation>
    </message>
</context>
<context>
    <name>AccessibilityPanel</name>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="28"/>
        <source>Large text</source>
        <translation>Große Schrift</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="29"/>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="30"/>
        <source>Reduced motion</source>
        <translation>Weniger Bewegung</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="31"/>
        <source>Controls low (wheelchair)</source>
        <translation>Bedienung unten (Rollstuhl)</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="32"/>
        <source>Read aloud</source>
        <translation>Vorlesen</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="33"/>
        <source>More time</source>
        <translation>Mehr Zeit</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="38"/>
        <source>Accessibility</source>
        <translation>Barrierefreiheit</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="66"/>
        <source>Speech slower</source>
        <translation>Sprache langsamer</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="67"/>
        <source>Speech faster</source>
        <translation>Sprache schneller</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="68"/>
        <source>Speech quieter</source>
        <translation>Sprache leiser</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="69"/>
        <source>Speech louder</source>
        <translation>Sprache lauter</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation type="vanished">Langsamer</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation type="vanished">Schneller</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation type="vanished">Leiser</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation type="vanished">Lauter</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="86"/>
        <source>Read this screen now</source>
        <translation>Diesen Bildschirm vorlesen</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="95"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <location filename="../qml/AdminPanel.qml" line="21"/>
        <source>Version</source>
        <translation>Version</translation>
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
        <translation>Letzte Synchronisierung</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="22"/>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="22"/>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="23"/>
        <source>Applications</source>
        <translation>Anträge</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="27"/>
        <source>Technician</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="54"/>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="55"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="56"/>
        <source>Test print</source>
        <translation>Testdruck</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="57"/>
        <source>Reload screens</source>
        <translation>Bildschirme neu laden</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="58"/>
        <source>Close the app</source>
        <translation>App schließen</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="59"/>
        <source>Back to residents</source>
        <translation>Zurück zu den Bürgern</translation>
    </message>
</context>
<context>
    <name>AttractOverlay</name>
    <message>
        <location filename="../qml/AttractOverlay.qml" line="21"/>
        <source>Touch the screen to find an office service</source>
        <translation>Berühren Sie den Bildschirm, um eine Verwaltungsleistung zu finden</translation>
    </message>
</context>
<context>
    <name>CardScreen</name>
    <message>
        <location filename="../qml/CardScreen.qml" line="59"/>
        <source>Fill in the application here</source>
        <translation>Antrag hier ausfüllen</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="66"/>
        <source>Book a visit</source>
        <translation>Termin buchen</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="81"/>
        <source>What it is</source>
        <translation>Worum es geht</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="91"/>
        <source>Who can apply</source>
        <translation>Wer kann den Antrag stellen</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="92"/>
        <source>What to bring</source>
        <translation>Was Sie mitbringen müssen</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="93"/>
        <source>Fees</source>
        <translation>Gebühren</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="94"/>
        <source>How long it takes</source>
        <translation>Wie lange es dauert</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="97"/>
        <source>Where and when to go</source>
        <translation>Wo und wann</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="114"/>
        <source>QR code with the address of this service online</source>
        <translation>QR-Code mit der Adresse dieses Dienstes im Internet</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="120"/>
        <source>Continue on your phone</source>
        <translation>Auf dem Handy weitermachen</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="121"/>
        <source>Scan the code with your phone&apos;s camera to open this service online.</source>
        <translation>Scannen Sie den Code mit der Handykamera, um diesen Dienst online zu öffnen.</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="125"/>
        <source>Legal basis</source>
        <translation>Rechtsgrundlage</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="126"/>
        <source>How to appeal</source>
        <translation>Rechtsbehelf</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="127"/>
        <source>What you get</source>
        <translation>Was Sie erhalten</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="132"/>
        <source>Information checked on %1</source>
        <translation>Informationen geprüft am %1</translation>
    </message>
</context>
<context>
    <name>FormQuestion</name>
    <message>
        <location filename="../qml/components/FormQuestion.qml" line="41"/>
        <source>required</source>
        <translation>Pflichtfeld</translation>
    </message>
    <message>
        <location filename="../qml/components/FormQuestion.qml" line="87"/>
        <source>DD.MM.YYYY</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
    <message>
        <location filename="../qml/components/FormQuestion.qml" line="128"/>
        <source>%1 of %2 characters</source>
        <translation>%1 von %2 Zeichen</translation>
    </message>
    <message>
        <location filename="../qml/components/FormQuestion.qml" line="138"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../qml/components/FormQuestion.qml" line="138"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <location filename="../qml/FormScreen.qml" line="87"/>
        <source>Check your answers</source>
        <translation>Prüfen Sie Ihre Angaben</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="88"/>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="169"/>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="205"/>
        <source>How the office uses your data</source>
        <translation>Wie das Amt Ihre Daten verwendet</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="226"/>
        <source>To send the application, tick this box.</source>
        <translation>Um den Antrag zu senden, kreuzen Sie dieses Feld an.</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="239"/>
        <source>I have read this information</source>
        <translation>Ich habe diese Information gelesen</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="267"/>
        <source>Previous</source>
        <translation>Vorheriger Schritt</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="275"/>
        <source>Send the application</source>
        <translation>Antrag senden</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="275"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/HomeScreen.qml" line="10"/>
        <source>Home: search, categories and life events</source>
        <translation>Startseite: Suche, Kategorien und Lebenslagen</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="28"/>
        <source>What are you looking for? e.g. ID card, waste, tax</source>
        <translation>Was suchen Sie? z. B. Ausweis, Müll, Steuer</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="55"/>
        <source>Clear the search</source>
        <translation>Suche löschen</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="59"/>
        <source>Search the e-services</source>
        <translation>E-Dienste durchsuchen</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="84"/>
        <source>Nothing found for “%1”. Try fewer letters, or choose a category:</source>
        <translation>Nichts gefunden für „%1“. Weniger Buchstaben eingeben oder eine Kategorie wählen:</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="122"/>
        <source>Check the status of your application</source>
        <translation>Stand Ihres Antrags prüfen</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="132"/>
        <source>Book a visit</source>
        <translation>Termin buchen</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="138"/>
        <source>Take a queue number</source>
        <translation>Wartenummer ziehen</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="146"/>
        <source>Internet Wi-Fi: print a voucher</source>
        <translation>WLAN-Internet: Gutschein drucken</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="157"/>
        <source>All offices</source>
        <translation>Alle Ämter</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="174"/>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="189"/>
        <source>Life events</source>
        <translation>Lebenslagen</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="27"/>
        <source>Are you still there?</source>
        <translation>Sind Sie noch da?</translation>
    </message>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="37"/>
        <source>When the time runs out, everything you entered is cleared for the next person.</source>
        <translation>Wenn die Zeit abläuft, wird alles Eingegebene für die nächste Person gelöscht.</translation>
    </message>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="43"/>
        <source>I&apos;m still here</source>
        <translation>Ich bin noch da</translation>
    </message>
</context>
<context>
    <name>KeyboardPanel</name>
    <message>
        <location filename="../qml/KeyboardPanel.qml" line="13"/>
        <source>On-screen keyboard</source>
        <translation>Bildschirmtastatur</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="135"/>
        <source>Controls are low on the screen. To change this, touch “Accessibility” below.</source>
        <translation>Die Bedienelemente sind unten auf dem Bildschirm. Um das zu ändern, tippen Sie unten auf „Barrierefreiheit“.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="183"/>
        <source>Accessibility</source>
        <translation>Barrierefreiheit</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="214"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="215"/>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="221"/>
        <source>No connection · catalogue from %1</source>
        <translation>Keine Verbindung · Katalog vom %1</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../qml/PinPad.qml" line="24"/>
        <source>Technician PIN</source>
        <translation>Service-PIN</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="47"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="10"/>
        <location filename="../qml/ReceiptScreen.qml" line="32"/>
        <source>Your application has been filed</source>
        <translation>Ihr Antrag wurde eingereicht</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="49"/>
        <location filename="../qml/ReceiptScreen.qml" line="64"/>
        <source>Application code:</source>
        <translation>Antragscode:</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="80"/>
        <source>Printing your receipt…</source>
        <translation>Ihre Quittung wird gedruckt…</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="81"/>
        <source>Take your receipt from the printer.</source>
        <translation>Nehmen Sie Ihre Quittung aus dem Drucker.</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="82"/>
        <source>The printer is not working. Please take a photo of this screen: the code and the QR code are all you need.</source>
        <translation>Der Drucker funktioniert nicht. Bitte fotografieren Sie diesen Bildschirm: Der Code und der QR-Code genügen.</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="106"/>
        <source>QR code with the address of your application&apos;s status</source>
        <translation>QR-Code mit der Adresse zum Stand Ihres Antrags</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="112"/>
        <source>Check the status on your phone</source>
        <translation>Stand auf dem Handy prüfen</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="113"/>
        <source>Scan the code with your phone&apos;s camera, or give the application code at the office.</source>
        <translation>Scannen Sie den Code mit der Handykamera oder nennen Sie den Antragscode im Amt.</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="117"/>
        <source>What happens next</source>
        <translation>Wie es weitergeht</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="117"/>
        <source>The office will register your application and contact you if anything is missing.</source>
        <translation>Das Amt registriert Ihren Antrag und meldet sich, falls etwas fehlt.</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="127"/>
        <source>Finish</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>ScrollCue</name>
    <message>
        <location filename="../qml/components/ScrollCue.qml" line="42"/>
        <location filename="../qml/components/ScrollCue.qml" line="48"/>
        <source>more below</source>
        <translation>weiter unten mehr</translation>
    </message>
</context>
<context>
    <name>ServiceList</name>
    <message>
        <location filename="../qml/components/ServiceList.qml" line="12"/>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
</context>
<context>
    <name>SpokenWords</name>
    <message>
        <location filename="../spoken.py" line="16"/>
        <source>button</source>
        <translation>Schaltfläche</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="17"/>
        <source>text field</source>
        <translation>Textfeld</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="18"/>
        <source>heading</source>
        <translation>Überschrift</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="19"/>
        <source>check box</source>
        <translation>Kontrollkästchen</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="20"/>
        <source>picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="21"/>
        <source>message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="30"/>
        <source>on</source>
        <translation>ein</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="30"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message numerus="yes">
        <location filename="../spoken.py" line="38"/>
        <source>%1, %n items</source>
        <translation>
            <numerusform>%1, %n Element</numerusform>
            <numerusform>%1, %n Elemente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../spoken.py" line="42"/>
        <source>Speech mode. Down arrow: next item. Up arrow: previous item. Enter: choose. Escape: back. F1: this help. On the screen: touch to hear, double tap to choose.</source>
        <translation>Sprachmodus. Pfeil nach unten: nächstes Element. Pfeil nach oben: vorheriges Element. Eingabetaste: auswählen. Escape: zurück. F1: diese Hilfe. Auf dem Bildschirm: einmal tippen zum Hören, zweimal tippen zum Auswählen.</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="47"/>
        <source>Speech mode on.</source>
        <translation>Sprachmodus ein.</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="50"/>
        <source>Speech mode off.</source>
        <translation>Sprachmodus aus.</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="54"/>
        <source>To use the kiosk by speech, press and hold the Accessibility button in the top right corner of the screen, or press the help key on the keypad.</source>
        <translation>Um das Terminal per Sprache zu bedienen, halten Sie die Schaltfläche Barrierefreiheit oben rechts auf dem Bildschirm gedrückt oder drücken Sie die Hilfetaste auf dem Tastenfeld.</translation>
    </message>
    <message numerus="yes">
        <location filename="../spoken.py" line="60"/>
        <source>Are you still there? In %n seconds everything you entered is cleared. Press any key or touch the screen for more time.</source>
        <translation>
            <numerusform>Sind Sie noch da? In %n Sekunde wird alles Eingegebene gelöscht. Drücken Sie eine Taste oder berühren Sie den Bildschirm für mehr Zeit.</numerusform>
            <numerusform>Sind Sie noch da? In %n Sekunden wird alles Eingegebene gelöscht. Drücken Sie eine Taste oder berühren Sie den Bildschirm für mehr Zeit.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../spoken.py" line="67"/>
        <source>deleted %1</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="71"/>
        <location filename="../spoken.py" line="88"/>
        <source>space</source>
        <translation>Leerzeichen</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="72"/>
        <source>dash</source>
        <translation>Bindestrich</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="73"/>
        <source>dot</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="74"/>
        <source>comma</source>
        <translation>Komma</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="75"/>
        <source>at</source>
        <translation>at</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="82"/>
        <source>Shift, capital letters</source>
        <translation>Umschalttaste, Großbuchstaben</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="83"/>
        <source>Delete the last letter</source>
        <translation>Letzten Buchstaben löschen</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="84"/>
        <source>Letters</source>
        <translation>Buchstaben</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="86"/>
        <source>Digits and symbols</source>
        <translation>Ziffern und Zeichen</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="87"/>
        <source>Keyboard language</source>
        <translation>Tastatursprache</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="89"/>
        <source>Hide the keyboard</source>
        <translation>Tastatur ausblenden</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="90"/>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="93"/>
        <source>key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="95"/>
        <source>capital %1</source>
        <translation>großes %1</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="103"/>
        <source>Nothing more on this screen.</source>
        <translation>Auf diesem Bildschirm gibt es nichts mehr.</translation>
    </message>
</context>
<context>
    <name>StatusScreen</name>
    <message>
        <location filename="../qml/StatusScreen.qml" line="15"/>
        <location filename="../qml/StatusScreen.qml" line="26"/>
        <source>Check the status of your application</source>
        <translation>Stand Ihres Antrags prüfen</translation>
    </message>
    <message>
        <location filename="../qml/StatusScreen.qml" line="36"/>
        <source>Type the code from your receipt (10 characters, e.g. K7P4M-X9RCA), or hold the receipt&apos;s QR code to the scanner.</source>
        <translation>Geben Sie den Code von Ihrem Beleg ein (10 Zeichen, z. B. K7P4M-X9RCA) oder halten Sie den QR-Code des Belegs an den Scanner.</translation>
    </message>
    <message>
        <location filename="../qml/StatusScreen.qml" line="66"/>
        <source>Code from the receipt</source>
        <translation>Code vom Beleg</translation>
    </message>
    <message>
        <location filename="../qml/StatusScreen.qml" line="85"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../qml/StatusScreen.qml" line="107"/>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
</context>
<context>
    <name>StatusWords</name>
    <message>
        <location filename="../status_words.py" line="17"/>
        <source>Codes have no “%1”. Compare with your receipt.</source>
        <translation>Codes enthalten kein „%1“. Vergleichen Sie mit Ihrem Beleg.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="21"/>
        <source>One character does not match. Compare the code with your receipt.</source>
        <translation>Ein Zeichen stimmt nicht. Vergleichen Sie den Code mit Ihrem Beleg.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="23"/>
        <source>That is more than %1 characters. Compare with your receipt.</source>
        <translation>Das sind mehr als %1 Zeichen. Vergleichen Sie mit Ihrem Beleg.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="28"/>
        <source>%1 of %2 characters</source>
        <translation>%1 von %2 Zeichen</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="32"/>
        <source>The code is complete. Touch “Check”.</source>
        <translation>Der Code ist vollständig. Tippen Sie auf „Prüfen“.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="36"/>
        <source>The office has received your application.</source>
        <translation>Das Amt hat Ihren Antrag erhalten.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="37"/>
        <source>Your application is being dealt with.</source>
        <translation>Ihr Antrag wird bearbeitet.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="38"/>
        <source>The office needs more from you. Please contact the office.</source>
        <translation>Das Amt benötigt weitere Angaben von Ihnen. Bitte wenden Sie sich an das Amt.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="39"/>
        <source>Your matter is settled. Please come to the office.</source>
        <translation>Ihr Anliegen ist erledigt. Bitte kommen Sie ins Amt.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="40"/>
        <source>The matter is closed.</source>
        <translation>Der Vorgang ist abgeschlossen.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="42"/>
        <source>Your application is saved in this kiosk and waits to be sent to the office.</source>
        <translation>Ihr Antrag ist an diesem Terminal gespeichert und wartet auf den Versand an das Amt.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="44"/>
        <source>Your application has been sent to the office.</source>
        <translation>Ihr Antrag wurde an das Amt gesendet.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="45"/>
        <source>Your application did not reach the office. Please ask there.</source>
        <translation>Ihr Antrag hat das Amt nicht erreicht. Bitte fragen Sie dort nach.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="50"/>
        <source>The office cannot be asked right now. Please try again later.</source>
        <translation>Das Amt ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="52"/>
        <source>No application with this code has reached the office yet. Applications reach it within minutes when the kiosk is online.</source>
        <translation>Ein Antrag mit diesem Code ist noch nicht im Amt eingegangen. Anträge gehen innerhalb weniger Minuten ein, wenn das Terminal online ist.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="58"/>
        <source>Information from the office.</source>
        <translation>Auskunft des Amtes.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="60"/>
        <source>The office cannot be asked right now; this is what this kiosk knows.</source>
        <translation>Das Amt ist gerade nicht erreichbar; das weiß dieses Terminal.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="62"/>
        <source>The office does not have it yet; this is what this kiosk knows.</source>
        <translation>Das Amt hat ihn noch nicht; das weiß dieses Terminal.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="67"/>
        <source>Service: %1</source>
        <translation>Leistung: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="68"/>
        <source>Case number: %1</source>
        <translation>Aktenzeichen: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="69"/>
        <source>Filed: %1</source>
        <translation>Eingereicht: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="70"/>
        <source>Last change: %1</source>
        <translation>Letzte Änderung: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="72"/>
        <source>Expected by: %1</source>
        <translation>Voraussichtlich bis: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="73"/>
        <source>Office: %1</source>
        <translation>Amt: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="74"/>
        <source>Phone: %1</source>
        <translation>Telefon: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="80"/>
        <source>Message from the office: %1</source>
        <translation>Nachricht vom Amt: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="86"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
</context>
<context>
    <name>VisitsModel</name>
    <message>
        <location filename="../visits_model.py" line="268"/>
        <source>Someone has just booked that time. Please choose another.</source>
        <translation>Dieser Termin wurde gerade vergeben. Bitte wählen Sie einen anderen.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="269"/>
        <source>The office takes no more visitors today.</source>
        <translation>Das Amt nimmt heute keine Besucher mehr an.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="270"/>
        <source>The office cannot be reached now; nothing was booked.</source>
        <translation>Das Amt ist gerade nicht erreichbar; es wurde nichts gebucht.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="281"/>
        <source>Office phone: %1</source>
        <translation>Telefon des Amts: %1</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="298"/>
        <source>Your number is %1.</source>
        <translation>Ihre Nummer ist %1.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="301"/>
        <source>Visit booked: %1 at %2. Visit code: %3.</source>
        <translation>Termin gebucht: %1 um %2. Termincode: %3.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="320"/>
        <source>Choose the matter: %1 to choose from.</source>
        <translation>Wählen Sie Ihr Anliegen: %1 zur Auswahl.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="321"/>
        <source>Choose a day: %1 days with free times.</source>
        <translation>Wählen Sie einen Tag: %1 Tage mit freien Terminen.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="322"/>
        <source>Choose a time: %1 free times.</source>
        <translation>Wählen Sie eine Uhrzeit: %1 freie Termine.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="328"/>
        <source>Book %1 on %2 at %3? Choose Book and print.</source>
        <translation>%1 am %2 um %3 buchen? Wählen Sie „Buchen und drucken“.</translation>
    </message>
</context>
<context>
    <name>VisitsScreen</name>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="33"/>
        <source>Take a queue number</source>
        <translation>Wartenummer ziehen</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="33"/>
        <source>Book a visit</source>
        <translation>Termin buchen</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="45"/>
        <source>Asking the office…</source>
        <translation>Das Amt wird gefragt…</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="46"/>
        <source>Choose the matter:</source>
        <translation>Wählen Sie Ihr Anliegen:</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="47"/>
        <source>%1: choose a day (free times only).</source>
        <translation>%1: Wählen Sie einen Tag (nur freie Termine).</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="48"/>
        <source>Choose a time:</source>
        <translation>Wählen Sie eine Uhrzeit:</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="49"/>
        <source>Book this visit?</source>
        <translation>Diesen Termin buchen?</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="61"/>
        <source>The office receives visitors: %1</source>
        <translation>Sprechzeiten des Amts: %1</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="72"/>
        <source>Office phone: %1</source>
        <translation>Telefon des Amts: %1</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="97"/>
        <source>No free times in the next two weeks. Please call the office.</source>
        <translation>In den nächsten zwei Wochen gibt es keine freien Termine. Bitte rufen Sie das Amt an.</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="140"/>
        <location filename="../qml/VisitsScreen.qml" line="189"/>
        <source>%1, %2 at %3, %4</source>
        <translation>%1, %2 um %3, %4</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="152"/>
        <source>Book and print</source>
        <translation>Buchen und drucken</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="163"/>
        <source>Take the slip from the printer.</source>
        <translation>Nehmen Sie den Ausdruck aus dem Drucker.</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="164"/>
        <source>The printer did not print the slip. Please note it down.</source>
        <translation>Der Drucker hat nichts gedruckt. Bitte notieren Sie die Angaben.</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="176"/>
        <source>Your number: %1</source>
        <translation>Ihre Nummer: %1</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="177"/>
        <source>Visit code: %1</source>
        <translation>Termincode: %1</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="188"/>
        <source>People ahead of you: %1. Expected wait: about %2 min.</source>
        <translation>Vor Ihnen: %1. Voraussichtliche Wartezeit: etwa %2 Min.</translation>
    </message>
</context>
<context>
    <name>WifiModel</name>
    <message>
        <location filename="../wifi_model.py" line="131"/>
        <source>The slip could not be made. Please ask at the office.</source>
        <translation>Der Gutschein konnte nicht erstellt werden. Bitte fragen Sie im Amt.</translation>
    </message>
    <message>
        <location filename="../wifi_model.py" line="133"/>
        <source>Take the slip from the printer.</source>
        <translation>Nehmen Sie den Ausdruck aus dem Drucker.</translation>
    </message>
    <message>
        <location filename="../wifi_model.py" line="135"/>
        <source>The printer did not print the slip. Copy the code from the screen.</source>
        <translation>Der Drucker hat den Gutschein nicht gedruckt. Schreiben Sie den Code vom Bildschirm ab.</translation>
    </message>
</context>
<context>
    <name>WifiScreen</name>
    <message>
        <location filename="../qml/WifiScreen.qml" line="15"/>
        <location filename="../qml/WifiScreen.qml" line="25"/>
        <source>Internet Wi-Fi</source>
        <translation>Internet über WLAN</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="35"/>
        <source>Free internet in the network “%1”. The slip&apos;s QR code joins your phone to the network; its voucher code gives %2 hours online for one device.</source>
        <translation>Kostenloses Internet im Netz „%1“. Der QR-Code auf dem Ausdruck verbindet Ihr Telefon mit dem Netz, der Gutscheincode gibt %2 Stunden Internet für ein Gerät.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="46"/>
        <source>Printing…</source>
        <translation>Wird gedruckt…</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="46"/>
        <source>Print the Wi-Fi slip</source>
        <translation>WLAN-Gutschein drucken</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="53"/>
        <source>The slip could not be made. Please ask at the office.</source>
        <translation>Der Gutschein konnte nicht erstellt werden. Bitte fragen Sie im Amt.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="69"/>
        <source>Take the slip from the printer.</source>
        <translation>Nehmen Sie den Ausdruck aus dem Drucker.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="70"/>
        <source>The printer did not print the slip. Copy the code from the screen.</source>
        <translation>Der Drucker hat den Gutschein nicht gedruckt. Schreiben Sie den Code vom Bildschirm ab.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="81"/>
        <location filename="../qml/WifiScreen.qml" line="98"/>
        <source>Voucher code</source>
        <translation>Gutscheincode</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="103"/>
        <source>Type it on the page that opens once your phone is connected. Use it by %1.</source>
        <translation>Geben Sie ihn auf der Seite ein, die sich nach dem Verbinden öffnet. Gültig bis %1.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="113"/>
        <source>Once connected, accept the terms on the network&apos;s page.</source>
        <translation>Akzeptieren Sie nach dem Verbinden die Bedingungen auf der Seite des Netzes.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="134"/>
        <source>QR code that joins a phone to the network %1</source>
        <translation>QR-Code, der ein Telefon mit dem Netz %1 verbindet</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="139"/>
        <source>Or scan this code from the screen with your phone&apos;s camera.</source>
        <translation>Oder scannen Sie diesen Code vom Bildschirm mit der Kamera Ihres Telefons.</translation>
    </message>
</context>
</TS>
