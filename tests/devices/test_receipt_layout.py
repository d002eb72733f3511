"""The layout's own rules: QR payload limits, feeds, printable text and wrapping."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.paper import PAPER_58, PAPER_80, paper_for_width, wrap
from devices.receipt import Feed, QrCode, Size, printable


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("", "empty"),
        ("x" * 214, "214 bytes, more than 213"),
        ("https://x.pl/\n", "control characters"),
    ],
)
def test_a_bad_qr_payload_is_refused_with_the_reason(payload: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        QrCode(payload)


@pytest.mark.parametrize(("size", "version"), [(1, 1), (14, 1), (15, 2), (42, 3), (43, 4)])
def test_the_qr_version_follows_the_ecc_m_capacity(size: int, version: int) -> None:
    assert QrCode("a" * size).version == version


def test_feed_takes_one_to_ten_lines() -> None:
    with pytest.raises(ValueError, match="1 to 10"):
        Feed(0)


def test_paper_geometry() -> None:
    assert [PAPER_58.columns(s) for s in Size] == [42, 32, 16, 10]
    assert [PAPER_80.columns(s) for s in Size] == [64, 48, 24, 16]
    assert paper_for_width(58) is PAPER_58
    with pytest.raises(ValueError, match="58 or 80"):
        paper_for_width(57)


def test_printable_composes_and_drops_controls() -> None:
    assert printable("Ło\u0301dz\u0301\x1b\x00\u200b\ttab") == "Łódź tab"


@given(text=st.text(max_size=200), columns=st.integers(1, 64))
def test_wrapping_keeps_every_word_and_the_width(text: str, columns: int) -> None:
    lines = wrap(text, columns)
    assert all(len(line) <= columns for line in lines)
    assert "".join(lines).replace(" ", "") == printable(text).replace(" ", "")


def test_words_are_not_cut_only_words_longer_than_a_line() -> None:
    text = "Urząd Miasta Łańcuta rozpatrzy wniosek"
    assert wrap(text, 16) == ["Urząd Miasta", "Łańcuta", "rozpatrzy", "wniosek"]
    assert wrap("see https://infomat.example.pl/s/K7Q4", 16) == [
        "see",
        "https://infomat.",
        "example.pl/s/K7Q",
        "4",
    ]
    assert wrap("", 16) == [""]
