"""Whatever reaches the admin API, it answers 2xx, 400, 401, 404 or 405, never 5xx, and
only the right token ever changes anything."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.captive_portal.portal_server import ADMIN_TOKEN, PortalServer

ADDRESSES = st.one_of(
    st.ip_addresses().map(str),
    st.text(min_size=1, max_size=40),
    st.sampled_from(["127.0.0.1", "::ffff:127.0.0.1", "0", "1.2.3", "::", "fe80::1%eth0"]),
)
RIGHT_TOKEN = (f"Bearer {ADMIN_TOKEN}", f"bearer   {ADMIN_TOKEN} ")
AUTHORISATIONS = st.one_of(
    st.sampled_from(RIGHT_TOKEN),
    st.text(max_size=60).map(lambda t: f"Bearer {t}"),
    st.text(max_size=60),
    st.none(),
)
OPTIONS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def shared_portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PortalServer]:
    server = PortalServer(Path(tmp_path_factory.mktemp("admin-properties")))
    yield server
    server.stop()


def malformed(header: str | None) -> bool:
    """A header value HTTP forbids (control characters): the parser answers 400 itself."""
    return header is not None and any((ord(c) < 32 and c != "\t") or ord(c) == 127 for c in header)


def is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


@OPTIONS
@given(address=ADDRESSES, authorisation=AUTHORISATIONS, method=st.sampled_from(["POST", "GET"]))
def test_deauthorise_checks_the_token_then_the_address(
    shared_portal: PortalServer, address: str, authorisation: str | None, method: str
) -> None:
    headers = {} if authorisation is None else {"Authorization": authorisation}
    url = f"{shared_portal.url}/admin/clients/{quote(address, safe='')}/deauthorise"
    before = len(shared_portal.gateway.actions)
    try:
        answer = shared_portal.http.request(method, url, headers=headers, timeout=5)
    except (requests.exceptions.InvalidHeader, ValueError):
        return  # the client library refused to send that header
    assert answer.status_code < 500, answer.text
    allowed = authorisation in RIGHT_TOKEN
    if malformed(authorisation):
        assert answer.status_code == 400
        assert len(shared_portal.gateway.actions) == before
    elif method == "GET":
        assert answer.status_code in (404, 405)
    elif not allowed:
        assert answer.status_code in (401, 404)  # 404: the path did not match at all
        assert len(shared_portal.gateway.actions) == before  # nothing happened
    elif answer.status_code == 200:
        assert is_ip(address) and answer.json()["ip"] == str(ipaddress.ip_address(address))
        assert shared_portal.gateway.actions[-1].action == "deauthorise"
    else:
        assert answer.status_code in (400, 404)
        assert len(shared_portal.gateway.actions) == before


@OPTIONS
@given(
    path=st.sampled_from(["/admin/clients", "/admin/stats"]),
    authorisation=AUTHORISATIONS,
    query=st.dictionaries(st.text(max_size=10), st.text(max_size=20), max_size=3),
)
def test_the_read_only_calls_never_fail(
    shared_portal: PortalServer, path: str, authorisation: str | None, query: dict[str, str]
) -> None:
    headers = {} if authorisation is None else {"Authorization": authorisation}
    try:
        answer = shared_portal.http.get(
            shared_portal.url + path, headers=headers, params=query, timeout=5
        )
    except (requests.exceptions.InvalidHeader, ValueError):
        return
    if malformed(authorisation):
        assert answer.status_code == 400
        return
    assert answer.status_code == (200 if authorisation in RIGHT_TOKEN else 401), answer.text
    assert isinstance(answer.json(), dict)
