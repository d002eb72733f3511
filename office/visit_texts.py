"""What the resident's visit page says (`/v/<office>/<CODE>`), per language; the page's
frame (title, languages, code line, footer) takes the status page's words where they fit."""

from __future__ import annotations

from office.status_texts import Language

_PL = {
    "page_title": "Wizyta w urzędzie",
    "code": "Kod wizyty",
    "privacy": "Ta strona nie pokazuje danych osobowych, tylko termin wizyty.",
    "service": "Sprawa",
    "when": "Termin",
    "desk": "Stanowisko",
    "booked": "Wizyta umówiona",
    "cancelled": "Wizyta odwołana",
    "past": "Termin tej wizyty minął",
    "cancel": "Odwołaj wizytę",
    "confirm": "Na pewno odwołać tę wizytę? Termin zwolni się dla innych.",
    "yes": "Tak, odwołaj",
    "no": "Nie, zostaw",
    "cancelled_now": "Wizyta odwołana. Dziękujemy: termin jest wolny dla innych.",
    "too_late": "Tej wizyty nie można już odwołać: jej termin trwa albo minął.",
    "unknown": "W tym urzędzie nie ma wizyty o tym kodzie. Porównaj kod z wydrukiem.",
    "malformed": "To nie jest kod wizyty. Kod ma 10 znaków, np. K7P4M-X9RCA.",
    "throttled": "Zbyt wiele prób. Odczekaj chwilę.",
    "unavailable": "Nie można teraz sprawdzić wizyty. Spróbuj za chwilę.",
    "contact": "Kontakt z urzędem",
    "phone": "Telefon",
    "remind_title": "Przypomnienie e-mailem",
    "remind_button": "Przypomnij mi e-mailem dzień wcześniej",
    "remind_email": "Adres e-mail",
    "remind_consent": (
        "Zgadzam się, aby urząd wysłał na ten adres jedno przypomnienie o tej wizycie. Adres "
        "zostanie usunięty razem z danymi wizyty; wcześniej usunę go tu sam(a)."
    ),
    "remind_notice": "Informacja o przetwarzaniu danych osobowych",
    "remind_wanted": "Dzień przed wizytą wyślemy przypomnienie e-mailem.",
    "remind_sent": "Przypomnienie e-mailem zostało wysłane.",
    "remind_refused": "Serwer poczty nie przyjął podanego adresu. Sprawdź go i podaj ponownie.",
    "remind_remove": "Usuń przypomnienie i mój adres",
    "reminder_set": "Gotowe: dzień przed wizytą przypomnimy o niej e-mailem.",
    "reminder_removed": "Przypomnienie i adres e-mail usunięte.",
    "reminder_closed": "Do tej wizyty nie można już ustawić przypomnienia.",
    "email_wrong": "To nie jest adres e-mail. Sprawdź go, np. jan.kowalski@example.pl.",
    "consent_needed": "Zaznacz zgodę, aby urząd mógł wysłać przypomnienie.",
    "cross_site": "Ten formularz można wysłać tylko ze strony wizyty.",
}
_EN = {
    "page_title": "Visit at the office",
    "code": "Visit code",
    "privacy": "This page shows no personal data, only the visit's time.",
    "service": "Service",
    "when": "Date and time",
    "desk": "Desk",
    "booked": "Visit booked",
    "cancelled": "Visit cancelled",
    "past": "This visit's time has passed",
    "cancel": "Cancel the visit",
    "confirm": "Cancel this visit? Its time becomes free for others.",
    "yes": "Yes, cancel it",
    "no": "No, keep it",
    "cancelled_now": "Visit cancelled. Thank you: the time is free for others.",
    "too_late": "This visit can no longer be cancelled: its time has begun or passed.",
    "unknown": "This office has no visit with this code. Compare the code with your slip.",
    "malformed": "This is not a visit code. A code has 10 characters, e.g. K7P4M-X9RCA.",
    "throttled": "Too many tries. Please wait a moment.",
    "unavailable": "The visit cannot be looked up now. Please try again shortly.",
    "contact": "Contact the office",
    "phone": "Phone",
    "remind_title": "Reminder by e-mail",
    "remind_button": "Remind me by e-mail the day before",
    "remind_email": "E-mail address",
    "remind_consent": (
        "I agree that the office sends one reminder of this visit to this address. The address "
        "is deleted with the visit's data; I can delete it here sooner."
    ),
    "remind_notice": "How the office processes personal data",
    "remind_wanted": "We will send a reminder by e-mail the day before the visit.",
    "remind_sent": "The reminder by e-mail has been sent.",
    "remind_refused": "The mail server did not accept that address. Check it and enter it again.",
    "remind_remove": "Delete the reminder and my address",
    "reminder_set": "Done: we will remind you by e-mail the day before the visit.",
    "reminder_removed": "Reminder and e-mail address deleted.",
    "reminder_closed": "A reminder can no longer be set for this visit.",
    "email_wrong": "This is not an e-mail address. Check it, e.g. jan.kowalski@example.pl.",
    "consent_needed": "Tick the consent so that the office may send the reminder.",
    "cross_site": "This form can only be sent from the visit's page.",
}
_UK = {
    "page_title": "Візит до установи",
    "code": "Код візиту",
    "privacy": "Ця сторінка не показує персональних даних, лише час візиту.",
    "service": "Справа",
    "when": "Дата і час",
    "desk": "Місце обслуговування",
    "booked": "Візит заплановано",
    "cancelled": "Візит скасовано",
    "past": "Час цього візиту минув",
    "cancel": "Скасувати візит",
    "confirm": "Справді скасувати цей візит? Час звільниться для інших.",
    "yes": "Так, скасувати",
    "no": "Ні, залишити",
    "cancelled_now": "Візит скасовано. Дякуємо: час вільний для інших.",
    "too_late": "Цей візит уже не можна скасувати: його час триває або минув.",
    "unknown": "У цій установі немає візиту з таким кодом. Звірте код із роздруківкою.",
    "malformed": "Це не код візиту. Код має 10 символів, напр. K7P4M-X9RCA.",
    "throttled": "Забагато спроб. Зачекайте трохи.",
    "unavailable": "Зараз неможливо перевірити візит. Спробуйте за хвилину.",
    "contact": "Контакт з установою",
    "phone": "Телефон",
    "remind_title": "Нагадування електронною поштою",
    "remind_button": "Нагадати мені e-mail за день до візиту",
    "remind_email": "Адреса електронної пошти",
    "remind_consent": (
        "Я погоджуюся, щоб установа надіслала на цю адресу одне нагадування про цей візит. "
        "Адресу буде видалено разом із даними візиту; раніше я можу видалити її тут."
    ),
    "remind_notice": "Інформація про обробку персональних даних",
    "remind_wanted": "За день до візиту ми надішлемо нагадування електронною поштою.",
    "remind_sent": "Нагадування електронною поштою надіслано.",
    "remind_refused": "Поштовий сервер не прийняв цю адресу. Перевірте її та введіть знову.",
    "remind_remove": "Видалити нагадування і мою адресу",
    "reminder_set": "Готово: за день до візиту ми нагадаємо про нього електронною поштою.",
    "reminder_removed": "Нагадування та адресу електронної пошти видалено.",
    "reminder_closed": "Для цього візиту вже не можна встановити нагадування.",
    "email_wrong": "Це не адреса електронної пошти. Перевірте її, напр. jan.kowalski@example.pl.",
    "consent_needed": "Позначте згоду, щоб установа могла надіслати нагадування.",
    "cross_site": "Цю форму можна надіслати лише зі сторінки візиту.",
}
_DE = {
    "page_title": "Termin im Amt",
    "code": "Termincode",
    "privacy": "Diese Seite zeigt keine persönlichen Daten, nur die Zeit des Termins.",
    "service": "Anliegen",
    "when": "Datum und Uhrzeit",
    "desk": "Schalter",
    "booked": "Termin gebucht",
    "cancelled": "Termin abgesagt",
    "past": "Die Zeit dieses Termins ist vorbei",
    "cancel": "Termin absagen",
    "confirm": "Diesen Termin wirklich absagen? Die Zeit wird für andere frei.",
    "yes": "Ja, absagen",
    "no": "Nein, behalten",
    "cancelled_now": "Termin abgesagt. Danke: die Zeit ist für andere frei.",
    "too_late": "Dieser Termin kann nicht mehr abgesagt werden: er läuft oder ist vorbei.",
    "unknown": (
        "Dieses Amt hat keinen Termin mit diesem Code. Vergleichen Sie ihn mit dem Ausdruck."
    ),
    "malformed": "Das ist kein Termincode. Ein Code hat 10 Zeichen, z. B. K7P4M-X9RCA.",
    "throttled": "Zu viele Versuche. Bitte warten Sie einen Moment.",
    "unavailable": "Der Termin kann gerade nicht abgefragt werden. Bitte gleich noch einmal.",
    "contact": "Kontakt zum Amt",
    "phone": "Telefon",
    "remind_title": "Erinnerung per E-Mail",
    "remind_button": "Am Vortag per E-Mail erinnern",
    "remind_email": "E-Mail-Adresse",
    "remind_consent": (
        "Ich bin einverstanden, dass das Amt eine Erinnerung an diesen Termin an diese Adresse "
        "sendet. Die Adresse wird mit den Daten des Termins gelöscht; vorher kann ich sie "
        "hier löschen."
    ),
    "remind_notice": "Informationen zur Verarbeitung personenbezogener Daten",
    "remind_wanted": "Am Tag vor dem Termin senden wir eine Erinnerung per E-Mail.",
    "remind_sent": "Die Erinnerung per E-Mail wurde gesendet.",
    "remind_refused": (
        "Der Mailserver hat die Adresse nicht angenommen. Prüfen Sie sie und geben Sie sie "
        "erneut ein."
    ),
    "remind_remove": "Erinnerung und meine Adresse löschen",
    "reminder_set": "Fertig: Am Tag vor dem Termin erinnern wir Sie per E-Mail.",
    "reminder_removed": "Erinnerung und E-Mail-Adresse gelöscht.",
    "reminder_closed": "Für diesen Termin kann keine Erinnerung mehr eingerichtet werden.",
    "email_wrong": "Das ist keine E-Mail-Adresse. Bitte prüfen, z. B. jan.kowalski@example.pl.",
    "consent_needed": "Bitte stimmen Sie zu, damit das Amt die Erinnerung senden darf.",
    "cross_site": "Dieses Formular kann nur von der Seite des Termins gesendet werden.",
}

VISIT_TEXTS: dict[Language, dict[str, str]] = {"pl": _PL, "en": _EN, "uk": _UK, "de": _DE}
