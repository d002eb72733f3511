<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../admin_model.py" line="69"/>
        <source>Admin mode is not set up on this kiosk.</source>
        <translation>Сервісний режим на цьому кіоску не налаштовано.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="80"/>
        <source>Too many wrong PINs. Try again in %1 min.</source>
        <translation>Забагато неправильних PIN. Спробуйте знову через %1 хв.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="85"/>
        <source>Wrong PIN. Tries left: %1</source>
        <translation>Неправильний PIN. Залишилося спроб: %1</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="99"/>
        <source>Sync is not set up: the config has no catalogue address.</source>
        <translation>Синхронізацію не налаштовано: у конфігурації немає адреси каталогу.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="102"/>
        <source>Syncing…</source>
        <translation>Синхронізую…</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="130"/>
        <source>Printing a test receipt…</source>
        <translation>Друк тестового чека…</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="145"/>
        <source>Test receipt printed.</source>
        <translation>Тестовий чек надруковано.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="147"/>
        <source>The test receipt was NOT printed.</source>
        <translation>Тестовий чек НЕ надруковано.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Mon</source>
        <translation>пн</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Tue</source>
        <translation>вт</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Wed</source>
        <translation>ср</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Thu</source>
        <translation>чт</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Fri</source>
        <translation>пт</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Sat</source>
        <translation>сб</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="22"/>
        <source>Sun</source>
        <translation>нд</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="28"/>
        <source>free of charge</source>
        <translation>безкоштовно</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="73"/>
        <source>This information is available only in Polish.</source>
        <translation>Ця інформація доступна лише польською мовою.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="74"/>
        <source>Part of this information is available only in Polish.</source>
        <translation>Частина цієї інформації доступна лише польською мовою.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="22"/>
        <source>This answer is required: please fill it in.</source>
        <translation>Ця відповідь обов’язкова: заповніть її.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="23"/>
        <source>A PESEL number has digits only: remove letters and other signs.</source>
        <translation>Номер PESEL складається лише з цифр: видаліть літери та інші знаки.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="24"/>
        <source>A PESEL number has 11 digits: check that none is missing or doubled.</source>
        <translation>Номер PESEL має 11 цифр: перевірте, чи жодної не бракує і жодна не повторилася.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="26"/>
        <source>This PESEL number has a typo: check the 11 digits against your ID card.</source>
        <translation>У цьому номері PESEL є помилка: звірте 11 цифр з документом.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="29"/>
        <source>The first six digits of this PESEL number are not a possible date of birth: check them against your ID card.</source>
        <translation>Перші шість цифр цього номера PESEL не є можливою датою народження: звірте їх з документом.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="32"/>
        <source>This PESEL number belongs to someone born on {birth_date}: check the PESEL number and the date of birth you gave.</source>
        <translation>Цей номер PESEL належить особі, народженій {birth_date}: перевірте номер PESEL і вказану дату народження.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="35"/>
        <source>This PESEL number does not match the sex you chose: check the PESEL number and your choice.</source>
        <translation>Цей номер PESEL не відповідає вибраній статі: перевірте номер PESEL і свій вибір.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="38"/>
        <source>A NIP number has digits only (dashes and spaces are fine): remove the rest.</source>
        <translation>Номер NIP складається з цифр (дефіси й пробіли дозволені): видаліть інші знаки.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="40"/>
        <source>A NIP number has 10 digits: check that none is missing or doubled.</source>
        <translation>Номер NIP має 10 цифр: перевірте, чи жодної не бракує і жодна не повторилася.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="42"/>
        <source>This NIP number has a typo: check the 10 digits against your documents.</source>
        <translation>У цьому номері NIP є помилка: звірте 10 цифр з документами.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="44"/>
        <source>A REGON number has digits only: remove letters and other signs.</source>
        <translation>Номер REGON складається лише з цифр: видаліть літери та інші знаки.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="46"/>
        <source>A REGON number has 9 or 14 digits: check that none is missing or doubled.</source>
        <translation>Номер REGON має 9 або 14 цифр: перевірте, чи жодної не бракує і жодна не повторилася.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="49"/>
        <source>This REGON number has a typo: check the digits against your documents.</source>
        <translation>У цьому номері REGON є помилка: звірте цифри з документами.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="52"/>
        <source>An ID card number is 3 letters and 6 digits, like ABC123456: check what you typed.</source>
        <translation>Номер польського посвідчення особи — 3 літери і 6 цифр, наприклад ABC123456: перевірте введене.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="55"/>
        <source>This ID card number has a typo: check the letters and digits on your ID card.</source>
        <translation>У цьому номері посвідчення є помилка: звірте літери й цифри з документом.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="57"/>
        <source>A postal code has 5 digits, like 37-100: check what you typed.</source>
        <translation>Поштовий індекс має 5 цифр, наприклад 37-100: перевірте введене.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="59"/>
        <source>A phone number has digits only (and + at the start): remove the rest.</source>
        <translation>Номер телефону складається з цифр (і + на початку): видаліть інші знаки.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="62"/>
        <source>This phone number has the wrong number of digits: give 9 digits, or + and the country code for a number abroad.</source>
        <translation>У цьому номері телефону неправильна кількість цифр: введіть 9 цифр або + і код країни для іноземного номера.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="65"/>
        <source>This is not an e-mail address: it should look like name@example.pl, with one @ and no spaces.</source>
        <translation>Це не адреса електронної пошти: вона має виглядати як name@example.pl, з одним @ і без пробілів.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="68"/>
        <source>The part after @ is not a valid address: check it, e.g. gmail.com or poczta.onet.pl.</source>
        <translation>Частина після @ не є правильною адресою: перевірте її, наприклад gmail.com або poczta.onet.pl.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="71"/>
        <source>This e-mail address is too long: check that nothing was typed twice.</source>
        <translation>Ця адреса електронної пошти задовга: перевірте, чи нічого не введено двічі.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="73"/>
        <source>This is not a date: type it as day.month.year, like 20.11.2026.</source>
        <translation>Це не дата: введіть її як день.місяць.рік, наприклад 20.11.2026.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="74"/>
        <source>This day does not exist in the calendar: check the day and the month.</source>
        <translation>Такого дня немає в календарі: перевірте день і місяць.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="75"/>
        <source>This date is too early: give {earliest} or a later date.</source>
        <translation>Ця дата зарання: вкажіть {earliest} або пізнішу.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="76"/>
        <source>This date is too late: give {latest} or an earlier date.</source>
        <translation>Ця дата запізня: вкажіть {latest} або ранішу.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="77"/>
        <source>This is not a whole number: type digits only, like 3.</source>
        <translation>Це не ціле число: введіть лише цифри, наприклад 3.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="78"/>
        <source>This number is too small: give {min} or more.</source>
        <translation>Це число замале: вкажіть {min} або більше.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="79"/>
        <source>This number is too large: give {max} or less.</source>
        <translation>Це число завелике: вкажіть {max} або менше.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="80"/>
        <source>This is not one of the answers offered: choose one of those shown.</source>
        <translation>Це не одна із запропонованих відповідей: виберіть одну з показаних.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="82"/>
        <source>This answer does not go with an answer you gave earlier: choose one of those shown now, or go back and change the earlier answer.</source>
        <translation>Ця відповідь не узгоджується з попередньою відповіддю: виберіть одну з показаних зараз або поверніться і змініть попередню відповідь.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="84"/>
        <source>This question needs a yes or a no: tap one of the two.</source>
        <translation>На це питання потрібна відповідь так або ні: торкніться однієї з них.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="86"/>
        <source>This answer is too long ({length} characters, at most {max}): shorten it.</source>
        <translation>Ця відповідь задовга ({length} символів, щонайбільше {max}): скоротіть її.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="89"/>
        <source>Your application could not be saved, so nothing was sent or printed. Please try again, or ask at the office.</source>
        <translation>Не вдалося зберегти заяву, тому нічого не надіслано і не надруковано. Спробуйте ще раз або зверніться до працівника установи.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="93"/>
        <source>This kiosk cannot save applications right now, so the form was not opened. Please ask at the office, or apply online.</source>
        <translation>Цей кіоск зараз не може зберегти заяву, тому форма не відкрилася. Зверніться до працівника установи або подайте заяву онлайн.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="97"/>
        <source>This application can no longer be filled in at this kiosk: the information has just been updated. Please ask at the office.</source>
        <translation>Цю заяву більше не можна заповнити в цьому кіоску: інформацію щойно оновлено. Зверніться до працівника установи.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="104"/>
        <source>This answer needs checking.</source>
        <translation>Цю відповідь треба перевірити.</translation>
    </message>
    <message>
        <location filename="../form_problems.py" line="113"/>
        <source>(optional)</source>
        <translation>(необов’язково)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="57"/>
        <source>today %1</source>
        <translation>сьогодні %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="59"/>
        <source>yesterday %1</source>
        <translation>вчора %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="72"/>
        <source>catalogue of %1, services: %2</source>
        <translation>каталог від %1, послуг: %2</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="77"/>
        <source>built in</source>
        <translation>вбудований</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="79"/>
        <source>loaded %1</source>
        <translation>завантажений %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="84"/>
        <source>no connection to the catalogue server</source>
        <translation>немає з&apos;єднання із сервером каталогу</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="85"/>
        <source>the catalogue server answered with an error</source>
        <translation>сервер каталогу відповів помилкою</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="86"/>
        <source>the catalogue&apos;s signature is not valid</source>
        <translation>підпис каталогу недійсний</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="87"/>
        <source>the catalogue has invalid records</source>
        <translation>каталог містить помилкові записи</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="88"/>
        <source>the disk is full</source>
        <translation>диск заповнений</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="89"/>
        <source>the catalogue is too large</source>
        <translation>каталог завеликий</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="95"/>
        <source>an unexpected error (see the log)</source>
        <translation>неочікувана помилка (подробиці в журналі)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="101"/>
        <source>not set up (no catalogue address in the config)</source>
        <translation>не налаштовано (немає адреси каталогу в конфігурації)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="103"/>
        <source>not yet since the start</source>
        <translation>ще не було від запуску</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="106"/>
        <source>new catalogue loaded, %1</source>
        <translation>завантажено новий каталог, %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="108"/>
        <source>no changes, %1</source>
        <translation>без змін, %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="109"/>
        <source>failed, %1: %2</source>
        <translation>невдала, %1: %2</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="111"/>
        <source>last success %1</source>
        <translation>остання вдала %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="117"/>
        <source>Sync finished: a new catalogue is in use.</source>
        <translation>Синхронізацію завершено: використовується новий каталог.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="119"/>
        <source>Sync finished: the catalogue has not changed.</source>
        <translation>Синхронізацію завершено: каталог не змінився.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="121"/>
        <source>Sync failed: %1. The kiosk keeps the catalogue it has.</source>
        <translation>Синхронізація невдала: %1. Кіоск залишає каталог, який має.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="127"/>
        <source>not checked (no catalogue address in the config)</source>
        <translation>не перевіряється (немає адреси каталогу в конфігурації)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="129"/>
        <source>no connection (the kiosk answers from its own catalogue)</source>
        <translation>немає з&apos;єднання (кіоск відповідає з власного каталогу)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="131"/>
        <source>connected</source>
        <translation>з&apos;єднано</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="145"/>
        <source>virtual printer (receipts saved as pictures)</source>
        <translation>віртуальний принтер (підтвердження зберігаються як зображення)</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="146"/>
        <source>USB printer %1</source>
        <translation>USB-принтер %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="147"/>
        <source>network printer %1</source>
        <translation>мережевий принтер %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="148"/>
        <source>printer at %1</source>
        <translation>принтер на %1</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="155"/>
        <source>ready</source>
        <translation>готовий</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="157"/>
        <source>paper running out</source>
        <translation>закінчується папір</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="158"/>
        <source>Put a new roll in soon.</source>
        <translation>Незабаром вставте новий рулон.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="161"/>
        <source>out of paper</source>
        <translation>немає паперу</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="162"/>
        <source>Put in a new roll (thermal side out) and close the cover.</source>
        <translation>Вставте новий рулон (термобоком назовні) і закрийте кришку.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="164"/>
        <source>cover open</source>
        <translation>відкрита кришка</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="164"/>
        <source>Close the cover until it clicks.</source>
        <translation>Закрийте кришку до клацання.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="166"/>
        <source>unreachable</source>
        <translation>недоступний</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="167"/>
        <source>The printer is off, unplugged or unreachable: check power and cable.</source>
        <translation>Принтер вимкнений, від&apos;єднаний або недоступний: перевірте живлення і кабель.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="170"/>
        <source>error</source>
        <translation>помилка</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="171"/>
        <source>Paper jam, cutter or mechanical error: clear it, then switch it off and on.</source>
        <translation>Застрягання паперу, помилка різака або механізму: усуньте причину, потім вимкніть і увімкніть принтер.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="174"/>
        <source>does not answer status requests</source>
        <translation>не відповідає на запити стану</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="175"/>
        <source>Check the cable; receipts are still sent.</source>
        <translation>Перевірте кабель; підтвердження все одно надсилаються.</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="183"/>
        <source>not asked yet</source>
        <translation>ще не опитано</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="191"/>
        <source>waiting %1 · delivered %2 · rejected %3</source>
        <translation>очікують %1 · доставлено %2 · відхилено %3</translation>
    </message>
    <message>
        <location filename="../admin_status.py" line="199"/>
        <source>the oldest has waited %1 min</source>
        <translation>найстаріша чекає %1 хв</translation>
    </message>
