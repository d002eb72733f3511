"""Speech mode for a blind resident: keypad steps, touch exploration, announcements.

Modelled on what works at public terminals (EZ Access keypads; TalkBack's touch exploration):
- a keypad (any HID keyboard sending the configured keys) steps through the items of the
  top layer in reading order: down/up, select, back, help; with speech off, help turns it on;
- touching the glass speaks the item under the finger with its role and state; a double tap
  chooses the item last spoken;
- a new screen is announced by its title and how many items it holds; a field that gets the
  cursor is spoken with its problem; typed letters are echoed.
The items are Qt's accessibility tree (ui/a11y_nodes.py), so what is heard here is what an
outside screen reader hears. Speech goes through SpeechModel (the resident's language).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import (
    SIGNAL,
    Property,
    QEvent,
    QMetaObject,
    QObject,
    QPointF,
    QRectF,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QInputDevice,
    QKeyEvent,
    QMouseEvent,
    QTouchEvent,
)
from PySide6.QtQuick import QQuickItem, QQuickWindow

from ui.a11y_nodes import Node, node_at, node_of, readable_nodes, top_layer
from ui.keyboard_keys import KeyboardKey, key_at, press
from ui.session_model import SessionModel
from ui.speech_model import SpeechModel, name_language, spoken_language, text_languages
from ui.spoken import SpokenWords

DOUBLE_TAP_S = 0.45
_POINTER = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
}


class ScreenReader(QObject):
    changed = Signal()

    def __init__(
        self,
        session: SessionModel,
        speech: SpeechModel,
        keypad: dict[str, str],
        hint: tuple[Callable[[str], None], int] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`speech` speaks in the resident's language; `keypad` is {action: Qt key name} (the
        config's, checked there); `hint` speaks the attract screen's hint (at its own volume)
        every so many seconds."""
        super().__init__(parent)
        self._session = session
        self._speech = speech
        self._say = speech.say
        self._keypad = keypad
        self._keys: dict[int, str] | None = None  # made at the first key (see _action)
        self._say_hint, hint_every_s = hint if hint else (speech.say, 0)
        self._hint_timer = QTimer(self, interval=max(1, hint_every_s) * 1000)
        self._hint_timer.timeout.connect(self._give_hint)
        self._hints = hint_every_s > 0
        self._counting = False
        self._words = SpokenWords(self)
        self._window: QQuickWindow | None = None
        self._nodes: list[Node] = []
        self._index = -1
        self._last_tap = 0.0
        self._key: KeyboardKey | None = None  # the on-screen key last touched
        self._pressing = False  # the reader's own press of a key goes through to the window
        self._typed: dict[int, str] = {}
        self._announce = QTimer(self, singleShot=True, interval=350)
        self._announce.timeout.connect(self._announce_screen)
        session.accessibilityChanged.connect(self.changed)
        session.wasReset.connect(self._forget)

    def attach(self, window: QQuickWindow) -> None:
        """After the window exists (the reader is an application-wide event filter and acts
        on what reaches the window)."""
        self._window = window
        window.activeFocusItemChanged.connect(self._on_focus_moved)
        # A new screen is announced from here too, not only from QML's calls.
        stack = window.findChild(QQuickItem, "stack")
        if stack is not None:
            QObject.connect(stack, SIGNAL("currentItemChanged()"), self.screenChanged)

    # -- state ----------------------------------------------------------------------------

    def _active(self) -> bool:
        return self._session.session.accessibility.read_aloud

    def _focus_rect(self) -> QRectF:
        if self._key is not None:
            return self._key.scene_rect()
        node = self._current()
        return node.scene_rect() if node is not None else QRectF()

    active = Property(bool, _active, notify=changed)
    focusRect = Property(QRectF, _focus_rect, notify=changed)

    def _current(self) -> Node | None:
        return self._nodes[self._index] if 0 <= self._index < len(self._nodes) else None

    def _refresh(self) -> None:
        """The items of the top layer now; the spoken item keeps its place if still there."""
        current = self._current()
        self._nodes = readable_nodes(top_layer(self._window)) if self._window else []
        items = [n.item for n in self._nodes]
        kept = current is not None and current.alive and current.item in items
        self._index = items.index(current.item) if kept and current else -1

    @Slot()
    def _forget(self) -> None:
        self._nodes, self._index, self._key = [], -1, None
        self.changed.emit()

    # -- what the resident does -----------------------------------------------------------

    @Slot(bool)
    def setActive(self, on: bool) -> None:
        if on != self._active():
            self._session.setOption("read_aloud", on)
        self._say(self._words.speech_on() if on else self._words.speech_off())
        if on:
            self.screenChanged()

    @Slot()
    def next(self) -> None:
        self._step(+1)

    @Slot()
    def previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        self._refresh()
        target = self._index + direction
        if not 0 <= target < len(self._nodes):
            self._say(self._words.nothing_here())
            return
        self._index, self._key = target, None
        self._show_and_say(self._nodes[target])

    @Slot()
    def select(self) -> None:
        node = self._current()
        if node is None:
            return
        self._choose(node)
        if node.checkable:  # an on/off choice: say its new state
            QTimer.singleShot(120, self._say_again)

    def _say_again(self) -> None:
        node = self._current()
        fresh = node.fresh() if node is not None else None
        if fresh is not None:
            self._say_node(fresh)

    @Slot()
    def back(self) -> None:
        if self._window is not None:
            QMetaObject.invokeMethod(self._window, "goBackOrClose")

    @Slot()
    def help(self) -> None:
        self._say(self._words.keypad_help())

    @Slot()
    def screenChanged(self) -> None:
        """A new screen or panel: announce it once it has settled."""
        if self._active():
            self._announce.start()

    @Slot()
    def readAll(self) -> None:
        """Every item of the screen once, in reading order (after the panel has closed)."""
        QTimer.singleShot(350, self._read_all)

    def _read_all(self) -> None:
        self._nodes, self._index = [], -1
        self._refresh()
        self._speech.say_parts([part for node in self._nodes for part in self._parts(node)])

    def on_idle(self, counting: bool, attracting: bool, seconds_left: int) -> None:
        """The countdown is spoken when it appears; the attract screen gives its hint."""
        if counting and not self._counting and self._active():
            self._say(self._words.countdown(seconds_left))
        self._counting = counting
        if attracting and self._hints and not self._hint_timer.isActive():
            self._give_hint()
            self._hint_timer.start()
        elif not attracting:
            self._hint_timer.stop()

    @Slot()
    def _give_hint(self) -> None:
        self._say_hint(self._words.attract_hint())

    @Slot()
    def _announce_screen(self) -> None:
        self._nodes, self._index = [], -1
        self._refresh()
        headings = [n for n in self._nodes if n.role == QAccessible.Role.Heading]
        title = self._screen_title(headings)
        self._say(self._words.screen(title, len(self._nodes)))
        self.changed.emit()

    def _screen_title(self, headings: list[Node]) -> str:
        """The name of the open panel or screen, else its first heading (not the commune's
        name, which is on every screen)."""
        window = self._window
        layer = top_layer(window) if window else None
        if layer is not None and layer.role() != QAccessible.Role.Window:
            return layer.text(QAccessible.Text.Name) or (headings[0].name if headings else "")
        current = self._screen_item()
        if current is not None:
            named = QAccessible.queryAccessibleInterface(current)
            if named is not None and named.text(QAccessible.Text.Name):
                return named.text(QAccessible.Text.Name)
        others = [h for h in headings if h.item is None or h.item.objectName() != "municipality"]
        return (others or headings)[0].name if headings else ""

    # -- acting on an item ----------------------------------------------------------------

    def _show_and_say(self, node: Node) -> None:
        self._scroll_into_view(node)
        self.changed.emit()
        self._say_node(node)

    def _say_node(self, node: Node) -> None:
        parts = self._parts(node)
        if len(parts) == 1 and parts[0][1] == self._session.session.language:
            self._say(parts[0][0])
        else:
            self._speech.say_parts(parts)

    def _parts(self, node: Node) -> list[tuple[str, str]]:
        """Its description as (text, language) parts: a name in another language (a record
        the screen marks as Polish, a language button's own name: "Українська") is read with
        that language's voice, the role words with the resident's."""
        said = self._words.describe(node, self._value(node))
        language = self._session.session.language
        screen = self._screen_item()
        marked = text_languages(screen) if screen is not None else {}
        own = name_language(node.item) or spoken_language(node.name, language, marked)
        if own == language or not said.startswith(node.name):
            return [(said, language)]
        rest = said[len(node.name) :].lstrip(", ")
        return [(node.name, own), (rest, language)] if rest else [(node.name, own)]

    def _screen_item(self) -> QQuickItem | None:
        stack = self._window.findChild(QQuickItem, "stack") if self._window else None
        current = stack.property("currentItem") if stack is not None else None
        return current if isinstance(current, QQuickItem) else None

    def _value(self, node: Node) -> str:
        interface = node.interface() if node.role == QAccessible.Role.EditableText else None
        return interface.text(QAccessible.Text.Value) if interface is not None else ""

    def _choose(self, node: Node) -> None:
        interface = node.interface()
        if interface is None:
            return
        if node.role == QAccessible.Role.EditableText:
            node.item.forceActiveFocus()
            return
        action: QAccessibleActionInterface | None = interface.actionInterface()
        if action is None:
            return
        names = action.actionNames()
        for wanted in (
            QAccessibleActionInterface.pressAction(),
            QAccessibleActionInterface.toggleAction(),
        ):
            if wanted in names:
                action.doAction(wanted)
                return

    def _scroll_into_view(self, node: Node) -> None:
        item = node.item
        flick = _flickable_around(item) if node.alive else None
        if flick is None:
            return
        content = flick.property("contentItem")
        assert isinstance(content, QQuickItem)
        top = item.mapToItem(content, QPointF(0, 0)).y()
        view_y = float(flick.property("contentY"))
        height, total = flick.height(), float(flick.property("contentHeight"))
        if top < view_y or top + item.height() > view_y + height:
            wanted = min(max(0.0, top - height * 0.3), max(0.0, total - height))
            flick.setProperty("contentY", wanted)

    @Slot()
    def _on_focus_moved(self) -> None:
        """A field got the cursor (a tap, Enter, or "Next" finding a problem): say it."""
        if not self._active() or self._window is None:
            return
        item = self._window.activeFocusItem()
        interface = QAccessible.queryAccessibleInterface(item) if item is not None else None
        if interface is None or interface.role() != QAccessible.Role.EditableText:
            return
        node = node_of(interface)
        if node is None:
            return
        self._refresh()
        items = [n.item for n in self._nodes]
        self._index = items.index(item) if item in items else self._index
        self._show_and_say(node)
        self._typed[id(item)] = str(item.property("text") or "")

    # -- events ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._window:
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._on_key(event)
        if kind == QEvent.Type.KeyRelease and isinstance(event, QKeyEvent):
            self._echo_typing()
            return self._active() and self._action(event) is not None
        if self._active() and kind in _POINTER and not self._pressing:
            return self._on_pointer(event)
        return False

    def _action(self, event: QKeyEvent) -> str | None:
        """The keypad action of a key. The map is made at the first key, not at start-up:
        reading Qt's key names builds PySide's whole `Qt` namespace (~20 ms of the first frame)."""
        if self._keys is None:
            self._keys = keypad_map(self._keypad)
        return self._keys.get(event.key())

    def _on_key(self, event: QKeyEvent) -> bool:
        action = self._action(event)
        if action is None:
            return False
        if not self._active():
            if action != "help":
                return False
            self.setActive(True)
            return True
        if action == "select" and self._editing():
            return False  # Enter in a field: on to the next field (the field's own Enter)
        {
            "up": self.previous,
            "down": self.next,
            "select": self.select,
            "back": self.back,
            "help": self.help,
        }[action]()
        return True

    def _editing(self) -> bool:
        item = self._window.activeFocusItem() if self._window else None
        node = self._current()
        return item is not None and node is not None and node.item is item

    def _echo_typing(self) -> None:
        """After a key went into a field: say the letter typed (or the one deleted)."""
        item = self._window.activeFocusItem() if self._window and self._active() else None
        if item is None:
            return
        now = str(item.property("text") or "")
        before = self._typed.get(id(item), "")
        self._typed[id(item)] = now
        if now.startswith(before) and len(now) == len(before) + 1:
            self._say(self._words.character(now[-1]))
        elif before.startswith(now) and len(before) == len(now) + 1:
            self._say(self._words.deleted(before[-1]))

    def _on_pointer(self, event: QEvent) -> bool:
        """Touch exploration: a touch speaks, a double tap chooses; nothing else gets it."""
        released = event.type() in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd)
        if not released or _made_from_touch(event):
            return True  # a mouse event Qt made from a touch was acted on as the touch
        point = _point_of(event)
        now = time.monotonic()
        if now - self._last_tap < DOUBLE_TAP_S:
            self._last_tap = 0.0
            if self._key is not None:
                self._press_key(self._key)
            else:
                self.select()
            return True
        self._last_tap = now
        self._explore(point)
        return True

    def _press_key(self, key: KeyboardKey) -> None:
        """A double tap on an on-screen key types it, as a finger's tap would; the letter is
        echoed like one typed on a keypad."""
        if self._window is None or not key.item.isVisible():
            return
        self._pressing = True
        try:
            press(self._window, key)
        finally:
            self._pressing = False
        self._echo_typing()

    def _explore(self, point: QPointF) -> None:
        self._key = key_at(self._window, point) if self._window is not None else None
        if self._key is not None:
            self.changed.emit()
            self._say(self._words.key(self._key.kind, self._key.text))
            return
        self._refresh()
        found = node_at(self._nodes, point.x(), point.y())
        if found is None:
            return
        self._index = self._nodes.index(found)
        self.changed.emit()
        self._say_node(found)


def _point_of(event: QEvent) -> QPointF:
    if isinstance(event, QMouseEvent):
        return event.scenePosition()
    if isinstance(event, QTouchEvent) and event.points():
        return event.points()[0].scenePosition()
    return QPointF(-1, -1)


def _made_from_touch(event: QEvent) -> bool:
    if not isinstance(event, QMouseEvent):
        return False
    return event.device().type() == QInputDevice.DeviceType.TouchScreen


def _flickable_around(item: QQuickItem | None) -> QQuickItem | None:
    parent = item.parentItem() if item is not None else None
    while parent is not None:
        if parent.inherits("QQuickFlickable"):
            return parent
        parent = parent.parentItem()
    return None


def keypad_map(names: dict[str, str]) -> dict[int, str]:
    """{"down": "Down", ...} from the config as {Qt key: action}; unknown names are refused."""
    from PySide6.QtCore import Qt  # noqa: PLC0415 - see ScreenReader._action

    found: dict[int, str] = {}
    for action, name in names.items():
        key = getattr(Qt.Key, f"Key_{name}", None)
        if key is None:
            raise ValueError(f"speech keypad: {name!r} is not a key name (e.g. Down, F1, Return)")
        found[int(key.value)] = action
    return found
