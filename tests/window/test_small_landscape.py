"""The kiosk on the cheaper landscape panels towns buy (1366x768, 1280x800), in a real window.

A resident searches with the on-screen keyboard, files an application with several fields
and reaches the receipt. What is being typed into, and what it brings, must be seen above
the keyboard without a swipe; the form's buttons must not lie over its title or its text;
"Next" with a required field empty below the fold must bring that field into view; "Finish"
on the receipt must be on the screen whole. The screenshots of each step are saved under
build/work/window-shots/landscape-<size>/.

Each journey runs at one of the two sizes in every `./dev test` (the one it is hardest at:
768 px of height, or 1280 of width), and at both with INFOMAT_ALL_WINDOW_SIZES=1 (after a
change of the layout): both for all took ~4 minutes of the suite's 15.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from tests.window.atspi import Node, poll
from tests.window.conftest import Seat
from tests.window.geometry import Rect
from tests.window.harness import (
    BUTTON,
    MARGIN,
    Desk,
    WindowKiosk,
    assert_no_overlap,
    assert_not_blank,
    every_window,
    free_view,
)
from tests.window.processes import missing_tools
from tests.window.test_accessibility_panel import panel_problems
from tests.window.test_journeys import INFO_REQUEST, NEXT, SEARCH, field, label, service
from tests.window.test_switches_on_newer_screens import (
    assert_clear_in_view,
    controls,
    overlap_problems,
    problem_of,
    switch_on,
)
from tests.window.test_switches_on_newer_screens import screen_problems as all_screen_problems
from tests.window.words import translated

KIOSK_SETTINGS: dict[str, Any] = {}
SMALL_SCREENS = [(1366, 768), (1280, 800)]
LOW, NARROW = SMALL_SCREENS  # the least height, the least width
FORM_TITLE = re.compile("^" + re.escape(INFO_REQUEST))
STEP = re.compile("^(Krok [0-9] z [0-9]|Sprawdź swoje odpowiedzi)")
TOWN = field("Miejscowość")
PHONE = field("Numer telefonu")
MORE_BELOW = "więcej poniżej"


# Stands in for espeak-ng: one line per utterance, "voice<TAB>text" (SSML for mixed voices).
RECORDER = """#!/bin/sh
text=$(cat)
printf '%s\\t%s\\n' "$2" "$text" >> {log}
"""


@pytest.fixture(scope="module", autouse=True)
def speech_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the kiosk says, recorded; set in the module's kiosk config before its kiosk."""
    folder = tmp_path_factory.mktemp("speech")
    recorder = folder / "espeak-ng"
    recorder.write_text(RECORDER.format(log=folder / "speech.log"), encoding="utf-8")
    recorder.chmod(0o700)
    KIOSK_SETTINGS["extra_toml"] = f'[speech]\ncommand = "{recorder}"\nattract_hint_s = 0\n'
    return folder / "speech.log"


def at(*sizes: tuple[int, int]) -> pytest.MarkDecorator:
    """The sizes a journey runs at: these in every `./dev test`, both with
    INFOMAT_ALL_WINDOW_SIZES=1."""
    chosen = SMALL_SCREENS if every_window() else sizes
    return pytest.mark.parametrize(
        "desk", chosen, indirect=True, ids=["{}x{}".format(*size) for size in chosen]
    )


@pytest.fixture(scope="module")
def desk(request: pytest.FixtureRequest) -> Iterator[Desk]:
    """A landscape screen smaller than the 1920x1080 the kiosk was first laid out for."""
    missing = missing_tools()
    if missing:
        pytest.skip(f"window tests need {', '.join(missing)} (./dev test installs them)")
    desk = Desk("landscape", request.param)
    yield desk
    desk.stop()