</context>
<context>
    <name>AccessibilityPanel</name>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="28"/>
        <source>Large text</source>
        <translation>Великий текст</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="29"/>
        <source>High contrast</source>
        <translation>Високий контраст</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="30"/>
        <source>Reduced motion</source>
        <translation>Менше руху</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="31"/>
        <source>Controls low (wheelchair)</source>
        <translation>Кнопки внизу (візок)</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="32"/>
        <source>Read aloud</source>
        <translation>Читати вголос</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="33"/>
        <source>More time</source>
        <translation>Більше часу</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="38"/>
        <source>Accessibility</source>
        <translation>Доступність</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="66"/>
        <source>Speech slower</source>
        <translation>Мовлення повільніше</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="67"/>
        <source>Speech faster</source>
        <translation>Мовлення швидше</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="68"/>
        <source>Speech quieter</source>
        <translation>Мовлення тихіше</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="69"/>
        <source>Speech louder</source>
        <translation>Мовлення гучніше</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation type="vanished">Повільніше</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation type="vanished">Швидше</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation type="vanished">Тихіше</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation type="vanished">Гучніше</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="86"/>
        <source>Read this screen now</source>
        <translation>Прочитати цей екран</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="95"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <location filename="../qml/AdminPanel.qml" line="21"/>
        <source>Version</source>
        <translation>Версія</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="21"/>
        <source>Kiosk</source>
        <translation>Кіоск</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="21"/>
        <source>Catalogue</source>
        <translation>Каталог</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="22"/>
        <source>Last sync</source>
        <translation>Остання синхронізація</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="22"/>
        <source>Network</source>
        <translation>Мережа</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="22"/>
        <source>Printer</source>
        <translation>Принтер</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="23"/>
        <source>Applications</source>
        <translation>Заяви</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="27"/>
        <source>Technician</source>
        <translation>Сервіс</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="54"/>
        <source>Sync now</source>
        <translation>Синхронізувати зараз</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="55"/>
        <source>Refresh</source>
        <translation>Оновити</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="56"/>
        <source>Test print</source>
        <translation>Тестовий друк</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="57"/>
        <source>Reload screens</source>
        <translation>Перезавантажити екрани</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="58"/>
        <source>Close the app</source>
        <translation>Закрити програму</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="59"/>
        <source>Back to residents</source>
        <translation>Повернутися до мешканців</translation>
    </message>
