"""Locked down: leaving keys do nothing; admin mode needs the gesture and the PIN."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from kiosk.admin_pin import LOCK_SECONDS, AdminPin, hash_pin
from kiosk.composition import printer_settings
from kiosk.sync_status import SyncStatus
from tests.ui.conftest import PIN, Kiosk
from ui.admin_status import human_time
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
    assert kiosk.item("adminStatus_catalogue").property("text").startswith("katalog z ")
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
    assert "czeka" in outbox and "dostarczone" in outbox and "odrzucone" in outbox
    kiosk.tap("adminTestPrint")
    kiosk.qtbot.waitUntil(lambda: kiosk.app.admin.property("message").endswith("."))
    settle(100)
    assert kiosk.app.admin.property("message") == "Wydruk testowy gotowy."
    assert kiosk.item("adminStatus_printer").property("text") == (
        "drukarka wirtualna (potwierdzenia zapisywane jako obrazy): gotowa"
    )
    [printed] = set(folder.glob("*.png")) - before  # the virtual printer's receipt image
    assert printed.stat().st_size > 1000
    kiosk.tap("adminClose")


def admin_lines(kiosk: Kiosk) -> dict[str, str]:
    names = ("version", "kiosk", "catalogue", "sync", "network", "printer", "outbox")
    return {name: kiosk.item(f"adminStatus_{name}").property("text") for name in names}


ENGLISH_OR_RAW = re.compile(
    r"virtual|printer|queued|delivered|rejected|not asked|offline|\bok\b|Nothing to do"
    r"|\d{4}-\d\d-\d\dT|gen-|\.json|\.sqlite|bundled:"
)


def test_every_line_of_the_technician_screen_is_in_the_panels_language(kiosk: Kiosk) -> None:
    open_admin(kiosk)
    lines = admin_lines(kiosk)
    for name, line in lines.items():
        assert not ENGLISH_OR_RAW.search(line), (name, line)
    assert re.fullmatch(
        r"katalog z \d{1,2}\.\d{1,2}\.\d{4}, usług: 82 · wbudowany · wczytany .+",
        lines["catalogue"],
    )
    assert lines["network"] == "niesprawdzana (brak adresu katalogu w konfiguracji)"
    assert lines["outbox"].startswith("czeka 0 · dostarczone")
    kiosk.tap("adminLang_de")  # the technician switches: every line follows
    lines = admin_lines(kiosk)
    assert lines["catalogue"].startswith("Katalog vom ")
    assert lines["outbox"].startswith("wartend 0 · zugestellt")
    kiosk.tap("adminLang_pl")
    kiosk.tap("adminClose")


def test_sync_now_says_syncing_then_how_it_went(kiosk: Kiosk) -> None:
    admin = kiosk.app.admin
    open_admin(kiosk)
    kiosk.tap("adminSync")  # this kiosk's config has no catalogue address
    assert admin.property("message").startswith("Synchronizacja nie jest skonfigurowana")
    started: list[bool] = []
    actions = admin._actions
    admin._actions = dataclasses.replace(
        actions, can_sync=True, sync_now=lambda: started.append(True)
    )
    try:
        kiosk.tap("adminSync")
        assert started and admin.property("message") == "Synchronizuję…"
        failed = SyncStatus(outcome="failed", reason="connection refused", kind="network",
                            finished_at=dt.datetime.now(dt.UTC).isoformat())  # fmt: skip
        kiosk.app.status.syncReported.emit(failed)  # as the background sync reports it
        settle(100)
        assert kiosk.item("adminMessage").property("text") == (
            "Synchronizacja nieudana: brak połączenia z serwerem katalogu. "
            "Kiosk zostaje przy katalogu, który ma."
        )
        kiosk.tap("adminLang_en")
        assert admin.property("message").startswith("Sync failed: no connection")
    finally:
        admin._actions = actions
        kiosk.app.status.syncReported.emit(SyncStatus(outcome="unchanged"))
        kiosk.tap("adminLang_pl")
        kiosk.tap("adminClose")


def test_a_wrong_pin_does_not_move_the_keys(kiosk: Kiosk) -> None:
    for _ in range(5):
        kiosk.tap("adminCorner")
    keys = ["pin_1", "pin_5", "pin_9", "pin_ok", "pinCancel"]

    def places() -> list[tuple[float, float]]:
        found = [kiosk.item(k).mapToScene(QPointF(0, 0)) for k in keys]
        return [(p.x(), p.y()) for p in found]

    before = places()
    for digit in "1111":
        kiosk.tap(f"pin_{digit}")
    kiosk.tap("pin_ok")
    assert kiosk.item("pinMessage").property("text").startswith("Błędny PIN")
    assert places() == before
    kiosk.tap("pinCancel")


@pytest.mark.parametrize(
    ("iso", "shown"),
    [
        ("2026-12-06T13:05:00+00:00", "dziś 14:05"),
        ("2026-12-05T13:05:00+00:00", "wczoraj 14:05"),
        ("2026-11-22T08:00:00Z", "22 listopada 2026, 09:00"),
        ("nonsense", ""),
    ],
)
def test_times_read_as_local_human_dates(kiosk: Kiosk, iso: str, shown: str) -> None:
    now = dt.datetime(2026, 12, 6, 18, 0, tzinfo=ZoneInfo("Europe/Warsaw"))
    with time_zone("Europe/Warsaw"):
        assert human_time(iso, "pl", now) == shown


@contextmanager
def time_zone(name: str) -> Iterator[None]:
    """The process's local time zone set to `name` for a moment (the kiosk's clock)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()
