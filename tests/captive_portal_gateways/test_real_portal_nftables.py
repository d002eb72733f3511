"""The real portal on our nftables gateway: redirect, splash, accept, admin logout, expiry.

The portal, built by `build_gateway` from a TOML file, listens dual-stack on "::" in the
gateway namespace, the DNAT target; its start installs the table (`reapply`).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from captive_portal.gateways.configured import build_gateway
from captive_portal.gateways.nftables import NftablesGateway
from captive_portal.keys import load_keys
from captive_portal.settings import PortalSettings
from captive_portal.settings_file import load_settings
from tests.captive_portal.portal_server import ADMIN_TOKEN, TEST_SECRET, FakeClock
from tests.captive_portal_gateways.conftest import UPSTREAM_BODY, skip_unless
from tests.captive_portal_gateways.test_nftables_journey import set_client_mac
from tests.peers.browser import phone_browser
from tests.peers.fas_client import first_success, get
from tests.peers.netns import Hotspot, wait_until
from tests.peers.portal_in_ns import PortalInNamespace, send, submit_splash
from tests.peers.web import WebServer

pytestmark = [pytest.mark.root, pytest.mark.slow]

PORT = 8080
DOCS_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "img"
SESSION_SECONDS = 600


def portal_settings(hotspot: Hotspot, tmp_path: Path) -> PortalSettings:
    config = tmp_path / "portal.toml"
    config.write_text(
        f"""
host = "::"
port = {PORT}
public_url = "http://{hotspot.gateway_lan_ip}:{PORT}/"
data_dir = "{tmp_path / "data"}"
gateway = "nftables"
session_seconds = {SESSION_SECONDS}
session_check_seconds = 1
consent_secrets = ["{TEST_SECRET}"]
admin_token = "{ADMIN_TOKEN}"
[nftables]
lan_interface = "{hotspot.lan_interface}"
portal_address = "{hotspot.gateway_lan_ip}"
portal_address6 = "{hotspot.gateway_lan_ip6}"
""",
        encoding="utf-8",
    )
    return load_settings(config)


@pytest.fixture
def idle_timeout() -> int:
    return 0  # never, unless a test says otherwise


@pytest.fixture
def portal(
    hotspot: Hotspot, upstream: WebServer, tmp_path: Path, idle_timeout: int
) -> Iterator[PortalInNamespace]:
    skip_unless("nft")
    settings = replace(portal_settings(hotspot, tmp_path), idle_timeout_seconds=idle_timeout)
    gateway = build_gateway(settings)
    assert isinstance(gateway, NftablesGateway)
    server = PortalInNamespace(hotspot.gateway, settings, gateway, FakeClock(time.time()))
    yield server
    server.stop()  # the namespaces, and the table with them, go after this


def splash_url(hotspot: Hotspot) -> str:
    return f"http://{hotspot.gateway_lan_ip}:{PORT}/"


def log_in(hotspot: Hotspot) -> None:
    """Browse to the upstream's home page, get sent to the splash, post the form."""
    first = send(hotspot.client, "GET", f"http://{hotspot.upstream_ip}/")
    assert (first.status, first.location) == (302, splash_url(hotspot))
    accepted = submit_splash(hotspot.client, send(hotspot.client, "GET", splash_url(hotspot)))
    assert (accepted.status, accepted.location) == (303, "/success?lang=pl")
    assert send(hotspot.client, "GET", splash_url(hotspot) + "success?lang=pl").status == 200
    assert first_success(hotspot.client, upstream_urls(hotspot)[0], UPSTREAM_BODY, 1.0)


def upstream_urls(hotspot: Hotspot) -> list[str]:
    return [f"http://{hotspot.upstream_ip}/x", f"http://[{hotspot.upstream_ip6}]/x"]


def landing(hotspot: Hotspot) -> list[str | bytes | None]:
    """Per family: the upstream's body, or where the portal sends the client instead."""
    replies = [get(hotspot.client, url, timeout_s=1.0) for url in upstream_urls(hotspot)]
    return [r.body if r.status == 200 else r.location for r in replies]


def admin(hotspot: Hotspot, method: str, path: str) -> dict[str, object]:
    answer = send(hotspot.gateway, method, splash_url(hotspot) + path.lstrip("/"),
                  headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})  # fmt: skip
    assert answer.status == 200, answer.body
    document: dict[str, object] = json.loads(answer.body)
    return document


def test_real_portal_lets_the_client_through_nftables_and_ends_the_session(
    hotspot: Hotspot, portal: PortalInNamespace
) -> None:
    captive = [splash_url(hotspot), splash_url(hotspot)]
    assert landing(hotspot) == captive  # IPv4 and IPv6 both reach the portal, then the splash

    log_in(hotspot)
    assert landing(hotspot) == [UPSTREAM_BODY, UPSTREAM_BODY]  # IPv6 through the MAC
    listed = admin(hotspot, "GET", "/admin/clients")
    assert [s["ip"] for s in listed["sessions"]] == [hotspot.client_ip]  # type: ignore[attr-defined]
    assert [c["ip"] for c in listed["gateway"]] == [hotspot.client_ip]  # type: ignore[attr-defined]

    ended = admin(hotspot, "POST", f"/admin/clients/{hotspot.client_ip}/deauthorise")
    assert ended == {"ip": hotspot.client_ip, "session_ended": True}
    assert landing(hotspot) == captive

    log_in(hotspot)
    portal.clock.advance(SESSION_SECONDS + 1)
    wait_until(lambda: landing(hotspot) == captive, 4.0, "the expired session to end")
    listed = admin(hotspot, "GET", "/admin/clients")
    assert (listed["sessions"], listed["gateway"]) == ([], [])