</context>
<context>
    <name>AttractOverlay</name>
    <message>
        <location filename="../qml/AttractOverlay.qml" line="21"/>
        <source>Touch the screen to find an office service</source>
        <translation>Торкніться екрана, щоб знайти адміністративну послугу</translation>
    </message>
</context>
<context>
    <name>CardScreen</name>
    <message>
        <location filename="../qml/CardScreen.qml" line="59"/>
        <source>Fill in the application here</source>
        <translation>Заповнити заяву тут</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="66"/>
        <source>Book a visit</source>
        <translation>Записатися на візит</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="81"/>
        <source>What it is</source>
        <translation>Що це</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="91"/>
        <source>Who can apply</source>
        <translation>Хто може звернутися</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="92"/>
        <source>What to bring</source>
        <translation>Що взяти з собою</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="93"/>
        <source>Fees</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="94"/>
        <source>How long it takes</source>
        <translation>Скільки це триває</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="97"/>
        <source>Where and when to go</source>
        <translation>Куди і коли звертатися</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="114"/>
        <source>QR code with the address of this service online</source>
        <translation>QR-код з адресою цієї послуги в інтернеті</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="120"/>
        <source>Continue on your phone</source>
        <translation>Продовжте на телефоні</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="121"/>
        <source>Scan the code with your phone&apos;s camera to open this service online.</source>
        <translation>Відскануйте код камерою телефона, щоб відкрити цю послугу в інтернеті.</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="125"/>
        <source>Legal basis</source>
        <translation>Правова підстава</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="126"/>
        <source>How to appeal</source>
        <translation>Як оскаржити</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="127"/>
        <source>What you get</source>
        <translation>Що ви отримаєте</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="132"/>
        <source>Information checked on %1</source>
        <translation>Інформацію перевірено: %1</translation>
    </message>
