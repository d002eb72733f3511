"""Pulling the fleet config from a real HTTP server on loopback: what is kept, what is refused.

In every refused case the kiosk's config stays what the last good fleet config made it.
"""

from __future__ import annotations

import datetime as dt
import json
import queue
import threading
from pathlib import Path

import pytest
import requests

from kiosk.composition import Services
from kiosk.config import KioskConfig, LocalConfig, read_config_file
from kiosk.fleet_apply import EffectiveConfig, fleet_folder, load_effective_config
from kiosk.fleet_store import FleetStore
from kiosk.fleet_sync import FleetSettings, FleetSync
from offline_cache.signing import generate_private_key, public_key_text
from offline_cache.sync_status import SyncStatus
from tests.kiosk.fleet_helpers import GROUP, NOW, PUBLIC_KEY, document, kiosk_toml, signature
from tests.peers.catalogue_server import CatalogueServer

PATH = f"/fleet/{GROUP}.json"
GOOD = document({"screen": {"idle_s": 45}, "language": "de", "printer": {"paper_mm": 58}})


def publish(
    server: CatalogueServer, body: bytes, sig: bytes | None = None, **options: object
) -> None:
    server.publish(PATH, body, **options)
    server.publish(PATH + ".sig", signature(body) if sig is None else sig)


def pull(config_path: Path, http: requests.Session, timeout_s: float = 5) -> SyncStatus:
    """One pull as the kiosk does it, built from the config file like `kiosk fleet pull`."""
    config = load_effective_config(config_path).config
    cfg = config.fleet
    settings = FleetSettings(cfg.url, cfg.group, cfg.public_keys, timeout_s)
    local = LocalConfig(read_config_file(config_path), str(config_path))
    return FleetSync(settings, FleetStore(fleet_folder(config)), http, local).run_once()


def effective(config_path: Path) -> EffectiveConfig:
    return load_effective_config(config_path)


@pytest.fixture
def kiosk(tmp_path: Path, catalogue_server: CatalogueServer) -> Path:
    return kiosk_toml(tmp_path, catalogue_server.base_url + PATH)


@pytest.fixture
def kiosk_with_good(kiosk: Path, catalogue_server: CatalogueServer, http: requests.Session) -> Path:
    publish(catalogue_server, GOOD)
    assert pull(kiosk, http).outcome == "updated"
    return kiosk


def assert_last_good_in_use(kiosk: Path) -> None:
    applied = effective(kiosk)
    assert applied.problem == ""
    assert applied.fleet is not None and applied.fleet.options["language"] == "de"
    config = applied.config
    assert (config.screen.idle_s, config.language, config.printer.paper_mm) == (45, "de", 58)


def test_a_good_fleet_config_is_kept_then_304_says_unchanged(
    kiosk: Path, catalogue_server: CatalogueServer, http: requests.Session
) -> None:
    assert effective(kiosk).config.screen.idle_s == KioskConfig().screen.idle_s
    publish(catalogue_server, GOOD)
    first = pull(kiosk, http)
    assert (first.outcome, first.reason) == (
        "updated",
        f"group {GROUP}: image 0.1.1, 3 option(s); applied at the next start",
    )
    assert_last_good_in_use(kiosk)
    second = pull(kiosk, http)
    assert (second.outcome, second.reason) == ("unchanged", "not modified")
    path, headers = catalogue_server.requests[-1]
    assert (path, headers["If-None-Match"]) == (PATH, catalogue_server.files[PATH].etag)
    folder = kiosk.parent / "data" / "fleet"
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / "current.json").stat().st_mode & 0o777 == 0o600
    assert sorted(path.name for path in folder.iterdir()) == ["current.json", "sync-status.json"]


def test_a_newer_one_replaces_it_and_the_last_good_is_kept_beside(
    kiosk_with_good: Path, catalogue_server: CatalogueServer, http: requests.Session
) -> None:
    newer = document({"screen": {"idle_s": 75}}, issued=NOW - dt.timedelta(minutes=5))
    publish(catalogue_server, newer)
    assert pull(kiosk_with_good, http).outcome == "updated"
    assert effective(kiosk_with_good).config.screen.idle_s == 75
    folder = kiosk_with_good.parent / "data" / "fleet"
    kept = json.loads((folder / "previous.json").read_text(encoding="utf-8"))
    assert kept["document"].encode() == GOOD


