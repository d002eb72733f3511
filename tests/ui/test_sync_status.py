"""What the background sync reports reaches the screen on the GUI thread, never on its own."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.composition import Services
from kiosk.config import CatalogueConfig, KioskConfig
from offline_cache.signing import generate_private_key, public_key_text, sign
from tests.factories import encoded, small_catalogue
from tests.peers.catalogue_server import CatalogueServer
from tests.ui.conftest import Kiosk
from ui.kiosk_app import KioskApp, UiOptions, prepare_environment
from ui.screenshots import settle
from ui.status_model import local_time


@pytest.fixture(scope="module")
def kiosk_app(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KioskApp]:
    """A kiosk that syncs its catalogue from a real HTTP server on loopback."""
    server = CatalogueServer()
    server.start()
    key = generate_private_key()
    body = encoded(small_catalogue())
    server.publish("/c.json", body)
    server.publish("/c.json.sig", sign(body, key))
    catalogue = CatalogueConfig(url=f"{server.base_url}/c.json", public_key=public_key_text(key))
    config = KioskConfig(data_dir=str(tmp_path_factory.mktemp("kiosk-data")), catalogue=catalogue)
    prepare_environment()
    app = KioskApp(qapp, Services(config), UiOptions(True, False))
    settle(500)
    yield app
    background = app.services.background_sync
    assert background is not None
    background.stop()
    app.shutdown()
    del app
    gc.collect()
    server.stop()


def test_a_sync_updates_the_status_on_the_gui_thread(
    kiosk: Kiosk, caplog: pytest.LogCaptureFixture
) -> None:
    status = kiosk.app.status
    emitted_on: list[str] = []
    status.changed.connect(lambda: emitted_on.append(threading.current_thread().name))
    background = kiosk.app.start_catalogue_sync()  # as after the first frame of `kiosk run`
    assert background is not None
    background.sync_now()
    catalogue = kiosk.app.services.catalogue
    kiosk.qtbot.waitUntil(lambda: catalogue.info().source.startswith("http"), timeout=10_000)
    kiosk.qtbot.waitUntil(lambda: len(emitted_on) > 0, timeout=5_000)
    settle(200)
    assert set(emitted_on) == {threading.main_thread().name}
    assert status.property("lastUpdate") == local_time(catalogue.info().loaded_at)
    assert "listener failed" not in caplog.text