</context>
<context>
    <name>FormQuestion</name>
    <message>
        <location filename="../qml/components/FormQuestion.qml" line="41"/>
        <source>required</source>
        <translation>обов&apos;язкове</translation>
    </message>
    <message>
        <location filename="../qml/components/FormQuestion.qml" line="87"/>
        <source>DD.MM.YYYY</source>
        <translation>ДД.ММ.РРРР</translation>
    </message>
    <message>
        <location filename="../qml/components/FormQuestion.qml" line="128"/>
        <source>%1 of %2 characters</source>
        <translation>%1 з %2 символів</translation>
    </message>
    <message>
        <location filename="../qml/components/FormQuestion.qml" line="138"/>
        <source>Yes</source>
        <translation>Так</translation>
    </message>
    <message>
        <location filename="../qml/components/FormQuestion.qml" line="138"/>
        <source>No</source>
        <translation>Ні</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <location filename="../qml/FormScreen.qml" line="87"/>
        <source>Check your answers</source>
        <translation>Перевірте свої відповіді</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="88"/>
        <source>Step %1 of %2: %3</source>
        <translation>Крок %1 з %2: %3</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="169"/>
        <source>Change</source>
        <translation>Змінити</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="205"/>
        <source>How the office uses your data</source>
        <translation>Як установа використовує ваші дані</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="226"/>
        <source>To send the application, tick this box.</source>
        <translation>Щоб надіслати заяву, позначте це поле.</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="239"/>
        <source>I have read this information</source>
        <translation>Я ознайомився/-лася з цією інформацією</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="267"/>
        <source>Previous</source>
        <translation>Попередній крок</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="275"/>
        <source>Send the application</source>
        <translation>Надіслати заяву</translation>
    </message>
    <message>
        <location filename="../qml/FormScreen.qml" line="275"/>
        <source>Next</source>
        <translation>Далі</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/HomeScreen.qml" line="10"/>
        <source>Home: search, categories and life events</source>
        <translation>Головна: пошук, категорії та життєві ситуації</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="28"/>
        <source>What are you looking for? e.g. ID card, waste, tax</source>
        <translation>Що ви шукаєте? напр. посвідчення, відходи, податок</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="55"/>
        <source>Clear the search</source>
        <translation>Очистити пошук</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="59"/>
        <source>Search the e-services</source>
        <translation>Пошук е-послуг</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="84"/>
        <source>Nothing found for “%1”. Try fewer letters, or choose a category:</source>
        <translation>Нічого не знайдено для «%1». Введіть менше літер або виберіть категорію:</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="122"/>
        <source>Check the status of your application</source>
        <translation>Перевірити стан справи</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="132"/>
        <source>Book a visit</source>
        <translation>Записатися на візит</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="138"/>
        <source>Take a queue number</source>
        <translation>Взяти номерок</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="146"/>
        <source>Internet Wi-Fi: print a voucher</source>
        <translation>Інтернет Wi-Fi: надрукувати купон</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="157"/>
        <source>All offices</source>
        <translation>Усі установи</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="174"/>
        <source>Categories</source>
        <translation>Категорії</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="189"/>
        <source>Life events</source>
        <translation>Життєві ситуації</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="27"/>
        <source>Are you still there?</source>
        <translation>Ви ще тут?</translation>
    </message>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="37"/>
        <source>When the time runs out, everything you entered is cleared for the next person.</source>
        <translation>Коли час мине, усе введене буде видалено для наступної людини.</translation>
    </message>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="43"/>
        <source>I&apos;m still here</source>
        <translation>Я ще тут</translation>
    </message>
