"""A kiosk revoked with `office kiosk revoke` beside two running `office serve` instances on
one store (each kind): both refuse its token (401) and its heartbeats (403) at once, its
case stays, the fleet page says "wycofany"; `office kiosk token` brings it back with a new
token while the old one stays refused."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from offline_cache.signing import generate_private_key, public_key_text
from tests.office.conftest import KIOSK, LANCUT
from tests.office.desk import PASSWORD, Clerk
from tests.office.documents import body, document, headers
from tests.office.kiosk_beats import kiosk_heartbeat
from tests.office.office_server import ROOT, OfficeProcess, add_kiosk, office_command


def office(config: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`office ...` as a technician runs it beside the service."""
    return subprocess.run(
        office_command(*args, "--config", str(config)),
        cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


@pytest.fixture
def two_offices(config_file: Path) -> Iterator[list[OfficeProcess]]:
    both = [OfficeProcess(config_file), OfficeProcess(config_file)]
    try:
        for instance in both:
            instance.start()
        yield both
    finally:
        for instance in both:
            instance.stop()


class Kiosk:
    """A kiosk filing and beating over real HTTP, with the token it was given."""

    def __init__(self, token: str, key: bytes, http: requests.Session) -> None:
        self.token = token
        self.key = key
        self.http = http
        self.codes: list[str] = []

    def file(self, url: str, token: str | None = None) -> requests.Response:
        doc = document()
        self.codes.append(doc["code"])
        return self.http.post(
            url + "/intake", data=body(doc), headers=headers(token or self.token, doc), timeout=30
        )

    def beat(self, url: str) -> str:
        now = dt.datetime.now(dt.UTC)
        return kiosk_heartbeat(url, self.http, self.key, at=now).send_once().reason


def fleet_row(url: str) -> tuple[str, str, str]:
    """The kiosk's row (its class and words) and the summary line, as an administrator sees."""
    clerk = Clerk(url)
    try:
        assert clerk.login("admin").status_code == 303
        page = clerk.get("/flota").text
    finally:
        clerk.close()
    row = re.search(rf'<tr class="(\w+)" id="kiosk-{KIOSK}">(.*?)</tr>', page, re.S)
    summary = re.search(r'<p class="fleet-summary"[^>]*>(.*?)</p>', page, re.S)
    assert row is not None and summary is not None
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row[2]))
    return row[1], words, summary[1]


@pytest.mark.slow
def test_a_revoked_kiosk_is_refused_everywhere_at_once_and_a_new_token_restores_it(
    config_file: Path, two_offices: list[OfficeProcess], http: requests.Session
) -> None:
    key = generate_private_key()
    kiosk = Kiosk(add_kiosk(config_file, KIOSK, LANCUT), key, http)
    registered = office(config_file, "kiosk", "key", KIOSK, "--public-key", public_key_text(key))
    assert registered.returncode == 0
    admin = office(config_file, "user", "add", "admin", "--admin", stdin=PASSWORD + "\n")
    assert admin.returncode == 0
    first, second = (instance.url for instance in two_offices)
    filed = kiosk.file(first)
    assert filed.status_code == 201
    assert kiosk.beat(second) == "HTTP 204"

    revoked = office(config_file, "kiosk", "revoke", KIOSK)
    assert (revoked.returncode, revoked.stdout) == (0, "")
    for url in (first, second):
        refused = kiosk.file(url)
        assert refused.status_code == 401 and refused.headers["WWW-Authenticate"] == "Bearer"
        assert kiosk.beat(url) == "HTTP 403"
    status = http.get(f"{second}/api/status/{kiosk.codes[0]}", timeout=10)  # its case stays
    assert status.status_code == 200
    assert status.json()["case_number"] == filed.json()["case_number"]
    state, words, summary = fleet_row(first)
    assert state == "revoked" and "wycofany" in words and "bez kontaktu" not in words
    assert "Kiosków: <b>0</b>" in summary and "wycofanych: <b>1</b>" in summary

    given = office(config_file, "kiosk", "token", KIOSK)
    assert given.returncode == 0 and "in service again" in given.stderr
    new_token = given.stdout.strip()
    assert kiosk.file(second).status_code == 401  # the old token stays refused
    assert kiosk.file(first, new_token).status_code == 201
    assert kiosk.file(second, new_token).status_code == 201
    assert kiosk.beat(first) == "HTTP 204"
    state, words, summary = fleet_row(second)
    assert state == "alive" and "wycofany" not in words
    assert "Kiosków: <b>1</b>" in summary and "wycofanych" not in summary