def refused(kiosk: Path, http: requests.Session, kind: str, timeout_s: float = 5) -> str:
    status = pull(kiosk, http, timeout_s)
    assert (status.outcome, status.kind, status.failures) == ("failed", kind, {kind: 1})
    assert_last_good_in_use(kiosk)
    return status.reason


def test_a_forged_signature_changes_nothing(
    kiosk_with_good: Path, catalogue_server: CatalogueServer, http: requests.Session
) -> None:
    forged = document({"intake": {"url": "https://oszust.example/intake"}})
    publish(catalogue_server, forged, signature(forged, generate_private_key()))
    reason = refused(kiosk_with_good, http, "signature")
    assert reason == "signature does not match the fleet config (altered or wrong key)"


def test_a_good_signature_over_other_bytes_changes_nothing(
    kiosk_with_good: Path, catalogue_server: CatalogueServer, http: requests.Session
) -> None:
    altered = GOOD.replace(b'"de"', b'"uk"')
    publish(catalogue_server, altered, signature(GOOD))
    refused(kiosk_with_good, http, "signature")


def test_another_groups_file_changes_nothing(
    kiosk_with_good: Path, catalogue_server: CatalogueServer, http: requests.Session
) -> None:
    publish(catalogue_server, document({"screen": {"idle_s": 30}}, group="powiat-przeworsk"))
    reason = refused(kiosk_with_good, http, "group")
    assert reason.endswith(f"is for group 'powiat-przeworsk', this kiosk is in '{GROUP}'")


def test_an_out_of_range_number_changes_nothing(
    kiosk_with_good: Path, catalogue_server: CatalogueServer, http: requests.Session
) -> None:
    publish(catalogue_server, document({"screen": {"idle_s": 100_000}}))
    reason = refused(kiosk_with_good, http, "invalid")
    assert reason.endswith("options: 'screen.idle_s' must be at most 3600 (got 100000)")


