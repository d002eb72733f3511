"""A real openNDS configured as `captive-portal gateway add` says logs a phone in through
the registered gateway's own path, at FAS level 2 (openNDS encrypts through php-cli).

The portal's own gateway is the dry run: the router is known to it only by the registry,
as a county's remote routers are. A `fas` the router made for its own path, replayed to
another registered router's path, is refused there. A logout by the router's technician
at the portal ends the session in the store only: openNDS takes no logout from a remote
FAS (docs/gateways.md, "A remote openNDS router"), so the phone stays online at the router
until its `sessiontimeout`, and the portal's answer says so.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from captive_portal.cli import main
from captive_portal.gateways._ndsctl import parse_clients as gateway_clients
from captive_portal.gateways.dry_run import DryRunGateway
from captive_portal.settings_file import load_settings
from tests.captive_portal.portal_server import TEST_SECRET, FakeClock
from tests.captive_portal_gateways.conftest import UPSTREAM_BODY, skip_unless
from tests.peers import opennds
from tests.peers.fas_client import follow, get
from tests.peers.netns import Hotspot
from tests.peers.portal_in_ns import PortalInNamespace, send, submit_splash
from tests.peers.web import WebServer

pytestmark = [pytest.mark.root, pytest.mark.slow]

FAS_PORT = 8081
SESSION_SECONDS = 5400  # 90 minutes: the router's sessiontimeout, as `gateway add` prints it
REDIRECTS = (302, 307)


def register(
    config: Path, capsys: pytest.CaptureFixture[str], name: str, address: str
) -> tuple[str, str, int]:
    """(faskey, admin token, sessiontimeout in minutes) as `gateway add` printed them."""
    args = ["gateway", "add", name, "--kind", "opennds", "--address", address]
    assert main([*args, "--config", str(config)]) == 0
    out = capsys.readouterr().out
    faskey = re.search(r"^    faskey (\w+)$", out, re.MULTILINE)
    token = re.search(r"^    ([\w-]{43})$", out, re.MULTILINE)
    minutes = re.search(r"^    sessiontimeout (\d+)$", out, re.MULTILINE)
    assert faskey is not None and token is not None and minutes is not None, out
    assert f"    faspath /g/{name}/\n" in out and "    fas_secure_enabled 2\n" in out
    assert "stays online\nat the router until these timeouts" in out
    return faskey[1], token[1], int(minutes[1])


@pytest.fixture
def registered_router(
    hotspot: Hotspot, upstream: WebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Iterator[tuple[PortalInNamespace, str]]:
    skip_unless(*opennds.REQUIRED_BINARIES, "php")
    lan = hotspot.gateway_lan_ip
    config = tmp_path / "portal.toml"
    config.write_text(
        f'host = "{lan}"\nport = {FAS_PORT}\npublic_url = "http://{lan}:{FAS_PORT}/"\n'
        f'data_dir = "{tmp_path / "data"}"\nconsent_secrets = ["{TEST_SECRET}"]\n'
        f"session_seconds = {SESSION_SECONDS}\n",
        encoding="utf-8",
    )
    faskey, token, minutes = register(config, capsys, "rynek", f"{lan}:2050")
    assert minutes == SESSION_SECONDS // 60
    register(config, capsys, "biblioteka", f"{lan}:2050")  # same LAN address, other key
    nds_config = opennds.OpenNdsConfig(
        faskey=faskey, fas_address=lan, fas_port=FAS_PORT, fas_path="/g/rynek/", fas_level=2,
        session_minutes=minutes,
    )  # fmt: skip
    with opennds.running(hotspot, nds_config) as nds:
        nds.add_lease(hotspot.client_mac(), hotspot.client_ip)
        portal = PortalInNamespace(
            hotspot.gateway, load_settings(config), DryRunGateway(), FakeClock(time.time())
        )
        try:
            yield portal, token
        finally:
            portal.stop()


def test_a_phone_logs_in_through_its_registered_router(
    hotspot: Hotspot, registered_router: tuple[PortalInNamespace, str]
) -> None:
    portal, token = registered_router
    lan = hotspot.gateway_lan_ip
    site = f"http://{hotspot.upstream_ip}/wiadomosci"
    before = get(hotspot.client, site)
    assert before.status in REDIRECTS and before.location is not None
    assert before.location.startswith(f"http://{lan}:{FAS_PORT}/g/rynek/?fas=")
    assert "iv" in parse_qs(urlsplit(before.location).query)

    replayed = send(hotspot.client, "GET", before.location.replace("/g/rynek/", "/g/biblioteka/"))
    assert replayed.status == 400, "another router's path took rynek's fas"

    accepted = submit_splash(hotspot.client, send(hotspot.client, "GET", before.location))
    assert accepted.status == 303 and accepted.location is not None
    assert accepted.location.startswith(f"http://{lan}:2050/opennds_auth/?tok=")
    hops = follow(hotspot.client, accepted.location)
    assert (hops[-1].url, hops[-1].status, hops[-1].body) == (site, 200, UPSTREAM_BODY)

    sessions = portal.store.sessions_valid_at(portal.clock())
    assert [(s.gateway_id, s.ip) for s in sessions] == [("rynek", hotspot.client_ip)]
    assert [c.gateway_id for c in portal.store.consents_since(0)] == ["rynek"]
    listed = send(
        hotspot.gateway, "GET", f"http://{lan}:{FAS_PORT}/g/rynek/admin/clients",
        headers={"Authorization": f"Bearer {token}"},
    )  # fmt: skip
    assert listed.status == 200
    assert [s["ip"] for s in json.loads(listed.body)["sessions"]] == [hotspot.client_ip]
    assert "openNDS ends a phone at its own sessiontimeout" in json.loads(listed.body)["at_router"]

    ended = send(
        hotspot.gateway, "POST",
        f"http://{lan}:{FAS_PORT}/g/rynek/admin/clients/{hotspot.client_ip}/deauthorise",
        form={}, headers={"Authorization": f"Bearer {token}"},
    )  # fmt: skip
    answer = json.loads(ended.body)
    assert (ended.status, answer["session_ended"]) == (200, True)
    assert answer["at_router"].startswith("stays online until the router's sessiontimeout")
    assert portal.store.sessions_valid_at(portal.clock()) == []
    # the documented limit, in real traffic: the router still lets the phone out, for the
    # sessiontimeout `gateway add` printed (its session ends 90 minutes after the login)
    again = get(hotspot.client, site)
    assert (again.status, again.body) == (200, UPSTREAM_BODY), "openNDS took a logout after all"
    at_router = gateway_clients(hotspot.gateway.run(["ndsctl", "json"]).stdout, time.time())
    assert [c.ip for c in at_router] == [hotspot.client_ip]
    assert at_router[0].seconds_remaining is not None
    assert SESSION_SECONDS - 60 <= at_router[0].seconds_remaining <= SESSION_SECONDS
