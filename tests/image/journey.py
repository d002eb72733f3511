"""A resident's journey in the VM: find words on the screen, tap them, type on the kiosk's own
on-screen keyboard (tests/image/ocr.py reads the screen, tests/image/touch.py taps it).

The on-screen keyboard is the only way a resident types at the kiosk (the image's Qt on
Wayland does not put a hardware keyboard's letters into a field), so the journey presses its
keys too. Its light-on-dark keys are read on an inverted screendump, and the keys that the
reader misses are placed from their row's neighbours (a row's keys are evenly spaced).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from statistics import median

import pytest
from PIL import Image, ImageChops, ImageFilter, ImageOps

from offline_cache.submission_code import is_valid, normalise
from tests.image.ocr import Box, Word, find_phrase, read_words, text_of
from tests.image.touch import Touch
from tests.image.vm import ImageVM

ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
SPACE_BAR = "polski"  # the space bar shows the keyboard's language


@dataclass(frozen=True)
class Look:
    path: Path
    words: list[Word]

    def find(self, phrase: str) -> Box | None:
        """Read as a page first; then as scattered words (Tesseract's page layout skips lone
        buttons at the foot of a screen); then the white words on blue buttons alone."""
        box = find_phrase(self.words, phrase)
        if box is None:
            box = find_phrase(read_words(self.path, sparse=True), phrase)
        if box is None:
            box = find_phrase(read_words(button_words(self.path), sparse=True), phrase)
        return box


class Journey:
    def __init__(self, vm: ImageVM, name: str) -> None:
        self.vm, self.name = vm, name
        self.touch = Touch(vm, *vm.screen)
        self._shots = 0

    def look(self) -> Look:
        self._shots += 1
        path = self.vm.screendump(f"{self.name}-{self._shots:03d}")
        return Look(path, read_words(path))

    def wait_for(self, phrase: str, timeout_s: float = 90.0) -> Box:
        deadline = time.monotonic() + timeout_s
        while True:
            look = self.look()
            box = look.find(phrase)
            if box is not None:
                return box
            if time.monotonic() > deadline:
                pytest.fail(f"{phrase!r} never showed; the screen ({look.path}) read:\n"
                            + text_of(look.words))  # fmt: skip
            time.sleep(1.0)

    def tap(self, phrase: str, timeout_s: float = 90.0) -> Box:
        box = self.wait_for(phrase, timeout_s)
        self.tap_at(*box.centre)
        return box

    def tap_at(self, x: int, y: int, tries: int = 3) -> None:
        """A tap, then wait as a person does: until the screen has answered and is still.
        A tap the screen does not answer is tried again, as a person would (right after
        the boot, the kiosk's first touch was lost once while it was still starting up)."""
        for _ in range(tries):
            before = self.picture()
            self.touch.tap(x, y)
            if self.settle(before):
                return
        pytest.fail(f"{tries} taps at {x},{y} changed nothing on the screen ({self.name})")

    def settle(self, before: Image.Image | None = None, timeout_s: float = 20.0) -> bool:
        """Until the screen differs from `before` (if given) and two looks agree; whether it
        changed."""
        deadline = time.monotonic() + timeout_s
        last = self.picture()
        changed = before is None or _differ(before, last)
        while time.monotonic() < deadline:
            time.sleep(0.5)
            now = self.picture()
            if changed and not _differ(last, now):
                return True
            changed = changed or _differ(before, now)  # type: ignore[arg-type]
            last = now
        return changed

    def picture(self) -> Image.Image:
        path = self.vm.screendump(f"{self.name}-settle")
        with Image.open(path) as image:
            # Without the top-left pixel: Main.qml's frame ticker flips it while things move.
            return image.convert("RGB").crop((1, 1, image.width, image.height))

    def wake(self, home_phrase: str = "Kategorie", timeout_s: float = 90.0) -> None:
        """At the home screen: a touch first if the attract loop shows (an idle kiosk)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            look = self.look()
            if look.find(home_phrase) is not None:
                return
            attract = look.find("Dotknij ekranu")
            if attract is not None:
                self.tap_at(*attract.centre)
            time.sleep(2.0)
        pytest.fail(f"no home screen within {timeout_s:.0f} s")

    def reveal(self, phrase: str, swipes: int = 6) -> Box:
        """Swipes the page up until `phrase` shows (a resident scrolling down to it)."""
        width, height = self.vm.screen
        for _ in range(swipes):
            look = self.look()
            box = look.find(phrase)
            if box is not None and box.bottom < height * 0.9:
                return box
            self.touch.drag((width // 2, int(height * 0.5)), (width // 2, int(height * 0.3)))
            self.settle()
        return self.wait_for(phrase, timeout_s=5.0)

    def tap_revealed(self, phrase: str) -> Box:
        box = self.reveal(phrase)
        self.tap_at(*box.centre)
        return box

    def type(self, text: str) -> None:
        """Presses the on-screen keyboard's keys for `text` (lowercase letters and spaces)."""
        keys = self.keyboard_keys()
        for char in text:
            if char not in keys:
                raise ValueError(f"the journey types only {''.join(sorted(keys))!r}: {char!r}")
            self.touch.tap(*keys[char])
            time.sleep(0.4)
        self.settle()

    def keyboard_keys(self, timeout_s: float = 60.0) -> dict[str, tuple[int, int]]:
        deadline = time.monotonic() + timeout_s
        while True:
            path = self.vm.screendump(f"{self.name}-keyboard")
            keys = keys_on(path)
            if keys is not None:
                return keys
            if time.monotonic() > deadline:
                pytest.fail(f"no on-screen keyboard could be read on {path}")
            time.sleep(1.0)


def inverted(screendump: Path) -> Path:
    """The screendump in negative: light text on dark keys and buttons becomes dark on light."""
    negative = screendump.with_name(screendump.stem + "-inverted.png")
    with Image.open(screendump) as image:
        ImageOps.invert(image.convert("L")).save(negative)
    return negative


def button_words(screendump: Path) -> Path:
    """Only the light words inside blue areas (the kiosk's main and chosen buttons), as dark
    words on white: Tesseract reads them neither on the screen nor on its negative."""
    words = screendump.with_name(screendump.stem + "-buttons.png")
    with Image.open(screendump) as image:
        red, green, blue = image.convert("RGB").split()
    blueish = ImageChops.subtract(blue, red).point(lambda v: 255 if v > 60 else 0)
    # The blue areas with the holes their letters make filled in (a closing, at 1/4 scale).
    quarter = (blueish.width // 4, blueish.height // 4)
    areas = blueish.resize(quarter).filter(ImageFilter.MaxFilter(9))
    areas = areas.filter(ImageFilter.MinFilter(9)).resize(blueish.size)
    light = ImageChops.darker(ImageChops.darker(red, green), blue).point(
        lambda v: 255 if v > 200 else 0
    )
    ImageOps.invert(ImageChops.multiply(areas, light)).save(words)
    return words


def keys_on(screendump: Path) -> dict[str, tuple[int, int]] | None:
    """Where each letter key and the space bar is, or None if no keyboard shows."""
    words = read_words(inverted(screendump), sparse=True)
    space = find_phrase(words, SPACE_BAR)
    if space is None:
        return None
    keys: dict[str, tuple[int, int]] = {" ": space.centre}
    for row in ROWS:
        found = [
            w for w in words if len(w.text) == 1 and w.text.lower() in row and w.top < space.top
        ]
        placed = _place_row(row, found)
        if placed is None:
            return None
        keys.update(placed)
    return keys


def _place_row(row: str, found: list[Word]) -> dict[str, tuple[int, int]] | None:
    """The row's keys from those read: the row's line is the one most of them share."""
    if not found:
        return None
    lines: list[list[Word]] = []
    for word in sorted(found, key=lambda w: w.top):
        if lines and abs(word.top - lines[-1][-1].top) <= 15:
            lines[-1].append(word)
        else:
            lines.append([word])
    best = max(lines, key=len)
    # Same letter read twice (a row above holding it too): keep the ones on this line.
    points = {w.text.lower(): ((w.left + w.right) / 2, (w.top + w.bottom) / 2) for w in best}
    if len(points) < 2:
        return None
    indexes = [row.index(letter) for letter in points]
    xs = [points[letter][0] for letter in points]
    mean_i, mean_x = sum(indexes) / len(indexes), sum(xs) / len(xs)
    spread = sum((i - mean_i) ** 2 for i in indexes)
    if spread == 0:
        return None
    slope = sum((i - mean_i) * (x - mean_x) for i, x in zip(indexes, xs, strict=True)) / spread
    y = int(median(p[1] for p in points.values()))
    return {letter: (int(mean_x + slope * (i - mean_i)), y) for i, letter in enumerate(row)}


INFO_REQUEST = "Wniosek o udostępnienie informacji publicznej"


def fill_in_an_information_request(journey: Journey) -> None:
    """From home up to the review with its consent ticked: the last tap left is "Wyślij"."""
    journey.wake()
    journey.tap("Informacja publiczna")
    journey.tap(INFO_REQUEST)
    journey.tap_revealed("Wypełnij wniosek tutaj")
    counter = journey.wait_for("z 4000 znaków")  # under the description's field
    journey.tap_at(journey.vm.screen[0] // 2, counter.top - 80)
    journey.type("kopia uchwal rady miasta")
    journey.tap_revealed("Wgląd w dokumenty w urzędzie")
    journey.tap("Dalej")
    journey.wait_for("Krok 2 z 3")
    journey.tap("Dalej")  # the name is optional
    journey.wait_for("Krok 3 z 3")
    journey.tap_revealed("Odbiorę osobiście w urzędzie")
    journey.tap("Dalej")
    journey.wait_for("Sprawdź swoje odpowiedzi")
    journey.tap_revealed("Zapoznałem")


def code_on_screen(look: Look) -> str | None:
    """The application's code as the receipt screen shows it (K7P4M-X9RCA), compact; None
    before the receipt. Only a code whose check character matches counts as read."""
    # The page as read at first is enough (the heading is dark on light): the slower
    # readings would make the cuts after the receipt come later than "right after".
    if find_phrase(look.words, "Twój wniosek został złożony") is None:
        return None
    for word in look.words:
        if "-" in word.text and is_valid(word.text):
            return normalise(word.text)
    return None


def _differ(first: Image.Image, second: Image.Image) -> bool:
    return ImageChops.difference(first, second).getbbox() is not None
