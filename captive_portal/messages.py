"""Every text a hotspot user reads, per language; templates only name the keys.

Polish is the default and the reference: every other catalogue has exactly its keys
(a test checks). `{minutes}` is filled in by the page that shows it.
"""

from __future__ import annotations

from captive_portal.settings import Language

LANGUAGE_NAMES: dict[Language, str] = {
    "pl": "Polski", "en": "English", "uk": "Українська", "de": "Deutsch",
}  # fmt: skip

_PL = {
    "page_title": "Bezpłatny internet",
    "subtitle": "Bezpłatny internet Wi-Fi",
    "intro": "Aby korzystać z internetu, zaakceptuj regulamin sieci podany poniżej.",
    "language": "Język",
    "terms_heading": "Regulamin korzystania z sieci",
    "terms_version": "Wersja regulaminu",
    "session_note": "Dostęp na {minutes} min. Potem wystarczy ponownie zaakceptować.",
    "accept": "Akceptuję i łączę",
    "eservices": "E-usługi urzędu — dostępne bez akceptacji",
    "logo_alt": "Herb",
    "success_title": "Połączono z internetem",
    "success_text": "Możesz zamknąć to okno i swobodnie korzystać z internetu.",
    "error_title": "Nie udało się połączyć",
    "back": "Wróć do strony logowania",
    "form_missing": "Formularz jest niekompletny. Otwórz stronę logowania jeszcze raz.",
    "form_forged": "Tego formularza nie można użyć na tym urządzeniu. Otwórz stronę ponownie.",
    "form_expired": "Strona była otwarta zbyt długo. Otwórz ją ponownie i zaakceptuj.",
    "rate_limited": "Zbyt wiele prób. Odczekaj chwilę i spróbuj ponownie.",
    "gateway_input": "Nie rozpoznano urządzenia. Połącz się z siecią Wi-Fi ponownie.",
    "gateway_unavailable": "Punkt dostępowy chwilowo nie odpowiada. Spróbuj za chwilę.",
    "not_found": "Nie ma takiej strony.",
    "not_allowed": "Tej operacji nie można wykonać.",
    "too_large": "Przesłano zbyt dużo danych.",
    "server_error": "Wystąpił błąd. Spróbuj ponownie za chwilę.",
    "voucher_question": "Masz kupon Wi-Fi z infomatu?",
    "voucher_label": "Kod kuponu (16 znaków)",
    "voucher_hint": (
        "Wpisz kod i zaakceptuj regulamin: dostęp na {hours} godz. dla jednego urządzenia."
    ),
    "voucher_wrong": (
        "Ten kod kuponu jest nieprawidłowy. Porównaj go z wydrukiem: 16 znaków, same cyfry i "
        "wielkie litery."
    ),
    "voucher_expired": (
        "Ten kupon wygasł. Weź nowy w infomacie albo zaakceptuj regulamin bez kuponu."
    ),
    "voucher_used": (
        "Ten kupon został już użyty na innym urządzeniu. Każdy kupon działa na jednym urządzeniu."
    ),
    "default_terms": (
        "Sieć jest bezpłatna i udostępniana przez gminę dla mieszkańców i gości.\n\n"
        "Korzystaj z niej zgodnie z prawem. Nie przesyłaj treści nielegalnych ani szkodliwych.\n\n"
        "Gmina nie gwarantuje prędkości ani ciągłości połączenia i nie odpowiada za treści "
        "w internecie.\n\nZapisujemy tylko datę akceptacji, wersję regulaminu oraz "
        "zaszyfrowany skrót adresu urządzenia (bez adresu w jawnej postaci)."
    ),
}

