"""The administrators' fleet page on both stores: real kiosks' heartbeats in, one line per
kiosk out, stale ones marked in words; clerks are refused."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator

import pytest
import requests

from kiosk.image_status import ImageStatus, LastUpdate
from office.fleet_records import FleetKiosk
from office.fleet_view import duration, fleet_line, image_words
from office.kiosk_tokens import new_token, token_hash
from office.settings import OfficeSettings
from office.store import CaseStore
from offline_cache.signing import generate_private_key, public_key_text
from tests.office.conftest import KIOSK, LANCUT, RZESZOW
from tests.office.desk import Clerk, add_clerk
from tests.office.kiosk_beats import GENERATION, VERSION, kiosk_heartbeat
from tests.office.office_server import RECEIVED, OfficeServer
from tests.outbox_factories import FakeClock

QUIET = "rzeszow-rynek-2"  # heard from once, half an hour ago
NEVER = "lancut-mosir-1"  # registered, never heard from
# KIOSK runs the kiosk image, whose last update did not come up.
ROLLED_BACK = ImageStatus(
    "0.1.0", "A", LastUpdate("rolled-back", "0.2.0", "B", "did not start", "2026-11-20T11:00:00Z")
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(RECEIVED)


@pytest.fixture
def fleet_office(
    settings: OfficeSettings, store: CaseStore, clock: FakeClock
) -> Iterator[OfficeServer]:
    add_clerk(store, "admin", [], admin=True)
    add_clerk(store, "anna.nowak", [LANCUT])
    server = OfficeServer(settings, store, clock)
    yield server
    server.stop()


def register(store: CaseStore, kiosk_id: str, offices: list[str]) -> bytes:
    key = generate_private_key()
    store.add_kiosk(kiosk_id, offices, token_hash(new_token()), RECEIVED)
    store.set_kiosk_key(kiosk_id, public_key_text(key))
    return key


def beats_of_three_kiosks(office: OfficeServer, store: CaseStore, clock: FakeClock) -> None:
    """QUIET beats now; half an hour later KIOSK beats; NEVER never does."""
    quiet, alive = register(store, QUIET, [RZESZOW]), register(store, KIOSK, [LANCUT, RZESZOW])
    store.add_kiosk(NEVER, [LANCUT], token_hash(new_token()), RECEIVED)
    with requests.Session() as http:
        http.trust_env = False
        assert kiosk_heartbeat(office.url, http, quiet, QUIET, clock.now).send_once().ok
        clock.advance(30 * 60)
        beat = kiosk_heartbeat(
            office.url, http, alive, at=clock.now, with_catalogue=True, image=ROLLED_BACK
        )
        assert beat.send_once().ok


def signed_in(office: OfficeServer, login: str) -> Clerk:
    clerk = Clerk(office.url)
    assert clerk.login(login).status_code == 303
    return clerk


def row_of(page: str, kiosk_id: str) -> str:
    match = re.search(rf'<tr class="(\w+)" id="kiosk-{re.escape(kiosk_id)}">(.*?)</tr>', page, re.S)
    assert match is not None, f"no row of {kiosk_id}"
    return match[1] + " " + re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match[2]))


def test_an_administrator_sees_every_kiosk_and_the_stale_ones_first(
    fleet_office: OfficeServer, store: CaseStore, clock: FakeClock
) -> None:
    beats_of_three_kiosks(fleet_office, store, clock)
    page = signed_in(fleet_office, "admin").get("/flota")
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    text = page.text
    assert 'href="/flota"' in text  # the navigation links it for administrators
    assert "Kiosków: <b>3</b>" in text and "dłużej niż 15 min: <b>2</b>" in text
    order = re.findall(r'id="kiosk-([^"]+)"', text)
    assert order == [NEVER, QUIET, KIOSK]  # stale first, each by id
    alive = row_of(text, KIOSK)
    assert alive.startswith("alive ") and "bez kontaktu" not in alive
    for shown in (f"{LANCUT}, {RZESZOW}", "20.11.2026 11:30", "0 s temu", VERSION, GENERATION,
                  "wiek: 2 dni", "2 w kolejce", "najstarszy: 42 s", "paper out", "0.1.0, slot A",
                  "⚠ aktualizacja 0.2.0 nie uruchomiła się; kiosk wrócił do poprzedniej"):  # fmt: skip
        assert shown in alive
    quiet = row_of(text, QUIET)
    assert quiet.startswith("stale ") and "⚠ bez kontaktu" in quiet
    assert "20.11.2026 11:00" in quiet and "30 min temu" in quiet
    never = row_of(text, NEVER)
    assert never.startswith("stale ") and "bez kontaktu" in never and "nigdy" in never
    assert "brak klucza heartbeatu" in never


def test_a_clerk_is_refused_the_fleet_and_has_no_link_to_it(fleet_office: OfficeServer) -> None:
    clerk = signed_in(fleet_office, "anna.nowak")
    refused = clerk.get("/flota")
    assert refused.status_code == 403
    assert "tylko administratorzy" in refused.text
    assert 'href="/flota"' not in clerk.get("/sprawy").text
    anonymous = Clerk(fleet_office.url).get("/flota")
    assert (anonymous.status_code, anonymous.headers["location"]) == (303, "/logowanie")


def test_the_threshold_comes_from_the_settings(
    settings: OfficeSettings, store: CaseStore, clock: FakeClock
) -> None:
    add_clerk(store, "admin", [], admin=True)
    relaxed = OfficeServer(dataclasses.replace(settings, stale_kiosk_after_s=3600), store, clock)
    try:
        beats_of_three_kiosks(relaxed, store, clock)
        text = signed_in(relaxed, "admin").get("/flota").text
    finally:
        relaxed.stop()
    assert "dłużej niż 1 godz.: <b>1</b>" in text
    assert row_of(text, QUIET).startswith("alive ")


def test_durations_read_as_people_say_them() -> None:
    assert [duration(s) for s in (0, 59.9, 60, 3599, 3600, 86399, 86400, 2 * 86400 + 5)] == [
        "0 s", "59 s", "1 min", "59 min", "1 godz.", "23 godz.", "1 dzień", "2 dni",
    ]  # fmt: skip
    assert duration(-5) == "0 s"  # a kiosk's clock ahead of the office's


def test_a_kiosk_that_never_beat_is_stale_with_nothing_else_known() -> None:
    line = fleet_line(FleetKiosk(NEVER, (), False, None), RECEIVED, 900)
    assert (line.stale, line.last_seen, line.version, line.offices) == (True, None, "", "")


def test_a_failed_download_of_the_groups_image_is_said_in_words() -> None:
    last = {"state": "download-failed", "slot": "", "version": "0.2.0", "reason": "x", "at": "t"}
    body = json.dumps({"image": {"version": "0.1.0", "slot": "A", "last_update": last}})
    assert image_words(body) == {
        "image": "0.1.0, slot A",
        "image_problem": "aktualizacja 0.2.0 nie pobrała się; kiosk ponowi próbę",
    }


def test_a_revoked_kiosk_says_so_with_the_date_comes_last_and_is_never_stale(
    fleet_office: OfficeServer, store: CaseStore, clock: FakeClock
) -> None:
    beats_of_three_kiosks(fleet_office, store, clock)
    clock.advance(60 * 60)  # 12:30 in Warsaw: QUIET and KIOSK both long silent
    store.revoke_kiosk(QUIET, clock.now, "cli:technik")
    text = signed_in(fleet_office, "admin").get("/flota").text
    assert re.findall(r'id="kiosk-([^"]+)"', text) == [NEVER, KIOSK, QUIET]
    assert "Kiosków: <b>2</b>" in text and "15 min: <b>2</b>" in text
    assert "wycofanych: <b>1</b>" in text
    revoked = row_of(text, QUIET)
    assert revoked.startswith("revoked ") and "wycofany 20.11.2026 12:30" in revoked
    assert "bez kontaktu" not in revoked
    assert "20.11.2026 11:00" in revoked  # what was last heard from it stays
    assert row_of(text, KIOSK).startswith("stale ")
