"""The on-screen keyboard's layouts for a Ukrainian resident, in the real window.

A Ukrainian searches the catalogue's Ukrainian texts: the search field's keyboard starts in
Cyrillic, with no row of Polish letters above it (they make no sense there). The language
key goes to the Polish (Latin) layout, for a Polish name or address, and the row of Polish
letters comes with it: "ł" tapped there goes into the field.
"""

from __future__ import annotations

import re
import time

from tests.window.harness import BUTTON, SETTLE_S, WindowKiosk
from tests.window.words import translated

UKRAINIAN = "Українська"
L_WITH_STROKE = re.compile("^[łŁ]$")  # the Polish letters row's key, small or capital


def typed(kiosk: WindowKiosk, field: str) -> str:
    return kiosk.text_of(kiosk.find(field, "text"))


def test_ukrainian_types_cyrillic_then_polish_letters_on_the_latin_layout(
    kiosk: WindowKiosk,
) -> None:
    kiosk.tap(UKRAINIAN)
    search = translated("Search the e-services", "uk")
    kiosk.tap(search, "text")
    assert kiosk.keyboard() is not None, "a tap in the search field should show the keyboard"
    kiosk.wait_still()
    kiosk.shot("uk-search-keyboard")
    assert not kiosk.has(L_WITH_STROKE, BUTTON), "Polish letters over the Cyrillic keys"
    rows = kiosk.keyboard_keys()
    kiosk.input.click(*rows[0][0].centre)  # the first key of the top row
    time.sleep(SETTLE_S)
    assert typed(kiosk, search).lower() == "й", f"the first key typed {typed(kiosk, search)!r}"

    kiosk.input.click(*rows[-1][1].centre)  # the language key, second in the bottom row
    letter = kiosk.find(L_WITH_STROKE, BUTTON)
    kiosk.wait_still()
    kiosk.shot("latin-keyboard")
    kiosk.input.click(*letter.extents.centre)  # (on the keyboard: not the page's to tap)
    time.sleep(SETTLE_S)
    assert typed(kiosk, search).lower() == "йł", f"the field holds {typed(kiosk, search)!r}"
    rows = kiosk.keyboard_keys()
    kiosk.input.click(*rows[0][0].centre)
    time.sleep(SETTLE_S)
    assert typed(kiosk, search).lower() == "йłq", f"the field holds {typed(kiosk, search)!r}"
