"""What a person sees: screenshots of the X screen and checks on them (Pillow reads X via XCB)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageChops, ImageGrab

from tests.window.geometry import Rect

MANY_COLOURS = 1 << 16


def grab(display: str, area: Rect) -> Image.Image:
    """The pixels of `area` of the screen of `display`, as the monitor would show them."""
    return ImageGrab.grab(bbox=area.box(), xdisplay=display).convert("RGB")


def distinct_colours(image: Image.Image, most: int = 4096) -> int:
    """How many different colours the image has (at most `most` are counted)."""
    colours = image.getcolors(maxcolors=most)
    return most if colours is None else len(colours)


def blank_reason(image: Image.Image, min_colours: int, min_ink: float) -> str | None:
    """Why `image` looks blank (one colour, or almost nothing drawn), or None.

    `min_ink` is the share of pixels that must differ from the most common colour (the
    background): text and buttons are at least a few percent of a screen of content.
    """
    pixels = image.width * image.height
    # Counting up to 65,536 colours takes ~15 ms for a 1920x1080 screen, up to 2^24 ~280 ms.
    # More colours than that means at least 65,535 pixels differ from the background.
    colours = image.getcolors(maxcolors=MANY_COLOURS)
    if colours is None and (MANY_COLOURS - 1) / pixels >= min_ink:
        return None
    colours = colours or image.getcolors(maxcolors=1 << 24) or []
    if len(colours) < min_colours:
        return f"only {len(colours)} colours (want {min_colours} or more)"
    background = max(count for count, _ in colours)
    ink = 1 - background / pixels
    if ink < min_ink:
        return f"only {ink:.1%} of it differs from the background (want {min_ink:.0%})"
    return None


def save(image: Image.Image, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    return path


def difference(first: Image.Image, second: Image.Image) -> float:
    """The share of pixels that differ between two screenshots of the same size."""
    if first.size != second.size:
        return 1.0
    same = ImageChops.difference(first, second).convert("L").histogram()[0]
    total = first.width * first.height
    return (total - same) / total


def ink_of(image: Image.Image) -> Image.Image:
    """White where `image` differs from its most common colour (a button's or a field's own)
    by more than 80 grey levels: what is drawn on it."""
    grey = image.convert("L")
    counts = grey.histogram()
    fill = counts.index(max(counts))
    return grey.point(lambda v: 255 if abs(v - fill) > 80 else 0)


def ends_in_an_ellipsis(image: Image.Image) -> bool:
    """Whether the last line of text drawn in `image` (a button inside its border) ends in
    "…": the mark of a label cut off to fit, in any language and script.

    The ink is what differs from the button's own colour. The last line's last three marks
    (runs of inked columns) are an ellipsis when each is a small dot low in the line: no
    letter of the Latin or Cyrillic alphabets is drawn as three dots in a row.
    """
    ink = ink_of(image)
    rows = [y for y in range(ink.height) if ink.crop((0, y, ink.width, y + 1)).getbbox()]
    if not rows:
        return False
    bottom = rows[-1]
    top = bottom
    while top - 1 in rows:
        top -= 1
    line = ink.crop((0, top, ink.width, bottom + 1))
    marks = _marks(line)
    if len(marks) < 4:
        return False
    return all(_is_a_dot(line, left, right) for left, right in marks[-3:])


def _is_a_dot(line: Image.Image, left: int, right: int) -> bool:
    """A mark no taller or wider than a third of the line, in its lower half (a lower-case
    letter is at least half as tall as a capital)."""
    box = line.crop((left, 0, right, line.height)).getbbox()
    if box is None:
        return False
    most = line.height * 0.35
    return box[3] - box[1] <= most and right - left <= most and box[1] >= line.height * 0.5


def _marks(line: Image.Image) -> list[tuple[int, int]]:
    """The runs of inked columns of a line of text, left to right, as (left, right)."""
    inked = [line.crop((x, 0, x + 1, line.height)).getbbox() is not None for x in range(line.width)]
    marks, start = [], None
    for x, on in enumerate([*inked, False]):
        if on and start is None:
            start = x
        elif not on and start is not None:
            marks.append((start, x))
            start = None
    return marks
