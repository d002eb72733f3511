"""Generations: atomic publish, last good kept, crashes mid-load leave the old catalogue."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.catalogue_service import CatalogueService
from offline_cache.catalogue_load import CatalogueRejected, load
from offline_cache.catalogue_store import CatalogueStore, StoreError
from offline_cache.generations import GenerationFolder
from offline_cache.signing import generate_private_key, public_key_text, sign
from tests.factories import bundle, encoded, service, small_catalogue
from tests.peers.catalogue_server import CatalogueServer


def names(folder: GenerationFolder) -> list[str]:
    path = folder.current()
    assert path is not None
    store = CatalogueStore(path)
    try:
        return [*sorted(r.id for r in store.search("a", limit=50)), str(store.service_count())]
    finally:
        store.close()


def test_publish_swaps_and_keeps_one_previous_generation(generations: GenerationFolder) -> None:
    paths = [load(encoded(small_catalogue()), generations, f"v{n}", {}).path for n in range(4)]
    assert generations.current() == paths[-1]
    on_disk = sorted(p.name for p in generations.folder.glob("gen-*.sqlite"))
    assert on_disk == [paths[-2].name, paths[-1].name]


def test_invalid_bundle_loads_nothing(generations: GenerationFolder) -> None:
    good = load(encoded(small_catalogue()), generations, "good", {}).path
    broken = small_catalogue()
    broken["services"][1]["authority"] = "nobody"
    broken["services"][2]["name"] = {"en": "no Polish"}
    with pytest.raises(CatalogueRejected) as refused:
        load(encoded(broken), generations, "broken", {})
    reasons = [str(p) for p in refused.value.problems]
    assert any(r.startswith("zajecie-pasa: authority") for r in reasons)
    assert any(r.startswith("zameldowanie: name") for r in reasons)
    assert generations.current() == good
    assert not list(generations.folder.glob("*.partial"))


def test_a_damaged_current_generation_falls_back_to_the_last_good(
    generations: GenerationFolder,
) -> None:
    first = load(encoded(small_catalogue()), generations, "one", {}).path
    second = load(encoded(small_catalogue()), generations, "two", {}).path
    second.write_bytes(b"this is not sqlite" * 100)
    assert generations.current() == first
    with pytest.raises(StoreError):
        CatalogueStore(second)


def test_a_pointer_to_nothing_falls_back_to_the_newest_complete(
    generations: GenerationFolder,
) -> None:
    path = load(encoded(small_catalogue()), generations, "one", {}).path
    (generations.folder / "current").write_text("gen-999999.sqlite\n")
    assert generations.current() == path


def test_leftover_partial_files_are_removed_by_the_next_load(generations: GenerationFolder) -> None:
    load(encoded(small_catalogue()), generations, "one", {})
    leftover = generations.folder / "gen-000002.partial"
    leftover.write_bytes(b"half")
    path = load(encoded(small_catalogue()), generations, "two", {}).path
    assert not leftover.exists()
    assert generations.current() == path


@pytest.mark.slow
def test_sigkill_of_kiosk_sync_mid_load_leaves_the_old_catalogue_intact(
    tmp_path: Path, catalogue_server: CatalogueServer
) -> None:
    folder = GenerationFolder(tmp_path / "data" / "catalogue")
    load(encoded(small_catalogue()), folder, "old", {})
    before = names(folder)
    key = generate_private_key()
    many = encoded(bundle(*(service(f"s{n:05d}", f"Zaświadczenie nr {n}") for n in range(6000))))
    catalogue_server.publish("/c.json", many)
    catalogue_server.publish("/c.json.sig", sign(many, key))
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'data_dir = "{tmp_path / "data"}"\n[catalogue]\n'
        f'url = "{catalogue_server.base_url}/c.json"\npublic_key = "{public_key_text(key)}"\n'
    )
    kiosk = Path(sys.executable).parent / "kiosk"
    syncing = subprocess.Popen([kiosk, "--config", str(config), "sync"], stderr=subprocess.DEVNULL)
    try:
        _wait_for(lambda: any(p.stat().st_size > 0 for p in folder.folder.glob("*.partial")))
    finally:
        os.kill(syncing.pid, signal.SIGKILL)
        syncing.wait()
    assert syncing.returncode == -signal.SIGKILL
    assert list(folder.folder.glob("*.partial")), "the kill must land mid-load"
    assert names(folder) == before
    service_after = CatalogueService(folder, bundled=tmp_path / "never-read.json")
    assert service_after.search("zameldowanie")[0].id == "zameldowanie"


def _wait_for(condition: object, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.002)
    raise AssertionError("the loader never started writing")


def test_concurrent_loads_take_turns(generations: GenerationFolder) -> None:
    import threading

    errors: list[BaseException] = []

    def load_one(n: int) -> None:
        try:
            load(encoded(small_catalogue()), generations, f"thread-{n}", {})
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=load_one, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert generations.current() == generations.folder / "gen-000004.sqlite"
    assert not list(generations.folder.glob("*.partial"))
