"""The frame watch (ui/frame_watch.py): a touch or key after which no frame came is counted,
logged and answered by asking the window to draw; one that drew is not."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtQuick import QQuickWindow
from pytestqt.qtbot import QtBot

from ui.frame_watch import FrameWatch, ask_for_a_frame

STALL_MS = 150


class Screen(QObject):
    """Stands in for the window's frameSwapped and the idle watch's motion."""

    frame = Signal()
    touched = Signal()


def watched(screen: Screen, nudges: list[int]) -> FrameWatch:
    return FrameWatch(
        screen.frame, screen.touched, lambda: nudges.append(1), stall_after_ms=STALL_MS
    )


def test_a_touch_that_drew_nothing_is_a_stall(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    screen, nudges = Screen(), list[int]()
    watch = watched(screen, nudges)
    with (
        caplog.at_level(logging.WARNING, logger="ui.frame_watch"),
        qtbot.waitSignal(watch.stalled, timeout=5 * STALL_MS),
    ):
        screen.touched.emit()
    assert (watch.stalls, nudges) == (1, [1])
    assert "no frame drawn 150 ms after a touch or key (stall 1" in caplog.text


def test_a_touch_followed_by_a_frame_is_not(qtbot: QtBot) -> None:
    screen, nudges = Screen(), list[int]()
    watch = watched(screen, nudges)
    screen.touched.emit()
    screen.frame.emit()
    qtbot.wait(3 * STALL_MS)
    assert (watch.stalls, nudges) == (0, [])


def test_more_touches_do_not_put_the_stall_off(qtbot: QtBot) -> None:
    """A finger dragging on over a screen that draws nothing is still a stall, seen once per
    burst, in time."""
    screen, nudges = Screen(), list[int]()
    watch = watched(screen, nudges)
    screen.touched.emit()
    for _ in range(6):
        qtbot.wait(STALL_MS // 3)
        screen.touched.emit()
    assert watch.stalls >= 1, "touches kept putting the check off"
    qtbot.waitUntil(lambda: watch.stalls == 2, timeout=5 * STALL_MS)  # the burst's next one
    assert len(nudges) == 2


def test_a_gui_thread_busy_past_the_limit_is_not_a_stall(qtbot: QtBot) -> None:
    """The check came late because the app was busy (a screen being built): the frame could
    not have been drawn yet, so the watch waits once more before it calls it a stall."""
    screen, nudges = Screen(), list[int]()
    now = [0.0]
    watch = FrameWatch(screen.frame, screen.touched, lambda: nudges.append(1),
                       stall_after_ms=STALL_MS, clock=lambda: now[0])  # fmt: skip
    screen.touched.emit()
    now[0] = 3 * STALL_MS / 1000  # the timer fires, but as if the GUI thread had been held
    qtbot.waitUntil(lambda: watch.late_checks == 1, timeout=5 * STALL_MS)
    assert watch.stalls == 0
    screen.frame.emit()  # drawn once the app was free
    qtbot.wait(2 * STALL_MS)
    assert (watch.stalls, nudges) == (0, [])


def test_asking_for_a_frame_draws_one(qtbot: QtBot) -> None:
    """The nudge itself, on a real window (offscreen): it makes the scene draw a frame when
    nothing in it changed."""
    window = QQuickWindow()
    window.resize(200, 100)
    window.show()
    qtbot.waitExposed(window)
    frames: list[int] = []
    window.frameSwapped.connect(lambda: frames.append(1))
    qtbot.wait(300)  # the first frames, then nothing changes
    drawn = len(frames)
    qtbot.wait(200)
    assert len(frames) == drawn, "the window draws on its own: the test proves nothing"
    ask_for_a_frame(window)
    qtbot.waitUntil(lambda: len(frames) > drawn, timeout=2000)
    window.close()
