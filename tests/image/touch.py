"""A finger and a keyboard for the VM: QMP input events to its virtio tablet and keyboard.

The tablet reports absolute positions (0 to 32767 across the screen), which the kiosk gets
through weston as touch-like pointer events, the same path a USB touchscreen takes.
"""

from __future__ import annotations

import time
from typing import Any

from tests.image.vm import ImageVM

ABS_MAX = 32767

# Keys of a US layout for the characters a journey types; capitals add shift.
NAMED_KEYS = {
    " ": "spc", ".": "dot", ",": "comma", "-": "minus", "/": "slash", ";": "semicolon",
    "'": "apostrophe", "=": "equal",
}  # fmt: skip
SHIFTED_KEYS = {
    "@": "2",
    "!": "1",
    "?": "slash",
    ":": "semicolon",
    "_": "minus",
    "(": "9",
    ")": "0",
}


class Touch:
    def __init__(self, vm: ImageVM, width: int, height: int) -> None:
        self._vm, self._width, self._height = vm, width, height

    def _move(self, x: int, y: int) -> list[dict[str, Any]]:
        return [
            {"type": "abs", "data": {"axis": "x", "value": x * ABS_MAX // (self._width - 1)}},
            {"type": "abs", "data": {"axis": "y", "value": y * ABS_MAX // (self._height - 1)}},
        ]

    def _button(self, down: bool) -> dict[str, Any]:
        return {"type": "btn", "data": {"down": down, "button": "left"}}

    def tap(self, x: int, y: int) -> None:
        self._vm.execute("input-send-event", events=self._move(x, y))
        self._vm.execute("input-send-event", events=[self._button(True)])
        time.sleep(0.08)
        self._vm.execute("input-send-event", events=[self._button(False)])

    def drag(self, start: tuple[int, int], end: tuple[int, int], steps: int = 15) -> None:
        """A slow swipe (a still finger at the end, so the page does not fly on)."""
        self._vm.execute("input-send-event", events=self._move(*start))
        self._vm.execute("input-send-event", events=[self._button(True)])
        for step in range(1, steps + 1):
            x = start[0] + (end[0] - start[0]) * step // steps
            y = start[1] + (end[1] - start[1]) * step // steps
            self._vm.execute("input-send-event", events=self._move(x, y))
            time.sleep(0.04)
        time.sleep(0.3)
        self._vm.execute("input-send-event", events=[self._button(False)])

    def type(self, text: str) -> None:
        """Types ASCII text on the VM's keyboard, key by key."""
        for char in text:
            keys = [{"type": "qcode", "data": qcode}] if (qcode := key_of(char)) else []
            if not keys:
                shifted = SHIFTED_KEYS.get(char) or (char.lower() if char.isupper() else None)
                if shifted is None:
                    raise ValueError(f"no key for {char!r} on the VM's keyboard")
                keys = [{"type": "qcode", "data": "shift"}, {"type": "qcode", "data": shifted}]
            self._vm.execute("send-key", keys=keys, **{"hold-time": 40})
            time.sleep(0.05)


def key_of(char: str) -> str | None:
    if char in NAMED_KEYS:
        return NAMED_KEYS[char]
    if char.isascii() and (char.islower() or char.isdigit()):
        return char
    return None
