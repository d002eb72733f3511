"""Idle reset: no touch for a while, a countdown asks "still there?", then a fresh session.

An application-wide event filter sees every touch, click and key, so no screen can forget
to report activity. Durations come from the config, doubled by "longer timeouts".
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import Property, QEvent, QObject, QTimer, Signal, Slot

_ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}
# What may set something moving on screen (a flick goes on after the finger lifts).
_MOTION = _ACTIVITY | {
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchEnd,
}


class IdleWatch(QObject):
    stateChanged = Signal()
    resetDue = Signal()
    attractDue = Signal()
    # Every touch, drag and release: the window keeps its frames flowing for a while after
    # (Main.qml, frameTicker).
    motion = Signal()

    def __init__(
        self,
        idle_s: float,
        countdown_s: float,
        attract_s: float,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._idle_s, self._countdown_s, self._attract_s = idle_s, countdown_s, attract_s
        self._factor = 1.0
        self._clock = clock
        self._last = clock()
        self._counting = False
        self._attracting = False
        self._pristine = True
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._timer.start()

    def set_factor(self, factor: float) -> None:
        self._factor = factor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _ACTIVITY:
            self.touch()
        if kind in _MOTION:
            self.motion.emit()
        return False

    @Slot()
    def touch(self) -> None:
        """Somebody is here: restart the idle time, hide the countdown and the attract loop."""
        self._last = self._clock()
        if self._counting or self._attracting:
            self._counting = self._attracting = False
            self.stateChanged.emit()

    def show_countdown_now(self) -> None:
        """Jump to the countdown (for `kiosk screenshot` and tests of the overlay)."""
        self._pristine = False
        self._last = self._clock() - self._idle_s * self._factor
        self._tick()

    def show_attract_now(self) -> None:
        """Jump to the attract loop on a pristine home screen (for tests)."""
        self._pristine = True
        self._last = self._clock() - self._attract_s
        self._tick()

    @Slot(bool)
    def setPristine(self, pristine: bool) -> None:
        """Home screen with nothing chosen: nothing to reset, the attract loop may run."""
        self._pristine = pristine

    @Slot()
    def _tick(self) -> None:
        quiet = self._clock() - self._last
        idle, countdown = self._idle_s * self._factor, self._countdown_s * self._factor
        if not self._pristine and quiet >= idle + countdown:
            self._counting = False
            self._last = self._clock()
            self.resetDue.emit()
        elif not self._pristine and quiet >= idle:
            self._counting = True
        elif self._pristine and quiet >= self._attract_s and not self._attracting:
            self._attracting = True
            self.attractDue.emit()
        self.stateChanged.emit()

    def _seconds_left(self) -> int:
        left = self._idle_s * self._factor + self._countdown_s * self._factor
        return max(0, math.ceil(left - (self._clock() - self._last)))

    def _is_counting(self) -> bool:
        return self._counting

    def _is_attracting(self) -> bool:
        return self._attracting

    countdownVisible = Property(bool, _is_counting, notify=stateChanged)
    secondsLeft = Property(int, _seconds_left, notify=stateChanged)
    attractVisible = Property(bool, _is_attracting, notify=stateChanged)