def screen_problems(kiosk: WindowKiosk, step: str) -> list[str]:
    """The screen's problems (test_switches_on_newer_screens.py), but for the "more below"
    cue lying over the control it says goes on below: that is what the cue is for (it
    fades the page's last pixels, and it takes no touch)."""
    cue = re.compile(
        rf"^{re.escape(step)}: push button '({MORE_BELOW}|{translated('more below', 'uk')})' at .* is under "
    )
    return [p for p in all_screen_problems(kiosk, step) if not cue.match(p)]


def rows_in_view(kiosk: WindowKiosk) -> list[Node]:
    """The result rows a resident sees whole: above the keyboard, inside the list and above
    its "more below" cue when that shows."""
    results = kiosk.find("Usługi", "list").extents.intersection(kiosk.visible_area())
    cue = [c for c in kiosk.tree.find_all(MORE_BELOW, BUTTON) if c.extents.overlaps(results)]
    bottom = min([results.bottom, *(c.extents.y - MARGIN for c in cue)])
    seen = Rect(results.x, results.y, results.width, bottom - results.y)
    return [
        row for row in kiosk.tree.find_all(re.compile(", "), BUTTON) if seen.contains(row.extents)
    ]


def cut_off_without_a_cue(kiosk: WindowKiosk, step: str) -> list[str]:
    """A control that goes on below the screen's page with no "more below" cue there."""
    page = kiosk.page_area()
    below = [n for n in controls(kiosk.tree.nodes()) if n.extents.bottom > page.bottom]
    cues = [c for c in kiosk.tree.find_all(MORE_BELOW, BUTTON) if page.contains(c.extents)]
    if below and not cues:
        return [f"{step}: {below[0].name!r} goes on below {page} and nothing says so"]
    return []


@at(LOW, NARROW)
def test_search_shows_the_field_and_results_above_the_keyboard(kiosk: WindowKiosk) -> None:
    problems = screen_problems(kiosk, "home") + cut_off_without_a_cue(kiosk, "home")
    assert not problems, "\n".join(problems)
    kiosk.tap(SEARCH, "text")
    assert kiosk.keyboard() is not None, "a tap in the search field should show the keyboard"
    kiosk.type("informacji publicznej")
    kiosk.find(service(INFO_REQUEST), BUTTON)
    kiosk.wait_still()
    image = kiosk.shot("results")
    search = kiosk.find(SEARCH, "text")
    assert_clear_in_view(kiosk, search)
    rows = rows_in_view(kiosk)
    assert len(rows) >= 2, (
        f"{len(rows)} result(s) seen whole above the keyboard at {kiosk.keyboard(image)}; want 2 or more"
    )
    assert_no_overlap(rows[0], rows[1])
    problems = overlap_problems(kiosk, "results")
    assert not problems, "\n".join(problems)


def open_the_form(kiosk: WindowKiosk) -> None:
    kiosk.tap(SEARCH, "text")
    kiosk.type("informacji publicznej")
    kiosk.tap(service(INFO_REQUEST))
    kiosk.tap(kiosk.reveal(label("Wypełnij wniosek tutaj")))
    kiosk.find(STEP, "heading")


def title_problems(kiosk: WindowKiosk, step: str) -> list[str]:
    """The form's title and step line (shown while the keyboard is down) clear of the
    header's and the form's buttons, and the screen's own problems (a control under another,
    one its view cannot show whole)."""
    problems = screen_problems(kiosk, step)
    headings = kiosk.tree.find_all(FORM_TITLE, "heading") + kiosk.tree.find_all(STEP, "heading")
    if kiosk.keyboard() is None and len(headings) < 2:
        problems.append(f"{step}: the form's title or step line is missing: {headings}")
    buttons = kiosk.tree.find_all(re.compile("^(Wstecz|Start|Poprzedni krok|Dalej)$"), BUTTON)
    for heading in headings:
        for button in buttons:
            if heading.extents.overlaps(button.extents):
                problems.append(f"{step}: {button.name!r} lies over the heading {heading.name!r}")
        if not kiosk.visible_area().contains(heading.extents):
            problems.append(f"{step}: the heading {heading.name!r} is cut off")
    return problems


