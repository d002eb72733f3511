"""Polish identifiers as residents type them: PESEL, NIP, REGON, ID card, postal code.

Each check accepts the usual ways of typing a number (spaces, dashes, lower-case letters)
and returns the normalised form, or a Problem whose code says what is wrong. Check digits
catch most typos; only ASCII digits count (other scripts' digits are refused).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from kiosk.forms.problems import Accepted, Checked, Problem

PESEL_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
REGON9_WEIGHTS = (8, 9, 2, 3, 4, 5, 6, 7)
REGON14_WEIGHTS = (2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8)
ID_CARD_WEIGHTS = (7, 3, 1, 9, 7, 3, 1, 7, 3)  # the 4th character is the check digit

# PESEL adds to the month a multiple of 20 that tells the century of birth.
_PESEL_CENTURIES = {80: 1800, 0: 1900, 20: 2000, 40: 2100, 60: 2200}
_ASCII_DIGITS = re.compile(r"^[0-9]*$")

Sex = Literal["female", "male"]


@dataclass(frozen=True)
class PeselDetails:
    """What a PESEL number says about its holder."""

    birth_date: dt.date
    sex: Sex


def check_pesel(raw: str, today: dt.date) -> Checked:
    """11 digits, the check digit right, and a date of birth that exists and is not ahead."""
    digits = _without(raw, " ")
    if not _ASCII_DIGITS.match(digits):
        return Problem("pesel.characters")
    if len(digits) != 11:
        return Problem("pesel.length")
    if (10 - _weighted(digits, PESEL_WEIGHTS) % 10) % 10 != int(digits[10]):
        return Problem("pesel.checksum")
    details = pesel_details(digits)
    if details is None or details.birth_date > today:
        return Problem("pesel.birth_date")
    return Accepted(digits)


def pesel_details(pesel: str) -> PeselDetails | None:
    """Date of birth and sex of an 11-digit PESEL; None when its date does not exist."""
    if len(pesel) != 11 or not _ASCII_DIGITS.match(pesel):
        raise ValueError("a PESEL number is 11 digits")
    year, month, day = int(pesel[0:2]), int(pesel[2:4]), int(pesel[4:6])
    offset = (month - 1) // 20 * 20 if month > 0 else -1
    century = _PESEL_CENTURIES.get(offset)
    if century is None:
        return None
    try:
        birth_date = dt.date(century + year, month - offset, day)
    except ValueError:
        return None
    return PeselDetails(birth_date, "female" if int(pesel[9]) % 2 == 0 else "male")


def check_nip(raw: str) -> Checked:
    """10 digits (dashes, spaces and a leading PL are fine) with the mod-11 check digit."""
    text = _without(raw, " -")
    digits = text[2:] if text[:2].upper() == "PL" else text
    if not _ASCII_DIGITS.match(digits):
        return Problem("nip.characters")
    if len(digits) != 10:
        return Problem("nip.length")
    if _weighted(digits, NIP_WEIGHTS) % 11 != int(digits[9]):  # a remainder of 10 never matches
        return Problem("nip.checksum")
    return Accepted(digits)


def check_regon(raw: str) -> Checked:
    """9 digits, or 14 digits (a local unit) whose first 9 are themselves a valid REGON."""
    digits = _without(raw, " -")
    if not _ASCII_DIGITS.match(digits):
        return Problem("regon.characters")
    if len(digits) not in (9, 14):
        return Problem("regon.length")
    valid = _regon_ok(digits[:9], REGON9_WEIGHTS) and (
        len(digits) == 9 or _regon_ok(digits, REGON14_WEIGHTS)
    )
    return Accepted(digits) if valid else Problem("regon.checksum")


def _regon_ok(digits: str, weights: tuple[int, ...]) -> bool:
    return _weighted(digits, weights) % 11 % 10 == int(digits[len(weights)])


def check_id_card(raw: str) -> Checked:
    """Series (3 letters) and number (6 digits, the first a check digit): ABC123456."""
    text = _without(raw, " -").upper()
    if not re.fullmatch(r"[A-Z]{3}[0-9]{6}", text):
        return Problem("id_card.format")
    values = [ord(ch) - ord("A") + 10 if ch.isalpha() else int(ch) for ch in text]
    if sum(w * v for w, v in zip(ID_CARD_WEIGHTS, values, strict=True)) % 10 != 0:
        return Problem("id_card.checksum")
    return Accepted(text)


def check_postal_code(raw: str) -> Checked:
    """NN-NNN; "37100" and "37 100" are taken as 37-100."""
    found = re.fullmatch(r"([0-9]{2})[- ]?([0-9]{3})", raw.strip())
    if found is None:
        return Problem("postal_code.format")
    return Accepted(f"{found.group(1)}-{found.group(2)}")


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    return sum(w * int(d) for w, d in zip(weights, digits, strict=False))


def _without(raw: str, separators: str) -> str:
    return "".join(ch for ch in raw.strip() if ch not in separators)
