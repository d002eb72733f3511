"""A frame Qt Quick asks for is drawn at once on X11 (xcb), not after Qt's idle wait.

Where the platform has no frame signal of its own, Qt delays every requested frame by
5 ms unless told otherwise (QWindow::requestUpdate, QT_QPA_UPDATE_IDLE_TIME); the kiosk's
`prepare_environment` tells it not to. A plain Qt Quick window, asked for 20 frames, with
the kiosk's environment and without it (the control: the test must tell the two apart).
(Offscreen keeps Qt's default: Qt 6.11's offscreen platform crashed on such requests.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.window.processes import Xvfb, missing_tools

ROOT = Path(__file__).resolve().parents[2]

# Prints the median milliseconds from `update()` to the window's next swapped frame.
PROBE = """
import os, statistics, sys, time
os.environ["QT_QUICK_BACKEND"] = "software"
if sys.argv[1] == "kiosk":
    from ui.kiosk_app import prepare_environment
    prepare_environment()
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickWindow

app = QGuiApplication([])
window = QQuickWindow()
window.resize(200, 200)
waits = []
asked = [0.0]

def ask():
    asked[0] = time.perf_counter()
    window.update()

def swapped():
    if asked[0]:
        waits.append((time.perf_counter() - asked[0]) * 1000)
        asked[0] = 0.0
        if len(waits) == 20:
            app.quit()
        else:
            QTimer.singleShot(10, ask)

window.frameSwapped.connect(swapped)
window.show()
QTimer.singleShot(200, ask)
QTimer.singleShot(20000, app.quit)
app.exec()
print(statistics.median(waits), flush=True)
os._exit(0)
"""


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    missing = missing_tools()
    if missing:
        pytest.skip(f"window tests need {', '.join(missing)} (./dev test installs them)")
    screen = Xvfb(640, 480)
    yield screen.display
    screen.stop()


def frame_wait_ms(display: str, environment: str) -> float:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_UPDATE_IDLE_TIME"}
    env |= {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, environment],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return float(done.stdout.split()[-1])


def test_a_requested_frame_is_drawn_at_once_not_after_qts_idle_wait(display: str) -> None:
    assert frame_wait_ms(display, "plain") >= 4.5  # Qt's default: 5 ms before each frame
    assert frame_wait_ms(display, "kiosk") < 2.5
