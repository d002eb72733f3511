"""The status page and API keep answers of found cases per process (office/status_cache.py)
and forget them when the case changes, whichever instance or program changed it: two
`office serve` processes on one register, SQLite or PostgreSQL, a lost LISTEN connection,
the enumeration throttle as before, and the cache's own bounds."""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import psycopg
import pytest
import requests

from office.settings import OfficeSettings
from office.settings_file import load_settings
from office.status_cache import ENTRY_BYTES, AnswerCache, KeptAnswer
from office.status_desk import StatusDesk
from office.status_texts import CATALOGUES, Language
from office.status_throttle import MissThrottle
from office.store import CaseState, CaseStore
from tests.office.case_moves import move_case
from tests.office.conftest import KIOSK, LANCUT, STORES
from tests.office.documents import body, document, headers
from tests.office.office_server import OfficeProcess, add_kiosk, write_config
from tests.office.status_helpers import file_case, status_server
from tests.office.test_status_api import wrong_check
from tests.peers.postgres import PostgresCluster

AT = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)
MESSAGE = "Decyzja do odbioru w pokoju 12 (parter), od wtorku."


class TwoInstances:
    def __init__(self, config: Path) -> None:
        self.settings = load_settings(config)
        self.token = add_kiosk(config, KIOSK, LANCUT)
        self.a, self.b = OfficeProcess(config), OfficeProcess(config)
        self.http = requests.Session()
        self.http.trust_env = False

    def file(self) -> str:
        doc = document()
        reply = self.http.post(self.a.url + "/intake", data=body(doc),
                               headers=headers(self.token, doc), timeout=10)  # fmt: skip
        assert reply.status_code == 201, reply.text
        return str(doc["code"])

    def state_on_b(self, code: str) -> tuple[str, str, str]:
        """What B answers now: the Polish page, the English page, the API's state."""
        polish = self.http.get(f"{self.b.url}/s/{code}", timeout=10).text
        english = self.http.get(f"{self.b.url}/s/{code}?lang=en", timeout=10).text
        api = self.http.get(f"{self.b.url}/api/status/{code}", timeout=10).json()
        return _state(polish, "pl"), _state(english, "en"), str(api["state"])

    def tries_until_b_shows(self, code: str, state: CaseState, seconds: float) -> int:
        deadline = time.monotonic() + seconds
        tries = 1
        while self.state_on_b(code) != (state, state, state):
            assert time.monotonic() < deadline, f"B still shows {self.state_on_b(code)}"
            tries += 1
            time.sleep(0.01)
        return tries


def _state(page: str, language: Language) -> str:
    states = [s for s in ("received", "in_progress", "needs_more", "ready", "closed")
              if CATALOGUES[language][f"state_{s}"] in page]  # fmt: skip
    assert len(states) == 1, page
    return states[0]


@pytest.fixture(params=STORES)
def instances(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TwoInstances]:
    url = ""
    if request.param == "postgresql":
        cluster: PostgresCluster = request.getfixturevalue("postgres")
        url = cluster.new_database()
    both = TwoInstances(write_config(tmp_path, url))
    try:
        both.a.start()
        both.b.start()
        yield both
    finally:
        both.http.close()
        both.a.stop()
        both.b.stop()
        if url:
            cluster.drop_database(url)


def test_a_move_shows_on_the_other_instance_at_its_next_request(
    instances: TwoInstances,
) -> None:
    code = instances.file()
    for _ in range(3):  # asked again: answered from B's cache
        assert instances.state_on_b(code) == ("received", "received", "received")
    move_case(instances.settings, code, "ready", AT, MESSAGE)  # as any writer would
    tries = instances.tries_until_b_shows(code, "ready", seconds=2)
    if not instances.settings.database_url:
        assert tries == 1  # SQLite: the stamp is read with each request
    assert MESSAGE in instances.http.get(f"{instances.b.url}/s/{code}", timeout=10).text
    move_case(instances.settings, code, "closed", AT + dt.timedelta(days=1))
    instances.tries_until_b_shows(code, "closed", seconds=2)


def test_a_lost_notice_connection_answers_from_the_register_until_it_is_back(
    instances: TwoInstances,
) -> None:
    if not instances.settings.database_url:
        pytest.skip("PostgreSQL's notices only")
    code = instances.file()
    assert instances.state_on_b(code) == ("received", "received", "received")
    deadline = time.monotonic() + 10
    while listeners(instances.settings.database_url) < 1:  # B's LISTEN may still be on its way
        assert time.monotonic() < deadline, "B never listened"
        time.sleep(0.05)
    assert listeners(instances.settings.database_url, terminate=True) == 1  # B (A never looked)
    move_case(instances.settings, code, "in_progress", AT)
    instances.tries_until_b_shows(code, "in_progress", seconds=2)
    deadline = time.monotonic() + 10
    while listeners(instances.settings.database_url) < 1:
        assert time.monotonic() < deadline, "the listeners did not come back"
        time.sleep(0.1)
    assert instances.state_on_b(code) == ("in_progress",) * 3  # cached again
    move_case(instances.settings, code, "ready", AT + dt.timedelta(hours=1))
    instances.tries_until_b_shows(code, "ready", seconds=2)
    assert "status notices lost" in instances.b.log.read_text()


def listeners(url: str, *, terminate: bool = False) -> int:
    """The connections LISTENing for status notices (ended first when `terminate`)."""
    with psycopg.connect(url, autocommit=True) as db:
        rows = db.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND query = 'LISTEN office_status'"
        ).fetchall()
        for (pid,) in rows if terminate else []:
            db.execute("SELECT pg_terminate_backend(%s)", (pid,))
    return len(rows)


