"""Journeys of a resident through the real kiosk window, by accessible name and real taps.

Every journey starts at the pristine home screen (conftest.py) and saves a screenshot of
each step under build/work/window-shots/<orientation>/<test>/.
"""

from __future__ import annotations

import re

from tests.window import shots
from tests.window.harness import (
    BUTTON,
    WindowKiosk,
    assert_in_view,
    assert_no_overlap,
    assert_not_blank,
    every_window,
)

SEARCH = "Szukaj e-usług"
ID_CARD = "Wniosek o wydanie dowodu osobistego"
INFO_REQUEST = "Wniosek o udostępnienie informacji publicznej"
BIRTH = "Narodziny dziecka"


def label(text: str) -> re.Pattern[str]:
    """A button's accessible name, with or without the symbol drawn beside its text
    ("⌂ Start", "Dalej ›"): the kiosk is moving the symbols out of the names."""
    return re.compile(rf"^[^\w(]*{re.escape(text)}[\s›]*$")


def field(text: str) -> re.Pattern[str]:
    """A form field's accessible name: its label, and "(optional)" where it is."""
    return re.compile(rf"^{re.escape(text)}( \(.*\))?$")


HOME = label("Start")
BACK = label("Wstecz")
NEXT = label("Dalej")
ACCESSIBILITY = label("Dostępność")
DONE = label("Gotowe")
CATEGORY = "Podatki i opłaty lokalne"
READ_ALOUD = "Czytaj na głos"
OPTIONS = [
    "Duży tekst",
    "Wysoki kontrast",
    "Mniej ruchu",
    "Przyciski nisko (wózek)",
    "Czytaj na głos",
    "Więcej czasu",
]


def service(name: str) -> re.Pattern[str]:
    """A row of a result list: the service's name, then its office."""
    return re.compile(f"^{re.escape(name)}, ")


def query(kiosk: WindowKiosk) -> str:
    return kiosk.text_of(kiosk.find(SEARCH, "text"))


def assert_home(kiosk: WindowKiosk, step: str) -> None:
    """The home screen as the next resident should find it: nothing typed, content drawn."""
    kiosk.find("Kategorie", "heading")
    assert not kiosk.has(HOME, BUTTON), f"{step}: the header still offers Home"
    assert query(kiosk) == "", f"{step}: the search field still holds {query(kiosk)!r}"
    image = kiosk.shot(step)
    assert_not_blank(image, kiosk.find("", "layered pane").extents, f"home ({step})")


def test_search_open_a_card_and_come_back(kiosk: WindowKiosk) -> None:
    kiosk.tap(SEARCH, "text")
    kiosk.type("dowód osobisty")
    result = kiosk.find(service(ID_CARD), BUTTON)
    assert query(kiosk) == "dowód osobisty"
    image = kiosk.shot("results")
    assert kiosk.keyboard(image) is not None, "typing should show the on-screen keyboard"
    assert_in_view(result, kiosk.visible_area())

    kiosk.tap(result)
    title = kiosk.find(ID_CARD, "heading")
    assert_in_view(title, kiosk.visible_area())
    image = kiosk.shot("card")
    assert kiosk.keyboard(image) is None, "the keyboard should go away on the card"
    assert_not_blank(image, kiosk.find(ID_CARD, "panel").extents, "the service card")

    kiosk.tap(BACK)
    results = kiosk.find("Usługi", "list")
    assert query(kiosk) == "dowód osobisty"
    assert not kiosk.has(ID_CARD, "heading")
    image = kiosk.shot("back-at-results")
    assert_not_blank(image, results.extents, "the results after Back")
    assert kiosk.find(service(ID_CARD), BUTTON)


