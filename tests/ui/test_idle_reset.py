"""Idle reset: the countdown, "I'm still here", and nothing of the resident left behind."""

from __future__ import annotations

import pytest

from tests.ui.conftest import Kiosk, texts_on_screen
from ui.screenshots import settle

SECRET = "Kowalska 44051401359"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(kiosk: Kiosk) -> FakeClock:
    fake = FakeClock()
    kiosk.app.idle._clock = fake
    kiosk.app.idle.touch()
    return fake


def leave_traces(kiosk: Kiosk) -> None:
    """A resident who changes everything, types personal data and opens a card."""
    kiosk.tap("lang_de")
    kiosk.app.session.setOption("high_contrast", True)
    kiosk.app.session.setOption("large_text", True)
    kiosk.app.catalogue.search(SECRET)
    kiosk.app.catalogue.search("dowód osobisty")
    kiosk.tap("service_gl-dowod-osobisty")
    card = kiosk.item("cardScreen")
    card.setProperty("contentY", 400.0)
    settle(200)


def test_countdown_then_a_fresh_session_with_nothing_left(kiosk: Kiosk, clock: FakeClock) -> None:
    leave_traces(kiosk)
    clock.now += 89
    kiosk.app.idle._tick()
    assert not kiosk.shown("idleOverlay")
    clock.now += 2
    kiosk.app.idle._tick()
    settle(100)
    assert kiosk.shown("idleOverlay")
    assert kiosk.item("secondsLeft").property("text") == "19"
    clock.now += 20
    kiosk.app.idle._tick()
    settle(300)

    session = kiosk.app.session.session
    assert (session.language, session.query, session.open_service, session.category) == (
        "pl",
        "",
        "",
        "",
    )
    assert not any(kiosk.app.session.property("options").values())
    assert kiosk.stack_depth() == 1
    assert kiosk.app.theme.palette().background == "#FFFFFF"
    assert kiosk.app.catalogue.property("card") == {}
    assert kiosk.app.catalogue._results.rows() == []
    assert kiosk.item("searchField").property("text") == ""
    shown = " ".join(texts_on_screen(kiosk.window))
    for trace in ("Kowalska", "44051401359", "dowodu osobistego", "Zurück", "Barrierefreiheit"):
        assert trace not in shown, trace
    assert not kiosk.shown("idleOverlay")


def test_still_here_keeps_everything(kiosk: Kiosk, clock: FakeClock) -> None:
    kiosk.app.catalogue.search("prawo jazdy")
    clock.now += 95
    kiosk.app.idle._tick()
    settle(100)
    kiosk.tap("stillHere")
    assert not kiosk.shown("idleOverlay")
    clock.now += 60
    kiosk.app.idle._tick()
    assert kiosk.app.session.session.query == "prawo jazdy"


def test_more_time_doubles_the_waits(kiosk: Kiosk, clock: FakeClock) -> None:
    kiosk.app.session.setOption("longer_timeouts", True)
    clock.now += 150
    kiosk.app.idle._tick()
    assert kiosk.app.idle.property("countdownVisible") is False
    clock.now += 40
    kiosk.app.idle._tick()
    assert kiosk.app.idle.property("countdownVisible") is True


def test_a_pristine_home_gets_the_attract_loop_not_a_countdown(
    kiosk: Kiosk, clock: FakeClock
) -> None:
    clock.now += 500
    kiosk.app.idle._tick()
    settle(100)
    assert not kiosk.shown("idleOverlay")
    assert kiosk.shown("attractOverlay")
    kiosk.tap("attractOverlay")
    assert not kiosk.shown("attractOverlay")


def test_an_open_admin_screen_is_closed_by_the_reset(kiosk: Kiosk, clock: FakeClock) -> None:
    for _ in range(5):
        kiosk.app.admin.cornerTapped()
    settle(100)
    assert kiosk.popup_open("pinPad")
    kiosk.app.session.reset()
    settle(100)
    assert kiosk.app.admin.property("pinPadVisible") is False
