<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name />
    <message>
        <location filename="../admin_model.py" line="59" />
        <source>Admin mode is not set up on this kiosk.</source>
        <translation>Сервісний режим на цьому кіоску не налаштовано.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="70" />
        <source>Too many wrong PINs. Try again in %1 min.</source>
        <translation>Забагато неправильних PIN. Спробуйте знову через %1 хв.</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="74" />
        <source>Wrong PIN. Tries left: %1</source>
        <translation>Неправильний PIN. Залишилося спроб: %1</translation>
    </message>
    <message>
        <location filename="../admin_model.py" line="87" />
        <source>Sync started.</source>
        <translation>Синхронізацію розпочато.</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Mon</source>
        <translation>пн</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Tue</source>
        <translation>вт</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Wed</source>
        <translation>ср</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Thu</source>
        <translation>чт</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Fri</source>
        <translation>пт</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Sat</source>
        <translation>сб</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="20" />
        <source>Sun</source>
        <translation>нд</translation>
    </message>
    <message>
        <location filename="../service_card.py" line="26" />
        <source>free of charge</source>
        <translation>безкоштовно</translation>
    </message>
</context>
<context>
    <name>AccessibilityPanel</name>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="19" />
        <source>Large text</source>
        <translation>Великий текст</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="20" />
        <source>High contrast</source>
        <translation>Високий контраст</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="21" />
        <source>Reduced motion</source>
        <translation>Менше руху</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="22" />
        <source>Controls low (wheelchair)</source>
        <translation>Кнопки внизу (візок)</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="23" />
        <source>Read aloud</source>
        <translation>Читати вголос</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="24" />
        <source>More time</source>
        <translation>Більше часу</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="29" />
        <source>Accessibility</source>
        <translation>Доступність</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="49" />
        <source>Read this screen now</source>
        <translation>Прочитати цей екран</translation>
    </message>
    <message>
        <location filename="../qml/AccessibilityPanel.qml" line="56" />
        <source>Done</source>
        <translation>Готово</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <location filename="../qml/AdminPanel.qml" line="17" />
        <source>Version</source>
        <translation>Версія</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="17" />
        <source>Kiosk</source>
        <translation>Кіоск</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="17" />
        <source>Catalogue</source>
        <translation>Каталог</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="18" />
        <source>Last sync</source>
        <translation>Остання синхронізація</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="18" />
        <source>Network</source>
        <translation>Мережа</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="18" />
        <source>Printer</source>
        <translation>Принтер</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="19" />
        <source>Applications waiting</source>
        <translation>Заяви в черзі</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="23" />
        <source>Technician</source>
        <translation>Сервіс</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="36" />
        <source>Sync now</source>
        <translation>Синхронізувати зараз</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="37" />
        <source>Refresh</source>
        <translation>Оновити</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="38" />
        <source>Reload screens</source>
        <translation>Перезавантажити екрани</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="39" />
        <source>Close the app</source>
        <translation>Закрити програму</translation>
    </message>
    <message>
        <location filename="../qml/AdminPanel.qml" line="40" />
        <source>Back to residents</source>
        <translation>Повернутися до мешканців</translation>
    </message>
</context>
<context>
    <name>AttractOverlay</name>
    <message>
        <location filename="../qml/AttractOverlay.qml" line="20" />
        <source>Touch the screen to find an office service</source>
        <translation>Торкніться екрана, щоб знайти адміністративну послугу</translation>
    </message>
</context>
<context>
    <name>CardScreen</name>
    <message>
        <location filename="../qml/CardScreen.qml" line="39" />
        <source>What it is</source>
        <translation>Що це</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="40" />
        <source>Who can apply</source>
        <translation>Хто може звернутися</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="41" />
        <source>What to bring</source>
        <translation>Що взяти з собою</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="42" />
        <source>Fees</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="43" />
        <source>How long it takes</source>
        <translation>Скільки це триває</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="46" />
        <source>Where and when to go</source>
        <translation>Куди і коли звертатися</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="62" />
        <source>QR code with the address of this service online</source>
        <translation>QR-код з адресою цієї послуги в інтернеті</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="68" />
        <source>Continue on your phone</source>
        <translation>Продовжте на телефоні</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="69" />
        <source>Scan the code with your phone's camera to open this service online.</source>
        <translation>Відскануйте код камерою телефона, щоб відкрити цю послугу в інтернеті.</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="73" />
        <source>Legal basis</source>
        <translation>Правова підстава</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="74" />
        <source>How to appeal</source>
        <translation>Як оскаржити</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="75" />
        <source>What you get</source>
        <translation>Що ви отримаєте</translation>
    </message>
    <message>
        <location filename="../qml/CardScreen.qml" line="78" />
        <source>Information checked on %1</source>
        <translation>Інформацію перевірено: %1</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/HomeScreen.qml" line="23" />
        <source>What are you looking for? e.g. ID card, waste, tax</source>
        <translation>Що ви шукаєте? напр. посвідчення, відходи, податок</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="38" />
        <source>Search the e-services</source>
        <translation>Пошук е-послуг</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="60" />
        <source>Nothing found for “%1”. Try fewer letters, or choose a category:</source>
        <translation>Нічого не знайдено для «%1». Введіть менше літер або виберіть категорію:</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="100" />
        <source>All offices</source>
        <translation>Усі установи</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="116" />
        <source>Categories</source>
        <translation>Категорії</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="131" />
        <source>Life events</source>
        <translation>Життєві ситуації</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="26" />
        <source>Are you still there?</source>
        <translation>Ви ще тут?</translation>
    </message>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="36" />
        <source>When the time runs out, everything you entered is cleared for the next person.</source>
        <translation>Коли час мине, усе введене буде видалено для наступної людини.</translation>
    </message>
    <message>
        <location filename="../qml/IdleOverlay.qml" line="42" />
        <source>I'm still here</source>
        <translation>Я ще тут</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="97" />
        <source>Accessibility</source>
        <translation>Доступність</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="119" />
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="120" />
        <source>Home</source>
        <translation>Головна</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="125" />
        <source>No connection · catalogue from %1</source>
        <translation>Немає з'єднання · каталог від %1</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../qml/PinPad.qml" line="20" />
        <source>Technician PIN</source>
        <translation>Сервісний PIN</translation>
    </message>
    <message>
        <location filename="../qml/PinPad.qml" line="42" />
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
<context>
    <name>ServiceList</name>
    <message>
        <location filename="../qml/components/ServiceList.qml" line="12" />
        <source>Services</source>
        <translation>Послуги</translation>
    </message>
</context>
</TS>