def test_nothing_found_offers_the_categories_with_large_text_and_high_contrast(
    kiosk: WindowKiosk,
) -> None:
    """The suggestions are made when a search finds nothing (not at every start): they must
    come, be drawn apart, each within reach with the switches that take most room, and open."""
    problems: list[str] = []
    for option in ("Duży tekst", "Wysoki kontrast"):
        set_option(kiosk, option, True, problems)
    assert not problems, "\n".join(problems)
    kiosk.tap(SEARCH, "text")
    kiosk.type("xyzzy")
    kiosk.key("Return")  # Enter: what was found (here nothing), without the keyboard
    # Said too, not only shown: a screen reader or speech mode hears why the list is there.
    kiosk.find(re.compile(r"^Nic nie znaleziono dla „xyzzy”"))
    suggestions = [kiosk.find(label(name), BUTTON) for name in (CATEGORY, "Drogi i transport")]
    image = kiosk.shot("nothing-found")
    for suggestion in suggestions:
        assert_not_blank(image, suggestion.extents, f"the suggestion {suggestion.name}")
    assert_no_overlap(*suggestions)
    # The last one too: with large text in portrait it lay below the screen, out of reach.
    last = kiosk.reveal(label("Informacja publiczna, skargi i wnioski"))
    assert_in_view(last, kiosk.visible_area())
    kiosk.shot("last-suggestion")
    kiosk.tap(kiosk.reveal(label(CATEGORY)))
    kiosk.find(CATEGORY, "heading")
    kiosk.shot("suggested-category")
    kiosk.tap(HOME)
    assert_home(kiosk, "home")  # the search that found nothing is gone too


