"""'Sprawdź stan sprawy' in the real window: the code typed on a real keyboard (as a USB
barcode scanner types the receipt's QR), a mistyped character caught as it is typed, and the
answer on screen above the on-screen keyboard."""

from __future__ import annotations

import re

from tests.window.harness import BUTTON, WindowKiosk, assert_in_view, assert_not_blank
from tests.window.test_journeys import label

CHECK_STATUS = label("Sprawdź stan sprawy")
CODE_FIELD = "Kod wniosku z potwierdzenia"
MISMATCH = "Jeden znak się nie zgadza. Porównaj kod z potwierdzeniem."
NOT_THERE = "Wniosek o tym kodzie nie dotarł jeszcze do urzędu."


def test_a_mistyped_code_then_a_code_the_office_has_not_got(kiosk: WindowKiosk) -> None:
    kiosk.tap(CHECK_STATUS)
    field = kiosk.find(CODE_FIELD, "text")
    kiosk.tap(field, None)
    kiosk.type("k7p4m-x9rc2")  # the last character mistyped (the right one is A)
    hint = kiosk.find(MISMATCH, "alert message")
    image = kiosk.shot("mismatch")
    visible = kiosk.visible_area()
    assert kiosk.keyboard(image) is not None, "typing should show the on-screen keyboard"
    assert_in_view(kiosk.find(CODE_FIELD, "text"), visible)
    assert_in_view(hint, visible)

    kiosk.key("BackSpace")
    kiosk.type("A")
    kiosk.key("Return")  # as a scanner ends its code: the kiosk asks at once
    headline = kiosk.find(re.compile("^" + re.escape(NOT_THERE)), "alert message", timeout_s=10)
    image = kiosk.shot("answer")
    assert kiosk.text_of(kiosk.find(CODE_FIELD, "text")).upper() == "K7P4M-X9RCA"
    assert_in_view(headline, kiosk.visible_area())
    assert_not_blank(image, headline.extents, "the answer")
    assert kiosk.has(label("Start"), BUTTON)
