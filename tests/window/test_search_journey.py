"""Search, open a service card, go back: the kiosk's most common journey, in a real window."""

from __future__ import annotations

import re

from tests.window.harness import (
    BUTTON,
    WindowKiosk,
    assert_in_view,
    assert_not_blank,
)

SEARCH = "Szukaj e-usług"
ID_CARD = "Wniosek o wydanie dowodu osobistego"


def test_search_open_a_card_and_come_back(kiosk: WindowKiosk) -> None:
    kiosk.tap(SEARCH, "text")
    kiosk.type("dowód osobisty")
    result = kiosk.find(re.compile(f"^{ID_CARD}, "), BUTTON)
    assert kiosk.text_of(kiosk.find(SEARCH, "text")) == "dowód osobisty"
    image = kiosk.shot("results")
    assert kiosk.keyboard(image) is not None, "typing should show the on-screen keyboard"
    assert_in_view(result, kiosk.visible_area())

    kiosk.tap(result)
    title = kiosk.find(ID_CARD, "heading")
    assert_in_view(title, kiosk.visible_area())
    image = kiosk.shot("card")
    assert kiosk.keyboard(image) is None, "the keyboard should go away on the card"
    assert_not_blank(image, kiosk.find(ID_CARD, "panel").extents, "the service card")

    kiosk.tap("‹ Wstecz")
    results = kiosk.find("Usługi", "list")
    assert kiosk.text_of(kiosk.find(SEARCH, "text")) == "dowód osobisty"
    assert not kiosk.has(ID_CARD, "heading")
    image = kiosk.shot("back-at-results")
    assert_not_blank(image, results.extents, "the results after Back")
    assert kiosk.find(re.compile(f"^{ID_CARD}, "), BUTTON)
