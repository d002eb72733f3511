"""What a screendump of the VM shows, without OCR: colours and the contrast of text.

The kiosk's home screen is a light page with the commune's name in large dark letters across
its top. A boot that went wrong shows something else: a black screen (no GPU, weston not
started), a text console (white on black), firmware or GRUB (mostly black).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image


@dataclass(frozen=True)
class Band:
    """Shares of light (page), dark (text) and other pixels in a region, 0.0 to 1.0."""

    light: float
    dark: float
    colours: int


def luminance_grid(path: Path, step: int = 2) -> tuple[int, int, list[list[int]]]:
    """Width, height and the luminance (0-255) of every `step`-th pixel, row by row."""
    with Image.open(path) as image:
        grey = image.convert("L")
    width, height = grey.size
    data = grey.tobytes()
    rows = [list(data[y * width : (y + 1) * width : step]) for y in range(0, height, step)]
    return width, height, rows


def band(rows: list[list[int]], top: float, bottom: float, right: float = 1.0) -> Band:
    """The pixels between `top` and `bottom` (shares of the height), left of `right`."""
    picked = rows[int(len(rows) * top) : int(len(rows) * bottom)]
    values = [v for row in picked for v in row[: int(len(row) * right)]]
    if not values:
        return Band(0.0, 0.0, 0)
    light = sum(1 for v in values if v >= 200) / len(values)
    dark = sum(1 for v in values if v <= 90) / len(values)
    return Band(light, dark, len(set(values)))


def looks_like_home(path: Path) -> tuple[bool, str]:
    """True when the screen shows a light page with a line of large dark text at its top."""
    _, _, rows = luminance_grid(path)
    whole = band(rows, 0.0, 1.0)
    title = band(rows, 0.0, 0.09, right=0.6)
    reason = f"whole screen {whole}; title strip {title}"
    if whole.light < 0.5:
        return False, "not a light page: " + reason
    if not 0.03 <= title.dark <= 0.45:
        return False, "no dark text across the top: " + reason
    # The kiosk fills the screen: no black band beside a window left at its design size.
    right_edge = [row[-max(1, len(row) // 20) :] for row in rows]
    black = sum(1 for row in right_edge for v in row if v <= 10) / sum(map(len, right_edge))
    if black > 0.5:
        return False, f"the right edge is black ({black:.0%}): the window does not fill the screen"
    return True, reason