_EN = {
    "page_title": "Free internet",
    "subtitle": "Free Wi-Fi internet",
    "intro": "To use the internet, accept the terms of use shown below.",
    "language": "Language",
    "terms_heading": "Terms of use",
    "terms_version": "Terms version",
    "session_note": "Access for {minutes} min. Then simply accept again.",
    "accept": "Accept and connect",
    "eservices": "Town hall e-services — open without accepting",
    "logo_alt": "Coat of arms",
    "success_title": "You are connected",
    "success_text": "You can close this window and use the internet.",
    "error_title": "Could not connect",
    "back": "Back to the sign-in page",
    "form_missing": "The form is incomplete. Please open the sign-in page again.",
    "form_forged": "This form cannot be used on this device. Please open the page again.",
    "form_expired": "The page was open too long. Please open it again and accept.",
    "rate_limited": "Too many attempts. Please wait a moment and try again.",
    "gateway_input": "Your device was not recognised. Please reconnect to the Wi-Fi.",
    "gateway_unavailable": "The access point is not answering. Please try again shortly.",
    "not_found": "There is no such page.",
    "not_allowed": "This cannot be done here.",
    "too_large": "Too much data was sent.",
    "server_error": "Something went wrong. Please try again shortly.",
    "voucher_question": "Have a Wi-Fi voucher from the kiosk?",
    "voucher_label": "Voucher code (16 characters)",
    "voucher_hint": "Type the code and accept the terms: access for {hours} h for one device.",
    "voucher_wrong": (
        "This voucher code is not valid. Compare it with the printed slip: 16 characters, digits "
        "and capital letters."
    ),
    "voucher_expired": (
        "This voucher has expired. Take a new one at the kiosk, or accept the terms without a "
        "voucher."
    ),
    "voucher_used": (
        "This voucher has already been used on another device. Each voucher works on one device."
    ),
    "default_terms": (
        "This network is free, provided by the municipality for residents and visitors.\n\n"
        "Use it lawfully. Do not send illegal or harmful content.\n\n"
        "The municipality guarantees neither speed nor continuity and is not responsible for "
        "content on the internet.\n\nWe record only the time of acceptance, the terms version "
        "and a keyed hash of the device address (never the address itself)."
    ),
}

_UK = {
    "page_title": "Безкоштовний інтернет",
    "subtitle": "Безкоштовний інтернет Wi-Fi",
    "intro": "Щоб користуватися інтернетом, прийміть правила мережі, наведені нижче.",
    "language": "Мова",
    "terms_heading": "Правила користування мережею",
    "terms_version": "Версія правил",
    "session_note": "Доступ на {minutes} хв. Потім просто прийміть правила ще раз.",
    "accept": "Приймаю та підключаюся",
    "eservices": "Електронні послуги ґміни — доступні без прийняття правил",
    "logo_alt": "Герб",
    "success_title": "Підключено до інтернету",
    "success_text": "Можете закрити це вікно та користуватися інтернетом.",
    "error_title": "Не вдалося підключитися",
    "back": "Повернутися до сторінки входу",
    "form_missing": "Форма неповна. Відкрийте сторінку входу ще раз.",
    "form_forged": "Цю форму не можна використати на цьому пристрої. Відкрийте сторінку знову.",
    "form_expired": "Сторінка була відкрита надто довго. Відкрийте її знову та прийміть правила.",
    "rate_limited": "Забагато спроб. Зачекайте хвилину та спробуйте знову.",
    "gateway_input": "Пристрій не розпізнано. Підключіться до мережі Wi-Fi ще раз.",
    "gateway_unavailable": "Точка доступу тимчасово не відповідає. Спробуйте за хвилину.",
    "not_found": "Такої сторінки немає.",
    "not_allowed": "Цю дію тут виконати не можна.",
    "too_large": "Надіслано забагато даних.",
    "server_error": "Сталася помилка. Спробуйте за хвилину.",
    "voucher_question": "Маєте купон Wi-Fi з інфомату?",
    "voucher_label": "Код купона (16 символів)",
    "voucher_hint": "Введіть код і прийміть правила: доступ на {hours} год для одного пристрою.",
    "voucher_wrong": (
        "Цей код купона недійсний. Звірте його з роздруківкою: 16 символів, цифри та великі "
        "латинські літери."
    ),
    "voucher_expired": (
        "Термін дії купона минув. Візьміть новий в інфоматі або прийміть правила без купона."
    ),
    "voucher_used": (
        "Цей купон уже використано на іншому пристрої. Кожен купон діє на одному пристрої."
    ),
    "default_terms": (
        "Мережа безкоштовна, її надає ґміна для мешканців і гостей.\n\n"
        "Користуйтеся нею відповідно до закону. Не надсилайте незаконних чи шкідливих матеріалів."
        "\n\nҐміна не гарантує швидкості чи безперервності з'єднання і не відповідає за вміст "
        "інтернету.\n\nМи зберігаємо лише час прийняття, версію правил і захищений ключем хеш "
        "адреси пристрою (ніколи саму адресу)."
    ),
}

