"""Phones at two registered openNDS routers through one portal on loopback (the county case).

Both routers hand out the same client addresses and have the same LAN address; each sends
its phones to /g/NAME/ with a level 2 `fas` under its own faskey, as its opennds.conf
from `captive-portal gateway add` says. The gateways are registered with the command line
against the running portal's store (SQLite, and a real PostgreSQL), as a technician would.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from captive_portal.cli import main
from captive_portal.gateway import ClientContext
from captive_portal.gateway_routes import AT_ROUTER_AFTER_LOGOUT, AT_ROUTER_SESSIONS
from captive_portal.gateways._fas import (
    FasRequest,
    auth_token,
    encode_fas,
    fas_text,
    parse_fas_text,
)
from captive_portal.gateways._fas_aes import decrypt_fas, encrypt_fas
from captive_portal.sessions import Acceptance, SessionBook
from tests.captive_portal.portal_process import running_portal
from tests.captive_portal.portal_server import ADMIN_TOKEN, PortalServer
from tests.peers.postgres import PostgresCluster

ROUTER = "192.168.1.1:2050"  # both routers' LAN address: the key tells them apart
PHONE = "10.20.0.7"
HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')


@dataclass(frozen=True)
class Router:
    name: str
    faskey: str
    admin_token: str


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param == "sqlite":
        yield ""
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    url = cluster.new_database()
    yield url
    cluster.drop_database(url)


@pytest.fixture
def county(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], database_url: str
) -> Iterator[tuple[PortalServer, Router, Router]]:
    server = PortalServer(tmp_path / "data", database_url=database_url)
    config = tmp_path / "portal.toml"
    config.write_text(f'data_dir = "{tmp_path / "data"}"\ndatabase_url = "{database_url}"\n')
    try:
        a = register(config, capsys, "a", "--terms-version", "2026-01")
        b = register(config, capsys, "b")
        yield server, a, b
    finally:
        server.stop()


def register(config: Path, capsys: pytest.CaptureFixture[str], name: str, *options: str) -> Router:
    args = ["gateway", "add", name, "--kind", "opennds", "--address", ROUTER, *options]
    assert main([*args, "--config", str(config)]) == 0
    out = capsys.readouterr().out
    faskey = re.search(r"^    faskey (\w+)$", out, re.MULTILINE)
    token = re.search(r"^    ([\w-]{43})$", out, re.MULTILINE)
    assert faskey is not None and token is not None, out
    return Router(name, faskey[1], token[1])


def fas_query(faskey: str, mac: str = "02:00:00:00:00:07") -> dict[str, str]:
    """What openNDS at fas_secure_enabled 2 sends a phone: the list encrypted with its key."""
    request = FasRequest(
        hid=secrets.token_hex(32), clientip=PHONE, clientmac=mac, gatewayaddress=ROUTER,
        gatewaymac="aa:bb:cc:00:00:01", gatewayname="Rynek w Łęcznej",
    )  # fmt: skip
    iv = secrets.token_hex(8)
    return {"fas": encrypt_fas(fas_text(request), iv, faskey), "iv": iv}


def hid_of(query: dict[str, str], faskey: str) -> str:
    return parse_fas_text(decrypt_fas(query["fas"], query["iv"], faskey)).hid


def splash_form(server: PortalServer, router: str, query: dict[str, str]) -> dict[str, str]:
    page = server.get(f"/g/{router}/", params=query)
    assert page.status_code == 200, page.text
    assert f'action="/g/{router}/accept"' in page.text
    return dict(HIDDEN.findall(page.text))


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_the_same_phone_address_at_two_routers_makes_a_session_at_each(
    county: tuple[PortalServer, Router, Router],
) -> None:
    server, a, b = county
    for router in (a, b):
        query = fas_query(router.faskey)
        answer = server.post(
            f"/g/{router.name}/accept", data=splash_form(server, router.name, query)
        )
        assert answer.status_code == 303, answer.text
        token = auth_token(hid_of(query, router.faskey), router.faskey)
        assert answer.headers["Location"].startswith(f"http://{ROUTER}/opennds_auth/?tok={token}")
    sessions = sorted((s.gateway_id, s.ip) for s in server.store.sessions_valid_at(server.clock()))
    assert sessions == [("a", PHONE), ("b", PHONE)]
    consents = sorted((c.gateway_id, c.terms_version) for c in server.store.consents_since(0))
    assert consents == [("a", "2026-01"), ("b", "1")]  # b has no terms version: the portal's


def test_the_splash_shows_the_routers_terms_version(
    county: tuple[PortalServer, Router, Router],
) -> None:
    server, a, b = county
    assert "2026-01" in server.get("/g/a/", params=fas_query(a.faskey)).text
    assert "2026-01" not in server.get("/g/b/", params=fas_query(b.faskey)).text


def test_a_fas_under_another_routers_key_is_refused(
    county: tuple[PortalServer, Router, Router],
) -> None:
    server, _, b = county
    refused = server.get("/g/a/", params=fas_query(b.faskey))
    assert refused.status_code == 400
    assert "Nie rozpoznano urządzenia" in refused.text
    plain = server.get("/g/a/", params={"fas": encode_fas(FasRequest(
        hid="0" * 64, clientip=PHONE, clientmac="02:00:00:00:00:07", gatewayaddress=ROUTER,
        gatewaymac="aabbcc000001",
    ))})  # fmt: skip
    assert plain.status_code == 400  # level 1 where the router is at level 2: no key, no entry


def test_a_form_from_one_routers_splash_is_refused_at_anothers_accept(
    county: tuple[PortalServer, Router, Router],
) -> None:
    server, _, b = county
    form = splash_form(server, "b", fas_query(b.faskey))
    assert server.post("/g/a/accept", data=form).status_code == 403
    assert server.post("/accept", data=form).status_code == 403
    assert server.store.sessions_valid_at(server.clock()) == []


def test_a_routers_admin_token_sees_and_ends_its_own_clients_only(
    county: tuple[PortalServer, Router, Router],
) -> None:
    server, a, b = county
    for router in (a, b):
        form = splash_form(server, router.name, fas_query(router.faskey))
        assert server.post(f"/g/{router.name}/accept", data=form).status_code == 303
    http = server.http
    own = http.get(server.url + "/g/a/admin/clients", headers=bearer(a.admin_token), timeout=5)
    assert own.status_code == 200
    assert [(s["gateway_id"], s["ip"]) for s in own.json()["sessions"]] == [("a", PHONE)]
    assert own.json()["at_router"] == AT_ROUTER_SESSIONS["opennds"]
    other = http.get(server.url + "/g/b/admin/clients", headers=bearer(a.admin_token), timeout=5)
    assert other.status_code == 401 and other.json() == {"error": "not_allowed"}
    end_b = f"{server.url}/g/b/admin/clients/{PHONE}/deauthorise"
    assert http.post(end_b, headers=bearer(a.admin_token), timeout=5).status_code == 401
    end_a = f"{server.url}/g/a/admin/clients/{PHONE}/deauthorise"
    ended = http.post(end_a, headers=bearer(a.admin_token), timeout=5)
    assert ended.json() == {
        "ip": PHONE, "gateway": "a", "session_ended": True,
        "at_router": AT_ROUTER_AFTER_LOGOUT["opennds"],
    }  # fmt: skip
    assert "stays online until the router's sessiontimeout" in ended.json()["at_router"]
    left = [(s.gateway_id, s.ip) for s in server.store.sessions_valid_at(server.clock())]
    assert left == [("b", PHONE)], "a's admin ended b's phone"
    everyone = http.get(server.url + "/g/b/admin/clients", headers=bearer(ADMIN_TOKEN), timeout=5)
    assert [s["gateway_id"] for s in everyone.json()["sessions"]] == ["b"]
    assert [s["gateway_id"] for s in server.admin("GET", "/admin/clients").json()["sessions"]] == [
        "b"
    ]


def test_the_portals_admin_list_says_whose_each_session_is(
    county: tuple[PortalServer, Router, Router],
) -> None:
    """One store, three gateways: the portal's own (dry run) and routers a and b. The
    portal's technician sees every session with its gateway, which are the portal's own,
    and how many each gateway has; `?gateway=` narrows the list to one."""
    server, a, b = county
    for router in (a, b, a):  # a's phone accepts twice: one session
        form = splash_form(server, router.name, fas_query(router.faskey))
        assert server.post(f"/g/{router.name}/accept", data=form).status_code == 303
    assert server.accept().status_code == 303  # a phone at the portal's own gateway
    listed = server.admin("GET", "/admin/clients").json()
    assert listed["own_gateway"] == "dry-run"
    assert sorted((s["gateway_id"], s["ip"], s["own"]) for s in listed["sessions"]) == [
        ("a", PHONE, False), ("b", PHONE, False), ("dry-run", "127.0.0.1", True),
    ]  # fmt: skip
    assert listed["sessions_per_gateway"] == {"a": 1, "b": 1, "dry-run": 1}
    assert [c["ip"] for c in listed["gateway"]] == ["127.0.0.1"]  # the own gateway's alone
    only_b = server.admin("GET", "/admin/clients?gateway=b").json()
    assert [(s["gateway_id"], s["own"]) for s in only_b["sessions"]] == [("b", False)]
    assert only_b["sessions_per_gateway"] == listed["sessions_per_gateway"]
    assert server.admin("GET", "/admin/clients?gateway=nowhere").json()["sessions"] == []
    per_gateway = server.admin("GET", "/admin/stats").json()["per_gateway"]
    assert per_gateway == {  # a's phone accepted twice: one client, two accepts
        "a": {"clients_authorised": 1, "accepts": 2},
        "b": {"clients_authorised": 1, "accepts": 1},
        "dry-run": {"clients_authorised": 1, "accepts": 1},
    }
    assert server.admin("GET", "/admin/clients?gateway=" + "x" * 65).status_code == 400


def test_a_removed_or_unknown_gateway_answers_404(
    county: tuple[PortalServer, Router, Router], tmp_path: Path
) -> None:
    server, a, _ = county
    assert server.get("/g/a/", params=fas_query(a.faskey)).status_code == 200  # cached now
    assert main(["gateway", "remove", "a", "--config", str(tmp_path / "portal.toml")]) == 0
    gone = server.get("/g/a/", params=fas_query(a.faskey))
    assert gone.status_code == 404 and "Nie ma takiej strony" in gone.text
    assert server.get("/g/nowhere/").status_code == 404
    admin = server.http.get(server.url + "/g/a/admin/clients", headers=bearer(ADMIN_TOKEN))
    assert admin.status_code == 404 and admin.json() == {"error": "not_found"}


def test_an_nftables_routers_phones_get_no_pages_here_but_its_technician_does(
    county: tuple[PortalServer, Router, Router],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Its phones use its own portal; its registry row's faskey is no router's, so no fas
    is taken under it. Its admin token lists and ends its phones here, in the store."""
    server, _, _ = county
    args = ["gateway", "add", "zamek", "--kind", "nftables", "--address", "10.77.0.1:8080"]
    assert main([*args, "--config", str(tmp_path / "portal.toml")]) == 0
    token = re.search(r"^    ([\w-]{43})$", capsys.readouterr().out, re.MULTILINE)
    assert token is not None
    assert server.get("/g/zamek/", params=fas_query("x" * 32)).status_code == 404
    assert server.post("/g/zamek/accept", data={"t": "x"}).status_code == 404
    listed = server.http.get(server.url + "/g/zamek/admin/clients", headers=bearer(token[1]))
    assert (listed.status_code, listed.json()) == (200, {
        "gateway": "zamek", "sessions": [], "at_router": AT_ROUTER_SESSIONS["nftables"],
    })  # fmt: skip


