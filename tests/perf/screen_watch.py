"""Taps and screen updates on one X display, seen from outside the program under test.

One X connection (python-xlib) sends real input through the XTest extension, as the server
gets it from a touch screen's driver, and watches the whole screen with the DAMAGE
extension: the server reports the moment any client's drawing changes pixels of the root
window or of any window on it (Qt's and Chromium's software frames are image puts into their
windows). The report level is "non-empty": one event when the screen goes from unchanged to
changed; the watcher then subtracts the damage, so the next drawing reports again. Every
report is stamped with this process's monotonic clock when it arrives, and a tap's time is
stamped the same way just before its release is sent: the figures are release -> the first
pixels that changed after it, as a resident's eye would first see them (plus the server's
and this reader's sub-millisecond overhead, alike for both programs).
"""

from __future__ import annotations

import select
import time
from dataclasses import dataclass

from Xlib import X
from Xlib.display import Display
from Xlib.ext import damage, xtest
from Xlib.protocol import rq

LEFT_BUTTON = 1
HOLD_S = 0.06  # a finger's tap: press, a moment, release


@dataclass(frozen=True)
class Updates:
    """The screen's updates after a moment, in seconds from it."""

    after_s: tuple[float, ...]

    @property
    def first_s(self) -> float | None:
        return self.after_s[0] if self.after_s else None

    @property
    def last_s(self) -> float | None:
        return self.after_s[-1] if self.after_s else None


class ScreenWatch:
    """XTest input and DAMAGE reports for one display (the server must have both)."""

    def __init__(self, display: str) -> None:
        self.display = Display(display)
        for extension in ("DAMAGE", "XTEST"):
            if not self.display.has_extension(extension):
                raise RuntimeError(f"X display {display} has no {extension} extension")
        self.display.damage_query_version()
        self.root = self.display.screen().root
        self.damage = self.root.damage_create(damage.DamageReportNonEmpty)
        self.display.sync()

    def close(self) -> None:
        self.display.close()

    # -- the screen -----------------------------------------------------------------------

    def updates(self, timeout_s: float) -> list[float]:
        """The monotonic times of the screen's updates reported within `timeout_s`."""
        seen: list[float] = []
        deadline = time.monotonic() + timeout_s
        while True:
            seen += self._read_pending()
            left = deadline - time.monotonic()
            if left <= 0:
                return seen
            readable, _, _ = select.select([self.display.fileno()], [], [], left)
            if not readable:
                return seen

    def _read_pending(self) -> list[float]:
        seen: list[float] = []
        while self.display.pending_events():
            event: rq.Event = self.display.next_event()
            if event.type == self.display.extension_event.DamageNotify:
                seen.append(time.monotonic())
                self.display.damage_subtract(self.damage)
        if seen:
            self.display.flush()
        return seen

    def wait_quiet(self, quiet_s: float, timeout_s: float = 10.0) -> bool:
        """Wait until the screen has not changed for `quiet_s`; False if it kept changing."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if not self.updates(quiet_s):
                return True
        return False

    def updates_after(self, since: float, quiet_s: float, timeout_s: float) -> Updates:
        """Updates from `since` until the screen is quiet for `quiet_s` (or `timeout_s`)."""
        seen: list[float] = []
        deadline = since + timeout_s
        while (left := deadline - time.monotonic()) > 0:
            batch = self.updates(min(quiet_s, left))
            if not batch and seen:
                break
            seen += batch
        return Updates(tuple(t - since for t in seen))

    # -- the hand -------------------------------------------------------------------------

    def move(self, x: int, y: int) -> None:
        xtest.fake_input(self.display, X.MotionNotify, x=x, y=y)
        self.display.sync()

    def press(self) -> None:
        xtest.fake_input(self.display, X.ButtonPress, LEFT_BUTTON)
        self.display.sync()

    def release(self) -> float:
        """Lift the finger; the time it was sent."""
        sent = time.monotonic()
        xtest.fake_input(self.display, X.ButtonRelease, LEFT_BUTTON)
        self.display.flush()
        return sent

    def tap(self, x: int, y: int, quiet_s: float = 0.25, timeout_s: float = 5.0) -> Updates:
        """A tap at (x, y) on a screen at rest; the updates after the finger lifts.

        The pointer is moved there first and whatever it changes (hover) settles, and the
        press's own feedback settles too, so the updates counted are those of the release,
        which is where both Qt's and the browser's buttons act.
        """
        self.move(x, y)
        self.wait_quiet(quiet_s)
        self.press()
        time.sleep(HOLD_S)
        self.wait_quiet(quiet_s / 2)
        return self.updates_after(self.release(), quiet_s, timeout_s)

    def window_titles(self) -> list[str]:
        """The titles of the windows on the screen (top level, as a window manager sees)."""
        titles = []
        for window in self.root.query_tree().children:
            name = window.get_full_text_property(self.display.get_atom("_NET_WM_NAME"))
            name = name or window.get_wm_name()
            if isinstance(name, str) and name:
                titles.append(name)
        return titles
