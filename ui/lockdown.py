"""Locked down: the keys that would leave, close or switch the app do nothing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

_MOD = Qt.KeyboardModifier
_KEY = Qt.Key
# Keys that mean "leave" on their own, whatever the modifiers.
_ALONE = {
    _KEY.Key_Escape,
    _KEY.Key_F11,
    _KEY.Key_Meta,
    _KEY.Key_Super_L,
    _KEY.Key_Super_R,
    _KEY.Key_Menu,
}
# With Ctrl or Alt: close, quit, switch, print, reload, new window...
_WITH_MODIFIER = {
    _KEY.Key_F4, _KEY.Key_Tab, _KEY.Key_Q, _KEY.Key_W, _KEY.Key_N, _KEY.Key_T, _KEY.Key_P,
    _KEY.Key_R, _KEY.Key_L, _KEY.Key_O, _KEY.Key_S, _KEY.Key_Backtab, _KEY.Key_Left, _KEY.Key_Right,
    _KEY.Key_Delete, _KEY.Key_Backspace, _KEY.Key_Plus, _KEY.Key_Minus,
}  # fmt: skip
_BLOCKED_EVENTS = {QEvent.Type.ContextMenu, QEvent.Type.Close, QEvent.Type.Shortcut}


def is_blocked(key: int, modifiers: Qt.KeyboardModifier) -> bool:
    """Whether a key press must not reach the app (tested for every combination we know)."""
    if key in _ALONE or _KEY.Key_F1 <= key <= _KEY.Key_F35:
        return True
    strong = modifiers & (_MOD.ControlModifier | _MOD.AltModifier | _MOD.MetaModifier)
    return bool(strong) and key in _WITH_MODIFIER


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