def test_a_file_cut_in_half_changes_nothing(
    kiosk_with_good: Path, catalogue_server: CatalogueServer, http: requests.Session
) -> None:
    newer = document({"screen": {"idle_s": 75}}, issued=NOW)
    publish(catalogue_server, newer, truncate_to=len(newer) // 2)
    refused(kiosk_with_good, http, "network")


def test_a_file_served_whole_but_signed_whole_and_saved_half_is_refused(
    kiosk_with_good: Path, catalogue_server: CatalogueServer, http: requests.Session
) -> None:
    """A static server holding half a file (an upload broke off) beside the whole signature."""
    newer = document({"screen": {"idle_s": 75}}, issued=NOW)
    publish(catalogue_server, newer[: len(newer) // 2], signature(newer))
    refused(kiosk_with_good, http, "signature")


def test_a_server_that_is_down_changes_nothing(
    kiosk_with_good: Path, catalogue_server: CatalogueServer, http: requests.Session
) -> None:
    catalogue_server.stop()
    reason = refused(kiosk_with_good, http, "network", timeout_s=2)
    assert reason.startswith("cannot connect to 127.0.0.1:")


def test_an_http_error_changes_nothing(
    kiosk_with_good: Path, catalogue_server: CatalogueServer, http: requests.Session
) -> None:
    publish(catalogue_server, GOOD, status=503)
    assert refused(kiosk_with_good, http, "http").endswith("answered HTTP 503")


def test_an_expired_file_changes_nothing(
    kiosk_with_good: Path, catalogue_server: CatalogueServer, http: requests.Session
) -> None:
    old = NOW - dt.timedelta(days=40)
    publish(catalogue_server, document({"screen": {"idle_s": 30}}, issued=old))
    assert "expired at" in refused(kiosk_with_good, http, "expired")


def test_an_older_file_than_the_one_in_use_changes_nothing(
    kiosk_with_good: Path, catalogue_server: CatalogueServer, http: requests.Session
) -> None:
    """A replayed earlier release (still within its validity) must not roll the kiosk back."""
    replay = document({"screen": {"idle_s": 30}}, issued=NOW - dt.timedelta(days=2))
    publish(catalogue_server, replay)
    assert "before the one in use" in refused(kiosk_with_good, http, "older")


def test_defaults_then_the_fleet_then_what_kiosk_toml_sets_explicitly(
    tmp_path: Path, catalogue_server: CatalogueServer, http: requests.Session
) -> None:
    kiosk = kiosk_toml(
        tmp_path,
        catalogue_server.base_url + PATH,
        extra='[screen]\nidle_s = 120\nmunicipality = "Gmina Łańcut"\n',
    )
    options = {"screen": {"idle_s": 45, "countdown_s": 30}, "display": {"off_at": "22:00"}}
    publish(catalogue_server, document(options))
    assert pull(kiosk, http).outcome == "updated"
    config = effective(kiosk).config
    defaults = KioskConfig()
    assert (config.screen.idle_s, config.screen.municipality) == (120, "Gmina Łańcut")  # local
    assert (config.screen.countdown_s, config.display.off_at) == (30, "22:00")  # the fleet
    assert (config.screen.attract_s, config.display.on_at) == (
        defaults.screen.attract_s,
        defaults.display.on_at,
    )


def test_failures_are_counted_and_a_good_pull_clears_the_reason(
    kiosk_with_good: Path, catalogue_server: CatalogueServer, http: requests.Session
) -> None:
    publish(catalogue_server, document({}, group="inna-grupa"))
    pull(kiosk_with_good, http)
    pull(kiosk_with_good, http)
    newer = document({"screen": {"idle_s": 75}}, issued=NOW)
    publish(catalogue_server, newer)
    status = pull(kiosk_with_good, http)
    assert (status.outcome, status.kind, status.failures) == ("updated", "", {"group": 2})
    assert status.last_success_at == status.finished_at


def test_a_fleet_config_of_untrusted_key_on_disk_is_not_applied(
    kiosk_with_good: Path, tmp_path: Path
) -> None:
    """The publisher's key was replaced in kiosk.toml: what the old key signed is dropped."""
    other = generate_private_key()
    text = kiosk_with_good.read_text(encoding="utf-8")
    kiosk_with_good.write_text(text.replace(PUBLIC_KEY, public_key_text(other)), encoding="utf-8")
    applied = effective(kiosk_with_good)
    assert applied.fleet is None
    assert applied.problem.startswith("fleet config not applied (signature does not match")
    assert applied.config.screen.idle_s == KioskConfig().screen.idle_s


def test_a_damaged_current_file_falls_back_to_the_previous_good_one(
    kiosk_with_good: Path, catalogue_server: CatalogueServer, http: requests.Session
) -> None:
    publish(catalogue_server, document({"screen": {"idle_s": 75}}, issued=NOW))
    assert pull(kiosk_with_good, http).outcome == "updated"
    current = kiosk_with_good.parent / "data" / "fleet" / "current.json"
    current.write_bytes(current.read_bytes()[:100])  # a disk that lost the end of the file
    assert_last_good_in_use(kiosk_with_good)


def test_the_apps_scheduled_pull_reports_each_result(
    kiosk: Path, catalogue_server: CatalogueServer
) -> None:
    publish(catalogue_server, GOOD)
    applied = load_effective_config(kiosk)
    services = Services(applied.config, applied.local)
    poll = services.fleet_poll
    assert poll is not None
    results: queue.Queue[tuple[str | None, str]] = queue.Queue()
    poll.on_result(lambda status: results.put((status.outcome, threading.current_thread().name)))
    poll.start()
    poll.sync_now()  # as the admin screen's button does; not 5 s of first delay
    try:
        assert results.get(timeout=15) == ("updated", "fleet-sync")
    finally:
        poll.stop()
        services.http.close()
    assert_last_good_in_use(kiosk)


def test_a_kiosk_moved_to_another_group_takes_that_groups_file(
    kiosk_with_good: Path, catalogue_server: CatalogueServer, http: requests.Session
) -> None:
    """The new group's file may be older than the old group's: it is not a replay."""
    text = kiosk_with_good.read_text(encoding="utf-8")
    moved_text = text.replace(f'group = "{GROUP}"', 'group = "powiat-lancut-canary"')
    kiosk_with_good.write_text(moved_text, encoding="utf-8")
    moved = effective(kiosk_with_good)
    assert (moved.fleet, moved.config.screen.idle_s) == (None, KioskConfig().screen.idle_s)
    assert "is for group 'powiat-lancut', this kiosk is in 'powiat-lancut-canary'" in moved.problem
    canary = document(
        {"screen": {"idle_s": 33}},
        group="powiat-lancut-canary",
        issued=NOW - dt.timedelta(days=3),
    )
    publish(catalogue_server, canary)
    assert pull(kiosk_with_good, http).outcome == "updated"
    assert effective(kiosk_with_good).config.screen.idle_s == 33
