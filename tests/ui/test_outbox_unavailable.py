"""An outbox that cannot be opened: the resident is told on the card, before typing anything."""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Q_ARG, QMetaObject
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import Kiosk, make_services
from tests.ui.test_filing import INFO_REQUEST
from ui.kiosk_app import KioskApp, UiOptions, prepare_environment
from ui.screenshots import settle


@pytest.fixture(scope="module")
def kiosk_app(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KioskApp]:
    """A kiosk whose outbox file is damaged (garbage where SQLite expects its header)."""
    data = tmp_path_factory.mktemp("kiosk-data")
    (data / "outbox.sqlite").write_bytes(b"\x00garbage, not a database\xff" * 200)
    prepare_environment()
    app = KioskApp(qapp, make_services(data), UiOptions(True, False))
    settle(500)
    yield app
    app.shutdown()
    del app
    gc.collect()


def test_a_form_that_could_not_be_saved_is_not_opened_and_the_card_says_why(
    kiosk: Kiosk, caplog: pytest.LogCaptureFixture
) -> None:
    QMetaObject.invokeMethod(kiosk.window, "openService", Q_ARG("QVariant", INFO_REQUEST))
    settle(250)
    with caplog.at_level(logging.WARNING):
        kiosk.tap("fileButton")
    assert kiosk.shown("cardScreen")
    assert kiosk.stack_depth() == 2
    assert kiosk.app.session.session.form is None
    message = kiosk.item("fileMessage").property("text")
    assert "nie może teraz zapisać" in message
    assert "outbox.sqlite" in caplog.text  # the technician learns which file and why
    kiosk.tap("lang_de")
    assert "Antrag" in kiosk.item("fileMessage").property("text")
    kiosk.app.session.reset()  # the next resident starts with a clean card
    settle(200)
    QMetaObject.invokeMethod(kiosk.window, "openService", Q_ARG("QVariant", INFO_REQUEST))
    settle(250)
    assert not kiosk.shown("fileMessage")
