"""Real X input through the XTest extension, as the X server gets it from hardware: taps and
swipes through python-xlib on one connection (xdotool took ~160 ms a click, a tenth of a
journey's time), keys and typing through xdotool.

Xvfb's keymap has no Polish letters, and `xdotool type` then maps a spare keycode for a
moment, which Qt may read back after it was unmapped (the letter is lost). The desk loads a
keymap with them (polish-letters.xkb), so typing is plain `xdotool type`.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable

from Xlib import X
from Xlib.display import Display
from Xlib.ext import xtest

XDOTOOL = "xdotool"
LEFT_BUTTON = 1
HOLD_S = 0.03  # a finger's tap is no instant
DOUBLE_TAP_GAP_S = 0.15
REST_BEFORE_RELEASE_S = 0.15  # past the 100 ms after which a Flickable does not fling


class XInput:
    """Pointer and keyboard of one X display."""

    def __init__(self, display: str) -> None:
        self.display = display
        self._x = Display(display)
        # Told before each input: what was read off the screen before it may change.
        self.before_input: list[Callable[[], None]] = []

    def _touched(self) -> None:
        for listener in self.before_input:
            listener()

    def close(self) -> None:
        self._x.close()

    def _xdotool(self, *args: str) -> None:
        self._touched()
        subprocess.run(
            [XDOTOOL, *args],
            env={"DISPLAY": self.display, "LC_ALL": "C.UTF-8"},  # type reads UTF-8
            check=True,
            capture_output=True,
        )

    def click(self, x: int, y: int, times: int = 1) -> None:
        """Move the pointer to (x, y) on the screen and press and release the left button
        (twice, 150 ms apart, for a double tap). The server keeps XTest events in order, so
        the click lands where the pointer went."""
        self._touched()
        xtest.fake_input(self._x, X.MotionNotify, x=x, y=y)
        for tap in range(times):
            if tap:
                time.sleep(DOUBLE_TAP_GAP_S)
            xtest.fake_input(self._x, X.ButtonPress, LEFT_BUTTON)
            self._x.sync()
            time.sleep(HOLD_S)
            xtest.fake_input(self._x, X.ButtonRelease, LEFT_BUTTON)
            self._x.sync()

    def drag(self, start: tuple[int, int], end: tuple[int, int], steps: int = 12) -> None:
        """Press at `start`, move to `end` in small steps, hold still, release: a slow swipe
        that scrolls without flinging on (a Flickable drops the fling when the finger rested
        100 ms or more before the release: X event times, not the kiosk's clock)."""
        self._touched()
        xtest.fake_input(self._x, X.MotionNotify, x=start[0], y=start[1])
        xtest.fake_input(self._x, X.ButtonPress, LEFT_BUTTON)
        self._x.sync()
        for step in range(1, steps + 1):
            x = start[0] + (end[0] - start[0]) * step // steps
            y = start[1] + (end[1] - start[1]) * step // steps
            time.sleep(0.02)
            xtest.fake_input(self._x, X.MotionNotify, x=x, y=y)
            self._x.sync()
        time.sleep(REST_BEFORE_RELEASE_S)
        xtest.fake_input(self._x, X.ButtonRelease, LEFT_BUTTON)
        self._x.sync()

    def window_mapped(self, name: str) -> bool:
        """Whether a window called `name` is mapped (shown) on the screen."""
        found = subprocess.run(
            [XDOTOOL, "search", "--onlyvisible", "--name", f"^{name}$"],
            env={"DISPLAY": self.display},
            capture_output=True,
            check=False,
        )
        return found.returncode == 0 and bool(found.stdout.strip())

    def key(self, *combos: str) -> None:
        """Key presses such as "Escape", "alt+F4", "ctrl+q", "Return"."""
        self._xdotool("key", "--delay", "60", *combos)

    def type_text(self, text: str) -> None:
        """Type `text` on the keyboard, key by key."""
        self._xdotool("type", "--delay", "40", text)
