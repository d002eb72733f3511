"""A clerk's desk page and the waiting room's TV, each in headless Chromium: the clerk signs in
and opens a desk's page; the TV's newest call is read from its page and from its screenshot's
pixels (the office's and the kiosk's journeys both use these)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import cast
from urllib.parse import urlencode

from PIL import Image

from tests.office.desk import PASSWORD
from tests.peers.browser import Page
from tests.peers.desk_browser import submit_with, type_into

YELLOW = (0xFF, 0xD4, 0x00)  # .newest .label in display.css
WHITE = (0xFF, 0xFF, 0xFF)  # .newest .desk
Box = tuple[int, int, int, int]  # left, top, right, bottom in the screenshot's pixels


def sign_in_at_the_desk(desk: Page, url: str, office: str, desk_name: str) -> str:
    """The clerk logs in by the form and opens the desk's page; its address."""
    desk.open(url + "/logowanie")
    type_into(desk, "#login", "anna.nowak")
    type_into(desk, "#password", PASSWORD)
    submit_with(desk, "#sign-in")
    open_the_desk(desk, url, office, desk_name)
    return str(desk.value("location.pathname + location.search"))


def open_the_desk(desk: Page, url: str, office: str, desk_name: str) -> None:
    desk.open(f"{url}/wizyty?{urlencode({'urzad': office, 'stanowisko': desk_name})}")
    assert desk.value("document.getElementById('desk').value") == desk_name


def shown_call(tv: Page) -> tuple[str, str]:
    """The TV's newest call as its page holds it: (number or time, desk); desk "" for none."""
    return (
        str(tv.value("document.getElementById('current-label').textContent")),
        str(tv.value("document.getElementById('current-desk')?.textContent ?? ''")),
    )


def wait_for_the_call(tv: Page, label: str, desk: str, clicked: float, within_s: float) -> float:
    """Seconds from `clicked` (time.monotonic() at the clerk's click) until the TV shows
    `label` called to `desk`; fails once `within_s` have passed."""
    while (shown := shown_call(tv)) != (label, desk):
        waited = time.monotonic() - clicked
        assert waited < within_s, f"the display shows {shown}, not {label} -> {desk}"
        time.sleep(0.02)
    return time.monotonic() - clicked


def box_of(page: Page, element_id: str) -> Box:
    """Where the element is drawn, in the screenshot's pixels (the desk browser's scale 1)."""
    left, top, right, bottom = page.value(
        f"(() => {{ const r = document.getElementById({json.dumps(element_id)})"
        ".getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })()"
    )
    return round(left), round(top), round(right), round(bottom)


def _pixels(png: Path) -> tuple[list[tuple[int, int, int]], int, int]:
    with Image.open(png) as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        return [cast(tuple[int, int, int], p) for p in rgb.get_flattened_data()], width, height


def _near(pixel: tuple[int, int, int], colour: tuple[int, int, int]) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(pixel, colour, strict=True))


def assert_number_painted(png: Path) -> None:
    """Not blank: mostly black, with the number's yellow in large glyphs."""
    pixels, width, height = _pixels(png)
    yellow = [n for n, p in enumerate(pixels) if _near(p, YELLOW)]
    black = sum(1 for p in pixels if max(p) < 30)
    assert black > len(pixels) // 2, "the screen is not the dark display"
    assert len(yellow) > 5000, (
        f"too little of the number's yellow is painted ({len(yellow)} pixels)"
    )
    rows = {n // width for n in yellow}
    assert max(rows) - min(rows) > height // 10, "the yellow is no large number"


def assert_call_painted(png: Path, label: Box, desk: Box) -> None:
    """The newest call's number in large yellow glyphs inside its box, and its desk in white
    inside the desk's box: ink that fills a good part of each box's height."""
    pixels, width, _ = _pixels(png)
    for what, box, colour in (("number", label, YELLOW), ("desk", desk, WHITE)):
        left, top, right, bottom = box
        ink = [
            (x, y)
            for y in range(top, bottom)
            for x in range(left, right)
            if _near(pixels[y * width + x], colour)
        ]
        assert len(ink) > 800, f"the {what} at {box} is hardly painted ({len(ink)} pixels)"
        rows = {y for _, y in ink}
        assert max(rows) - min(rows) > (bottom - top) // 2, f"the {what}'s glyphs are small"
