"""The frame ticker (Main.qml): Debian 12's cage sends no frame callback for a commit that
damages nothing, and Qt on Wayland then draws no more. While something may move, one pixel
changes in every frame. The journey in the image's VM (tests/image/test_power_cut.py) is the
test that it keeps the screen alive; these check its parts where they can run offscreen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from tests.ui.conftest import Kiosk
from ui.idle import IdleWatch


def motions(events: list[QEvent.Type]) -> int:
    watch = IdleWatch(60.0, 10.0, 30.0)
    seen: list[int] = []
    watch.motion.connect(lambda: seen.append(1))
    for kind in events:
        watch.eventFilter(QObject(), QEvent(kind))
    return len(seen)


def test_touches_drags_and_releases_are_motion() -> None:
    kinds = [
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.Wheel,
    ]
    assert motions(kinds) == len(kinds)


def test_other_events_are_not() -> None:
    assert motions([QEvent.Type.Paint, QEvent.Type.Timer, QEvent.Type.UpdateRequest]) == 0


def test_the_ticker_is_one_pixel_and_idle_off_wayland(kiosk: Kiosk) -> None:
    ticker = kiosk.item("frameTicker")
    assert (ticker.property("width"), ticker.property("height")) == (1.0, 1.0)
    # Offscreen (as on X11) nothing needs it: it must not keep the window drawing.
    kiosk.app.idle.motion.emit()
    assert ticker.property("needed") is False