</context>
<context>
    <name>KeyboardPanel</name>
    <message>
        <location filename="../qml/KeyboardPanel.qml" line="13"/>
        <source>On-screen keyboard</source>
        <translation>Екранна клавіатура</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="135"/>
        <source>Controls are low on the screen. To change this, touch “Accessibility” below.</source>
        <translation>Кнопки розміщено внизу екрана. Щоб це змінити, торкніться «Доступність» нижче.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="183"/>
        <source>Accessibility</source>
        <translation>Доступність</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="214"/>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="215"/>
        <source>Home</source>
        <translation>Головна</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="221"/>
        <source>No connection · catalogue from %1</source>
        <translation>Немає з&apos;єднання · каталог від %1</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../qml/PinPad.qml" line="24"/>
        <source>Technician PIN</source>
        <translation>Сервісний PIN</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="47"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="10"/>
        <location filename="../qml/ReceiptScreen.qml" line="32"/>
        <source>Your application has been filed</source>
        <translation>Вашу заяву подано</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="49"/>
        <location filename="../qml/ReceiptScreen.qml" line="64"/>
        <source>Application code:</source>
        <translation>Код заяви:</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="80"/>
        <source>Printing your receipt…</source>
        <translation>Друкуємо підтвердження…</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="81"/>
        <source>Take your receipt from the printer.</source>
        <translation>Заберіть підтвердження з принтера.</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="82"/>
        <source>The printer is not working. Please take a photo of this screen: the code and the QR code are all you need.</source>
        <translation>Принтер не працює. Сфотографуйте цей екран: код і QR-код — це все, що вам потрібно.</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="106"/>
        <source>QR code with the address of your application&apos;s status</source>
        <translation>QR-код з адресою сторінки стану вашої заяви</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="112"/>
        <source>Check the status on your phone</source>
        <translation>Перевірте стан справи на телефоні</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="113"/>
        <source>Scan the code with your phone&apos;s camera, or give the application code at the office.</source>
        <translation>Відскануйте код камерою телефона або назвіть код заяви в установі.</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="117"/>
        <source>What happens next</source>
        <translation>Що далі</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="117"/>
        <source>The office will register your application and contact you if anything is missing.</source>
        <translation>Установа зареєструє вашу заяву і зв’яжеться з вами, якщо чогось бракуватиме.</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="127"/>
        <source>Finish</source>
        <translation>Завершити</translation>
    </message>
</context>
<context>
    <name>ScrollCue</name>
    <message>
        <location filename="../qml/components/ScrollCue.qml" line="42"/>
        <location filename="../qml/components/ScrollCue.qml" line="48"/>
        <source>more below</source>
        <translation>більше нижче</translation>
    </message>
</context>
<context>
    <name>ServiceList</name>
    <message>
        <location filename="../qml/components/ServiceList.qml" line="12"/>
        <source>Services</source>
        <translation>Послуги</translation>
    </message>
