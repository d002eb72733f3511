"""Receipt paper: its printable width in dots, how many characters fit, how big a QR is.

Thermal receipt printers print 8 dots per mm. Font A is 12x24 dots and font B 9x17, so
58 mm paper (384 dots) holds 32 or 42 characters a line and 80 mm paper (576 dots) 48
or 64. The ESC/POS and the image renderings share these numbers, so a receipt on the
screen wraps exactly as it will on paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from devices.receipt import Size, printable

FONT_A = (12, 24)  # width, height in dots
FONT_B = (9, 17)


@dataclass(frozen=True)
class Paper:
    width_mm: int
    dots: int
    qr_max_module: int  # dots per QR module: big enough for any phone, small enough to fit

    def cell(self, size: Size) -> tuple[int, int]:
        """Width and height in dots of one character of `size`."""
        width, height = FONT_B if size is Size.SMALL else FONT_A
        return width * size.scale, height * size.scale

    def columns(self, size: Size = Size.NORMAL) -> int:
        """Characters of `size` that fit on one line."""
        return self.dots // self.cell(size)[0]

    def size_for(self, text: str, size: Size) -> Size:
        """`size`, or smaller where big type would break the text badly: huge type (for
        short things read from afar, like the submission code) steps down to large when
        it needs two lines, and large steps down to normal when a word would not fit."""
        words = printable(text).split()
        if size is Size.HUGE and len(" ".join(words)) > self.columns(size):
            size = Size.LARGE
        if size is Size.LARGE and max(map(len, words), default=0) > self.columns(size):
            size = Size.NORMAL
        return size

    def qr_module(self, modules: int) -> int:
        """Dots per module for a QR code `modules` wide: at most 60 % of the paper."""
        return max(1, min(self.qr_max_module, int(self.dots * 0.6) // modules))


PAPER_58 = Paper(width_mm=58, dots=384, qr_max_module=6)
PAPER_80 = Paper(width_mm=80, dots=576, qr_max_module=8)
PAPERS = {58: PAPER_58, 80: PAPER_80}


def paper_for_width(width_mm: int) -> Paper:
    """The paper of `width_mm` (58 or 80)."""
    try:
        return PAPERS[width_mm]
    except KeyError:
        raise ValueError(f"paper must be 58 or 80 mm wide (got {width_mm})") from None


def wrap(text: str, columns: int) -> list[str]:
    """`text` made printable and wrapped to `columns` characters without splitting words.

    Only a word longer than a whole line (a long URL) is broken, and it starts on a line
    of its own. Empty text is one empty line, so a blank `Line` still takes its room.
    """
    lines: list[str] = []
    current = ""
    for word in printable(text).split(" "):  # no-break spaces stay inside their word
        if not word:
            continue
        if len(word) > columns:
            if current:
                lines.append(current)
            pieces = [word[i : i + columns] for i in range(0, len(word), columns)]
            lines += pieces[:-1]
            current = pieces[-1]
        elif not current:
            current = word
        elif len(current) + 1 + len(word) <= columns:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines or [""]