def test_a_swipe_that_begins_on_a_button_opens_nothing(kiosk: WindowKiosk) -> None:
    """A sideways swipe across a category, and a swipe down one while home is at its top
    (which the page cannot follow, so it does not take the drag), are no taps: both opened
    the category under the finger. A tap with a finger's wobble still opens it; a swipe
    down the first row of the list that opens (at its top too) opens nothing either."""
    button = kiosk.reveal(CATEGORY, BUTTON)
    box = button.extents
    x, y = box.centre
    kiosk.input.drag((box.x + box.width // 5, y), (box.right - box.width // 5, y))
    kiosk.input.drag((x, box.y + 6), (x, box.bottom - 6))
    kiosk.wait_still()
    assert not kiosk.has(HOME, BUTTON), "a swipe over a category opened it"
    kiosk.input.drag((x, y), (x + 12, y + 8), steps=3)  # a tap, as a hand that shakes taps
    kiosk.find(CATEGORY, "heading")
    row = kiosk.tree.find_all(re.compile(", "), BUTTON)[0].extents  # the list at its top
    kiosk.input.drag((row.centre[0], row.y + 6), (row.centre[0], row.bottom - 6))
    kiosk.wait_still()
    assert kiosk.has(CATEGORY, "heading"), "a swipe down the list's first row opened it"
    kiosk.tap(HOME)
    assert_home(kiosk, "home")


def test_browse_a_life_event(kiosk: WindowKiosk) -> None:
    kiosk.tap(kiosk.reveal(BIRTH))
    kiosk.find(BIRTH, "heading")
    rows = kiosk.tree.find_all(re.compile(", "), BUTTON)
    assert len(rows) >= 2, "a life event lists its services"
    image = kiosk.shot("life-event")
    assert_not_blank(image, kiosk.find("Usługi", "list").extents, "the life event's services")
    first, second = rows[0], rows[1]
    assert_no_overlap(first, second)
    name = first.name.split(", ")[0]

    kiosk.tap(first)
    assert_in_view(kiosk.find(name, "heading"), kiosk.visible_area())
    kiosk.shot("card")
    kiosk.tap(HOME)
    assert_home(kiosk, "home")


def test_file_an_application_and_start_over(kiosk: WindowKiosk) -> None:
    kiosk.tap(SEARCH, "text")
    kiosk.type("informacji publicznej")
    kiosk.tap(service(INFO_REQUEST))
    kiosk.tap(kiosk.reveal(label("Wypełnij wniosek tutaj")))
    kiosk.find(re.compile("^Krok 1 z 3"), "heading")
    kiosk.shot("step-1")

    kiosk.tap(kiosk.reveal(field("Opis informacji"), "text"), role=None)
    kiosk.type("Proszę o uchwały rady miasta z 2026 r. o źródłach ciepła")
    kiosk.tap(kiosk.reveal(label("Plik elektroniczny (np. PDF)")))
    kiosk.shot("step-1-answered")
    kiosk.tap(kiosk.reveal(NEXT))

    kiosk.find(re.compile("^Krok 2 z 3"), "heading")
    kiosk.tap(kiosk.reveal(field("Imię i nazwisko"), "text"), role=None)
    kiosk.type("Zofia Żółkiewska")
    kiosk.shot("step-2")
    kiosk.tap(kiosk.reveal(NEXT))

    kiosk.find(re.compile("^Krok 3 z 3"), "heading")
    kiosk.tap(kiosk.reveal(label("E-mailem")))
    kiosk.tap(kiosk.reveal(field("Adres e-mail"), "text"), role=None)
    kiosk.type("zofia@example.pl")
    kiosk.shot("step-3")
    kiosk.tap(kiosk.reveal(NEXT))

    kiosk.find("Sprawdź swoje odpowiedzi", "heading")
    kiosk.tap(kiosk.reveal(re.compile("^(☐ )?Zapoznałem się")))
    kiosk.shot("review-consent")
    kiosk.tap(kiosk.reveal(label("Wyślij wniosek")))

    kiosk.find(re.compile("Twój wniosek został"), "heading", timeout_s=10)
    code = kiosk.find(re.compile("^Kod (Twojego )?wniosku: "))
    assert_in_view(code, kiosk.visible_area())
    image = kiosk.shot("receipt")
    assert_not_blank(image, code.extents, "the application code")

    kiosk.tap(HOME)  # the next resident must not find this one's search
    assert_home(kiosk, "after-receipt")


def option_on(kiosk: WindowKiosk, option: str) -> bool:
    """Whether the panel shows `option` as on: ticked in its name, or in its checked state."""
    node = kiosk.find(label(option), BUTTON)
    return node.name.startswith("✓") or "checked" in node.states


def screen(kiosk: WindowKiosk) -> tuple[bool, str]:
    """Which screen is showing: whether it is below home, and its page's first heading."""
    titles = [
        n.name
        for n in kiosk.tree.find_all(role="heading")
        if any(a.role == "layered pane" for a in n.ancestors())
    ]
    return kiosk.has(HOME, BUTTON), titles[0] if titles else ""


def set_option(kiosk: WindowKiosk, option: str, on: bool, problems: list[str]) -> None:
    """Open the accessibility panel, switch `option`, close the panel with Done: the screen
    under the panel must be the one it was opened on (Done must not tap what lies under it)."""
    state = "on" if on else "off"
    before = screen(kiosk)
    kiosk.tap(ACCESSIBILITY)
    kiosk.find("Dostępność", "heading")
    assert option_on(kiosk, option) is not on
    kiosk.tap(kiosk.reveal(label(option)))
    assert option_on(kiosk, option) is on, f"{option} did not turn {state}"
    if option == READ_ALOUD:  # speech mode: a touch speaks, a double tap chooses
        kiosk.touch_exploration = on
    kiosk.shot(f"{option}-{state}-panel")
    kiosk.tap(kiosk.reveal(DONE))
    kiosk.wait_gone(DONE, BUTTON)
    after = screen(kiosk)
    if after != before:
        kiosk.shot(f"{option}-{state}-under-done")
        problems.append(f"{option} {state}: after Done the screen shows {after}, not {before}")
        if kiosk.has(BACK, BUTTON):
            kiosk.tap(BACK)


def home_problem(kiosk: WindowKiosk, step: str) -> str:
    """What is wrong with the home screen, or "" (for journeys that go on after a problem)."""
    try:
        assert_home(kiosk, step)
    except AssertionError as error:
        return f"{step}: {str(error).splitlines()[0]}"
    return ""


def open_the_category(kiosk: WindowKiosk, step: str) -> None:
    kiosk.tap(kiosk.reveal(CATEGORY))
    kiosk.find(CATEGORY, "heading")
    image = kiosk.shot(f"{step}-category")
    assert_not_blank(image, kiosk.find("Usługi", "list").extents, f"the category ({step})")


def switch_on_and_off(kiosk: WindowKiosk, option: str, problems: list[str]) -> None:
    open_the_category(kiosk, f"{option}-off")
    set_option(kiosk, option, True, problems)
    kiosk.tap(HOME)
    problems.append(home_problem(kiosk, f"{option}-on-home"))
    set_option(kiosk, option, False, problems)
    problems.append(home_problem(kiosk, f"{option}-off-home"))


# Each switch in one orientation in every `./dev test` (both walks took ~2 minutes): those
# that take room in landscape, the least height; both with INFOMAT_ALL_WINDOW_SIZES=1.
WALKED = {
    "portrait": ["Wysoki kontrast", "Mniej ruchu", "Czytaj na głos"],
    "landscape": ["Duży tekst", "Przyciski nisko (wózek)", "Więcej czasu"],
}


def test_every_accessibility_option_on_and_off(kiosk: WindowKiosk) -> None:
    """Each switch turned on from a category's list (the order that once blanked home with
    reduced motion), then Home; then off at home. Home must be drawn and untouched each time.
    The journey goes on after a problem, to find every option that breaks something."""
    assert sorted(WALKED["portrait"] + WALKED["landscape"]) == sorted(OPTIONS)  # none left out
    problems: list[str] = []
    options = OPTIONS if every_window() else WALKED[kiosk.desk.orientation]
    try:
        for option in options:
            switch_on_and_off(kiosk, option, problems)
    except AssertionError as error:  # the journey cannot go on: say so after what it found
        problems.append(f"stopped: {str(error).splitlines()[0]}")
    found = [p for p in problems if p]
    assert not found, "\n".join(found)


def test_five_taps_in_the_corner_and_the_pin_open_the_admin_panel(kiosk: WindowKiosk) -> None:
    for _ in range(5):
        kiosk.tap_at(40, 40)
    kiosk.find("OK", BUTTON)
    kiosk.shot("pin-pad")
    for digit in "2468":
        kiosk.tap(digit)
    kiosk.tap("OK")
    close = kiosk.find(label("Powrót do mieszkańców"), BUTTON)
    kiosk.find(label("Synchronizuj teraz"), BUTTON)
    image = kiosk.shot("admin")
    assert_not_blank(image, kiosk.window(), "the admin panel")
    kiosk.tap(close)
    kiosk.wait_gone(label("Powrót do mieszkańców"), BUTTON)
    assert_home(kiosk, "back-to-residents")


LEAVING_KEYS = ["Escape", "alt+F4", "ctrl+q", "F11", "ctrl+w", "alt+Tab", "super+d"]


def test_leaving_keys_leave_the_window_open_and_unchanged(kiosk: WindowKiosk) -> None:
    kiosk.tap(kiosk.reveal(CATEGORY))
    kiosk.find(CATEGORY, "heading")
    before = kiosk.shot("before")
    for keys in LEAVING_KEYS:
        kiosk.key(keys)
        assert kiosk.alive(), f"{keys} closed the kiosk"
        assert kiosk.input.window_mapped("Infomat"), f"{keys} hid the window"
        assert kiosk.find("Infomat", "frame").extents == kiosk.window(), f"{keys} moved it"
        after = kiosk.shot(f"after-{keys}")
        assert kiosk.has(CATEGORY, "heading"), f"{keys} left the category list"
        assert shots.difference(before, after) < 0.001, f"{keys} changed what the window shows"
