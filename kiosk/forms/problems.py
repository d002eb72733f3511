"""What check_answer says about an answer: accepted (normalised), or a Problem with a code.

The codes are stable: the ui translates each into the resident's language, and the English
messages below are the source texts (what is wrong, and how to fix it). Placeholders in
braces are filled from the problem's params.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Accepted:
    """The answer is fine; `value` is its normalised form ("" for an optional field left empty)."""

    value: str


@dataclass(frozen=True)
class Problem:
    """One way of being wrong: a stable `code` and the values its message needs."""

    code: str
    params: dict[str, str] = field(default_factory=dict)

    def message(self) -> str:
        """The English message with its params filled in (for logs of tests and tools)."""
        return PROBLEM_MESSAGES[self.code].format(**self.params)


Checked = Accepted | Problem

PROBLEM_MESSAGES: dict[str, str] = {
    "required": "This answer is required: please fill it in.",
    "pesel.characters": "A PESEL number has digits only: remove letters and other signs.",
    "pesel.length": "A PESEL number has 11 digits: check that none is missing or doubled.",
    "pesel.checksum": "This PESEL number has a typo: check the 11 digits against your ID card.",
    "pesel.birth_date": (
        "The first six digits of this PESEL number are not a possible date of birth: "
        "check them against your ID card."
    ),
    "pesel.not_birth_date": (
        "This PESEL number belongs to someone born on {birth_date}: check the PESEL number "
        "and the date of birth you gave."
    ),
    "pesel.not_sex": (
        "This PESEL number does not match the sex you chose: check the PESEL number "
        "and your choice."
    ),
    "nip.characters": "A NIP number has digits only (dashes and spaces are fine): remove the rest.",
    "nip.length": "A NIP number has 10 digits: check that none is missing or doubled.",
    "nip.checksum": "This NIP number has a typo: check the 10 digits against your documents.",
    "regon.characters": "A REGON number has digits only: remove letters and other signs.",
    "regon.length": "A REGON number has 9 or 14 digits: check that none is missing or doubled.",
    "regon.checksum": "This REGON number has a typo: check the digits against your documents.",
    "id_card.format": (
        "An ID card number is 3 letters and 6 digits, like ABC123456: check what you typed."
    ),
    "id_card.checksum": (
        "This ID card number has a typo: check the letters and digits on your ID card."
    ),
    "postal_code.format": "A postal code has 5 digits, like 37-100: check what you typed.",
    "phone.characters": "A phone number has digits only (and + at the start): remove the rest.",
    "phone.length": (
        "This phone number has the wrong number of digits: give 9 digits, or + and the "
        "country code for a number abroad."
    ),
    "email.format": (
        "This is not an e-mail address: it should look like name@example.pl, "
        "with one @ and no spaces."
    ),
    "email.domain": (
        "The part after @ is not a valid address: check it, e.g. gmail.com or poczta.onet.pl."
    ),
    "email.too_long": "This e-mail address is too long: check that nothing was typed twice.",
    "date.format": "This is not a date: type it as day.month.year, like 20.11.2026.",
    "date.invalid": "This day does not exist in the calendar: check the day and the month.",
    "date.too_early": "This date is too early: give {earliest} or a later date.",
    "date.too_late": "This date is too late: give {latest} or an earlier date.",
    "number.format": "This is not a whole number: type digits only, like 3.",
    "number.too_small": "This number is too small: give {min} or more.",
    "number.too_large": "This number is too large: give {max} or less.",
    "choice.unknown": "This is not one of the answers offered: choose one of those shown.",
    "choice.not_offered": (
        "This answer does not go with an answer you gave earlier: choose one of those shown "
        "now, or go back and change the earlier answer."
    ),
    "yes_no.unknown": "This question needs a yes or a no: tap one of the two.",
    "text.too_long": ("This answer is too long ({length} characters, at most {max}): shorten it."),
}
