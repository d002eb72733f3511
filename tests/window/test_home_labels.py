"""Home in the real window: every category and life event read whole, in every language,
with large text off and on, in portrait, landscape and the small landscape panels.

A category's name is the button's label: cut off with "…" ("Personenstandsurk…" in German
with large text) a resident cannot tell what it opens. Each button of home is swiped into
view in turn (as a resident scrolls the page); it must then lie whole in the window and its
label must not end in "…". The screenshots are saved under
build/work/window-shots/<screen>/test_every_label_on_home_is_read_whole/.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PIL import Image

from tests.window import shots
from tests.window.atspi import Node
from tests.window.geometry import Rect
from tests.window.harness import (
    BUTTON,
    MARGIN,
    MORE_BELOW,
    Desk,
    WindowKiosk,
    clipping_parent,
    free_view,
)
from tests.window.processes import missing_tools
from tests.window.test_accessibility_panel import (
    LANGUAGES,
    inside,
    label_cut_off,
    words_in,
)
from tests.window.test_journeys import label
from tests.window.test_switches_on_newer_screens import controls, switch_on

CATALOGUE = Path(__file__).resolve().parents[2] / "offline_cache" / "demo" / "catalogue.json"
SCREENS = {
    "portrait": ("portrait", None),
    "landscape": ("landscape", None),
    "1366x768": ("landscape", (1366, 768)),
    "1280x800": ("landscape", (1280, 800)),
}
LARGE_TEXT = "Duży tekst"


# Every screen, language and text size walks home in ~18 minutes on two cores: too long for
# every `./dev test`. It walks four cases that cut labels or hid buttons before (German, the
# longest words, at 1920x1080 with large text and at 1366x768 with and without it; Ukrainian
# with large text at 1280x800), ~2.5 minutes of one test worker;
# INFOMAT_ALL_HOME_LABELS=1 walks all 32 (after a change of home's layout or its texts).
EVERY_CASE = [
    (screen, language, large)
    for screen in SCREENS
    for language in LANGUAGES
    for large in (False, True)
]
EVERYDAY_CASES = [
    ("landscape", "de", True),
    ("1366x768", "de", False),
    ("1366x768", "de", True),
    ("1280x800", "uk", True),
]
CASES = EVERY_CASE if os.environ.get("INFOMAT_ALL_HOME_LABELS") == "1" else EVERYDAY_CASES


@pytest.fixture(scope="module")
def desk(request: pytest.FixtureRequest) -> Iterator[Desk]:
    missing = missing_tools()
    if missing:
        pytest.skip(f"window tests need {', '.join(missing)} (./dev test installs them)")
    orientation, size = SCREENS[request.param]
    desk = Desk(orientation, size)
    yield desk
    desk.stop()


def home_labels(language: str) -> list[str]:
    """The names of the demo catalogue's categories and life events, as home shows them."""
    terms = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    return [
        term["name"][language] for kind in ("categories", "life_events") for term in terms[kind]
    ]


def whole_in_view(button: Node, nodes: list[Node], visible: Rect) -> bool:
    """Whether the button is whole in the window, in its scrolling parent and above the
    "more below" cue where that shows (whose band fades what is behind it). Not
    `free_view`: the last row of a page scrolled to its end touches the page's foot as
    a bar that stays put would, and would never count as seen."""
    clip = clipping_parent(button)
    view = visible if clip is None else visible.intersection(clip.extents)
    cues = [
        n.extents.y - MARGIN for n in nodes if n.name in MORE_BELOW and view.overlaps(n.extents)
    ]
    bottom = min([view.bottom, *cues])
    return Rect(view.x, view.y, view.width, max(0, bottom - view.y)).contains(button.extents)


