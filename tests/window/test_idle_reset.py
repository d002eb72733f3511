"""After a while without a touch the kiosk asks "still there?", then starts over by itself."""

from __future__ import annotations

import re

from tests.window.harness import BUTTON, WindowKiosk, assert_not_blank

KIOSK_SETTINGS = {"idle_s": 10, "countdown_s": 5}
SEARCH = "Szukaj e-usług"
STILL_HERE = re.compile("^[^\\w]*Jestem tutaj$")


def start_a_search(kiosk: WindowKiosk) -> None:
    kiosk.tap(SEARCH, "text")
    kiosk.type("podatek od nieruchomości")
    kiosk.find("Usługi", "list")


def test_the_countdown_then_a_fresh_home_screen(kiosk: WindowKiosk) -> None:
    start_a_search(kiosk)
    kiosk.shot("searching")
    kiosk.find("Czy nadal tu jesteś?", "alert message", timeout_s=15)
    kiosk.find(STILL_HERE, BUTTON)
    kiosk.shot("still-there")
    kiosk.wait_gone(STILL_HERE, BUTTON, timeout_s=10)
    kiosk.find("Kategorie", "heading")
    assert kiosk.text_of(kiosk.find(SEARCH, "text")) == "", "the search stayed after the reset"
    assert not kiosk.has("Usługi", "list")
    image = kiosk.shot("fresh-home")
    assert kiosk.keyboard(image) is None, "the keyboard stayed up after the reset"
    assert_not_blank(image, kiosk.find("", "layered pane").extents, "home after the reset")
