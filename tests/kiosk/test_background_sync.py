"""The background sync runs on its own thread, on schedule, and stops promptly."""

from __future__ import annotations

import threading
from pathlib import Path

import requests

from kiosk.background_sync import BackgroundSync
from offline_cache.generations import GenerationFolder
from offline_cache.signing import generate_private_key, public_key_text, sign
from offline_cache.sync import CatalogueSync, SyncSettings
from offline_cache.sync_status import SyncStatus
from tests.factories import encoded, small_catalogue
from tests.peers.catalogue_server import CatalogueServer


def test_results_reach_listeners_off_the_calling_thread_and_stop_is_prompt(
    tmp_path: Path, catalogue_server: CatalogueServer
) -> None:
    key = generate_private_key()
    body = encoded(small_catalogue())
    catalogue_server.publish("/c.json", body)
    catalogue_server.publish("/c.json.sig", sign(body, key))
    settings = SyncSettings(f"{catalogue_server.base_url}/c.json", public_key_text(key), 5)
    seen: list[tuple[str | None, str]] = []
    two = threading.Event()

    def listener(status: SyncStatus) -> None:
        seen.append((status.outcome, threading.current_thread().name))
        if len(seen) == 2:
            two.set()

    with requests.Session() as http:
        background = BackgroundSync(
            CatalogueSync(settings, GenerationFolder(tmp_path), http),
            interval_s=0.1,
            first_delay_s=0,
        )
        background.on_result(listener)
        background.start()
        assert two.wait(10)
        background.stop(timeout_s=2)
    assert seen[:2] == [("updated", "catalogue-sync"), ("unchanged", "catalogue-sync")]
    assert not background._thread.is_alive()


def test_sync_now_wakes_a_long_wait(tmp_path: Path, catalogue_server: CatalogueServer) -> None:
    settings = SyncSettings(
        f"{catalogue_server.base_url}/missing.json", public_key_text(generate_private_key())
    )
    done = threading.Event()
    with requests.Session() as http:
        background = BackgroundSync(
            CatalogueSync(settings, GenerationFolder(tmp_path), http),
            interval_s=3600,
            first_delay_s=3600,
        )
        background.on_result(lambda status: done.set() if status.outcome == "failed" else None)
        background.start()
        background.sync_now()
        assert done.wait(5)
        background.stop(timeout_s=2)
    assert not background._thread.is_alive()
