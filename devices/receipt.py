"""A receipt as a layout: a tuple of elements, independent of paper, printer and screen.

The same layout is rendered to ESC/POS bytes for the printer (escpos_render), to a PNG for
the screen, the docs and the tests (receipt_image), and to plain text for the logs
(receipt_text). Lines that carry personal data are marked `private` so the log rendering
can leave them out.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum

# Byte-mode capacity of a QR code at error correction M, by version 1..10 (ISO/IEC 18004).
# A receipt's QR carries a short status URL (42 bytes, version 3); 213 is a generous cap
# that still prints legibly on 58 mm paper.
QR_CAPACITY_ECC_M = (14, 26, 42, 62, 84, 106, 122, 152, 180, 213)


class Size(Enum):
    """Type size, as a thermal printer has it: font B, font A, and A at 2x2 or 3x3."""

    SMALL = "small"
    NORMAL = "normal"
    LARGE = "large"
    HUGE = "huge"

    @property
    def scale(self) -> int:
        """How many times wider and taller than a font A or font B character."""
        return {Size.LARGE: 2, Size.HUGE: 3}.get(self, 1)


class Align(Enum):
    LEFT = "left"
    CENTER = "center"


@dataclass(frozen=True)
class Title:
    """The heading of the receipt: large, bold and centred."""

    text: str


@dataclass(frozen=True)
class Line:
    """A line of text; longer text wraps at word boundaries to the paper's width.

    `private` marks personal data (a name, a visit time tied to a person): printed on paper
    and drawn in images, but left out of the text written to logs.
    """

    text: str
    bold: bool = False
    size: Size = Size.NORMAL
    align: Align = Align.LEFT
    private: bool = False


@dataclass(frozen=True)
class Separator:
    """A rule across the paper between sections."""


@dataclass(frozen=True)
class QrCode:
    """A QR code (error correction M), printed by the printer itself and centred."""

    payload: str

    def __post_init__(self) -> None:
        size = len(self.payload.encode("utf-8"))
        if not self.payload:
            raise ValueError("QR code payload is empty: give the URL or text to encode")
        if size > QR_CAPACITY_ECC_M[-1]:
            raise ValueError(
                f"QR code payload is {size} bytes, more than {QR_CAPACITY_ECC_M[-1]}: "
                "shorten the URL (a code, not a long identifier)"
            )
        if not self.payload.isprintable():
            raise ValueError("QR code payload contains control characters: remove them")

    @property
    def version(self) -> int:
        """Smallest QR version (1..10) that holds the payload in byte mode at ECC M."""
        size = len(self.payload.encode("utf-8"))
        return next(v for v, cap in enumerate(QR_CAPACITY_ECC_M, 1) if size <= cap)


@dataclass(frozen=True)
class Feed:
    """Blank lines of paper."""

    lines: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.lines <= 10:
            raise ValueError(f"Feed takes 1 to 10 lines (got {self.lines})")


@dataclass(frozen=True)
class Cut:
    """Feed the receipt past the cutter and cut it off."""


Element = Title | Line | Separator | QrCode | Feed | Cut
TEXT_ELEMENTS = (Title, Line, Separator)


@dataclass(frozen=True)
class Receipt:
    """What to print, top to bottom."""

    elements: tuple[Element, ...]

    def texts(self) -> list[str]:
        """The printable text of every title and line, as it will be printed."""
        return [printable(e.text) for e in self.elements if isinstance(e, Title | Line)]


# Characters that end or separate lines become spaces; other control and format
# characters (ESC, NUL, DEL, C1 controls, zero-width and bidi marks, lone surrogates)
# are dropped, so no text can ever smuggle a command to the printer.
_SPACES = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029")


def printable(text: str) -> str:
    """`text` in composed form (NFC) with control characters removed or made spaces."""
    text = unicodedata.normalize("NFC", text)
    if text.isascii() and text.isprintable():
        return text
    kept = []
    for char in text:
        if char in _SPACES:
            kept.append(" ")
        elif unicodedata.category(char) not in ("Cc", "Cf", "Cs"):
            kept.append(char)
    return "".join(kept)
