"""The e-mail that reminds a resident of a visit the day before, per language."""

from __future__ import annotations

from office.status_texts import Language

_PL = {
    "subject": "Przypomnienie: jutro wizyta w urzędzie, {when}",
    "hello": "Dzień dobry,",
    "about": "przypominamy o wizycie: {office}.",
    "service": "Sprawa: {service}",
    "when": "Termin: {when}",
    "desk": "Stanowisko: {desk}",
    "code": "Kod wizyty: {code}",
    "cancel": "Jeśli nie możesz przyjść, odwołaj wizytę, by termin dostał ktoś inny: {link}",
    "phone": "Telefon do urzędu: {phone}",
    "why": "Wysyłamy to jedno przypomnienie, bo poproszono o nie na stronie tej wizyty.",
    "footer": "To wiadomość automatyczna; prosimy na nią nie odpowiadać.",
}
_EN = {
    "subject": "Reminder: your visit at the office tomorrow, {when}",
    "hello": "Hello,",
    "about": "this is a reminder of your visit: {office}.",
    "service": "Service: {service}",
    "when": "Date and time: {when}",
    "desk": "Desk: {desk}",
    "code": "Visit code: {code}",
    "cancel": "If you cannot come, please cancel so that someone else gets the time: {link}",
    "phone": "The office's phone: {phone}",
    "why": "We send this one reminder because it was asked for on the visit's page.",
    "footer": "This message was sent automatically; please do not reply to it.",
}
_UK = {
    "subject": "Нагадування: завтра візит до установи, {when}",
    "hello": "Добрий день,",
    "about": "нагадуємо про ваш візит: {office}.",
    "service": "Справа: {service}",
    "when": "Дата і час: {when}",
    "desk": "Місце обслуговування: {desk}",
    "code": "Код візиту: {code}",
    "cancel": "Якщо не зможете прийти, скасуйте візит, щоб час отримав хтось інший: {link}",
    "phone": "Телефон установи: {phone}",
    "why": "Ми надсилаємо це одне нагадування, бо його замовили на сторінці візиту.",
    "footer": "Це автоматичне повідомлення; просимо не відповідати на нього.",
}
_DE = {
    "subject": "Erinnerung: Ihr Termin im Amt morgen, {when}",
    "hello": "Guten Tag,",
    "about": "wir erinnern Sie an Ihren Termin: {office}.",
    "service": "Anliegen: {service}",
    "when": "Datum und Uhrzeit: {when}",
    "desk": "Schalter: {desk}",
    "code": "Termincode: {code}",
    "cancel": "Wenn Sie nicht kommen können, sagen Sie bitte ab, damit ein anderer die Zeit "
    "bekommt: {link}",
    "phone": "Telefon des Amts: {phone}",
    "why": "Wir senden diese eine Erinnerung, weil sie auf der Seite des Termins gewünscht wurde.",
    "footer": "Diese Nachricht wurde automatisch gesendet; bitte antworten Sie nicht darauf.",
}

REMINDER_TEXTS: dict[Language, dict[str, str]] = {"pl": _PL, "en": _EN, "uk": _UK, "de": _DE}
