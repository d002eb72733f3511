"""What the printer gives for a booked visit and for a walk-in ticket, in the resident's
language: the office, the service, the day and time and desk (or the queue number, the
people ahead and the wait), what to bring (the service card's list, cut to fit a slip),
the booking code, and the office's phone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from devices.receipt import Align, Cut, Feed, Line, QrCode, Receipt, Separator, Size, Title
from kiosk.config import Language
from kiosk.receipts import NO_BREAK, plain_punctuation
from kiosk.visits import Booking, Ticket


@dataclass(frozen=True)
class VisitWords:
    booked: str
    ticket: str
    service: str
    when: str
    desk: str
    code: str
    keep_code: str
    ahead: str  # {ahead}
    wait: str  # {minutes}
    phone: str
    watch: str
    watch_time: str  # a booking is called on the waiting-room screen by its time
    scan: str
    bring: str
    more: str  # {count}


WORDS: dict[Language, VisitWords] = {
    "pl": VisitWords(
        booked="Wizyta umówiona", ticket="Twój numerek", service="Sprawa", when="Termin",
        desk="Stanowisko", code="Kod wizyty",
        keep_code="Podaj go przy stanowisku. Nim też odwołasz wizytę w urzędzie lub telefonicznie.",
        ahead="Przed Tobą: {ahead}", wait="Przewidywany czas oczekiwania: ok. {minutes} min",
        phone="Telefon do urzędu", watch="Obserwuj ekran w poczekalni: wywoła Twój numer.",
        watch_time="W poczekalni obserwuj ekran: pokaże godzinę Twojej wizyty i stanowisko.",
        scan="Zeskanuj kod telefonem, aby sprawdzić albo odwołać wizytę.",
        bring="Co zabrać", more="...i {count} więcej: zobacz kartę sprawy w infomacie.",
    ),
    "en": VisitWords(
        booked="Visit booked", ticket="Your number", service="Service", when="Date and time",
        desk="Desk", code="Visit code",
        keep_code="Give it at the desk. It also cancels the visit at the office or by phone.",
        ahead="People ahead of you: {ahead}", wait="Expected wait: about {minutes} min",
        phone="Office phone", watch="Watch the screen in the waiting room: it calls your number.",
        watch_time="In the waiting room, watch the screen: it shows your visit's time and desk.",
        scan="Scan the code with your phone to check or cancel the visit.",
        bring="What to bring", more="...and {count} more: see the service's card at the kiosk.",
    ),
    "uk": VisitWords(
        booked="Візит заплановано", ticket="Ваш номер", service="Справа", when="Дата і час",
        desk="Місце обслуговування", code="Код візиту",
        keep_code="Назвіть його біля місця обслуговування. Ним також можна скасувати візит.",
        ahead="Перед вами: {ahead}", wait="Орієнтовне очікування: близько {minutes} хв",
        phone="Телефон установи",
        watch="Стежте за екраном у залі очікування: там з'явиться ваш номер.",
        watch_time="У залі очікування стежте за екраном: там з'явиться час вашого візиту.",
        scan="Відскануйте код телефоном, щоб перевірити або скасувати візит.",
        bring="Що взяти з собою", more="...і ще {count}: див. картку послуги в інфоматі.",
    ),
    "de": VisitWords(
        booked="Termin gebucht", ticket="Ihre Nummer", service="Anliegen", when="Termin",
        desk="Schalter", code="Termincode",
        keep_code="Nennen Sie ihn am Schalter. Damit sagen Sie den Termin auch ab.",
        ahead="Vor Ihnen: {ahead}", wait="Voraussichtliche Wartezeit: etwa {minutes} Min.",
        phone="Telefon des Amts", watch="Achten Sie auf den Bildschirm im Wartebereich.",
        watch_time="Der Bildschirm im Wartebereich zeigt die Uhrzeit Ihres Termins an.",
        scan="Scannen Sie den Code, um den Termin zu prüfen oder abzusagen.",
        bring="Bitte mitbringen", more="...und {count} weitere: siehe die Karte am Infomat.",
    ),
}  # fmt: skip


def shown_day(day: str, time: str) -> str:
    """'23.11.2026, 09:00' from the office's '2026-11-23' and '09:00'."""
    return f"{dt.date.fromisoformat(day).strftime('%d.%m.%Y')}, {time}"


def booking_slip(
    booking: Booking, language: Language, bring: Sequence[str] = (), more: int = 0
) -> Receipt:
    """The slip of a booked visit; `bring` the service card's list as slip_list() cuts it,
    `more` how many it left out."""
    words = WORDS[language]
    return Receipt(
        (
            Line(plain_punctuation(booking.office.name), bold=True, align=Align.CENTER),
            Title(words.booked),
            Separator(),
            Line(f"{words.service}: {plain_punctuation(booking.service)}"),
            Line(f"{words.when}: {shown_day(booking.day, booking.time)}", bold=True),
            Line(f"{words.desk}: {plain_punctuation(booking.desk)}", bold=True),
            Line(words.watch_time),
            *_to_bring(bring, more, words),
            Separator(),
            Line(words.code, align=Align.CENTER),
            Line(booking.shown_code, bold=True, size=Size.HUGE, align=Align.CENTER),
            Line(words.keep_code),
            *_page(booking.page_url, words),
            *_phone(booking.office.phone, words),
            Feed(),
            Cut(),
        )
    )


def ticket_slip(ticket: Ticket, language: Language) -> Receipt:
    words = WORDS[language]
    return Receipt(
        (
            Line(plain_punctuation(ticket.office.name), bold=True, align=Align.CENTER),
            Title(words.ticket),
            Line(ticket.number, bold=True, size=Size.HUGE, align=Align.CENTER),
            Separator(),
            Line(f"{words.service}: {plain_punctuation(ticket.service)}"),
            Line(words.ahead.format(ahead=ticket.ahead)),
            Line(words.wait.format(minutes=ticket.wait_min)),
            Line(words.watch),
            *_phone(ticket.office.phone, words),
            Feed(),
            Cut(),
        )
    )


def _to_bring(bring: Sequence[str], more: int, words: VisitWords) -> tuple[Line | Separator, ...]:
    if not bring:
        return ()
    items = tuple(Line(f"- {plain_punctuation(name)}") for name in bring)
    tail = (Line(words.more.format(count=more), size=Size.SMALL),) if more else ()
    return (Separator(), Line(f"{words.bring}:", bold=True), *items, *tail)


def _page(url: str, words: VisitWords) -> tuple[QrCode | Line, ...]:
    return (QrCode(url), Line(words.scan, size=Size.SMALL, align=Align.CENTER)) if url else ()


def _phone(phone: str, words: VisitWords) -> tuple[Line, ...]:
    return (Line(f"{words.phone}: {phone.replace(' ', NO_BREAK)}"),) if phone else ()
