"""Valid Polish numbers made for tests, computed here independently of kiosk.forms.

Each generator follows the published algorithm in its own plain words (a check digit that
makes the weighted sum come out right), so a bug in kiosk.forms cannot hide in both.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st


def pesel_of(birth: dt.date, serial: int, female: bool) -> str:
    """A PESEL for someone born on `birth` (1800-2299); serial 0-999."""
    century_shift = {18: 80, 19: 0, 20: 20, 21: 40, 22: 60}[birth.year // 100]
    sex_digit = (serial % 5) * 2 + (0 if female else 1)
    body = f"{birth.year % 100:02d}{birth.month + century_shift:02d}{birth.day:02d}{serial:03d}{sex_digit}"
    weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
    return body + str((10 - total % 10) % 10)


def nip_or_none(first_nine: str) -> str | None:
    total = sum(int(d) * w for d, w in zip(first_nine, [6, 5, 7, 2, 3, 4, 5, 6, 7], strict=True))
    return None if total % 11 == 10 else first_nine + str(total % 11)


def regon_digit(digits: str, weights: list[int]) -> str:
    return str(sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 % 10)


def regon9(first_eight: str) -> str:
    return first_eight + regon_digit(first_eight, [8, 9, 2, 3, 4, 5, 6, 7])


def regon14(first_eight: str, unit: str) -> str:
    head = regon9(first_eight) + unit
    return head + regon_digit(head, [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8])


def letter_value(letter: str) -> int:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ".index(letter) + 10


def id_card(series: str, number: str) -> str:
    """Series of 3 letters and 5 digits of the number; the check digit goes in front of them."""
    values = [letter_value(ch) for ch in series] + [int(d) for d in number]
    total = sum(v * w for v, w in zip(values, [7, 3, 1, 7, 3, 1, 7, 3], strict=True))
    return f"{series}{total % 10}{number}"


def digits(n: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


birth_dates = st.dates(dt.date(1800, 1, 1), dt.date(2026, 11, 20))
pesels = st.builds(pesel_of, birth_dates, st.integers(0, 999), st.booleans())
nips = digits(9).map(nip_or_none).filter(lambda n: n is not None).map(str)
regons9 = digits(8).map(regon9)
regons14 = st.builds(regon14, digits(8), digits(4))
id_cards = st.builds(
    id_card, st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3), digits(5)
)