def test_a_rotated_key_takes_effect_at_the_next_request(
    county: tuple[PortalServer, Router, Router],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server, a, _ = county
    assert server.get("/g/a/", params=fas_query(a.faskey)).status_code == 200
    assert main(["gateway", "rotate-key", "a", "--config", str(tmp_path / "portal.toml")]) == 0
    new_key = re.search(r"^    faskey (\w+)$", capsys.readouterr().out, re.MULTILINE)
    assert new_key is not None
    assert server.get("/g/a/", params=fas_query(a.faskey)).status_code == 400
    assert server.get("/g/a/", params=fas_query(new_key[1])).status_code == 200


def test_requests_for_routers_reach_the_app_not_the_catch_all(
    county: tuple[PortalServer, Router, Router],
) -> None:
    """/g/ paths are the portal's own: never the catch-all's redirect to the splash."""
    server, _, _ = county
    answer = server.get("/g/a/")
    assert answer.status_code == 400  # no fas: refused by a's gateway, not a 302 to "/"
    assert "location" not in answer.headers


@pytest.mark.slow
def test_two_portal_processes_on_postgresql_follow_the_registry(
    postgres: PostgresCluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each instance caches the router's desk; a key rotated or a router removed from a
    third host reaches both through PostgreSQL's NOTIFY alone (each has its own data dir)."""
    url = postgres.new_database()
    config = tmp_path / "technician.toml"
    config.write_text(f'data_dir = "{tmp_path / "technician"}"\ndatabase_url = "{url}"\n')
    try:
        with ExitStack() as stack:
            instances = []
            for name in ("one", "two"):
                (tmp_path / name).mkdir()
                extra = f'database_url = "{url}"\n'
                instances.append(stack.enter_context(running_portal(tmp_path / name, extra)))
            a = register(config, capsys, "a")
            for instance in instances:  # now cached in each
                assert splash_status(instance.url, fas_query(a.faskey)) == 200
            assert main(["gateway", "rotate-key", "a", "--config", str(config)]) == 0
            new_key = re.search(r"^    faskey (\w+)$", capsys.readouterr().out, re.MULTILINE)
            assert new_key is not None
            for instance in instances:
                wait_for_status(instance.url, fas_query(a.faskey), 400)
                assert splash_status(instance.url, fas_query(new_key[1])) == 200
            assert main(["gateway", "remove", "a", "--config", str(config)]) == 0
            for instance in instances:
                wait_for_status(instance.url, fas_query(new_key[1]), 404)
    finally:
        postgres.drop_database(url)


def splash_status(base: str, query: dict[str, str]) -> int:
    with requests.Session() as http:
        http.trust_env = False
        return http.get(base + "/g/a/", params=query, timeout=5).status_code


def wait_for_status(base: str, query: dict[str, str], status: int, seconds: float = 3.0) -> None:
    deadline = time.monotonic() + seconds
    while (got := splash_status(base, query)) != status:
        assert time.monotonic() < deadline, f"still {got}, not {status}, after {seconds} s"
        time.sleep(0.05)


def test_the_portals_admin_ends_its_own_gateways_phone_unless_told_another(
    county: tuple[PortalServer, Router, Router],
) -> None:
    """The portal's own gateway (here the dry run) has the address of a router's phone: a
    logout at the portal's admin API takes back its own phone, not the router's; told the
    router, it ends the router's session, leaves its own gateway's phone alone, and says
    that the phone stays online at the router (openNDS takes no logout from a FAS)."""
    server, a, _ = county
    form = splash_form(server, "a", fas_query(a.faskey))
    assert server.post("/g/a/accept", data=form).status_code == 303
    local = ClientContext(PHONE, None, "dry-run")
    SessionBook(server.store, server.clock).start(Acceptance(local, None, "k1", "1"), 600)
    ended = server.admin("POST", f"/admin/clients/{PHONE}/deauthorise")
    assert ended.json() == {"ip": PHONE, "session_ended": True}
    assert [(s.gateway_id, s.ip) for s in server.store.sessions_valid_at(server.clock())] == [
        ("a", PHONE)
    ]
    local_logouts = [x for x in server.gateway.actions if x.action == "deauthorise"]
    assert [x.ip for x in local_logouts] == [PHONE]
    server.gateway.authorise(local, 600)  # the local phone at the same address, online again
    ended = server.admin("POST", f"/admin/clients/{PHONE}/deauthorise?gateway=a")
    assert ended.json() == {
        "ip": PHONE, "gateway": "a", "session_ended": True,
        "at_router": AT_ROUTER_AFTER_LOGOUT["opennds"],
    }  # fmt: skip
    assert server.store.sessions_valid_at(server.clock()) == []
    assert [x for x in server.gateway.actions if x.action == "deauthorise"] == local_logouts
    assert [c.ip for c in server.gateway.clients()] == [PHONE], "router a's logout hit ours"
