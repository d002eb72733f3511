"""Real X input through the XTest extension (xdotool), as the X server gets it from hardware.

Xvfb's keymap has no Polish letters, and `xdotool type` then maps a spare keycode for a
moment, which Qt may read back after it was unmapped (the letter is lost). The desk loads a
keymap with them (polish-letters.xkb), so typing is plain `xdotool type`.
"""

from __future__ import annotations

import subprocess

XDOTOOL = "xdotool"


class XInput:
    """Pointer and keyboard of one X display."""

    def __init__(self, display: str) -> None:
        self.display = display

    def _xdotool(self, *args: str) -> None:
        subprocess.run(
            [XDOTOOL, *args],
            env={"DISPLAY": self.display, "LC_ALL": "C.UTF-8"},  # type reads UTF-8
            check=True,
            capture_output=True,
        )

    def click(self, x: int, y: int) -> None:
        """Move the pointer to (x, y) on the screen and press and release the left button."""
        self._xdotool("mousemove", "--sync", str(x), str(y), "click", "1")

    def key(self, *combos: str) -> None:
        """Key presses such as "Escape", "alt+F4", "ctrl+q", "Return"."""
        self._xdotool("key", "--delay", "60", *combos)

    def type_text(self, text: str) -> None:
        """Type `text` on the keyboard, key by key."""
        self._xdotool("type", "--delay", "40", text)
