"""'Sprawdź stan sprawy' on the kiosk's window: the code typed (or scanned), checked as it
grows, the answer of this kiosk's outbox (the demo kiosk has no status API); the office's
answers are in tests/kiosk/test_case_status.py."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent

from tests.outbox_factories import new_submission
from tests.ui.conftest import Kiosk
from ui.screenshots import settle


def type_text(kiosk: Kiosk, name: str, text: str) -> None:
    """Tap the field, then type as a USB keyboard (or a barcode scanner) does."""
    kiosk.tap(name)
    keys = {"\n": Qt.Key.Key_Return, "\b": Qt.Key.Key_Backspace}
    for character in text:
        key = keys.get(character, Qt.Key.Key_unknown)
        shown = "" if character == "\b" else character
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, shown)
            QGuiApplication.sendEvent(kiosk.window, event)
    settle(100)


def open_status_check(kiosk: Kiosk) -> None:
    kiosk.tap("statusCheckButton")
    kiosk.wait_shown("statusScreen")


def wait_for_the_answer(kiosk: Kiosk) -> None:
    """Until the answer is on screen: asked (a result, "Checking…" first) and heard back."""
    model = kiosk.app.status_check
    kiosk.qtbot.waitUntil(
        lambda: model.property("hasResult") is True and model.property("busy") is False,
        timeout=5000,
    )
    settle(100)


def hint(kiosk: Kiosk) -> str:
    return str(kiosk.item("statusCodeHint").property("text"))


def test_a_queued_application_is_found_by_its_code(kiosk: Kiosk) -> None:
    filed = kiosk.app.services.outbox.enqueue(new_submission())
    open_status_check(kiosk)
    assert kiosk.item("checkStatusButton").property("enabled_") is False
    type_text(kiosk, "statusCodeField", filed.code[:4].lower())
    assert hint(kiosk) == "4 z 10 znaków"
    type_text(kiosk, "statusCodeField", "-" + filed.code[4:].lower())
    assert hint(kiosk) == "Kod jest pełny. Dotknij „Sprawdź”."
    kiosk.tap("checkStatusButton")
    wait_for_the_answer(kiosk)
    headline = kiosk.item("statusHeadline").property("text")
    assert headline == "Twój wniosek jest zapisany w tym kiosku i czeka na wysłanie do urzędu."
    details = kiosk.app.status_check.property("details")
    assert "Sprawa: Wniosek o udostępnienie informacji publicznej" in details
    assert "Łucja" not in " ".join(details), "nothing the resident typed is shown"


def test_a_mistyped_character_is_caught_before_asking(kiosk: Kiosk) -> None:
    code = kiosk.app.services.outbox.enqueue(new_submission()).code
    wrong = code[:9] + ("2" if code[9] != "2" else "3")
    open_status_check(kiosk)
    type_text(kiosk, "statusCodeField", wrong)
    assert hint(kiosk) == "⚠ Jeden znak się nie zgadza. Porównaj kod z potwierdzeniem."
    assert kiosk.item("checkStatusButton").property("enabled_") is False
    type_text(kiosk, "statusCodeField", "\b")
    type_text(kiosk, "statusCodeField", "0")
    assert hint(kiosk) == "⚠ Kody nie zawierają znaku „0”. Porównaj z potwierdzeniem."


def test_a_scanned_receipt_and_a_code_nobody_knows(kiosk: Kiosk) -> None:
    open_status_check(kiosk)
    # A USB scanner types the receipt QR's whole address, then Enter.
    type_text(kiosk, "statusCodeField", "https://infomat.example.pl/s/K7P4MX9RCA\n")
    wait_for_the_answer(kiosk)
    assert kiosk.app.status_check.property("code") == "K7P4M-X9RCA"
    assert str(kiosk.item("statusHeadline").property("text")).startswith(
        "Wniosek o tym kodzie nie dotarł jeszcze do urzędu."
    )


def test_the_next_resident_finds_the_field_empty(kiosk: Kiosk) -> None:
    open_status_check(kiosk)
    type_text(kiosk, "statusCodeField", "K7P4M")
    kiosk.app.session.reset()
    settle(400)
    open_status_check(kiosk)
    assert kiosk.item("statusCodeField").property("text") == ""
    assert kiosk.app.status_check.property("typed") == ""
