"""The texts of the e-mail to a resident, per language (the state sentences are the status
page's, office/status_texts.py, so the e-mail and the page say the same)."""

from __future__ import annotations

from office.status_texts import Language

_PL = {
    "subject": "Wiadomość z urzędu w sprawie {case_number}",
    "hello": "Dzień dobry,",
    "about": "{office}, sprawa {case_number}: {service}",
    "state": "Stan sprawy: {state}",
    "link": "Stan sprawy w każdej chwili: {link}",
    "phone": "Telefon do urzędu: {phone}",
    "footer": "To wiadomość automatyczna; prosimy na nią nie odpowiadać.",
}
_EN = {
    "subject": "Message from the office about case {case_number}",
    "hello": "Hello,",
    "about": "{office}, case {case_number}: {service}",
    "state": "Where your case stands: {state}",
    "link": "See where it stands at any time: {link}",
    "phone": "The office's phone: {phone}",
    "footer": "This message was sent automatically; please do not reply to it.",
}
_UK = {
    "subject": "Повідомлення від установи щодо справи {case_number}",
    "hello": "Добрий день,",
    "about": "{office}, справа {case_number}: {service}",
    "state": "Стан справи: {state}",
    "link": "Стан справи будь-коли: {link}",
    "phone": "Телефон установи: {phone}",
    "footer": "Це автоматичне повідомлення; просимо не відповідати на нього.",
}
_DE = {
    "subject": "Nachricht vom Amt zum Vorgang {case_number}",
    "hello": "Guten Tag,",
    "about": "{office}, Vorgang {case_number}: {service}",
    "state": "Stand Ihres Antrags: {state}",
    "link": "Den Stand jederzeit sehen: {link}",
    "phone": "Telefon des Amts: {phone}",
    "footer": "Diese Nachricht wurde automatisch versandt; bitte antworten Sie nicht darauf.",
}

MAIL_TEXTS: dict[Language, dict[str, str]] = {"pl": _PL, "en": _EN, "uk": _UK, "de": _DE}