def test_a_throttled_client_gets_429_for_a_kept_page_too(
    settings: OfficeSettings, store: CaseStore, kiosk_token: str
) -> None:
    office = status_server(settings, store, status_misses_per_minute=1)
    try:
        with requests.Session() as http:
            http.trust_env = False
            code = file_case(office, http, kiosk_token)
            for _ in range(2):
                assert http.get(f"{office.url}/s/{code}", timeout=10).status_code == 200
            assert http.get(f"{office.url}/s/{wrong_check(code)}", timeout=10).status_code == 400
            refused = http.get(f"{office.url}/s/{code}", timeout=10)
            assert refused.status_code == 429
            assert int(refused.headers["Retry-After"]) >= 1
            assert http.get(f"{office.url}/api/status/{code}", timeout=10).status_code == 429
    finally:
        office.stop()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def watching(store: CaseStore) -> int:
    """The watch's position once it can be trusted (PostgreSQL's listener is up)."""
    deadline = time.monotonic() + 10
    while not (changes := store.status_watch().changed_since(-1))[2]:
        assert time.monotonic() < deadline, "the status watch never became trusted"
        time.sleep(0.02)
    return changes[0]


def noticed(store: CaseStore, since: int) -> None:
    """Wait until the watch has heard of a change after `since` (a NOTIFY travels)."""
    deadline = time.monotonic() + 10
    while store.status_watch().changed_since(since)[1] == frozenset():
        assert time.monotonic() < deadline, "no notice of the change"
        time.sleep(0.01)


def page(code: str) -> KeptAnswer:
    """A page of 1,000 bytes of its own between a frame shared by every page."""
    own = code.encode() * (1000 - ENTRY_BYTES)
    return KeptAnswer((FRAME, own, FRAME), len(own))


FRAME = b"<frame>" * 1000


def test_the_cache_is_bounded_by_own_bytes_and_age(store: CaseStore) -> None:
    """Each page counts its own bytes and its entry, not the frame it shares."""
    watching(store)
    clock = Clock()
    cache = AnswerCache(store.status_watch(), most_bytes=3000, max_age_s=60, clock=clock)
    for code in ("A", "B", "C"):
        cache.keep(code, "pl", page(code), cache.version())
    kept = cache.get("A", "pl")
    assert kept is not None and kept.body() == FRAME + b"A" * (1000 - ENTRY_BYTES) + FRAME
    cache.keep("D", "pl", page("D"), cache.version())  # B, least recently used, goes
    assert [cache.get(code, "pl") is not None for code in "ABCD"] == [True, False, True, True]
    clock.now += 61
    assert cache.get("A", "pl") is None


def test_a_full_cache_leaves_nothing_for_the_garbage_collector_to_walk(store: CaseStore) -> None:
    """Kept answers are plain tuples the collector stops tracking: 2,000 of them once added
    ~4,000 objects to every full collection (~17 ms for a full cache of 40,000)."""
    watching(store)
    cache = AnswerCache(store.status_watch())
    gc.collect()
    before = len(gc.get_objects())
    for number in range(2000):
        cache.keep(f"K{number:09d}", "pl", page(str(number % 10)), cache.version())
    gc.collect()
    assert len(gc.get_objects()) - before < 1000  # (other threads make a few hundred)
    kept = cache.get("K000001999", "pl")
    assert kept == page("9")  # what was kept comes back whole


def test_an_answer_looked_up_before_a_change_is_not_kept(
    settings: OfficeSettings, store: CaseStore, kiosk_token: str
) -> None:
    office = status_server(settings, store)
    try:
        with requests.Session() as http:
            http.trust_env = False
            code = file_case(office, http, kiosk_token)
    finally:
        office.stop()
    position = watching(store)
    cache = AnswerCache(store.status_watch())
    assert cache.get(code, "pl") is None
    version = cache.version()  # a lookup starts...
    move_case(settings, code, "in_progress", AT)  # ...a clerk moves the case...
    noticed(store, position)
    assert cache.get("other", "pl") is None  # ...another request learns of it...
    cache.keep(code, "pl", KeptAnswer.whole(b"received"), version)  # ...and the old answer
    assert cache.get(code, "pl") is None  # is refused
    cache.keep(code, "pl", KeptAnswer.whole(b"in progress"), cache.version())
    assert cache.get(code, "pl") == KeptAnswer.whole(b"in progress")


def test_a_kept_answer_is_the_answer_the_app_gave_and_is_counted(
    settings: OfficeSettings, store: CaseStore, kiosk_token: str
) -> None:
    counted: list[str] = []
    office = status_server(settings, store)
    try:
        with requests.Session() as http:
            http.trust_env = False
            code = file_case(office, http, kiosk_token)
            for path in (f"/s/{code}?lang=uk", f"/api/status/{code}"):
                first, kept = (http.get(office.url + path, timeout=10) for _ in range(2))
                assert (kept.status_code, kept.content) == (first.status_code, first.content)
                assert _without_date(kept.headers) == _without_date(first.headers)
            assert http.get(f"{office.url}/s/{code}/more", timeout=10).status_code == 404
    finally:
        office.stop()
    desk = StatusDesk(store, MissThrottle(10), counted.append, AnswerCache(store.status_watch()))
    watching(store)
    answer = desk.look_up(code, "203.0.113.7")
    desk.keep(answer, "pl", KeptAnswer.whole(b"page"), desk.cache_version())
    assert desk.kept(code.lower(), "203.0.113.7", "pl") == KeptAnswer.whole(b"page")
    assert counted == ["found", "found"]


def _without_date(headers: Mapping[str, str]) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items() if name.lower() != "date"}
