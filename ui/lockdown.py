"""Locked down: the keys that would leave, close or switch the app do nothing."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

_BLOCKED_EVENTS = {QEvent.Type.ContextMenu, QEvent.Type.Close, QEvent.Type.Shortcut}


@cache
def _blocked_keys() -> tuple[frozenset[int], frozenset[int]]:
    """Keys that leave on their own, and keys that leave with Ctrl or Alt (close, quit,
    switch, print, reload, new window...). Made at the first key, not at start-up: reading
    PySide's `Qt` namespace builds all of it, ~20 ms of the kiosk's first frame."""
    key = QtCore.Qt.Key
    alone = (key.Key_Escape, key.Key_F11, key.Key_Meta, key.Key_Super_L, key.Key_Super_R,
             key.Key_Menu)  # fmt: skip
    with_modifier = (
        key.Key_F4, key.Key_Tab, key.Key_Q, key.Key_W, key.Key_N, key.Key_T, key.Key_P,
        key.Key_R, key.Key_L, key.Key_O, key.Key_S, key.Key_Backtab, key.Key_Left, key.Key_Right,
        key.Key_Delete, key.Key_Backspace, key.Key_Plus, key.Key_Minus,
    )  # fmt: skip
    return frozenset(k.value for k in alone), frozenset(k.value for k in with_modifier)


def is_blocked(key: int, modifiers: Qt.KeyboardModifier) -> bool:
    """Whether a key press must not reach the app (tested for every combination we know)."""
    alone, with_modifier = _blocked_keys()
    qt = QtCore.Qt
    if key in alone or qt.Key.Key_F1.value <= key <= qt.Key.Key_F35.value:
        return True
    mod = qt.KeyboardModifier
    strong = modifiers & (mod.ControlModifier | mod.AltModifier | mod.MetaModifier)
    return bool(strong) and key in with_modifier


class Lockdown(QObject):
    """An application-wide event filter; `allow_close` is set only by admin exit."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.allow_close = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and isinstance(event, QKeyEvent)
            and is_blocked(event.key(), event.modifiers())
        ):
            event.accept()
            return True
        if kind == QEvent.Type.Close and self.allow_close:
            return False
        return kind in _BLOCKED_EVENTS
