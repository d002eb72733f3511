"""Sync against a real HTTP server on loopback, with good and broken bundles."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from offline_cache.catalogue_load import load
from offline_cache.catalogue_store import CatalogueStore, Filters
from offline_cache.generations import GenerationFolder
from offline_cache.signing import generate_private_key, public_key_text, sign
from offline_cache.sync import CatalogueSync, SyncSettings
from tests.factories import bundle, encoded, service, small_catalogue
from tests.peers.catalogue_server import CatalogueServer

KEY = generate_private_key()
OTHER_KEY = generate_private_key()
NEW = encoded(
    bundle(
        service("nowa-usluga", "Karta Dużej Rodziny – wydanie"),
        service("zameldowanie", "Zameldowanie na pobyt stały"),
        generated="2026-11-21T08:00:00Z",
    )
)


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with requests.Session() as http:
        yield http


def make_sync(
    server: CatalogueServer, folder: GenerationFolder, http: requests.Session, **settings: float
) -> CatalogueSync:
    url = server.base_url + "/catalogue.json"
    return CatalogueSync(SyncSettings(url, public_key_text(KEY), **settings), folder, http)  # type: ignore[arg-type]


def serve(server: CatalogueServer, body: bytes, key: bytes = KEY, **options: object) -> None:
    server.publish("/catalogue.json", body, **options)
    server.publish("/catalogue.json.sig", sign(body, key))


def ids_in_use(folder: GenerationFolder) -> set[str]:
    path = folder.current()
    assert path is not None
    store = CatalogueStore(path)
    try:
        return {r.id for r in store.browse(Filters(), limit=1000)}
    finally:
        store.close()


OLD_IDS = {"podatek-od-nieruchomosci", "zajecie-pasa", "zameldowanie"}


@pytest.fixture
def folder_with_old(generations: GenerationFolder) -> GenerationFolder:
    load(encoded(small_catalogue()), generations, "old", {})
    return generations


def test_sync_loads_a_new_catalogue_then_says_unchanged_with_304(
    catalogue_server: CatalogueServer, folder_with_old: GenerationFolder, session: requests.Session
) -> None:
    serve(catalogue_server, NEW)
    sync = make_sync(catalogue_server, folder_with_old, session)
    first = sync.run_once()
    assert (first.outcome, ids_in_use(folder_with_old)) == (
        "updated",
        {"nowa-usluga", "zameldowanie"},
    )
    second = sync.run_once()
    assert (second.outcome, second.reason) == ("unchanged", "not modified")
    last_path, last_headers = catalogue_server.requests[-1]
    assert last_path == "/catalogue.json"
    assert last_headers["If-None-Match"] == catalogue_server.files["/catalogue.json"].etag
    assert sync.status().last_success_at == second.finished_at


def test_same_bytes_under_a_new_etag_are_not_loaded_again(
    catalogue_server: CatalogueServer, folder_with_old: GenerationFolder, session: requests.Session
) -> None:
    serve(catalogue_server, NEW)
    sync = make_sync(catalogue_server, folder_with_old, session)
    path = sync.run_once() and folder_with_old.current()
    serve(catalogue_server, NEW, etag='"another"')
    assert (sync.run_once().reason, folder_with_old.current()) == ("same catalogue", path)


def refused(
    server: CatalogueServer, folder: GenerationFolder, http: requests.Session, **settings: float
) -> tuple[str, str, dict[str, int]]:
    status = make_sync(server, folder, http, **settings).run_once()
    assert status.outcome == "failed"
    assert ids_in_use(folder) == OLD_IDS, "the last good catalogue must stay in use"
    assert not list(folder.folder.glob("*.partial"))
    kind = next(iter(status.failures))
    return kind, status.reason, status.failures


@pytest.mark.parametrize("status", [404, 500, 503])
def test_http_errors_keep_the_old_catalogue(
    catalogue_server: CatalogueServer,
    folder_with_old: GenerationFolder,
    session: requests.Session,
    status: int,
) -> None:
    serve(catalogue_server, NEW, status=status)
    kind, reason, _ = refused(catalogue_server, folder_with_old, session)
    assert (kind, reason.endswith(f"answered HTTP {status}")) == ("http", True)


def test_connection_refused_keeps_the_old_catalogue(
    folder_with_old: GenerationFolder, session: requests.Session
) -> None:
    gone = CatalogueServer()
    gone.start()
    gone.stop()  # the port is now closed
    kind, reason, _ = refused(gone, folder_with_old, session, timeout_s=2)
    assert kind == "network"
    assert reason.startswith("cannot connect to 127.0.0.1:")


def test_a_server_that_does_not_answer_in_time(
    catalogue_server: CatalogueServer, folder_with_old: GenerationFolder, session: requests.Session
) -> None:
    serve(catalogue_server, NEW, delay_s=1.5)
    kind, reason, _ = refused(catalogue_server, folder_with_old, session, timeout_s=0.5)
    assert kind == "network"
    assert "did not answer within 0.5 s" in reason


def test_a_server_that_drips_bytes_is_cut_off_at_the_time_limit(
    catalogue_server: CatalogueServer, folder_with_old: GenerationFolder, session: requests.Session
) -> None:
    serve(catalogue_server, NEW, drip_s=0.05)
    started = time.monotonic()
    kind, reason, _ = refused(catalogue_server, folder_with_old, session, timeout_s=1)
    assert time.monotonic() - started < 3
    assert kind == "network"
    assert "took longer than the time limit" in reason


def test_a_truncated_body_is_refused(
    catalogue_server: CatalogueServer, folder_with_old: GenerationFolder, session: requests.Session
) -> None:
    serve(catalogue_server, NEW, truncate_to=len(NEW) // 2)
    kind, reason, _ = refused(catalogue_server, folder_with_old, session)
    assert kind == "network"
    assert "broke off" in reason


def test_one_changed_byte_fails_the_signature(
    catalogue_server: CatalogueServer, folder_with_old: GenerationFolder, session: requests.Session
) -> None:
    serve(catalogue_server, NEW)
    tampered = bytearray(NEW)
    position = NEW.index(b"Rodziny")
    tampered[position] = ord("r")
    catalogue_server.publish("/catalogue.json", bytes(tampered))
    kind, reason, _ = refused(catalogue_server, folder_with_old, session)
    assert (kind, reason) == (
        "signature",
        "signature does not match the catalogue (altered or wrong key)",
    )


def test_a_bundle_signed_with_another_key_is_refused(
    catalogue_server: CatalogueServer, folder_with_old: GenerationFolder, session: requests.Session
) -> None:
    serve(catalogue_server, NEW, key=OTHER_KEY)
    assert refused(catalogue_server, folder_with_old, session)[0] == "signature"


def test_a_missing_signature_is_refused(
    catalogue_server: CatalogueServer, folder_with_old: GenerationFolder, session: requests.Session
) -> None:
    catalogue_server.publish("/catalogue.json", NEW)
    kind, reason, _ = refused(catalogue_server, folder_with_old, session)
    assert kind == "http"
    assert reason.endswith("catalogue.json.sig answered HTTP 404")


def test_a_signed_bundle_with_an_invalid_record_is_refused_naming_it(
    catalogue_server: CatalogueServer, folder_with_old: GenerationFolder, session: requests.Session
) -> None:
    data = bundle(
        service(
            "zle-koszty",
            "Opłata",
            costs=[{"amount": -5, "currency": "PLN", "description": {"pl": "x"}}],
        )
    )
    serve(catalogue_server, encoded(data))
    kind, reason, _ = refused(catalogue_server, folder_with_old, session)
    assert kind == "invalid"
    assert "zle-koszty: costs[0].amount" in reason


def test_signed_bytes_that_are_not_json_are_refused(
    catalogue_server: CatalogueServer, folder_with_old: GenerationFolder, session: requests.Session
) -> None:
    serve(catalogue_server, NEW[:-10])
    kind, reason, _ = refused(catalogue_server, folder_with_old, session)
    assert kind == "invalid"
    assert "not valid JSON at line" in reason


def test_a_download_over_the_size_limit_is_refused(
    catalogue_server: CatalogueServer, folder_with_old: GenerationFolder, session: requests.Session
) -> None:
    serve(catalogue_server, NEW)
    kind, reason, _ = refused(catalogue_server, folder_with_old, session, max_bytes=1000)
    assert kind == "too_large"
    assert "more than the limit of 1000" in reason


def test_failures_are_counted_per_reason_across_runs(
    catalogue_server: CatalogueServer, folder_with_old: GenerationFolder, session: requests.Session
) -> None:
    serve(catalogue_server, NEW, status=500)
    sync = make_sync(catalogue_server, folder_with_old, session)
    sync.run_once()
    sync.run_once()
    serve(catalogue_server, NEW, key=OTHER_KEY)
    sync.run_once()
    assert sync.status().failures == {"http": 2, "signature": 1}


@pytest.mark.root
def test_disk_full_keeps_the_old_catalogue(
    tmp_path: Path, catalogue_server: CatalogueServer, session: requests.Session
) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs")
    mount = tmp_path / "small"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)], check=True)
    try:
        folder = GenerationFolder(mount / "catalogue")
        load(encoded(small_catalogue()), folder, "old", {})
        many = [
            service(f"s{n:04d}", f"Zaświadczenie numer {n} o niezaleganiu") for n in range(3000)
        ]
        serve(catalogue_server, encoded(bundle(*many)))
        kind, reason, _ = refused(catalogue_server, folder, session)
        assert (kind, reason) == ("disk", "[Errno 28] no space left to load the catalogue")
    finally:
        subprocess.run(["umount", str(mount)], check=True)
