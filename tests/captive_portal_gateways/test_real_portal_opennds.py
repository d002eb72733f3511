"""The real portal as openNDS's FAS: splash, accept form, login, admin logout, expiry.

openNDS 9.10 runs in the gateway namespace (tests/peers/opennds.py); the portal, built by
`build_gateway` from a TOML file, listens there on openNDS's `fasremoteip:fasport`. Both FAS
levels: 1 (the parameter list in base64) and 2 (encrypted with AES-256-CBC under the faskey
by openNDS's own php-cli call, with an `iv` parameter).
"""

from __future__ import annotations

import base64
import json
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from captive_portal.gateways._ndsctl import Ndsctl
from captive_portal.gateways.configured import build_gateway
from captive_portal.gateways.opennds import OpenNdsGateway
from captive_portal.settings import PortalSettings
from captive_portal.settings_file import load_settings
from tests.captive_portal.portal_server import ADMIN_TOKEN, TEST_SECRET, FakeClock
from tests.captive_portal_gateways.conftest import UPSTREAM_BODY, skip_unless
from tests.peers import opennds
from tests.peers.fas_client import follow, get
from tests.peers.netns import Hotspot, wait_until
from tests.peers.portal_in_ns import PortalInNamespace, send, submit_splash
from tests.peers.web import WebServer

pytestmark = [pytest.mark.root, pytest.mark.slow]

FAS_PORT = 8081
REDIRECTS = (302, 307)
SESSION_SECONDS = 600


@pytest.fixture
def faskey() -> str:
    return secrets.token_hex(32)


@pytest.fixture(params=[1, 2], ids=["fas-level-1", "fas-level-2"])
def fas_level(request: pytest.FixtureRequest) -> int:
    if request.param == 2:
        skip_unless("php")  # openNDS encrypts the level 2 query through php-cli
    level: int = request.param
    return level


def portal_settings(
    hotspot: Hotspot, tmp_path: Path, faskey: str, fas_level: int
) -> PortalSettings:
    config = tmp_path / "portal.toml"
    config.write_text(
        f"""
host = "{hotspot.gateway_lan_ip}"
port = {FAS_PORT}
public_url = "http://{hotspot.gateway_lan_ip}:{FAS_PORT}/"
data_dir = "{tmp_path / "data"}"
gateway = "opennds"
session_seconds = {SESSION_SECONDS}
session_check_seconds = 1
consent_secrets = ["{TEST_SECRET}"]
admin_token = "{ADMIN_TOKEN}"
[opennds]
faskey = "{faskey}"
fas_level = {fas_level}
trusted_gateways = ["{hotspot.gateway_lan_ip}:2050"]
""",
        encoding="utf-8",
    )
    return load_settings(config)


@pytest.fixture
def nds_and_portal(
    hotspot: Hotspot, upstream: WebServer, tmp_path: Path, faskey: str, fas_level: int
) -> Iterator[tuple[opennds.OpenNdsPeer, PortalInNamespace]]:
    skip_unless(*opennds.REQUIRED_BINARIES)
    settings = portal_settings(hotspot, tmp_path, faskey, fas_level)
    gateway = build_gateway(settings)
    assert isinstance(gateway, OpenNdsGateway)
    config = opennds.OpenNdsConfig(
        faskey=faskey,
        fas_address=hotspot.gateway_lan_ip,
        fas_port=FAS_PORT,
        fas_path="/",
        fas_level=fas_level,
    )
    clock = FakeClock(time.time())
    with opennds.running(hotspot, config) as nds:
        nds.add_lease(hotspot.client_mac(), hotspot.client_ip)
        portal = PortalInNamespace(hotspot.gateway, settings, gateway, clock)
        try:
            yield nds, portal
        finally:
            portal.stop()


def log_in(hotspot: Hotspot, site: str, fas_level: int) -> None:
    """Browse, land on the splash through openNDS, accept, follow the login to `site`."""
    before = get(hotspot.client, site)
    assert before.status in REDIRECTS and before.location is not None
    assert before.location.startswith(f"http://{hotspot.gateway_lan_ip}:{FAS_PORT}/?fas=")
    query = parse_qs(urlsplit(before.location).query)
    assert ("iv" in query) == (fas_level == 2)
    if fas_level == 2:  # encrypted: the client's address is not readable in the redirect
        assert hotspot.client_ip not in base64.b64decode(query["fas"][0]).decode("latin-1")
    splash = send(hotspot.client, "GET", before.location)
    accepted = submit_splash(hotspot.client, splash)
    assert accepted.status == 303 and accepted.location is not None
    assert accepted.location.startswith(f"http://{hotspot.gateway_lan_ip}:2050/opennds_auth/?tok=")
    hops = follow(hotspot.client, accepted.location)
    assert (hops[-1].url, hops[-1].status, hops[-1].body) == (site, 200, UPSTREAM_BODY)


def redirected(hotspot: Hotspot, site: str) -> bool:
    again = get(hotspot.client, site, timeout_s=1.0)
    return again.status in REDIRECTS and "/?fas=" in (again.location or "")


def admin(hotspot: Hotspot, method: str, path: str) -> dict[str, object]:
    url = f"http://{hotspot.gateway_lan_ip}:{FAS_PORT}{path}"
    answer = send(hotspot.gateway, method, url, headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
    assert answer.status == 200, answer.body
    document: dict[str, object] = json.loads(answer.body)
    return document


def ndsctl_clients() -> list[tuple[str, str]]:
    """`ndsctl json`, retried while the portal's own sweep holds ndsctl's lock."""
    clients = json.loads(Ndsctl(["ndsctl"], 5.0).run("json")).get("clients", {}).values()
    return [(c["ip"], c["state"]) for c in clients if c["state"] == "Authenticated"]


def test_real_portal_logs_in_through_opennds_and_ends_the_session(
    hotspot: Hotspot,
    nds_and_portal: tuple[opennds.OpenNdsPeer, PortalInNamespace],
    fas_level: int,
) -> None:
    nds, portal = nds_and_portal
    site = f"http://{hotspot.upstream_ip}/wiadomosci?miasto=%C5%81%C3%B3d%C5%BA"

    log_in(hotspot, site, fas_level)
    assert ndsctl_clients() == [(hotspot.client_ip, "Authenticated")]
    listed = admin(hotspot, "GET", "/admin/clients")
    assert [s["ip"] for s in listed["sessions"]] == [hotspot.client_ip]  # type: ignore[attr-defined]
    assert [c["ip"] for c in listed["gateway"]] == [hotspot.client_ip]  # type: ignore[attr-defined]

    ended = admin(hotspot, "POST", f"/admin/clients/{hotspot.client_ip}/deauthorise")
    assert ended == {"ip": hotspot.client_ip, "session_ended": True}
    assert ndsctl_clients() == []
    assert redirected(hotspot, site)

    # openNDS keeps a FAS login for its own sessiontimeout; the portal's sweep ends it.
    log_in(hotspot, site, fas_level)
    portal.clock.advance(SESSION_SECONDS + 1)
    took = wait_until(lambda: redirected(hotspot, site), 4.0, "the expired session to end")
    print(f"\nexpired session ended at openNDS {took:.2f} s after expiry")
    assert ndsctl_clients() == []
    assert nds.is_running(), f"openNDS died: traffic would flow unfiltered\n{nds.log()[-1500:]}"
    assert nds.filters()
