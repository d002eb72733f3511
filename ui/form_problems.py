"""Form problems in the resident's language: one translated text per problem code.

kiosk.forms.problems declares the codes with English texts (what is wrong, how to fix it);
these are the same texts through Qt's translations. A test keeps both lists in step.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    # pyside6-lupdate files module-level tr() calls under the empty context; match it.
    return QCoreApplication.translate("", text)


def problem_texts() -> dict[str, str]:
    """Every code with its text in the current language (read when a problem is shown)."""
    return {
        "required": tr("This answer is required: please fill it in."),
        "pesel.characters": tr("A PESEL number has digits only: remove letters and other signs."),
        "pesel.length": tr("A PESEL number has 11 digits: check that none is missing or doubled."),
        "pesel.checksum": tr(
            "This PESEL number has a typo: check the 11 digits against your ID card."
        ),
        "pesel.birth_date": tr(
            "The first six digits of this PESEL number are not a possible date of birth: check them against your ID card."
        ),
        "pesel.not_birth_date": tr(
            "This PESEL number belongs to someone born on {birth_date}: check the PESEL number and the date of birth you gave."
        ),
        "pesel.not_sex": tr(
            "This PESEL number does not match the sex you chose: check the PESEL number and your choice."
        ),
        "nip.characters": tr(
            "A NIP number has digits only (dashes and spaces are fine): remove the rest."
        ),
        "nip.length": tr("A NIP number has 10 digits: check that none is missing or doubled."),
        "nip.checksum": tr(
            "This NIP number has a typo: check the 10 digits against your documents."
        ),
        "regon.characters": tr("A REGON number has digits only: remove letters and other signs."),
        "regon.length": tr(
            "A REGON number has 9 or 14 digits: check that none is missing or doubled."
        ),
        "regon.checksum": tr(
            "This REGON number has a typo: check the digits against your documents."
        ),
        "id_card.format": tr(
            "An ID card number is 3 letters and 6 digits, like ABC123456: check what you typed."
        ),
        "id_card.checksum": tr(
            "This ID card number has a typo: check the letters and digits on your ID card."
        ),
        "postal_code.format": tr("A postal code has 5 digits, like 37-100: check what you typed."),
        "phone.characters": tr(
            "A phone number has digits only (and + at the start): remove the rest."
        ),
        "phone.length": tr(
            "This phone number has the wrong number of digits: give 9 digits, or + and the country code for a number abroad."
        ),
        "email.format": tr(
            "This is not an e-mail address: it should look like name@example.pl, with one @ and no spaces."
        ),
        "email.domain": tr(
            "The part after @ is not a valid address: check it, e.g. gmail.com or poczta.onet.pl."
        ),
        "email.too_long": tr(
            "This e-mail address is too long: check that nothing was typed twice."
        ),
        "date.format": tr("This is not a date: type it as day.month.year, like 20.11.2026."),
        "date.invalid": tr("This day does not exist in the calendar: check the day and the month."),
        "date.too_early": tr("This date is too early: give {earliest} or a later date."),
        "date.too_late": tr("This date is too late: give {latest} or an earlier date."),
        "number.format": tr("This is not a whole number: type digits only, like 3."),
        "number.too_small": tr("This number is too small: give {min} or more."),
        "number.too_large": tr("This number is too large: give {max} or less."),
        "choice.unknown": tr("This is not one of the answers offered: choose one of those shown."),
        "choice.not_offered": tr(
            "This answer does not go with an answer you gave earlier: choose one of those shown now, or go back and change the earlier answer."
        ),
        "yes_no.unknown": tr("This question needs a yes or a no: tap one of the two."),
        "text.too_long": tr(
            "This answer is too long ({length} characters, at most {max}): shorten it."
        ),
        "outbox.not_saved": tr(
            "Your application could not be saved, so nothing was sent or printed. "
            "Please try again, or ask at the office."
        ),
        "outbox.unavailable": tr(
            "This kiosk cannot save applications right now, so the form was not opened. "
            "Please ask at the office, or apply online."
        ),
        "form.unavailable": tr(
            "This application can no longer be filled in at this kiosk: the information has "
            "just been updated. Please ask at the office."
        ),
    }


def problem_text(code: str, params: Mapping[str, str]) -> str:
    text = problem_texts().get(code) or tr("This answer needs checking.")
    for name, value in params.items():
        text = text.replace("{" + name + "}", value)
    return text


def optional_label(label: str) -> str:
    """The question of an optional field, marked "(optional)" once, with one space before it:
    a label that already says so in the catalogue is left as it is."""
    mark = tr("(optional)")
    if _folded(mark.strip("()")) in _folded(label):
        return label
    return f"{label.rstrip()} {mark}"


def _folded(text: str) -> str:
    return text.casefold().replace("\u2019", "'")  # Ukrainian is typed with either apostrophe
