"""The newer screens with the accessibility switches on, in the real window: booking a visit,
a queue number, 'Sprawdź stan sprawy' and the Wi-Fi slip, with large text, controls low
(the least room there is) and high contrast, in Polish and in Ukrainian (the longest texts).

Each screen must be drawn and no wider than the window, no control may lie under another,
every control out of view must fit the view a swipe brings it to (the journeys swipe to
each control they tap, and to the last time of the day), the field being typed in and its
hint must stay above the keyboard, and an answer (the case, the visit code, the number,
the voucher) must be in view as it comes. One kiosk per orientation goes through it all;
the journey goes on after a problem, to find every one of them in one run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

import pytest

from tests.kiosk.visit_office import OFFICE, VisitOffice, visit_office
from tests.window.atspi import Node
from tests.window.geometry import Rect
from tests.window.harness import (
    BUTTON,
    CONTROL_ROLES,
    WindowKiosk,
    assert_in_view,
    assert_not_blank,
    clipping_parent,
    controls_over,
    every_window,
    free_view,
    layer,
)
from tests.window.test_journeys import ACCESSIBILITY, DONE, HOME, label, option_on
from tests.window.words import translated

KIOSK_SETTINGS: dict[str, Any] = {}
SWITCHES = ["Duży tekst", "Przyciski nisko (wózek)", "Wysoki kontrast"]
LANGUAGES = {"pl": "Polski", "uk": "Українська"}
QUEUE_SERVICE = "Dowód osobisty"  # the office's names, in Polish in every language
VISIT_SERVICE = "Zameldowanie na pobyt stały"
DAY = re.compile(r"\d\d\.\d\d$")
TIME = re.compile(r"^\d\d:\d\d$")
NOT_THERE = (
    "No application with this code has reached the office yet. "
    "Applications reach it within minutes when the kiosk is online."
)
Words = Callable[[str], str]


@pytest.fixture(scope="module", autouse=True)
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VisitOffice]:
    """The office for visits and the hotspot's voucher key, before the module's kiosk."""
    folder = tmp_path_factory.mktemp("switches")
    key_file = folder / "voucher.key"
    key_file.write_text("12:w8Hc3Nq7Zr1Vx5Kb9Tm2Lp6Fd4Gs0Jy3\n", encoding="utf-8")
    with visit_office(folder) as running:
        KIOSK_SETTINGS["extra_toml"] = (
            f'[visits]\napi_url = "{running.url}"\noffice = "{OFFICE}"\n'
            f'[intake]\ntoken = "{running.token}"\n'
            f'[wifi]\nssid = "Łańcut-Free"\nvoucher_key_file = "{key_file}"\n'
        )
        yield running


def test_the_newer_screens_with_large_text_low_controls_and_high_contrast(
    kiosk: WindowKiosk,
) -> None:
    for switch in SWITCHES:
        switch_on(kiosk, switch)
    problems: list[str] = []
    for language in languages_walked(kiosk):
        if language != "pl":
            kiosk.tap(LANGUAGES[language])
        words: Words = partial(translated, language=language)
        for journey in JOURNEYS[language]:
            step = f"{language}-{journey.__name__}"
            try:
                problems += journey(kiosk, words, step)
            except AssertionError as error:  # this screen cannot go on: the next one can
                kiosk.shot(f"{step}-stopped")
                problems.append(f"{step} stopped: {str(error).splitlines()[0]}")
            kiosk.tap(label(words("Home")))
    assert not problems, "\n".join(problems)


def languages_walked(kiosk: WindowKiosk) -> list[str]:
    """Polish and Ukrainian in landscape, where the height is least; in portrait Ukrainian
    alone, the longest texts (both in both with INFOMAT_ALL_WINDOW_SIZES=1)."""
    if every_window() or kiosk.desk.orientation == "landscape":
        return list(LANGUAGES)
    return ["uk"]


def switch_on(kiosk: WindowKiosk, option: str) -> None:
    """On in the accessibility panel, opened at home and closed with Done: home again."""
    kiosk.tap(ACCESSIBILITY)
    kiosk.find("Dostępność", "heading")
    kiosk.tap(kiosk.reveal(label(option)))
    assert option_on(kiosk, option), f"{option} did not turn on"
    kiosk.tap(kiosk.reveal(DONE))
    kiosk.wait_gone(DONE, BUTTON)
    assert not kiosk.has(HOME, BUTTON), f"{option}: Done tapped what lay under the panel"


def check_a_status(kiosk: WindowKiosk, words: Words, step: str) -> list[str]:
    kiosk.tap(kiosk.reveal(label(words("Check the status of your application"))))
    field = kiosk.find(words("Code from the receipt"), "text")
    problems = screen_problems(kiosk, step)
    # The field is what the resident must use here: whole in view as the screen opens,
    # not under the "more below" cue (it was half under it in landscape).
    problems += problem_of(f"{step}, as it opened", assert_clear_in_view, kiosk, field)
    kiosk.tap(kiosk.reveal(field.name, "text"), role=None)
    kiosk.type("k7p4m-x9rc2")  # the last character mistyped: the hint says so at once
    hint = kiosk.find(words("One character does not match. Compare the code with your receipt."))
    if kiosk.keyboard() is None:
        problems.append(f"{step}: typing did not show the on-screen keyboard")
    for node in (kiosk.find(field.name, "text"), hint):
        problems += problem_of(f"{step}, typing", assert_clear_in_view, kiosk, node)
    problems += screen_problems(kiosk, f"{step}-typing")
    kiosk.key("BackSpace")
    kiosk.type("A")
    kiosk.key("Return")  # as a scanner ends its code: the kiosk asks at once
    answer = re.compile("^" + re.escape(words(NOT_THERE)[:40]))
    kiosk.find(answer, "alert message", timeout_s=10)
    return problems + in_view_problems(kiosk, f"{step}-answer", answer)


def book_a_visit(kiosk: WindowKiosk, words: Words, step: str) -> list[str]:
    kiosk.tap(kiosk.reveal(label(words("Book a visit"))))
    kiosk.find(label(VISIT_SERVICE), BUTTON, timeout_s=10)
    problems = screen_problems(kiosk, f"{step}-matters")
    kiosk.tap(kiosk.reveal(label(VISIT_SERVICE)))
    day = kiosk.find(DAY, BUTTON, timeout_s=10)
    problems += screen_problems(kiosk, f"{step}-days")
    kiosk.tap(kiosk.reveal(day.name))
    time = kiosk.find(TIME, BUTTON, timeout_s=10)
    problems += screen_problems(kiosk, f"{step}-times", swipe=True)
    kiosk.tap(kiosk.reveal(time.name))
    book = label(words("Book and print"))
    kiosk.find(book, BUTTON)
    problems += screen_problems(kiosk, f"{step}-confirm")
    kiosk.tap(kiosk.reveal(book))
    kiosk.find(words("Take the slip from the printer."), "alert message", timeout_s=10)
    code = kiosk.find(shown(words("Visit code: %1"), r"[0-9A-Z]{5}-[0-9A-Z]{5}"))
    return problems + in_view_problems(kiosk, f"{step}-booked", code)


def take_a_number(kiosk: WindowKiosk, words: Words, step: str) -> list[str]:
    kiosk.tap(kiosk.reveal(label(words("Take a queue number"))))
    kiosk.find(label(QUEUE_SERVICE), BUTTON, timeout_s=10)
    problems = screen_problems(kiosk, f"{step}-matters")
    kiosk.tap(kiosk.reveal(label(QUEUE_SERVICE)))
    number = kiosk.find(shown(words("Your number: %1"), r"[A-Z]\d{3}"), timeout_s=10)
    return problems + in_view_problems(kiosk, f"{step}-ticket", number)


def print_a_wifi_slip(kiosk: WindowKiosk, words: Words, step: str) -> list[str]:
    kiosk.tap(kiosk.reveal(label(words("Internet Wi-Fi: print a voucher"))))
    slip = label(words("Print the Wi-Fi slip"))
    kiosk.find(slip, BUTTON)
    taken = words("Take the slip from the printer.")
    problems: list[str] = []
    if not kiosk.has(taken, "alert message"):  # one slip per resident: then it is shown again
        problems += screen_problems(kiosk, step)
        kiosk.tap(kiosk.reveal(slip))
        kiosk.find(taken, "alert message", timeout_s=10)
    voucher = kiosk.find(re.compile("^" + re.escape(words("Voucher code") + ": ")))
    return problems + in_view_problems(kiosk, f"{step}-printed", voucher)


def shown(text: str, value: str) -> re.Pattern[str]:
    """A text with its one placeholder (%1) filled by what matches `value`."""
    return re.compile("^" + re.escape(text).replace("%1", value) + "$")


def in_view_problems(kiosk: WindowKiosk, step: str, *answer: re.Pattern[str] | Node) -> list[str]:
    """An answer that has just come (a headline, a code) in view as it came, without a
    swipe, with the problems of its screen."""
    kiosk.wait_still()
    problems = []
    for shown_now in answer:
        node = kiosk.find(shown_now if isinstance(shown_now, re.Pattern) else shown_now.name)
        problems += problem_of(f"{step}, as it came", assert_clear_in_view, kiosk, node)
    return problems + screen_problems(kiosk, step)


Journey = Callable[[WindowKiosk, Words, str], list[str]]
# Ukrainian: the screens with the longest texts (a ticket's are short, its list is the
# booking's), to keep the added time small.
JOURNEYS: dict[str, tuple[Journey, ...]] = {
    "pl": (check_a_status, book_a_visit, take_a_number, print_a_wifi_slip),
    "uk": (check_a_status, book_a_visit, print_a_wifi_slip),
}


# -- what every screen must be ------------------------------------------------------------


def screen_problems(kiosk: WindowKiosk, step: str, swipe: bool = False) -> list[str]:
    """What is wrong with the screen on show: blank, wider than the window, a control under
    another, a control its view cannot show whole; with `swipe`, the last control below
    is swiped to (the longest screen; a journey swipes to each control it taps). The
    screenshot is saved as `step`."""
    kiosk.wait_still()
    image = kiosk.shot(step)
    problems = problem_of(step, assert_not_blank, image, kiosk.page_area(), "the screen")
    window = kiosk.window()
    for node in kiosk.tree.nodes():
        if node.name and not on_the_keyboard(node) and not spans(window, node.extents):
            problems.append(f"{step}: {node.role} {node.name!r} at {node.extents} is cut off")
    return problems + reach_problems(kiosk, step, swipe)


def reach_problems(kiosk: WindowKiosk, step: str, swipe: bool) -> list[str]:
    """No control under another where they are seen; every control out of view fits in the
    view it would be scrolled to (not taller nor wider: a swipe can show it whole), and the
    last one below is brought into view by swiping if `swipe` (those between pass by on the
    way), with no control under another there either."""
    problems = overlap_problems(kiosk, step)
    nodes = kiosk.tree.nodes()
    visible = kiosk.visible_area()
    hidden = [n for n in controls(nodes) if not in_view(n, visible, nodes)]
    for node in hidden:
        free = free_view(node, visible, nodes)
        if node.extents.height > free.height or not spans(free, node.extents):
            problems.append(f"{step}: {describe(node)} is larger than its view {free}")
    below = [n for n in hidden if n.extents.y >= visible.y]
    if swipe and below:
        problems += problem_of(step, kiosk.reveal, below[-1].name, below[-1].role)
        problems += overlap_problems(kiosk, step)
    return list(dict.fromkeys(problems))


def overlap_problems(kiosk: WindowKiosk, step: str) -> list[str]:
    """Each control in view against the part of every other control that can be seen."""
    nodes = kiosk.tree.nodes()
    visible = kiosk.visible_area()
    problems = []
    for node in controls(nodes):
        if stays_put(node) or not in_view(node, visible, nodes):
            continue  # a bar at the edge of a page has the page scroll under it
        for other in controls_over(node, node.extents, nodes):
            if node.extents.overlaps(shown_part(other)):
                problems.append(f"{step}: {describe(node)} is under {describe(other)}")
    return problems


def controls(nodes: list[Node]) -> list[Node]:
    """The screen's controls, top to bottom (not the keyboard's keys, nor a popup's)."""
    found = [
        n
        for n in nodes
        if n.role in CONTROL_ROLES and n.name and layer(n) is None and not on_the_keyboard(n)
    ]
    return sorted(found, key=lambda n: (n.extents.y, n.extents.x))