</context>
<context>
    <name>SpokenWords</name>
    <message>
        <location filename="../spoken.py" line="16"/>
        <source>button</source>
        <translation>кнопка</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="17"/>
        <source>text field</source>
        <translation>текстове поле</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="18"/>
        <source>heading</source>
        <translation>заголовок</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="19"/>
        <source>check box</source>
        <translation>прапорець</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="20"/>
        <source>picture</source>
        <translation>зображення</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="21"/>
        <source>message</source>
        <translation>повідомлення</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="30"/>
        <source>on</source>
        <translation>увімкнено</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="30"/>
        <source>off</source>
        <translation>вимкнено</translation>
    </message>
    <message numerus="yes">
        <location filename="../spoken.py" line="38"/>
        <source>%1, %n items</source>
        <translation>
            <numerusform>%1, %n елемент</numerusform>
            <numerusform>%1, %n елементи</numerusform>
            <numerusform>%1, %n елементів</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../spoken.py" line="42"/>
        <source>Speech mode. Down arrow: next item. Up arrow: previous item. Enter: choose. Escape: back. F1: this help. On the screen: touch to hear, double tap to choose.</source>
        <translation>Голосовий режим. Стрілка вниз: наступний елемент. Стрілка вгору: попередній елемент. Enter: вибрати. Escape: назад. F1: ця довідка. На екрані: торкніться, щоб почути, торкніться двічі, щоб вибрати.</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="47"/>
        <source>Speech mode on.</source>
        <translation>Голосовий режим увімкнено.</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="50"/>
        <source>Speech mode off.</source>
        <translation>Голосовий режим вимкнено.</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="54"/>
        <source>To use the kiosk by speech, press and hold the Accessibility button in the top right corner of the screen, or press the help key on the keypad.</source>
        <translation>Щоб користуватися інфоматом за допомогою мовлення, натисніть і утримуйте кнопку «Доступність» у правому верхньому куті екрана або натисніть клавішу довідки на клавіатурі.</translation>
    </message>
    <message numerus="yes">
        <location filename="../spoken.py" line="60"/>
        <source>Are you still there? In %n seconds everything you entered is cleared. Press any key or touch the screen for more time.</source>
        <translation>
            <numerusform>Ви ще тут? Через %n секунду все введене буде видалено. Натисніть будь-яку клавішу або торкніться екрана, щоб отримати більше часу.</numerusform>
            <numerusform>Ви ще тут? Через %n секунди все введене буде видалено. Натисніть будь-яку клавішу або торкніться екрана, щоб отримати більше часу.</numerusform>
            <numerusform>Ви ще тут? Через %n секунд все введене буде видалено. Натисніть будь-яку клавішу або торкніться екрана, щоб отримати більше часу.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../spoken.py" line="67"/>
        <source>deleted %1</source>
        <translation>видалено %1</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="71"/>
        <location filename="../spoken.py" line="88"/>
        <source>space</source>
        <translation>пробіл</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="72"/>
        <source>dash</source>
        <translation>дефіс</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="73"/>
        <source>dot</source>
        <translation>крапка</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="74"/>
        <source>comma</source>
        <translation>кома</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="75"/>
        <source>at</source>
        <translation>равлик</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="82"/>
        <source>Shift, capital letters</source>
        <translation>Shift, великі літери</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="83"/>
        <source>Delete the last letter</source>
        <translation>Видалити останню літеру</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="84"/>
        <source>Letters</source>
        <translation>Літери</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="86"/>
        <source>Digits and symbols</source>
        <translation>Цифри та символи</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="87"/>
        <source>Keyboard language</source>
        <translation>Мова клавіатури</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="89"/>
        <source>Hide the keyboard</source>
        <translation>Сховати клавіатуру</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="90"/>
        <source>Confirm</source>
        <translation>Підтвердити</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="93"/>
        <source>key</source>
        <translation>клавіша</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="95"/>
        <source>capital %1</source>
        <translation>велика літера %1</translation>
    </message>
    <message>
        <location filename="../spoken.py" line="103"/>
        <source>Nothing more on this screen.</source>
        <translation>На цьому екрані більше нічого немає.</translation>
    </message>
</context>
<context>
    <name>StatusScreen</name>
    <message>
        <location filename="../qml/StatusScreen.qml" line="15"/>
        <location filename="../qml/StatusScreen.qml" line="26"/>
        <source>Check the status of your application</source>
        <translation>Перевірити стан справи</translation>
    </message>
    <message>
        <location filename="../qml/StatusScreen.qml" line="36"/>
        <source>Type the code from your receipt (10 characters, e.g. K7P4M-X9RCA), or hold the receipt&apos;s QR code to the scanner.</source>
        <translation>Введіть код заяви з квитанції (10 символів, напр. K7P4M-X9RCA) або піднесіть QR-код квитанції до сканера.</translation>
    </message>
    <message>
        <location filename="../qml/StatusScreen.qml" line="66"/>
        <source>Code from the receipt</source>
        <translation>Код заяви з квитанції</translation>
    </message>
    <message>
        <location filename="../qml/StatusScreen.qml" line="85"/>
        <source>Check</source>
        <translation>Перевірити</translation>
    </message>
    <message>
        <location filename="../qml/StatusScreen.qml" line="107"/>
        <source>Code: %1</source>
        <translation>Код заяви: %1</translation>
    </message>
