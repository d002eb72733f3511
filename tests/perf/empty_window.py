"""The floor of a cold start: an empty PySide6 Qt Quick window with one line of text.

Run by bench_taps.py (`python -m tests.perf.empty_window`) and timed as the kiosk is timed:
from the process's start to the first screen update with text in the window's top strip.
Nothing of the kiosk is imported; what it takes is what PySide6, Qt Quick and the X server
take before any program of this stack can show anything.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QByteArray, QUrl  # noqa: TID251 - a measuring program, not the kiosk
from PySide6.QtGui import QGuiApplication  # noqa: TID251
from PySide6.QtQml import QQmlApplicationEngine  # noqa: TID251

WINDOW = b"""
import QtQuick
Window {
    visible: true; width: Screen.width; height: Screen.height; color: "white"
    Text { x: 48; y: 48; text: "Gmina Miasto \xc5\x81a\xc5\x84cut"; font.pixelSize: 64; font.bold: true }
}
"""


def main() -> int:
    app = QGuiApplication(sys.argv)
    engine = QQmlApplicationEngine()
    engine.loadData(QByteArray(WINDOW), QUrl("empty_window.qml"))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
