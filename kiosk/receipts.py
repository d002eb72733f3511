"""The receipts the kiosk prints: the one for a filed application, and the admin's test print.

The application receipt is in the resident's language (the words are in `WORDS` below,
one complete table per language). It carries the office, the service, the date and time
in Europe/Warsaw, the application code in huge type grouped for reading, what happens
next and by when (the service's processing time), how to reach the office (its phone and
opening hours, when the catalogue has them), and a QR code with the status address: the
configured base URL plus the code (kiosk/status_url.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from devices.receipt import Align, Cut, Feed, Line, QrCode, Receipt, Separator, Size, Title
from kiosk.config import Language
from kiosk.status_url import status_url

TIME_ZONE = "Europe/Warsaw"
NO_BREAK = "\u00a0"  # CP852 has it; the receipt never breaks a line there
POLISH_LETTERS = "ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ"
# Typographic punctuation of catalogue texts that CP852 lacks, and its plain stand-in: one
# dash would otherwise print a whole Polish receipt as images (devices/escpos_render.py).
_PLAIN = str.maketrans({"–": "-", "—": "-", "„": '"', "”": '"', "“": '"', "’": "'", "…": "..."})


def plain_punctuation(text: str) -> str:
    """`text` with dashes, curly quotes and the ellipsis as CP852 can print them."""
    return text.translate(_PLAIN)


@dataclass(frozen=True)
class ReceiptWords:
    """Every word the application receipt prints, in one language."""

    title: str
    office: str
    service: str
    filed_at: str
    code: str
    next_steps: str
    check_status: str
    keep: str
    date_format: str
    deadline: str
    phone: str
    hours: str
    day_names: str  # Monday to Sunday, short, separated by spaces


WORDS: dict[Language, ReceiptWords] = {
    "pl": ReceiptWords(
        title="Potwierdzenie złożenia wniosku",
        office="Urząd",
        service="Sprawa",
        filed_at="Złożono",
        code="Kod wniosku",
        next_steps="Urząd rozpatrzy wniosek i skontaktuje się z Tobą, jeśli będzie to potrzebne.",
        check_status="Stan sprawy sprawdzisz, skanując kod QR telefonem "
        "albo podając kod wniosku w urzędzie.",
        keep="Zachowaj to potwierdzenie.",
        date_format="%d.%m.%Y, godz. %H:%M",
        deadline="Czas załatwienia",
        phone="Telefon do urzędu",
        hours="Godziny pracy urzędu",
        day_names="pn. wt. śr. czw. pt. sob. niedz.",
    ),
    "en": ReceiptWords(
        title="Application receipt",
        office="Office",
        service="Service",
        filed_at="Filed",
        code="Application code",
        next_steps="The office will process your application and contact you if needed.",
        check_status="Check its status by scanning the QR code with your phone "
        "or by giving the application code at the office.",
        keep="Please keep this receipt.",
        date_format="%d/%m/%Y, %H:%M",
        deadline="Time to handle it",
        phone="Office phone",
        hours="Office opening hours",
        day_names="Mon Tue Wed Thu Fri Sat Sun",
    ),
    "uk": ReceiptWords(
        title="Підтвердження подання заяви",
        office="Установа",
        service="Послуга",
        filed_at="Подано",
        code="Код заяви",
        next_steps="Установа розгляне заяву і зв’яжеться з вами, якщо це буде потрібно.",
        check_status="Стан справи можна перевірити, відсканувавши QR-код телефоном "
        "або назвавши код заяви в установі.",
        keep="Збережіть це підтвердження.",
        date_format="%d.%m.%Y, %H:%M",
        deadline="Строк розгляду",
        phone="Телефон установи",
        hours="Години роботи установи",
        day_names="пн вт ср чт пт сб нд",
    ),
    "de": ReceiptWords(
        title="Eingangsbestätigung",
        office="Behörde",
        service="Anliegen",
        filed_at="Eingereicht",
        code="Antragscode",
        next_steps="Die Behörde bearbeitet Ihren Antrag und meldet sich bei Ihnen, falls nötig.",
        check_status="Den Stand prüfen Sie, indem Sie den QR-Code mit dem Handy scannen "
        "oder den Antragscode in der Behörde nennen.",
        keep="Bitte bewahren Sie diese Bestätigung auf.",
        date_format="%d.%m.%Y, %H:%M",
        deadline="Bearbeitungszeit",
        phone="Telefon der Behörde",
        hours="Öffnungszeiten der Behörde",
        day_names="Mo Di Mi Do Fr Sa So",
    ),
}


DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")  # as the catalogue names them


@dataclass(frozen=True)
class OfficeHours:
    """One line of the office's opening hours, as the catalogue gives it."""

    days: tuple[str, ...]  # catalogue day codes: "Mo" .. "Su"
    opens: str  # "07:30"
    closes: str