</context>
<context>
    <name>StatusWords</name>
    <message>
        <location filename="../status_words.py" line="17"/>
        <source>Codes have no “%1”. Compare with your receipt.</source>
        <translation>Коди не містять символу «%1». Порівняйте з квитанцією.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="21"/>
        <source>One character does not match. Compare the code with your receipt.</source>
        <translation>Один символ не збігається. Порівняйте код із квитанцією.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="23"/>
        <source>That is more than %1 characters. Compare with your receipt.</source>
        <translation>Це більше ніж %1 символів. Порівняйте з квитанцією.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="28"/>
        <source>%1 of %2 characters</source>
        <translation>%1 з %2 символів</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="32"/>
        <source>The code is complete. Touch “Check”.</source>
        <translation>Код повний. Торкніться «Перевірити».</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="36"/>
        <source>The office has received your application.</source>
        <translation>Установа отримала вашу заяву.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="37"/>
        <source>Your application is being dealt with.</source>
        <translation>Вашу заяву розглядають.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="38"/>
        <source>The office needs more from you. Please contact the office.</source>
        <translation>Установі потрібно від вас більше інформації. Зверніться до установи.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="39"/>
        <source>Your matter is settled. Please come to the office.</source>
        <translation>Справу вирішено. Запрошуємо до установи.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="40"/>
        <source>The matter is closed.</source>
        <translation>Справу закрито.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="42"/>
        <source>Your application is saved in this kiosk and waits to be sent to the office.</source>
        <translation>Вашу заяву збережено в цьому кіоску, вона очікує надсилання до установи.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="44"/>
        <source>Your application has been sent to the office.</source>
        <translation>Вашу заяву надіслано до установи.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="45"/>
        <source>Your application did not reach the office. Please ask there.</source>
        <translation>Ваша заява не надійшла до установи. Запитайте в установі.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="50"/>
        <source>The office cannot be asked right now. Please try again later.</source>
        <translation>Зараз неможливо зв’язатися з установою. Спробуйте пізніше.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="52"/>
        <source>No application with this code has reached the office yet. Applications reach it within minutes when the kiosk is online.</source>
        <translation>Заява з цим кодом ще не надійшла до установи. Заяви надходять протягом кількох хвилин, коли кіоск під’єднаний до мережі.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="58"/>
        <source>Information from the office.</source>
        <translation>Інформація від установи.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="60"/>
        <source>The office cannot be asked right now; this is what this kiosk knows.</source>
        <translation>Зараз неможливо зв’язатися з установою; ось що відомо цьому кіоску.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="62"/>
        <source>The office does not have it yet; this is what this kiosk knows.</source>
        <translation>Установа ще її не отримала; ось що відомо цьому кіоску.</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="67"/>
        <source>Service: %1</source>
        <translation>Послуга: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="68"/>
        <source>Case number: %1</source>
        <translation>Номер справи: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="69"/>
        <source>Filed: %1</source>
        <translation>Подано: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="70"/>
        <source>Last change: %1</source>
        <translation>Остання зміна: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="72"/>
        <source>Expected by: %1</source>
        <translation>Очікуваний термін: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="73"/>
        <source>Office: %1</source>
        <translation>Установа: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="74"/>
        <source>Phone: %1</source>
        <translation>Телефон: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="80"/>
        <source>Message from the office: %1</source>
        <translation>Повідомлення від установи: %1</translation>
    </message>
    <message>
        <location filename="../status_words.py" line="86"/>
        <source>Checking…</source>
        <translation>Перевіряю…</translation>
    </message>
</context>
<context>
    <name>VisitsModel</name>
    <message>
        <location filename="../visits_model.py" line="268"/>
        <source>Someone has just booked that time. Please choose another.</source>
        <translation>Хтось щойно зайняв цей час. Виберіть інший.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="269"/>
        <source>The office takes no more visitors today.</source>
        <translation>Сьогодні установа вже не приймає відвідувачів.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="270"/>
        <source>The office cannot be reached now; nothing was booked.</source>
        <translation>Зараз неможливо зв&apos;язатися з установою; нічого не заброньовано.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="281"/>
        <source>Office phone: %1</source>
        <translation>Телефон установи: %1</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="298"/>
        <source>Your number is %1.</source>
        <translation>Ваш номер: %1.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="301"/>
        <source>Visit booked: %1 at %2. Visit code: %3.</source>
        <translation>Візит заплановано: %1 о %2. Код візиту: %3.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="320"/>
        <source>Choose the matter: %1 to choose from.</source>
        <translation>Виберіть справу: на вибір %1.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="321"/>
        <source>Choose a day: %1 days with free times.</source>
        <translation>Виберіть день: %1 днів із вільними термінами.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="322"/>
        <source>Choose a time: %1 free times.</source>
        <translation>Виберіть час: %1 вільних термінів.</translation>
    </message>
    <message>
        <location filename="../visits_model.py" line="328"/>
        <source>Book %1 on %2 at %3? Choose Book and print.</source>
        <translation>Записатися: %1, %2 о %3? Виберіть «Записатися й надрукувати».</translation>
    </message>
