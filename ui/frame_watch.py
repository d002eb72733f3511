"""A touch or a key that drew nothing: counted, logged, and the window asked to draw again.

On Wayland every touch and key keeps frames coming for a while (Main.qml's frame ticker), so
a second with none after one means the app stopped drawing, as it did under Debian 12's cage
when a frame callback was lost (the screen froze after a screen change; docs/platform-
notes.md). The watch says so in the log and in the metrics
(`infomat_kiosk_frame_stalls_total`), so a frozen screen on a kiosk in a town hall is seen,
and asks the window for a frame, which is all an app can do about it. (A compositor that
shows a drawn frame late is not this: the app drew; see docs/image.md, the keypad's tests.)

Only where the ticker runs (Wayland): elsewhere a tap on an empty spot rightly draws nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, SignalInstance, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickWindow

log = logging.getLogger(__name__)

# Longer than any frame takes here (the VM's software rendering under TCG: ~30 ms), and
# about when a resident starts to wonder whether the touch was taken.
STALL_AFTER_MS = 1000


def needed_here() -> bool:
    """Where the frame ticker runs (Main.qml): on Qt's Wayland platform plugin."""
    return QGuiApplication.platformName() == "wayland"


def ask_for_a_frame(window: QQuickWindow) -> None:
    """The scene marked for a new frame (`update()`, whose request to the platform may be
    stuck as pending) and the update request's event posted as well: the event reaches the
    scene's renderer whatever the platform does with requests."""
    window.update()
    QCoreApplication.postEvent(window, QEvent(QEvent.Type.UpdateRequest))


class FrameWatch(QObject):
    stalled = Signal()

    def __init__(
        self,
        frame_swapped: SignalInstance,
        input_seen: SignalInstance,
        nudge: Callable[[], None],
        *,
        stall_after_ms: int = STALL_AFTER_MS,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._drawn = True  # a frame since the input being watched
        self.stalls = 0
        self.late_checks = 0  # the GUI thread was busy past the limit: checked again later
        self._nudge = nudge
        self._clock = clock
        self._started_at = 0.0
        self._due = QTimer(self)
        self._due.setSingleShot(True)
        self._due.setInterval(stall_after_ms)
        self._due.timeout.connect(self._check)
        frame_swapped.connect(self._on_frame)
        input_seen.connect(self._on_input)

    @Slot()
    def _on_frame(self) -> None:
        self._drawn = True

    @Slot()
    def _on_input(self) -> None:
        # The first input of a burst starts the clock; the ones after it do not push it on
        # (a finger dragging on would otherwise keep a stall from ever being seen).
        if not self._due.isActive():
            self._drawn = False
            self._start()

    def _start(self) -> None:
        self._started_at = self._clock()
        self._due.start()

    @Slot()
    def _check(self) -> None:
        if self._drawn:
            return
        waited_s = self._clock() - self._started_at
        if waited_s > 1.5 * self._due.interval() / 1000:
            # The timer came late: the GUI thread was busy (building a screen), so the frame
            # could not be drawn yet either. Not a stall: give it the time again.
            self.late_checks += 1
            self._start()
            return
        self.stalls += 1
        log.warning(
            "no frame drawn %d ms after a touch or key (stall %d since the start); "
            "asking the window to draw",
            self._due.interval(),
            self.stalls,
        )
        self._nudge()
        self.stalled.emit()
