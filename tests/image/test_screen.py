"""The screendump check the VM tests rely on, on pictures drawn here (no VM needed)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from tests.image.screen import looks_like_home


def draw_home(path: Path, page_width: int) -> Path:
    """A light page `page_width` wide on a 1280x800 black screen, a dark title at its top."""
    image = Image.new("RGB", (1280, 800), "black")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, page_width - 1, 799), fill=(246, 247, 249))
    draw.rectangle((30, 40, 600, 52), fill=(20, 24, 28))  # the commune's name, as a bar
    image.save(path)
    return path


def test_a_page_that_fills_the_screen_is_home(tmp_path: Path) -> None:
    home, reason = looks_like_home(draw_home(tmp_path / "full.png", 1280))
    assert home, reason


def test_a_page_beside_a_black_band_is_not(tmp_path: Path) -> None:
    home, reason = looks_like_home(draw_home(tmp_path / "band.png", 1080))
    assert not home
    assert "does not fill the screen" in reason


def test_a_black_screen_is_not(tmp_path: Path) -> None:
    path = tmp_path / "black.png"
    Image.new("RGB", (1280, 800), "black").save(path)
    home, reason = looks_like_home(path)
    assert not home and "not a light page" in reason