</context>
<context>
    <name>VisitsScreen</name>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="33"/>
        <source>Take a queue number</source>
        <translation>Взяти номерок</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="33"/>
        <source>Book a visit</source>
        <translation>Записатися на візит</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="45"/>
        <source>Asking the office…</source>
        <translation>Запитую установу…</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="46"/>
        <source>Choose the matter:</source>
        <translation>Виберіть справу:</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="47"/>
        <source>%1: choose a day (free times only).</source>
        <translation>%1: виберіть день (лише вільні терміни).</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="48"/>
        <source>Choose a time:</source>
        <translation>Виберіть час:</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="49"/>
        <source>Book this visit?</source>
        <translation>Записатися на цей візит?</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="61"/>
        <source>The office receives visitors: %1</source>
        <translation>Години прийому відвідувачів: %1</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="72"/>
        <source>Office phone: %1</source>
        <translation>Телефон установи: %1</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="97"/>
        <source>No free times in the next two weeks. Please call the office.</source>
        <translation>Немає вільних термінів на найближчі два тижні. Зателефонуйте до установи.</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="140"/>
        <location filename="../qml/VisitsScreen.qml" line="189"/>
        <source>%1, %2 at %3, %4</source>
        <translation>%1, %2 о %3, %4</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="152"/>
        <source>Book and print</source>
        <translation>Записатися й надрукувати</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="163"/>
        <source>Take the slip from the printer.</source>
        <translation>Візьміть роздруківку з принтера.</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="164"/>
        <source>The printer did not print the slip. Please note it down.</source>
        <translation>Принтер не надрукував підтвердження. Запишіть ці дані.</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="176"/>
        <source>Your number: %1</source>
        <translation>Ваш номер: %1</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="177"/>
        <source>Visit code: %1</source>
        <translation>Код візиту: %1</translation>
    </message>
    <message>
        <location filename="../qml/VisitsScreen.qml" line="188"/>
        <source>People ahead of you: %1. Expected wait: about %2 min.</source>
        <translation>Перед вами: %1. Орієнтовне очікування: близько %2 хв.</translation>
    </message>
</context>
<context>
    <name>WifiModel</name>
    <message>
        <location filename="../wifi_model.py" line="131"/>
        <source>The slip could not be made. Please ask at the office.</source>
        <translation>Не вдалося підготувати купон. Зверніться до працівника установи.</translation>
    </message>
    <message>
        <location filename="../wifi_model.py" line="133"/>
        <source>Take the slip from the printer.</source>
        <translation>Візьміть роздруківку з принтера.</translation>
    </message>
    <message>
        <location filename="../wifi_model.py" line="135"/>
        <source>The printer did not print the slip. Copy the code from the screen.</source>
        <translation>Принтер не надрукував купон. Перепишіть код з екрана.</translation>
    </message>
</context>
<context>
    <name>WifiScreen</name>
    <message>
        <location filename="../qml/WifiScreen.qml" line="15"/>
        <location filename="../qml/WifiScreen.qml" line="25"/>
        <source>Internet Wi-Fi</source>
        <translation>Інтернет Wi-Fi</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="35"/>
        <source>Free internet in the network “%1”. The slip&apos;s QR code joins your phone to the network; its voucher code gives %2 hours online for one device.</source>
        <translation>Безкоштовний інтернет у мережі «%1». QR-код із роздруківки під&apos;єднає телефон до мережі, а код купона дасть %2 год інтернету для одного пристрою.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="46"/>
        <source>Printing…</source>
        <translation>Друкую…</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="46"/>
        <source>Print the Wi-Fi slip</source>
        <translation>Надрукувати купон Wi-Fi</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="53"/>
        <source>The slip could not be made. Please ask at the office.</source>
        <translation>Не вдалося підготувати купон. Зверніться до працівника установи.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="69"/>
        <source>Take the slip from the printer.</source>
        <translation>Візьміть роздруківку з принтера.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="70"/>
        <source>The printer did not print the slip. Copy the code from the screen.</source>
        <translation>Принтер не надрукував купон. Перепишіть код з екрана.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="81"/>
        <location filename="../qml/WifiScreen.qml" line="98"/>
        <source>Voucher code</source>
        <translation>Код купона</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="103"/>
        <source>Type it on the page that opens once your phone is connected. Use it by %1.</source>
        <translation>Введіть його на сторінці, що відкриється після під&apos;єднання телефону. Використайте його до %1.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="113"/>
        <source>Once connected, accept the terms on the network&apos;s page.</source>
        <translation>Після під&apos;єднання прийміть правила на сторінці мережі.</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="134"/>
        <source>QR code that joins a phone to the network %1</source>
        <translation>QR-код, що під&apos;єднує телефон до мережі %1</translation>
    </message>
    <message>
        <location filename="../qml/WifiScreen.qml" line="139"/>
        <source>Or scan this code from the screen with your phone&apos;s camera.</source>
        <translation>Або відскануйте цей код з екрана камерою телефону.</translation>
    </message>
</context>
</TS>
