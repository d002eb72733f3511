"""The RFC 8908 captive portal API on a real portal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.captive_portal.portal_server import PortalServer


def test_before_accepting_the_client_is_captive(portal: PortalServer) -> None:
    answer = portal.get("/api/captive", headers={"Accept": "application/captive+json"})
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "application/captive+json"
    assert answer.headers["Cache-Control"] == "private"
    assert answer.json() == {
        "captive": True,
        "user-portal-url": portal.url + "/",
        "can-extend-session": True,
    }


def test_after_accepting_seconds_remaining_counts_down(tmp_path: Path) -> None:
    server = PortalServer(tmp_path, venue_info_url="https://gmina.example.pl/o-nas")
    try:
        server.accept()
        first = server.get("/api/captive").json()
        assert first == {
            "captive": False,
            "user-portal-url": server.url + "/",
            "venue-info-url": "https://gmina.example.pl/o-nas",
            "can-extend-session": True,
            "seconds-remaining": 3600,
        }
        remaining = []
        for _ in range(3):
            server.clock.advance(125.5)
            remaining.append(server.get("/api/captive").json()["seconds-remaining"])
        assert remaining == [3475, 3349, 3224]
    finally:
        server.stop()


@pytest.fixture(scope="module")
def shared_portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PortalServer]:
    server = PortalServer(tmp_path_factory.mktemp("rfc8908"))
    yield server
    server.stop()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    query=st.dictionaries(st.text(max_size=20), st.text(max_size=40), max_size=4),
    accept=st.sampled_from(
        ["application/captive+json", "*/*", "text/html", "", "a/b;;q=x, */*;q=0"]
    ),
    method=st.sampled_from(["GET", "HEAD", "POST", "OPTIONS"]),
)
def test_the_api_never_fails_whatever_it_is_sent(
    shared_portal: PortalServer, query: dict[str, str], accept: str, method: str
) -> None:
    try:
        answer = shared_portal.http.request(
            method, shared_portal.url + "/api/captive", params=query, timeout=5,
            headers={"Accept": accept}, allow_redirects=False,
        )  # fmt: skip
    except (requests.exceptions.InvalidHeader, ValueError):
        return  # the client library refused to send it
    assert answer.status_code < 500
    if method == "GET":
        assert answer.status_code == 200
        assert answer.json()["captive"] in (True, False)
