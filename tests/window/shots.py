"""What a person sees: screenshots of the X screen and checks on them (Pillow reads X via XCB)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageChops, ImageGrab

from tests.window.geometry import Rect


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
    colours = image.getcolors(maxcolors=1 << 24) or []
    if len(colours) < min_colours:
        return f"only {len(colours)} colours (want {min_colours} or more)"
    background = max(count for count, _ in colours)
    ink = 1 - background / (image.width * image.height)
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