def page_on(kiosk: WindowKiosk, node: Node) -> None:
    """The page swiped up (by half its view at most) to bring the control just revealed at
    the foot of the view near its top: what was above it has been seen, what is below comes
    in (the walk takes a page at a time, not a row)."""
    nodes = kiosk.tree.nodes()
    free = free_view(node, kiosk.visible_area(), nodes)
    shift = node.extents.y - free.y - MARGIN
    if shift > 2 * MARGIN:
        x = free.centre[0]
        shift = min(shift, free.height // 2)
        kiosk.drag((x, free.bottom - MARGIN), (x, free.bottom - MARGIN - shift))


def walk_home(kiosk: WindowKiosk, language: str, step: str) -> list[str]:
    """Each category and life event swiped into view in turn: the problems of every button
    seen whole on the way (a label cut off with "…"), and of those never seen whole (wider
    than the window, or out of reach)."""
    expected = home_labels(language)
    checked: set[str] = set()
    problems: list[str] = []
    for name in expected:
        if name in checked:
            continue
        with contextlib.suppress(AssertionError):  # (then it is not seen whole, below)
            page_on(kiosk, kiosk.reveal(name, BUTTON))
        kiosk.wait_still()
        image = kiosk.shot(f"{step}-{len(checked):02d}")
        nodes = kiosk.tree.nodes()
        window = kiosk.window()
        seen_whole = partial(whole_in_view, visible=kiosk.visible_area())
        for button in controls(nodes):
            if button.role != BUTTON or button.name in checked or not seen_whole(button, nodes):
                continue
            checked.add(button.name)
            if label_cut_off(image, window, button.extents):
                problems.append(f"{step}: the label of {button.name!r} is cut off with '…'")
    missing = [name for name in expected if name not in checked]
    if missing:
        problems.append(f"{step}: never seen whole in the window: {missing}")
    return problems


@pytest.mark.parametrize(
    ("desk", "language", "large"),
    CASES,
    indirect=["desk"],
    ids=[f"{s}-{lang}-{'large-text' if big else 'text'}" for s, lang, big in CASES],
)
def test_every_label_on_home_is_read_whole(kiosk: WindowKiosk, language: str, large: bool) -> None:
    """One language and text size per kiosk: the walk starts at the top of home (a swipe
    down the page, back to the top, once opened the category under the finger, in
    Ukrainian just after the language was changed; not what this test is about)."""
    if large:
        switch_on(kiosk, LARGE_TEXT)
    if language != "pl":
        kiosk.tap(LANGUAGES[language])
        # The whole screen is translated and laid out again: wait for it to settle.
        kiosk.find(label(words_in(language)("Accessibility")), BUTTON, timeout_s=10)
        kiosk.wait_still()
    problems = walk_home(kiosk, language, f"{language}-{'large-text' if large else 'text'}")
    assert not problems, "\n".join(problems)


def runs_to_the_edge(image: Image.Image, window: Rect, field: Rect) -> bool:
    """Whether text drawn inside the field (within its frame) reaches its right edge: a
    hint too long for it, running on under or past its frame."""
    ink = shots.ink_of(inside(image, window, field))
    drawn = ink.getbbox()
    return drawn is not None and drawn[2] >= ink.width - 2


@pytest.mark.parametrize("desk", ["portrait"], indirect=True)
def test_the_search_hint_is_read_whole_in_every_language(kiosk: WindowKiosk) -> None:
    """The hint in the empty search field ("Was suchen Sie? z. B. Ausweis, Müll, Steuer")
    is set smaller where it would not fit, never cut off with "…" (German with large text
    in portrait was)."""
    switch_on(kiosk, LARGE_TEXT)
    problems: list[str] = []
    for language, name in LANGUAGES.items():
        kiosk.tap(name)
        field = kiosk.find(words_in(language)("Search the e-services"), "text", timeout_s=10)
        kiosk.wait_still()
        image = kiosk.shot(f"{language}-large-text-search")
        if label_cut_off(image, kiosk.window(), field.extents):
            problems.append(f"{language}: the search hint is cut off with '…'")
        if runs_to_the_edge(image, kiosk.window(), field.extents):
            problems.append(f"{language}: the search hint runs into the field's edge")
    kiosk.tap(LANGUAGES["pl"])
    assert not problems, "\n".join(problems)
