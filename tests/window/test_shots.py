"""The window tests' own eyes: the blank-screen check must see a blank screen as blank,
whichever of its two ways of counting colours it takes."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from tests.window import shots

SCREEN = (1920, 1080)


def test_one_colour_is_blank() -> None:
    image = Image.new("RGB", SCREEN, (255, 255, 255))
    assert shots.blank_reason(image, 8, min_ink=0.02) == "only 1 colours (want 8 or more)"


def test_a_few_specks_on_white_are_blank() -> None:
    image = Image.new("RGB", SCREEN, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for n in range(20):
        draw.rectangle((n * 40, 10, n * 40 + 3, 13), fill=(n * 10, 0, 0))
    reason = shots.blank_reason(image, 8, min_ink=0.02)
    assert reason is not None and reason.startswith("only 0.0% of it differs")


def test_lines_of_text_are_not_blank() -> None:
    image = Image.new("RGB", SCREEN, (250, 250, 250))
    draw = ImageDraw.Draw(image)
    for row in range(60):
        draw.rectangle((40, row * 18, 1800, row * 18 + 9), fill=(row, 40, 90))
    assert shots.blank_reason(image, 8, min_ink=0.02) is None


def test_more_colours_than_counted_cheaply_are_not_blank() -> None:
    """Past 65,536 colours the check stops counting: so many pixels differ that it is drawn."""
    noise = random.Random(7)
    image = Image.new("RGB", SCREEN, (255, 255, 255))
    image.putdata([tuple(noise.randrange(256) for _ in "rgb") for _ in range(SCREEN[0] * 200)])
    assert image.getcolors(maxcolors=shots.MANY_COLOURS) is None
    assert shots.blank_reason(image, 8, min_ink=0.02) is None


def test_a_large_picture_with_many_colours_is_still_measured() -> None:
    """A picture so large that 65,536 colours would not prove 2 % ink is counted in full."""
    image = Image.new("RGB", (4000, 4000), (255, 255, 255))
    noise = random.Random(8)
    image.putdata([tuple(noise.randrange(256) for _ in "rgb") for _ in range(70_000)])
    reason = shots.blank_reason(image, 8, min_ink=0.02)
    assert reason is not None and "differs from the background" in reason