def fill_the_first_two_steps(kiosk: WindowKiosk, problems: list[str]) -> None:
    problems += title_problems(kiosk, "step-1")
    area = kiosk.tap(kiosk.reveal(field("Opis informacji"), "text"), role=None)
    kiosk.type("Proszę o uchwały rady miasta z 2026 r. o źródłach ciepła")
    kiosk.wait_still()
    problems += problem_of(
        "step-1-typing", assert_clear_in_view, kiosk, kiosk.find(area.name, "text")
    )
    kiosk.shot("step-1-typing")
    kiosk.tap(kiosk.reveal(label("Kopia papierowa")))
    kiosk.tap(kiosk.reveal(NEXT))
    kiosk.find(re.compile("^Krok 2 z 3"), "heading")
    kiosk.tap(kiosk.reveal(field("Imię i nazwisko"), "text"), role=None)
    kiosk.type("Zofia Żółkiewska")
    kiosk.tap(kiosk.reveal(NEXT))
    kiosk.find(re.compile("^Krok 3 z 3"), "heading")


@at(LOW)
def test_a_form_typed_above_the_keyboard_to_the_receipt(kiosk: WindowKiosk) -> None:
    problems: list[str] = []
    open_the_form(kiosk)
    fill_the_first_two_steps(kiosk, problems)

    # Step 3: the address by post; the town (required) is left empty, below the fold.
    kiosk.tap(kiosk.reveal(label("Pocztą na mój adres")))
    kiosk.tap(kiosk.reveal(field("Ulica, numer domu i mieszkania"), "text"), role=None)
    kiosk.type("ul. Grunwaldzka 5/12")
    kiosk.tap(kiosk.reveal(field("Kod pocztowy"), "text"), role=None)
    kiosk.type("37100")
    problems += title_problems(kiosk, "step-3-address")
    kiosk.tap(kiosk.reveal(NEXT))  # refused: the view goes to the empty town, ready to type
    kiosk.wait_still()
    kiosk.shot("step-3-refused")
    assert kiosk.has(re.compile("Krok 3 z 3"), "panel"), "Next went on with the town empty"
    town = kiosk.find(TOWN, "text")
    assert "focused" in town.states, (
        f"the empty town field is not the one typed into: {town.states}"
    )
    assert kiosk.keyboard() is not None, "the keyboard should be up for the empty town"
    assert_clear_in_view(kiosk, town)

    kiosk.type("Łańcut")
    kiosk.key("Return")  # on to the last field, the phone: it comes into view by itself
    kiosk.wait_still()
    kiosk.shot("step-3-last-field")
    phone = kiosk.find(PHONE, "text")
    assert "focused" in phone.states, "Enter in the town should move on to the phone"
    assert_clear_in_view(kiosk, phone)
    kiosk.type("600100200")
    kiosk.tap(kiosk.reveal(NEXT))

    kiosk.find("Sprawdź swoje odpowiedzi", "heading")
    problems += title_problems(kiosk, "review")
    kiosk.tap(kiosk.reveal(re.compile("^(☐ )?Zapoznałem się")))
    kiosk.tap(kiosk.reveal(label("Wyślij wniosek")))
    kiosk.find(re.compile("Twój wniosek został"), "heading", timeout_s=10)
    kiosk.wait_still()
    image = kiosk.shot("receipt")
    finish = kiosk.find(label("Zakończ"), BUTTON)
    assert_clear_in_view(kiosk, finish)
    code = kiosk.find(re.compile("^Kod (Twojego )?wniosku: "))
    assert_clear_in_view(kiosk, code)
    assert_not_blank(image, code.extents, "the application code")
    problems += screen_problems(kiosk, "receipt")
    assert not problems, "\n".join(problems)


