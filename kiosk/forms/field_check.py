"""One answer against its field: required, the field type's rules, the field's limits."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable

from kiosk.forms.contact import check_email, check_phone
from kiosk.forms.dates import check_date
from kiosk.forms.polish_ids import (
    check_id_card,
    check_nip,
    check_pesel,
    check_postal_code,
    check_regon,
)
from kiosk.forms.problems import Accepted, Checked, Problem
from offline_cache.records import NO, YES, FormField

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # keeps \t and \n for long text


def check_answer(field: FormField, raw: str, today: dt.date | None = None) -> Checked:
    """Accepted with the normalised answer, or the Problem to show next to the field.

    An optional field left empty is Accepted(""). `today` fixes the day for date limits
    and PESEL dates of birth (tests); by default it is the kiosk's date.
    """
    if not raw.strip():
        return Problem("required") if field.required else Accepted("")
    return _CHECKS[field.type](field, raw, today or dt.date.today())


def _text(field: FormField, raw: str, _today: dt.date) -> Checked:
    """One line: runs of white space (a pasted line break too) become one space."""
    value = " ".join(_CONTROL.sub("", unicodedata.normalize("NFC", raw)).split())
    return _within_length(field, value)


def _long_text(field: FormField, raw: str, _today: dt.date) -> Checked:
    """Many lines: line ends made \\n, tabs and control characters dropped, ends trimmed."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_CONTROL.sub("", line.replace("\t", " ")).rstrip() for line in text.split("\n")]
    return _within_length(field, "\n".join(lines).strip())


def _within_length(field: FormField, value: str) -> Checked:
    if not value:  # only control characters were typed
        return Problem("required") if field.required else Accepted("")
    if field.max_length is not None and len(value) > field.max_length:
        return Problem("text.too_long", {"max": str(field.max_length), "length": str(len(value))})
    return Accepted(value)


def _number(field: FormField, raw: str, _today: dt.date) -> Checked:
    """A whole number in ASCII digits (spaces between thousands are fine), within min..max."""
    text = raw.strip().replace(" ", "")
    if not re.fullmatch(r"-?[0-9]{1,12}", text):
        return Problem("number.format")
    number = int(text)
    if field.min is not None and number < field.min:
        return Problem("number.too_small", {"min": str(field.min)})
    if field.max is not None and number > field.max:
        return Problem("number.too_large", {"max": str(field.max)})
    return Accepted(str(number))


def _choice(field: FormField, raw: str, _today: dt.date) -> Checked:
    value = raw.strip()
    if value not in {c.value for c in field.choices}:
        return Problem("choice.unknown")
    return Accepted(value)


def _yes_no(_field: FormField, raw: str, _today: dt.date) -> Checked:
    value = raw.strip()
    return Accepted(value) if value in (YES, NO) else Problem("yes_no.unknown")


def _date(field: FormField, raw: str, today: dt.date) -> Checked:
    return check_date(raw, field.earliest, field.latest, today)


_CHECKS: dict[str, Callable[[FormField, str, dt.date], Checked]] = {
    "pesel": lambda _f, raw, today: check_pesel(raw, today),
    "nip": lambda _f, raw, _t: check_nip(raw),
    "regon": lambda _f, raw, _t: check_regon(raw),
    "id_card": lambda _f, raw, _t: check_id_card(raw),
    "postal_code": lambda _f, raw, _t: check_postal_code(raw),
    "phone": lambda _f, raw, _t: check_phone(raw),
    "email": lambda _f, raw, _t: check_email(raw),
    "date": _date,
    "number": _number,
    "choice": _choice,
    "yes_no": _yes_no,
    "text": _text,
    "long_text": _long_text,
}
