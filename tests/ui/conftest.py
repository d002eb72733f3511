"""A real kiosk window (offscreen) on the demo catalogue, shared by the UI tests of a module."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPointF
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.composition import Services
from kiosk.config import AdminConfig, KioskConfig, ScreenConfig
from tests.kiosk.visit_office import visits_office  # noqa: F401 (a fixture: the office for visits)
from ui.kiosk_app import KioskApp, UiOptions, prepare_environment
from ui.screenshots import settle


class Kiosk:
    """Drives the kiosk as a resident would: by touch, through the window."""

    def __init__(self, app: KioskApp, qtbot: QtBot) -> None:
        self.app = app
        self.qtbot = qtbot
        self.window: QQuickWindow = app.window

    def item(self, name: str) -> QQuickItem:
        found = find_item(self.window.contentItem(), name)
        assert found is not None, f"no item named {name!r} on screen"
        return found

    def tap(self, name: str) -> None:
        """A click at the centre of the item, once the screens have stopped changing: while
        the stack fades one screen in (150 ms, longer on a busy machine) StackView takes
        every touch itself, so a tap then would be lost, as a hurried finger's is."""
        self.wait_for_stack()
        item = self.item(name)
        assert item.isVisible(), f"{name} is not visible"
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        QTest.mouseClick(self.window, _LEFT, Qt.KeyboardModifier.NoModifier, centre)
        settle(250)

    def popup_open(self, name: str) -> bool:
        """Popups (PIN pad, admin, accessibility) are not items, and exist only when needed."""
        popup = self.window.findChild(QObject, name)
        return popup is not None and popup.property("visible") is True

    def shown(self, name: str) -> bool:
        """Whether an item that may not exist yet (overlays are made on demand) is on screen."""
        found = find_item(self.window.contentItem(), name)
        return found is not None and found.isVisible()

    def stack_depth(self) -> int:
        depth = self.stack().property("depth")
        assert isinstance(depth, int)
        return depth

    def stack(self) -> QQuickItem:
        """The screen stack, found by Qt's own search, not by walking every item: a walk
        just after a reset wraps items StackView is deleting, and PySide handed back a
        stale wrapper (a QMetaObject) for one of them (in one -n 2 run in three)."""
        stack = self.window.findChild(QQuickItem, "stack")
        assert stack is not None, "no screen stack in the window"
        return stack

    def wait_for_stack(self, timeout_ms: int = 5000) -> None:
        """Until the screen stack is in no transition (a push, a pop, a reset's pop)."""
        stack = self.stack()
        self.qtbot.waitUntil(lambda: stack.property("busy") is False, timeout=timeout_ms)

    def wait_shown(self, name: str, timeout_ms: int = 5000) -> None:
        """Until the item is on screen and the stack has finished bringing it in."""
        self.qtbot.waitUntil(lambda: self.shown(name), timeout=timeout_ms)
        self.wait_for_stack(timeout_ms)


def make_services(data: Path, **screen: float) -> Services:
    config = KioskConfig(
        data_dir=str(data),
        screen=ScreenConfig(**screen),  # type: ignore[arg-type]
        admin=AdminConfig(pin_hash=_PIN_HASH, allow_exit=False),
    )
    return Services(config)


@pytest.fixture(scope="module")
def kiosk_app(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KioskApp]:
    prepare_environment()
    app = KioskApp(
        qapp, make_services(tmp_path_factory.mktemp("kiosk-data")), UiOptions(True, False)
    )
    settle(500)
    yield app
    app.shutdown()
    del app
    # Qt objects left in reference cycles are freed here, on the GUI thread; left to a later
    # collection they may be freed on a server thread of another test (a Qt error there).
    gc.collect()


@pytest.fixture
def kiosk(kiosk_app: KioskApp, qtbot: QtBot) -> Kiosk:
    kiosk_app.session.reset()
    kiosk_app.admin.close()
    kiosk_app.idle.touch()
    settle(200)
    kiosk = Kiosk(kiosk_app, qtbot)
    kiosk.wait_for_stack()  # the reset's pop back home is over: the next tap is not lost
    assert kiosk.stack_depth() == 1, "the reset did not bring the home screen back"
    return kiosk


def all_items(item: QQuickItem, skip: str = "") -> list[QQuickItem]:
    """`item` and everything drawn inside it (popups included), but the `skip` subtree."""
    if skip and item.objectName() == skip:
        return []
    found = [item]
    for child in item.childItems():
        # Just after a reset PySide may hand back a stale wrapper (a QMetaObject) for an
        # item StackView is deleting (CI, 1 run in ~10): it is on no screen, so skip it.
        if isinstance(child, QQuickItem):
            found += all_items(child, skip)
    return found


def find_item(root: QQuickItem, name: str) -> QQuickItem | None:
    """The item called `name`, a visible one first (lists on hidden screens share names)."""
    named = [i for i in all_items(root) if i.objectName() == name]
    return next((i for i in named if i.isVisible()), named[0] if named else None)


def texts_on_screen(window: QQuickWindow) -> list[str]:
    """Every `text` and `placeholderText` in the window, visible or not (not the keyboard)."""
    found = []
    for item in all_items(window.contentItem(), skip="keyboard"):
        for prop in ("text", "placeholderText"):
            value = item.property(prop)
            if isinstance(value, str) and value:
                found.append(value)
    return found


from PySide6.QtCore import Qt  # noqa: E402

from kiosk.admin_pin import hash_pin  # noqa: E402

_LEFT = Qt.MouseButton.LeftButton
PIN = "135790"
_PIN_HASH = hash_pin(PIN)
