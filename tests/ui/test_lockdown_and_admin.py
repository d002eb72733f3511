"""Locked down: leaving keys do nothing; admin mode needs the gesture and the PIN."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.admin_pin import LOCK_SECONDS, AdminPin, hash_pin
from kiosk.composition import printer_settings
from tests.ui.conftest import PIN, Kiosk
from ui.lockdown import is_blocked
from ui.screenshots import settle

K, M = Qt.Key, Qt.KeyboardModifier
LEAVING = [
    (K.Key_F4, M.AltModifier), (K.Key_Tab, M.AltModifier), (K.Key_Q, M.ControlModifier),
    (K.Key_W, M.ControlModifier), (K.Key_Escape, M.NoModifier), (K.Key_F11, M.NoModifier),
    (K.Key_F5, M.NoModifier), (K.Key_Super_L, M.NoModifier), (K.Key_Delete, M.ControlModifier | M.AltModifier),
    (K.Key_N, M.ControlModifier), (K.Key_P, M.ControlModifier), (K.Key_Left, M.AltModifier),
]  # fmt: skip


@pytest.mark.parametrize(("key", "modifiers"), LEAVING)
def test_leaving_keys_are_blocked(key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    assert is_blocked(int(key), modifiers)


@pytest.mark.parametrize("key", [K.Key_A, K.Key_Z, K.Key_Backspace, K.Key_Return, K.Key_Space])
def test_typing_keys_pass(key: Qt.Key) -> None:
    assert not is_blocked(int(key), M.NoModifier)
    assert not is_blocked(int(key), M.ShiftModifier)


def test_leaving_keys_have_no_effect_on_the_window(kiosk: Kiosk) -> None:
    kiosk.tap("category_podatki-oplaty")
    for key, modifiers in LEAVING:
        QTest.keyClick(kiosk.window, key, modifiers)
    settle(200)
    assert kiosk.window.isVisible()
    assert kiosk.stack_depth() == 2


def test_five_taps_in_the_corner_open_the_pin_pad_and_the_right_pin_opens_admin(
    kiosk: Kiosk,
) -> None:
    for _ in range(4):
        kiosk.tap("adminCorner")
    assert not kiosk.popup_open("pinPad")
    kiosk.tap("adminCorner")
    assert kiosk.popup_open("pinPad")
    for digit in PIN:
        kiosk.tap(f"pin_{digit}")
    assert kiosk.item("pinDots").property("text") == "●" * len(PIN)
    kiosk.tap("pin_ok")
    assert kiosk.popup_open("adminPanel")
    assert kiosk.item("adminStatus_catalogue").property("text").startswith("gen-")
    assert not kiosk.item("adminExit").isVisible()  # the config does not allow exit
    kiosk.tap("adminClose")
    assert not kiosk.popup_open("adminPanel")


def test_slow_taps_do_not_open_the_pad(kiosk: Kiosk) -> None:
    now = [0.0]
    kiosk.app.admin._clock = lambda: now[0]
    for _ in range(5):
        kiosk.app.admin.cornerTapped()
        now[0] += 1.0
    assert kiosk.app.admin.property("pinPadVisible") is False


def test_five_wrong_pins_lock_the_pad_for_five_minutes() -> None:
    now = [0.0]
    pad = AdminPin(hash_pin("2468"), clock=lambda: now[0])
    answers = [pad.check("1111") for _ in range(5)]
    assert [a.tries_left for a in answers[:4]] == [4, 3, 2, 1]
    assert answers[4].locked_for_s == LOCK_SECONDS
    assert not pad.check("2468").accepted, "the right PIN is refused while locked"
    now[0] += LOCK_SECONDS + 1
    assert pad.check("2468").accepted


def test_no_pin_configured_means_no_admin_mode() -> None:
    pad = AdminPin("")
    assert not pad.configured
    assert not pad.check("").accepted


def test_the_pin_is_stored_only_as_an_scrypt_hash() -> None:
    stored = hash_pin("2468")
    assert stored.startswith("scrypt$16384$8$1$")
    assert "2468" not in stored
    assert hash_pin("2468") != stored  # salted
    with pytest.raises(ValueError, match="4 to 12 digits"):
        hash_pin("12a4")


def test_a_wrong_pin_says_so_in_the_residents_language(kiosk: Kiosk) -> None:
    for _ in range(5):
        kiosk.tap("adminCorner")
    for digit in "1111":
        kiosk.tap(f"pin_{digit}")
    kiosk.tap("pin_ok")
    assert kiosk.item("pinMessage").property("text") == "Błędny PIN. Pozostałe próby: 4"
    assert kiosk.popup_open("pinPad")
    kiosk.tap("pinCancel")
    assert not kiosk.popup_open("pinPad")


def open_admin(kiosk: Kiosk) -> None:
    for _ in range(5):
        kiosk.tap("adminCorner")
    for digit in PIN:
        kiosk.tap(f"pin_{digit}")
    kiosk.tap("pin_ok")
    assert kiosk.popup_open("adminPanel")


def test_the_admin_screen_test_prints_and_shows_printer_and_outbox(kiosk: Kiosk) -> None:
    folder = printer_settings(kiosk.app.services.config).folder
    before = set(folder.glob("*.png")) if folder.exists() else set()
    open_admin(kiosk)
    outbox = kiosk.item("adminStatus_outbox").property("text")
    assert "queued" in outbox and "delivered" in outbox and "rejected" in outbox
    kiosk.tap("adminTestPrint")
    kiosk.qtbot.waitUntil(lambda: kiosk.app.admin.property("message").endswith("."))
    settle(100)
    assert kiosk.app.admin.property("message") == "Wydruk testowy gotowy."
    assert kiosk.item("adminStatus_printer").property("text").startswith("virtual printer")
    assert "ready" in kiosk.item("adminStatus_printer").property("text")
    [printed] = set(folder.glob("*.png")) - before  # the virtual printer's receipt image
    assert printed.stat().st_size > 1000
    kiosk.tap("adminClose")