@pytest.mark.parametrize("idle_timeout", [2])
def test_a_silent_client_is_sent_back_to_the_splash_after_the_idle_timeout(
    hotspot: Hotspot, portal: PortalInNamespace
) -> None:
    log_in(hotspot)
    for _ in range(4):  # busy for twice the idle timeout: stays online
        time.sleep(1.0)
        assert landing(hotspot) == [UPSTREAM_BODY, UPSTREAM_BODY]
    time.sleep(2 + 2 * 1 + 0.5)  # silent: the idle timeout and two sweeps
    assert landing(hotspot) == [splash_url(hotspot)] * 2
    listed = admin(hotspot, "GET", "/admin/clients")
    assert (listed["sessions"], listed["gateway"]) == ([], [])


def test_a_flushed_table_comes_back_with_the_sessions(
    hotspot: Hotspot, portal: PortalInNamespace
) -> None:
    log_in(hotspot)
    hotspot.gateway.run(["nft", "delete", "table", "inet", "infomat_portal"])  # a reload

    def session_back() -> bool:
        """By the address and MAC (the MAC back from the neighbour table), or the address."""
        for name in ("allowed_v4_mac", "allowed_v4"):
            listing = ["nft", "list", "set", "inet", "infomat_portal", name]
            if hotspot.client_ip in hotspot.gateway.run(listing, check=False).stdout:
                return True
        return False

    took = wait_until(session_back, 5.0, "the table and the session to come back")
    assert landing(hotspot) == [UPSTREAM_BODY, UPSTREAM_BODY]
    print(f"\ntable and session back {took:.2f} s after the flush")
    listed = admin(hotspot, "GET", "/admin/clients")
    assert [c["ip"] for c in listed["gateway"]] == [hotspot.client_ip]  # type: ignore[attr-defined]


def test_a_phone_browser_sees_the_splash_taps_accept_and_gets_online(
    hotspot: Hotspot, portal: PortalInNamespace, tmp_path: Path
) -> None:
    skip_unless("chromium")
    news = f"http://{hotspot.upstream_ip}/wiadomosci"
    with phone_browser(hotspot.client, tmp_path / "profile") as page:
        page.open(news)  # any site: the gateway sends it to the portal, the portal on
        assert page.value("location.href") == splash_url(hotspot)  # to the splash
        assert page.value("document.documentElement.lang") == "pl"
        assert page.value("innerWidth") == 390
        page.screenshot(tmp_path / "splash.png")
        page.tap("button.accept")
        page.wait_for_load()
        assert page.value("location.pathname") == "/success"
        assert page.value("document.documentElement.lang") == "pl"
        page.screenshot(tmp_path / "success.png")
        page.open(news)
        assert page.value("document.body.innerText").strip() == UPSTREAM_BODY.decode()
    if os.environ.get("INFOMAT_UPDATE_DOCS_IMAGES") == "1":  # the pictures in the docs
        for name in ("splash", "success"):
            shutil.copyfile(tmp_path / f"{name}.png", DOCS_IMAGES / f"portal-phone-{name}.png")


@pytest.mark.attack(4)
def test_the_device_that_posts_the_accept_is_the_one_let_through(
    hotspot: Hotspot, portal: PortalInNamespace, tmp_path: Path
) -> None:
    """Issue 13, attack 4: A loaded the splash wearing B's MAC, took its own back and posted
    the form; B, which never accepted, got online and the consent log recorded B."""
    own_mac, borrowed_mac = hotspot.client_mac(), "02:77:00:00:00:0b"
    set_client_mac(hotspot, borrowed_mac)
    first = send(hotspot.client, "GET", f"http://{hotspot.upstream_ip}/")
    assert (first.status, first.location) == (302, splash_url(hotspot))
    splash = send(hotspot.client, "GET", splash_url(hotspot))  # seen with B's MAC
    set_client_mac(hotspot, own_mac)
    accepted = submit_splash(hotspot.client, splash)
    assert (accepted.status, accepted.location) == (303, "/success?lang=pl")

    assert landing(hotspot) == [UPSTREAM_BODY, UPSTREAM_BODY]  # A, which accepted
    keys = load_keys(portal_settings(hotspot, tmp_path))
    gateway = admin(hotspot, "GET", "/admin/clients")["gateway"]
    through = [(c["ip"], c["mac_hash"]) for c in gateway]  # type: ignore[attr-defined]
    assert through == [(hotspot.client_ip, keys.mac_hash(own_mac))]
    set_client_mac(hotspot, borrowed_mac)
    # B never accepted: nothing of the upstream reaches it (once its new MAC is learnt; the
    # portal answers it itself)
    wait_until(lambda: UPSTREAM_BODY not in landing(hotspot), 5.0, "B kept out")
    assert UPSTREAM_BODY not in landing(hotspot)
    consents = [c.mac_hash for c in portal.store.consents_since(0)]
    assert consents == [keys.mac_hash(own_mac)], "the consent log names the device that accepted"
