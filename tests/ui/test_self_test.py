"""`kiosk self-test` as a real process, and each check able to fail."""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.config import KioskConfig
from tests.ui.test_run_command import KIOSK
from ui import i18n
from ui.self_test import run_self_test
from ui.self_test_screen import distinct_colours


@pytest.mark.slow
def test_self_test_passes_offscreen_in_a_throwaway_data_dir(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test chooses offscreen on its own
    done = subprocess.run(
        [KIOSK, "--self-test"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("catalogue: ok, 82 services, 'dowód osobisty' finds ")
    assert lines[1].startswith("home screen: ok, 1080x1920, ")
    assert lines[2].startswith("translations: ok, pl, uk, de compiled")
    assert lines[3].startswith(("receipt: skipped (no receipt module)", "receipt: ok"))
    assert lines[4].startswith("metrics: ok")
    assert lines[-1] == "self-test: ok"
    assert list(tmp_path.iterdir()) == [], "the kiosk's own data dir is never touched"


def test_version_is_printed() -> None:
    done = subprocess.run([KIOSK, "--version"], capture_output=True, text=True, check=True)
    assert done.stdout == f"kiosk {__version__}\n"


def test_missing_translations_fail_the_self_test(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "FOLDER", tmp_path)
    out = io.StringIO()
    assert run_self_test(KioskConfig(), out) == 1
    report = out.getvalue().splitlines()
    assert "translations: FAILED: missing infomat_pl.qm, infomat_uk.qm, infomat_de.qm" in report[2]
    assert report[1].startswith("home screen: ok")
    assert report[-1] == "self-test: FAILED (translations)"


def test_a_blank_screen_is_seen_as_blank() -> None:
    blank = QImage(1080, 1920, QImage.Format.Format_RGB32)
    blank.fill(QColor("#ffffff"))
    assert distinct_colours(blank) == 1
    assert distinct_colours(QImage()) == 0