def in_view(node: Node, visible: Rect, nodes: list[Node]) -> bool:
    """Whole in the window above the keyboard and in its scrolling parent, clear of the
    controls that stay put at the parent's edges (as `WindowKiosk.reveal` brings it)."""
    return free_view(node, visible, nodes).contains(node.extents)


def stays_put(node: Node) -> bool:
    """A control at the top or bottom edge of its scrolling parent (the "more below" cue)."""
    clip = clipping_parent(node)
    return clip is not None and (
        abs(node.extents.bottom - clip.extents.bottom) <= 2
        or abs(node.extents.y - clip.extents.y) <= 2
    )


def assert_clear_in_view(kiosk: WindowKiosk, node: Node) -> None:
    """In view (above the keyboard, inside its page) and clear of the "more below" cue."""
    assert_in_view(node, kiosk.visible_area())
    nodes = kiosk.tree.nodes()
    free = free_view(node, kiosk.visible_area(), nodes)
    assert free.contains(node.extents), f"{describe(node)} is under the edge of its view {free}"


def shown_part(node: Node) -> Rect:
    """What can be seen of the control: a scrolling parent clips it (AT-SPI gives a control
    scrolled half out its whole size)."""
    clip = clipping_parent(node)
    return node.extents if clip is None else node.extents.intersection(clip.extents)


def on_the_keyboard(node: Node) -> bool:
    keyboards = {translated("On-screen keyboard", language) for language in LANGUAGES}
    return any(a.name in keyboards for a in node.ancestors())


def spans(window: Rect, area: Rect) -> bool:
    """Whether `area` lies within the window's width (a line wider than it is cut off)."""
    return window.x <= area.x and area.right <= window.right


def describe(node: Node) -> str:
    return f"{node.role} {node.name!r} at {node.extents}"


def problem_of(step: str, check: Callable[..., object], *args: Any) -> list[str]:
    """The check's failure as a problem of `step` (none when it passes)."""
    try:
        check(*args)
    except AssertionError as error:
        return [f"{step}: {str(error).splitlines()[0]}"]
    return []