_DE = {
    "page_title": "Kostenloses Internet",
    "subtitle": "Kostenloses WLAN-Internet",
    "intro": "Um das Internet zu nutzen, akzeptieren Sie die unten stehenden Nutzungsbedingungen.",
    "language": "Sprache",
    "terms_heading": "Nutzungsbedingungen",
    "terms_version": "Version der Bedingungen",
    "session_note": "Zugang für {minutes} Min. Danach einfach erneut zustimmen.",
    "accept": "Akzeptieren und verbinden",
    "eservices": "E-Services der Gemeinde — ohne Zustimmung erreichbar",
    "logo_alt": "Wappen",
    "success_title": "Mit dem Internet verbunden",
    "success_text": "Sie können dieses Fenster schließen und das Internet nutzen.",
    "error_title": "Verbindung nicht möglich",
    "back": "Zurück zur Anmeldeseite",
    "form_missing": "Das Formular ist unvollständig. Bitte öffnen Sie die Anmeldeseite erneut.",
    "form_forged": "Dieses Formular gilt nicht für dieses Gerät. Bitte öffnen Sie die Seite neu.",
    "form_expired": "Die Seite war zu lange geöffnet. Bitte öffnen Sie sie erneut.",
    "rate_limited": "Zu viele Versuche. Bitte warten Sie einen Moment.",
    "gateway_input": "Ihr Gerät wurde nicht erkannt. Bitte verbinden Sie sich neu mit dem WLAN.",
    "gateway_unavailable": "Der Zugangspunkt antwortet nicht. Bitte gleich noch einmal versuchen.",
    "not_found": "Diese Seite gibt es nicht.",
    "not_allowed": "Das ist hier nicht möglich.",
    "too_large": "Es wurden zu viele Daten gesendet.",
    "server_error": "Ein Fehler ist aufgetreten. Bitte versuchen Sie es gleich noch einmal.",
    "voucher_question": "Haben Sie einen WLAN-Gutschein vom Infoterminal?",
    "voucher_label": "Gutscheincode (16 Zeichen)",
    "voucher_hint": (
        "Code eingeben und die Bedingungen akzeptieren: Zugang für {hours} Std. für ein Gerät."
    ),
    "voucher_wrong": (
        "Dieser Gutscheincode ist ungültig. Vergleichen Sie ihn mit dem Ausdruck: 16 Zeichen, "
        "Ziffern und Großbuchstaben."
    ),
    "voucher_expired": (
        "Dieser Gutschein ist abgelaufen. Holen Sie am Infoterminal einen neuen oder akzeptieren "
        "Sie die Bedingungen ohne Gutschein."
    ),
    "voucher_used": (
        "Dieser Gutschein wurde bereits auf einem anderen Gerät verwendet. Jeder Gutschein gilt "
        "für ein Gerät."
    ),
    "default_terms": (
        "Dieses Netz ist kostenlos und wird von der Gemeinde für Einwohner und Gäste "
        "bereitgestellt.\n\nNutzen Sie es rechtmäßig. Senden Sie keine illegalen oder "
        "schädlichen Inhalte.\n\nDie Gemeinde garantiert weder Geschwindigkeit noch "
        "Verfügbarkeit und haftet nicht für Inhalte im Internet.\n\nWir speichern nur den "
        "Zeitpunkt der Zustimmung, die Version der Bedingungen und einen verschlüsselten "
        "Hash der Geräteadresse (nie die Adresse selbst)."
    ),
}

CATALOGUES: dict[Language, dict[str, str]] = {"pl": _PL, "en": _EN, "uk": _UK, "de": _DE}


def text(language: Language, key: str) -> str:
    """The message `key` in `language` (Polish when a catalogue lacks it)."""
    return CATALOGUES[language].get(key) or _PL[key]
