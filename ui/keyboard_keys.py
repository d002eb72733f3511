"""The on-screen keyboard's keys, for the speech mode's touch exploration.

Qt Virtual Keyboard draws its keys as QML items with no accessible name or role, so neither
the accessibility tree nor the speech mode knew them: a blind resident touching the keyboard
heard nothing and could not type. The keys are found here by the properties of the
documented `BaseKey` type every key derives from (`key`, `displayText`, `text`), and the
special keys by their documented types (`ShiftKey`, `BackspaceKey` ...);
tests/ui/test_speech_mode.py fails loudly if a Qt Virtual Keyboard release changes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF
from PySide6.QtGui import QMouseEvent
from PySide6.QtQuick import QQuickItem, QQuickWindow

KEYBOARD = "keyboard"  # KeyboardPanel.qml's objectName
# Special keys by the QML type they are made from (the class name carries a suffix).
SPECIAL = {
    "ShiftKey": "shift",
    "BackspaceKey": "backspace",
    "SymbolModeKey": "symbols",
    "ChangeLanguageKey": "language",
    "SpaceKey": "space",
    "HideKeyboardKey": "hide",
    "EnterKey": "enter",
}
SKIPPED = ("FillerKey",)  # a gap between keys, drawn as one


@dataclass(frozen=True)
class KeyboardKey:
    item: QQuickItem
    kind: str  # "letter" or one of SPECIAL's values
    text: str  # what it shows ("q", "Q", "&123", "pl")

    def scene_rect(self) -> QRectF:
        return self.item.mapRectToScene(QRectF(0, 0, self.item.width(), self.item.height()))


def key_at(window: QQuickWindow, point: QPointF) -> KeyboardKey | None:
    """The key under a finger at `point` (window coordinates), if the keyboard is open."""
    keyboard = _keyboard(window)
    if keyboard is None or not keyboard.isVisible():
        return None
    under = [k for k in keys_of(keyboard) if k.scene_rect().contains(point)]
    return min(under, key=lambda k: k.scene_rect().width(), default=None)


def keys_of(keyboard: QQuickItem) -> list[KeyboardKey]:
    """Every key of the keyboard's current layout that can be pressed now."""
    found: list[KeyboardKey] = []
    pending = [keyboard]
    while pending:
        item = pending.pop()
        pending.extend(child for child in item.childItems() if child.isVisible())
        key = _key(item)
        if key is not None:
            found.append(key)
    return found


def press(window: QQuickWindow, key: KeyboardKey) -> None:
    """Presses the key as a finger would (a press and a release at its centre)."""
    centre = key.scene_rect().center()
    Qt = QtCore.Qt  # read here, not at import (ui/lockdown.py says why)
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(
            kind,
            centre,
            centre,
            window.mapToGlobal(centre),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QCoreApplication.sendEvent(window, event)


def _keyboard(window: QQuickWindow) -> QQuickItem | None:
    # As the reader finds the stack: by name, in C++ (a Python walk of every item per touch).
    found = window.findChild(QQuickItem, KEYBOARD)
    return found if isinstance(found, QQuickItem) else None


def _key(item: QQuickItem) -> KeyboardKey | None:
    meta = item.metaObject()
    if meta.indexOfProperty("displayText") < 0 or meta.indexOfProperty("key") < 0:
        return None
    if item.property("enabled") is not True:
        return None
    type_name = meta.className().split("_QMLTYPE_")[0].split("_QML_")[0]
    if type_name in SKIPPED:
        return None
    shown = str(item.property("displayText") or item.property("text") or "")
    kind = SPECIAL.get(type_name, "letter")
    if kind == "letter" and not shown.strip():
        return None
    return KeyboardKey(item, kind, shown)
