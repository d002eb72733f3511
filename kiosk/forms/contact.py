"""Phone numbers and e-mail addresses as residents type them; no network is asked.

Phones come out as E.164 (+48 and 9 digits for Polish numbers); e-mail addresses with the
domain in lower case. Only the syntax is checked: whether a mailbox exists is the office's
business when it replies.
"""

from __future__ import annotations

import re

from kiosk.forms.problems import Accepted, Checked, Problem

_PHONE_SEPARATORS = " -()./"
_E164_DIGITS = (8, 15)  # country code and number together, as E.164 allows abroad
_LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")


def check_phone(raw: str) -> Checked:
    """A Polish number (9 digits, +48 or 0048 optional) or +CC... for a number abroad."""
    compact = "".join(ch for ch in raw.strip() if ch not in _PHONE_SEPARATORS)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    abroad = compact.startswith("+")
    digits = compact[1:] if abroad else compact
    if not re.fullmatch(r"[0-9]+", digits):
        return Problem("phone.characters")
    if not abroad and len(digits) == 10 and digits[0] == "0":
        digits = digits[1:]  # the old trunk prefix: (0-17) 225 20 00
    if abroad and not digits.startswith("48"):
        low, high = _E164_DIGITS
        if digits[0] == "0" or not low <= len(digits) <= high:
            return Problem("phone.length")
        return Accepted("+" + digits)
    national = digits[2:] if abroad or (len(digits) == 11 and digits[:2] == "48") else digits
    if len(national) != 9 or national[0] == "0":
        return Problem("phone.length")
    return Accepted("+48" + national)


def check_email(raw: str) -> Checked:
    """name@domain.tld with one @, no spaces, and a domain of sane labels."""
    text = raw.strip()
    if text.count("@") != 1 or any(ch.isspace() for ch in text):
        return Problem("email.format")
    local, domain = text.split("@")
    if len(text) > 254 or len(local) > 64:
        return Problem("email.too_long")
    if not _LOCAL_PART.fullmatch(local):
        return Problem("email.format")
    domain = domain.lower()
    labels = domain.split(".")
    if len(labels) < 2 or not all(_label_ok(label) for label in labels) or not _tld_ok(labels[-1]):
        return Problem("email.domain")
    return Accepted(f"{local}@{domain}")


def _label_ok(label: str) -> bool:
    """1-63 letters, digits or hyphens, not starting or ending with a hyphen (IDN allowed)."""
    return (
        0 < len(label) <= 63
        and label[0] != "-"
        and label[-1] != "-"
        and all(ch.isalnum() or ch == "-" for ch in label)
    )


def _tld_ok(tld: str) -> bool:
    return len(tld) >= 2 and (tld.isalpha() or tld.startswith("xn--"))
