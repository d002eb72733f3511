"""The kiosk survives: thousands of UI calls (the PySide6 pin), bugs, and read aloud."""

from __future__ import annotations

import gc
import logging
import shutil
import sys
import wave
from pathlib import Path

import pytest

from kiosk.speech import Speaker
from tests.ui.conftest import Kiosk
from ui.screenshots import settle
from ui.speech_model import visible_texts


def test_thousands_of_ui_operations_leave_the_refcount_of_none_alone(kiosk: Kiosk) -> None:
    """PySide6 6.12.0 dropped None's refcount on every void Qt call (docs/platform-notes.md):
    a search alone makes several (model reset, signals), so 6.12 would drift by thousands."""
    session, catalogue, form = kiosk.app.session, kiosk.app.catalogue, kiosk.app.form
    words = ["d", "do", "dow", "dowó", "dowód", "p", "pr", "pra", "praw", "prawo"]

    def one_round(round_: int) -> None:
        for word in words:
            catalogue.search(word)
            catalogue.openService("gl-dowod-osobisty")
            catalogue.closeService()
            form.start("gl-informacja-publiczna")  # a form step: its question rows, problems
            form.setAnswer("tresc", word)
            form.next()
        form.back()
        session.setOption("high_contrast", round_ % 2 == 0)

    for round_ in range(3):  # warm caches up
        one_round(round_)
    settle(100)
    gc.collect()
    before = sys.getrefcount(None)
    for round_ in range(60):
        one_round(round_)
    settle(100)
    gc.collect()
    drift = sys.getrefcount(None) - before
    assert -100 < drift < 100, f"refcount of None drifted by {drift} over ~3,000 UI operations"


def test_a_bug_in_a_handler_is_logged_and_the_resident_goes_home(
    kiosk: Kiosk, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk.app.install_crash_handler()
    kiosk.tap("category_pojazdy-kierowcy")
    kiosk.app.session.setLanguage("de")
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        with caplog.at_level(logging.CRITICAL):
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
    settle(300)
    assert kiosk.stack_depth() == 1
    assert kiosk.app.session.session.language == "pl"
    assert "unexpected error; returning to the home screen" in caplog.text
    assert "boom in a slot" in caplog.text


def test_the_screen_is_read_in_reading_order(kiosk: Kiosk) -> None:
    kiosk.app.catalogue.search("karta wędkarska")
    settle(200)
    texts = visible_texts(kiosk.window.contentItem())
    assert texts[0] == "Gmina Miasto Łańcut"
    assert "Karta wędkarska" in texts


@pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (Debian package)"
)
@pytest.mark.parametrize("language", ["pl", "en", "uk", "de"])
def test_read_aloud_speaks_each_language(tmp_path: Path, language: str) -> None:
    path = tmp_path / f"{language}.wav"
    Speaker().to_wav("Zażółć gęślą jaźń. Karta Dużej Rodziny.", language, path)
    with wave.open(str(path)) as audio:
        seconds = audio.getnframes() / audio.getframerate()
    assert seconds > 1.0