def hours_text(hours: tuple[OfficeHours, ...], language: Language) -> str:
    """ "pn.-pt. 07:30-15:30; sob. 08:00-12:00" in the receipt's language.

    A plain hyphen, not a dash: CP852 has none, and a dash would print the whole receipt
    as images."""
    names = dict(zip(DAYS, WORDS[language].day_names.split(), strict=True))
    return "; ".join(
        f"{_day_span(entry.days, names)} {entry.opens}-{entry.closes}" for entry in hours
    )


def _day_span(days: tuple[str, ...], names: dict[str, str]) -> str:
    ordered = [d for d in DAYS if d in days]
    first, last = DAYS.index(ordered[0]), DAYS.index(ordered[-1])
    if len(ordered) > 2 and last - first + 1 == len(ordered):  # a run of days: "pn.-pt."
        return f"{names[ordered[0]]}-{names[ordered[-1]]}"
    return ", ".join(names[d] for d in ordered)


def group_code(code: str) -> str:
    """`code` as printed: its own '-' groups kept, an ungrouped code split in fours."""
    if "-" in code or len(code) <= 5:
        return code
    groups = [code[i : i + 4] for i in range(0, len(code), 4)]
    if len(groups[-1]) == 1:  # never leave one character alone
        groups[-2:] = [groups[-2] + groups[-1]]
    return " ".join(groups)


def local_time(moment: datetime) -> datetime:
    """`moment` on the clock of the town hall (Europe/Warsaw)."""
    if moment.tzinfo is None:
        raise ValueError("the receipt time must carry its time zone (e.g. datetime.now(UTC))")
    return moment.astimezone(ZoneInfo(TIME_ZONE))


def application_receipt(
    *,
    language: Language,
    office: str,
    service: str,
    code: str,
    filed_at: datetime,
    status_url_base: str,
    details: tuple[str, ...] = (),
    deadline: str = "",
    phone: str = "",
    hours: tuple[OfficeHours, ...] = (),
) -> Receipt:
    """The receipt of a filed application. `details` are lines with personal data
    (e.g. a booked visit time): printed, never logged. `deadline` (the service's time to
    handle it), the office's `phone` and opening `hours` come from the catalogue; a line
    is left out when the catalogue has nothing for it."""
    words = WORDS[language]
    office, service, deadline = (plain_punctuation(t) for t in (office, service, deadline))
    office_lines = (
        (f"{words.deadline}: {deadline}" if deadline else ""),
        (f"{words.phone}: {phone.replace(' ', NO_BREAK)}" if phone else ""),  # one piece
        (f"{words.hours}: {hours_text(hours, language)}" if hours else ""),
    )
    url = status_url(status_url_base, code.replace("-", ""))  # the QR holds the compact code
    return Receipt(
        (
            Line(office, bold=True, align=Align.CENTER),
            Title(words.title),
            Separator(),
            Line(f"{words.service}: {service}"),
            Line(f"{words.office}: {office}"),
            Line(f"{words.filed_at}: {local_time(filed_at).strftime(words.date_format)}"),
            *(Line(detail, private=True) for detail in details),
            Separator(),
            Line(words.code, align=Align.CENTER),
            Line(group_code(code), bold=True, size=Size.HUGE, align=Align.CENTER),
            Separator(),
            Line(words.next_steps),
            *(Line(line) for line in office_lines if line),
            Line(words.check_status),
            QrCode(url),
            Line(url, size=Size.SMALL, align=Align.CENTER),
            Feed(),
            Line(words.keep, bold=True, align=Align.CENTER),
            Cut(),
        )
    )


def printer_test_receipt(
    *,
    kiosk_id: str,
    printer: str,
    printed_at: datetime,
    status_url_base: str,
    columns: int,
) -> Receipt:
    """The admin screen's test print: who, when, which printer, Polish letters, type
    sizes, a ruler as wide as the configured paper (it must not wrap) and a QR code."""
    ruler = "".join(str(i % 10) for i in range(1, columns + 1))
    return Receipt(
        (
            Title("Wydruk próbny"),
            Line(f"Kiosk: {kiosk_id}"),
            Line(f"Czas: {local_time(printed_at).strftime('%d.%m.%Y %H:%M:%S')}"),
            Line(f"Drukarka: {printer}"),
            Separator(),
            Line("Polskie litery (CP852):"),
            Line(POLISH_LETTERS, bold=True),
            Line("Mały druk", size=Size.SMALL),
            Line("Duży druk", size=Size.LARGE),
            Line(ruler),
            QrCode(status_url(status_url_base, "TEST")),
            Line("Zeskanuj kod: adres stanu sprawy", size=Size.SMALL, align=Align.CENTER),
            Cut(),
        )
    )
