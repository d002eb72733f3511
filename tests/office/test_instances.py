"""Two `office serve` processes on one PostgreSQL are one office: one case per code and
gapless numbers, however the kiosks' requests are spread over them."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests

from office.open_store import open_store
from office.settings_file import load_settings
from tests.office.conftest import KIOSK, LANCUT
from tests.office.documents import body, document, headers
from tests.office.office_server import OfficeProcess, add_kiosk, write_config
from tests.peers.postgres import PostgresCluster


class TwoInstances:
    def __init__(self, config: Path, token: str) -> None:
        self.config = config
        self.token = token
        self.offices = [OfficeProcess(config), OfficeProcess(config)]
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._lock = threading.Lock()

    def post(self, number: int, doc: dict[str, Any]) -> requests.Response:
        """Send to instance `number % 2` on this thread's own connection."""
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
            session.trust_env = False
            with self._lock:
                self._sessions.append(session)
        url = self.offices[number % 2].url + "/intake"
        return session.post(url, data=body(doc), headers=headers(self.token, doc), timeout=60)

    def case_numbers(self) -> dict[str, str]:
        store = open_store(load_settings(self.config))
        try:
            return {case.code: case.case_number for case in store.cases_of(LANCUT)}
        finally:
            store.close()

    def close(self) -> None:
        for session in self._sessions:
            session.close()
        for office in self.offices:
            office.stop()


@pytest.fixture
def instances(postgres: PostgresCluster, tmp_path: Path) -> Iterator[TwoInstances]:
    url = postgres.new_database()
    config = write_config(tmp_path, url)
    both = TwoInstances(config, add_kiosk(config, KIOSK, LANCUT))
    try:
        for office in both.offices:
            office.start()
        yield both
    finally:
        both.close()
        postgres.drop_database(url)


@pytest.mark.slow
def test_the_same_key_sent_to_both_instances_at_once_is_one_case(
    instances: TwoInstances,
) -> None:
    doc = document()
    with ThreadPoolExecutor(16) as pool:
        replies = list(pool.map(lambda n: instances.post(n, doc), range(32)))
    assert {reply.json()["case_number"] for reply in replies} == {"UM-2026/00001"}
    assert Counter(reply.status_code for reply in replies) == {201: 1, 200: 31}
    assert instances.case_numbers() == {doc["code"]: "UM-2026/00001"}


@pytest.mark.slow
def test_a_thousand_applications_over_two_instances_get_a_thousand_gapless_numbers(
    instances: TwoInstances,
) -> None:
    docs = [document() for _ in range(1000)]
    with ThreadPoolExecutor(32) as pool:
        replies = list(pool.map(instances.post, range(1000), docs))
    assert Counter(reply.status_code for reply in replies) == {201: 1000}
    answered = {
        doc["code"]: reply.json()["case_number"] for doc, reply in zip(docs, replies, strict=True)
    }
    year = next(iter(answered.values()))[3:7]
    assert sorted(answered.values()) == [f"UM-{year}/{n:05d}" for n in range(1, 1001)]
    assert instances.case_numbers() == answered
