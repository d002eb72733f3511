"""The PySide6 pin (docs/platform-notes.md): 6.12.0 drops None's refcount on every void call."""

from __future__ import annotations

import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QApplication, QLabel


def test_pyside_is_on_the_proven_line() -> None:
    assert pyside_version.startswith("6.11."), pyside_version


def test_void_qt_calls_leave_the_refcount_of_none_alone(qapp: QApplication) -> None:
    label = QLabel()
    for _ in range(200):  # warm up caches that may hold None once
        label.setText("Zażółć gęślą jaźń")
    before = sys.getrefcount(None)
    for n in range(5000):
        label.setText(f"Łańcut {n}")
        label.setEnabled(n % 2 == 0)
    drift = sys.getrefcount(None) - before
    assert abs(drift) < 100, f"refcount of None drifted by {drift} over 10,000 void calls"
