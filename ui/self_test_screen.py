"""The self-test's screen check: the real kiosk window renders a home screen that is not blank."""

from __future__ import annotations

import time

from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtQuick import QQuickItem

from kiosk.composition import Services
from ui.kiosk_app import KioskApp, UiOptions, prepare_environment
from ui.screenshots import settle

FIRST_FRAME_TIMEOUT_S = 20.0
MIN_COLOURS = 16  # text, buttons and icons on a background give hundreds; blank gives one


class BlankScreen(Exception):
    """The window rendered nothing a resident could read."""


def render_home(services: Services) -> str:
    prepare_environment()
    app = QGuiApplication.instance() or QGuiApplication(["kiosk"])
    assert isinstance(app, QGuiApplication)
    kiosk = KioskApp(app, services, UiOptions(windowed=True, demo=False))
    try:
        started = time.monotonic()
        if not _wait_for_first_frame(kiosk, app):
            raise BlankScreen(f"no frame within {FIRST_FRAME_TIMEOUT_S:.0f} s")
        first_frame_s = time.monotonic() - started
        if not _wait_for_keyboard(kiosk, app):
            raise BlankScreen("the virtual keyboard did not load (see the QML errors above)")
        settle(200)
        image = kiosk.window.grabWindow()
        colours = distinct_colours(image)
        if colours < MIN_COLOURS:
            raise BlankScreen(f"the home screen looks blank ({colours} colours)")
        return (
            f"ok, {image.width()}x{image.height()}, {colours} colours, keyboard loaded, "
            f"first frame after {first_frame_s:.2f} s"
        )
    finally:
        kiosk.shutdown()


def _wait_for_first_frame(kiosk: KioskApp, app: QGuiApplication) -> bool:
    frames: list[float] = []
    kiosk.window.frameSwapped.connect(lambda: frames.append(time.monotonic()))
    deadline = time.monotonic() + FIRST_FRAME_TIMEOUT_S
    while not frames and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    return bool(frames)


def _wait_for_keyboard(kiosk: KioskApp, app: QGuiApplication) -> bool:
    """The keyboard is made just after the first frame; a missing QML module shows here."""
    deadline = time.monotonic() + FIRST_FRAME_TIMEOUT_S
    while time.monotonic() < deadline:
        keyboard = kiosk.window.findChild(QQuickItem, "keyboard")
        if keyboard is not None:
            return True
        app.processEvents()
        time.sleep(0.005)
    return False


def distinct_colours(image: QImage, step: int = 7) -> int:
    """How many colours a grid of sample points sees (every `step` pixels both ways)."""
    if image.isNull():
        return 0
    seen = {
        image.pixel(x, y)
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    }
    return len(seen)