@at(NARROW)
def test_in_ukrainian_a_choice_left_empty_is_brought_into_view(kiosk: WindowKiosk) -> None:
    """Ukrainian, whose words are longer: the header's flags, the form's first step, and Next
    refused with the form's choice empty below the description being typed."""
    words = partial(translated, language="uk")
    kiosk.tap(SEARCH, "text")
    kiosk.type("informacji publicznej")
    kiosk.tap(service(INFO_REQUEST))
    kiosk.tap("Українська")  # a flag alone on a small screen; its name is the language's
    kiosk.tap(kiosk.reveal(label(words("Fill in the application here"))))
    step = re.compile("^" + re.escape(words("Step %1 of %2: %3").split("%2")[0].replace("%1", "1")))
    kiosk.find(step, "heading")
    problems = screen_problems(kiosk, "uk-step-1")
    area = kiosk.tap(kiosk.reveal(field("Опис інформації"), "text"), role=None)
    kiosk.type("Uchwały rady miasta z 2026 r.")
    kiosk.wait_still()
    problems += problem_of("uk-typing", assert_clear_in_view, kiosk, kiosk.find(area.name, "text"))
    problems += screen_problems(kiosk, "uk-step-1-typing")
    kiosk.tap(kiosk.reveal(label(words("Next"))))  # refused: the form's choice is empty
    kiosk.wait_still()
    kiosk.shot("uk-step-1-refused")
    paper = kiosk.find(label("Паперова копія"), BUTTON)
    problems += problem_of("uk-refused", assert_clear_in_view, kiosk, paper)
    problems += screen_problems(kiosk, "uk-step-1-refused")
    assert not problems, "\n".join(problems)


@at(NARROW)
def test_the_accessibility_panel_fits_and_every_label_is_whole(kiosk: WindowKiosk) -> None:
    """The panel is 800 px high or less, and German has its longest labels."""
    problems = panel_problems(kiosk, {"pl": "Polski", "uk": "Українська", "de": "Deutsch"})
    assert not problems, "\n".join(problems)


LARGE_TEXT = "Duży tekst"
# The first step of the information request: a long text and a choice under it.
STEP_1 = [
    (field("Opis informacji"), "text"),
    (label("Plik elektroniczny (np. PDF)"), BUTTON),
    (label("Kopia papierowa"), BUTTON),
]
REACH_SLACK = 2 * MARGIN  # a finger's swipe stops within a few tens of pixels, not to one


def reach_problem(kiosk: WindowKiosk, target: re.Pattern[str], role: str) -> str:
    """Why the control cannot be swiped into view whole, clear of the "more below" cue and
    the form's buttons, with room for a finger's swipe to spare; "" when it can."""
    try:
        node = kiosk.reveal(target, role)
    except AssertionError as error:
        return str(error).splitlines()[0]
    free = free_view(node, kiosk.visible_area(), kiosk.tree.nodes())
    if free.height - node.extents.height < REACH_SLACK:
        return (
            f"{node.name!r} is {node.extents.height} px high in a view of {free.height} px: "
            f"want {REACH_SLACK} px to spare for a swipe"
        )
    return ""


@at(NARROW)
def test_with_large_text_every_field_of_the_form_can_be_swiped_into_view(
    kiosk: WindowKiosk,
) -> None:
    switch_on(kiosk, LARGE_TEXT)
    open_the_form(kiosk)
    kiosk.shot("large-text-step-1")
    problems = []
    for number, (target, role) in enumerate(STEP_1, 1):
        problem = reach_problem(kiosk, target, role)
        kiosk.shot(f"large-text-control-{number}")
        if problem:
            problems.append(problem)
    assert not problems, "\n".join(problems)


FLAGS = {"pl": "Polski", "en": "English", "uk": "Українська", "de": "Deutsch"}
VOICES = {"pl": "pl", "en": "en-gb", "uk": "uk", "de": "de"}  # espeak-ng's, as kiosk/speech.py


def utterances(log: Path) -> list[list[tuple[str, str]]]:
    """Each thing the kiosk said, as its (voice, text) parts (one, or one per SSML sentence)."""
    said = []
    for line in log.read_text(encoding="utf-8").splitlines() if log.exists() else []:
        voice, text = line.split("\t", 1)
        if text.startswith("<speak>"):
            lang = "{http://www.w3.org/XML/1998/namespace}lang"
            sentences = ET.fromstring(text).iter("s")
            said.append([(s.attrib[lang], s.text or "") for s in sentences])
        else:
            said.append([(voice, text)])
    return said


