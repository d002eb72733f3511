"""Every text of the status page, per language; the template only names the keys.

Polish is the default and the reference: every other catalogue has exactly its keys (a
test checks). The state sentences and the code's problems use the kiosk's own words
(ui/i18n), so a resident reads the same at the kiosk and on the phone.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal
from zoneinfo import ZoneInfo

Language = Literal["pl", "en", "uk", "de"]
LANGUAGES: tuple[Language, ...] = ("pl", "en", "uk", "de")
LANGUAGE_NAMES: dict[Language, str] = {
    "pl": "Polski", "en": "English", "uk": "Українська", "de": "Deutsch",
}  # fmt: skip
OFFICE_TIME = ZoneInfo("Europe/Warsaw")

_PL = {
    "page_title": "Stan sprawy",
    "language": "Język",
    "code": "Kod z potwierdzenia",
    "state_received": "Urząd otrzymał Twój wniosek.",
    "state_in_progress": "Twój wniosek jest rozpatrywany.",
    "state_needs_more": "Urząd potrzebuje od Ciebie więcej informacji. Skontaktuj się z urzędem.",
    "state_ready": "Sprawa jest załatwiona. Zapraszamy do urzędu.",
    "state_closed": "Sprawa jest zakończona.",
    "step_received": "Wniosek przyjęty",
    "step_in_progress": "Rozpatrywanie",
    "step_needs_more": "Potrzebne uzupełnienie",
    "step_ready": "Sprawa załatwiona",
    "step_closed": "Sprawa zakończona",
    "message": "Wiadomość z urzędu",
    "service": "Sprawa",
    "case_number": "Numer sprawy",
    "filed": "Złożono",
    "last_change": "Ostatnia zmiana",
    "expected_by": "Przewidywany termin załatwienia",
    "history": "Przebieg sprawy",
    "contact": "Kontakt z urzędem",
    "phone": "Telefon",
    "privacy": "Ta strona nie pokazuje danych osobowych, tylko stan sprawy.",
    "mismatch": "Jeden znak się nie zgadza. Porównaj kod z potwierdzeniem.",
    "malformed": "To nie jest kod z potwierdzenia. Kod ma 10 znaków, np. K7P4M-X9RCA.",
    "unknown": (
        "Wniosek o tym kodzie nie dotarł jeszcze do urzędu. Wnioski docierają do urzędu "
        "w ciągu kilku minut, gdy kiosk ma połączenie z siecią."
    ),
    "throttled": "Zbyt wiele prób. Odczekaj chwilę i spróbuj ponownie.",
    "unavailable": "Nie można teraz sprawdzić stanu sprawy. Spróbuj za chwilę.",
    "months": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września "
    "października listopada grudnia",
    "day": "{day} {month} {year}",
}

_EN = {
    "page_title": "Case status",
    "language": "Language",
    "code": "Code from your receipt",
    "state_received": "The office has received your application.",
    "state_in_progress": "Your application is being dealt with.",
    "state_needs_more": "The office needs more from you. Please contact the office.",
    "state_ready": "Your matter is settled. Please come to the office.",
    "state_closed": "The matter is closed.",
    "step_received": "Application received",
    "step_in_progress": "Being dealt with",
    "step_needs_more": "More needed from you",
    "step_ready": "Settled",
    "step_closed": "Closed",
    "message": "Message from the office",
    "service": "Service",
    "case_number": "Case number",
    "filed": "Filed",
    "last_change": "Last change",
    "expected_by": "Expected to be dealt with by",
    "history": "History",
    "contact": "Contact the office",
    "phone": "Phone",
    "privacy": "This page shows no personal data, only where the case stands.",
    "mismatch": "One character does not match. Compare the code with your receipt.",
    "malformed": "This is not a code from a receipt. A code has 10 characters, e.g. K7P4M-X9RCA.",
    "unknown": (
        "No application with this code has reached the office yet. Applications reach it "
        "within minutes when the kiosk is online."
    ),
    "throttled": "Too many attempts. Please wait a moment and try again.",
    "unavailable": "The status cannot be checked right now. Please try again shortly.",
    "months": "January February March April May June July August September October "
    "November December",
    "day": "{day} {month} {year}",
}

_UK = {
    "page_title": "Стан справи",
    "language": "Мова",
    "code": "Код із квитанції",
    "state_received": "Установа отримала вашу заяву.",
    "state_in_progress": "Вашу заяву розглядають.",
    "state_needs_more": "Установі потрібно від вас більше інформації. Зверніться до установи.",
    "state_ready": "Справу вирішено. Запрошуємо до установи.",
    "state_closed": "Справу закрито.",
    "step_received": "Заяву отримано",
    "step_in_progress": "Розгляд",
    "step_needs_more": "Потрібна додаткова інформація",
    "step_ready": "Справу вирішено",
    "step_closed": "Справу закрито",
    "message": "Повідомлення від установи",
    "service": "Послуга",
    "case_number": "Номер справи",
    "filed": "Подано",
    "last_change": "Остання зміна",
    "expected_by": "Очікуваний термін розгляду",
    "history": "Хід справи",
    "contact": "Зв’язок з установою",
    "phone": "Телефон",
    "privacy": "Ця сторінка не показує персональних даних, лише стан справи.",
    "mismatch": "Один символ не збігається. Порівняйте код із квитанцією.",
    "malformed": "Це не код із квитанції. Код має 10 символів, наприклад K7P4M-X9RCA.",
    "unknown": (
        "Заява з цим кодом ще не надійшла до установи. Заяви надходять протягом кількох "
        "хвилин, коли кіоск під’єднаний до мережі."
    ),
    "throttled": "Забагато спроб. Зачекайте хвилину та спробуйте знову.",
    "unavailable": "Зараз неможливо перевірити стан справи. Спробуйте за хвилину.",
    "months": "січня лютого березня квітня травня червня липня серпня вересня жовтня "
    "листопада грудня",
    "day": "{day} {month} {year}",
}

_DE = {
    "page_title": "Stand des Antrags",
    "language": "Sprache",
    "code": "Code auf Ihrem Beleg",
    "state_received": "Das Amt hat Ihren Antrag erhalten.",
    "state_in_progress": "Ihr Antrag wird bearbeitet.",
    "state_needs_more": (
        "Das Amt benötigt weitere Angaben von Ihnen. Bitte wenden Sie sich an das Amt."
    ),
    "state_ready": "Ihr Anliegen ist erledigt. Bitte kommen Sie ins Amt.",
    "state_closed": "Der Vorgang ist abgeschlossen.",
    "step_received": "Antrag eingegangen",
    "step_in_progress": "In Bearbeitung",
    "step_needs_more": "Weitere Angaben nötig",
    "step_ready": "Erledigt",
    "step_closed": "Abgeschlossen",
    "message": "Nachricht vom Amt",
    "service": "Leistung",
    "case_number": "Aktenzeichen",
    "filed": "Eingereicht",
    "last_change": "Letzte Änderung",
    "expected_by": "Voraussichtlich erledigt bis",
    "history": "Verlauf",
    "contact": "Kontakt zum Amt",
    "phone": "Telefon",
    "privacy": "Diese Seite zeigt keine persönlichen Daten, nur den Stand des Vorgangs.",
    "mismatch": "Ein Zeichen stimmt nicht. Vergleichen Sie den Code mit Ihrem Beleg.",
    "malformed": "Das ist kein Code von einem Beleg. Ein Code hat 10 Zeichen, z. B. K7P4M-X9RCA.",
    "unknown": (
        "Ein Antrag mit diesem Code ist noch nicht im Amt eingegangen. Anträge gehen "
        "innerhalb weniger Minuten ein, wenn das Terminal online ist."
    ),
    "throttled": "Zu viele Versuche. Bitte warten Sie einen Moment.",
    "unavailable": "Der Stand kann gerade nicht abgefragt werden. Bitte gleich noch einmal.",
    "months": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "day": "{day}. {month} {year}",
}

CATALOGUES: dict[Language, dict[str, str]] = {"pl": _PL, "en": _EN, "uk": _UK, "de": _DE}
_MONTHS = {language: texts["months"].split() for language, texts in CATALOGUES.items()}


def day(language: Language, moment: dt.datetime) -> str:
    """`moment`'s date in the office's time zone, in words: 20 listopada 2026."""
    local = moment.astimezone(OFFICE_TIME)
    month = _MONTHS[language][local.month - 1]
    return CATALOGUES[language]["day"].format(day=local.day, month=month, year=local.year)


def calendar_day(language: Language, date: dt.date) -> str:
    """A calendar date in words (20 grudnia 2026), as `day` writes a moment's."""
    return day(language, dt.datetime.combine(date, dt.time(12), tzinfo=OFFICE_TIME))


def day_and_time(language: Language, moment: dt.datetime) -> str:
    local = moment.astimezone(OFFICE_TIME)
    return f"{day(language, local)}, {local.hour:02d}:{local.minute:02d}"


def pick_language(asked: str | None, accept_language: str) -> Language:
    """?lang= first, then the browser's Accept-Language by its q-values, then Polish."""
    by_name: dict[str | None, Language] = {language: language for language in LANGUAGES}
    if asked in by_name:
        return by_name[asked]
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, position, tag.split("-")[0].strip().lower()))
    for quality, _, primary in sorted(ranked):
        if quality < 0 and primary in by_name:
            return by_name[primary]
    return "pl"