def touched(kiosk: WindowKiosk, control: Node, log: Path) -> list[tuple[str, str]]:
    """One touch on the control in speech mode (it speaks what is under the finger): the
    parts of what was said, or [] when nothing was."""
    before = quiet(log)  # and a double tap's time since the last touch
    kiosk.input.click(*control.extents.centre)
    poll(lambda: utterances(log)[before:] or None, 5)
    said = utterances(log)[before : quiet(log)]
    return said[-1] if said else []


def quiet(log: Path, quiet_s: float = 0.8) -> int:
    """Until the kiosk has said nothing new for `quiet_s` (a screen's announcement comes a
    moment after the words that caused it); how many things it had said by then."""
    count, since = len(utterances(log)), time.monotonic()
    while time.monotonic() - since < quiet_s:
        time.sleep(0.1)
        now = len(utterances(log))
        if now != count:
            count, since = now, time.monotonic()
    return count


@at(NARROW)
def test_the_flags_say_their_language_in_its_own_voice(
    kiosk: WindowKiosk, seat: Seat, speech_log: Path
) -> None:
    """Home on a small panel shows the languages as flags alone: each must still be named
    in its own language to a screen reader (AT-SPI) and to the kiosk's speech mode, which
    reads that name with the language's voice (the Polish voice spelt "Українська" out
    letter by letter as "Cyrillic U, Cyrillic ka...")."""
    flags = {language: kiosk.find(name, BUTTON) for language, name in FLAGS.items()}
    names_drawn = [n.name for n in flags.values() if n.extents.width > 2 * n.extents.height]
    assert not names_drawn, f"not flags alone here, the test's premise: {names_drawn}"
    start = quiet(speech_log)  # (the log has the module's other screen sizes too)
    kiosk.key("F1")  # the keypad's help key: speech mode on
    said = poll(lambda: utterances(speech_log)[start:] or None, 5)
    assert said, "F1 said nothing"
    problems = []
    for language, flag in flags.items():
        heard = touched(kiosk, flag, speech_log)
        voice, name = heard[0] if heard else ("", "")
        if (voice, name.split(",")[0]) != (VOICES[language], FLAGS[language]):
            problems.append(f"{FLAGS[language]}: heard {heard}")
        if heard[-1:] and not heard[-1][1].endswith(("przycisk, włączony", "przycisk, wyłączony")):
            problems.append(f"{FLAGS[language]}: not said as a button and its state: {heard}")
    seat.stop()  # speech mode stays on: the next test gets a new kiosk
    assert not problems, "\n".join(problems)


LOW_REACH = "Przyciski nisko (wózek)"
RESIDENCE = "Meldunek i dowód osobisty"  # a category of several services


@at(LOW)
def test_with_low_controls_and_large_text_a_category_shows_two_services(
    kiosk: WindowKiosk,
) -> None:
    """Controls low (a wheelchair's reach) and large text together on a short screen: the
    page left between the note at the top and the controls at the bottom must still show
    a list a resident can choose from, not one service at a time (a 190 px page)."""
    switch_on(kiosk, LARGE_TEXT)
    switch_on(kiosk, LOW_REACH)
    kiosk.shot("home-low-large-text")
    kiosk.tap(kiosk.reveal(label(RESIDENCE)))
    kiosk.find(RESIDENCE, "heading")
    kiosk.wait_still()
    kiosk.shot("list-low-large-text")
    rows = rows_in_view(kiosk)
    assert len(rows) >= 2, (
        f"{len(rows)} service(s) seen whole in {kiosk.page_area()}; want 2 or more"
    )
    problems = cut_off_without_a_cue(kiosk, "list-low-large-text")
    assert not problems, "\n".join(problems)
