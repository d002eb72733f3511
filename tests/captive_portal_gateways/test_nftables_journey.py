"""Our nftables gateway in a namespace: redirect, let through, expire, survive a restart."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from captive_portal.gateway import ClientContext
from captive_portal.gateways._nft import Nft
from captive_portal.gateways.nftables import NftablesGateway
from tests.captive_portal_gateways.conftest import UPSTREAM_BODY, skip_unless
from tests.peers.fas_client import first_success, get
from tests.peers.netns import Hotspot
from tests.peers.web import WebServer, fixed

pytestmark = [pytest.mark.root, pytest.mark.slow]

PORTAL_PORT = 8080
PORTAL_BODY = "Regulamin sieci — zaakceptuj, żeby korzystać".encode()
OTHER_PORT = 8000  # not port 80: dropped, not redirected, before login


@pytest.fixture
def nft_installed() -> None:
    skip_unless("nft")


@pytest.fixture
def portal(nft_installed: None, hotspot: Hotspot) -> Iterator[WebServer]:
    server = WebServer(hotspot.gateway, PORTAL_PORT, fixed(PORTAL_BODY))
    yield server
    server.stop()


@pytest.fixture
def other_upstream(hotspot: Hotspot) -> Iterator[WebServer]:
    server = WebServer(hotspot.upstream, OTHER_PORT, fixed(UPSTREAM_BODY))
    yield server
    server.stop()


def new_gateway(hotspot: Hotspot) -> NftablesGateway:
    return NftablesGateway(
        hotspot.lan_interface,
        hotspot.gateway_lan_ip,
        PORTAL_PORT,
        portal_address6=hotspot.gateway_lan_ip6,
    )


def urls(hotspot: Hotspot, port: int = 80) -> list[str]:
    return [f"http://{hotspot.upstream_ip}:{port}/", f"http://[{hotspot.upstream_ip6}]:{port}/"]


def bodies(hotspot: Hotspot, port: int = 80) -> list[bytes]:
    """What the client gets from the upstream over IPv4 and IPv6 (b"" when blocked)."""
    return [get(hotspot.client, url, timeout_s=1.0).body for url in urls(hotspot, port)]


def test_unauthorised_client_is_redirected_then_let_through_until_expiry(
    portal: WebServer, hotspot: Hotspot, upstream: WebServer, other_upstream: WebServer
) -> None:
    gateway = new_gateway(hotspot)
    with hotspot.gateway.entered():
        gateway.install()
    assert bodies(hotspot) == [PORTAL_BODY, PORTAL_BODY]
    assert bodies(hotspot, OTHER_PORT) == [b"", b""]

    with hotspot.gateway.entered():  # as the portal does, while the client talks to it
        client = gateway.identify({}, f"::ffff:{hotspot.client_ip}")
    assert (client.ip, client.mac) == (hotspot.client_ip, hotspot.client_mac())

    with hotspot.gateway.entered():
        started = time.monotonic()
        gateway.authorise(client, 2)
    returned = time.monotonic()
    assert first_success(hotspot.client, urls(hotspot)[0], UPSTREAM_BODY, timeout_s=1.5)
    print(
        f"\nauthorise() took {(returned - started) * 1000:.1f} ms; first upstream reply "
        f"{(time.monotonic() - started) * 1000:.1f} ms after it was called"
    )

    assert bodies(hotspot) == [UPSTREAM_BODY, UPSTREAM_BODY]  # IPv6 through the MAC
    assert bodies(hotspot, OTHER_PORT) == [UPSTREAM_BODY, UPSTREAM_BODY]
    with hotspot.gateway.entered():
        listed = gateway.clients()
    assert [(c.ip, c.mac) for c in listed] == [(hotspot.client_ip, hotspot.client_mac())]
    assert listed[0].seconds_remaining in (0, 1, 2)

    time.sleep(max(0.0, started + 2.3 - time.monotonic()))
    assert bodies(hotspot) == [PORTAL_BODY, PORTAL_BODY]
    assert bodies(hotspot, OTHER_PORT) == [b"", b""]
    with hotspot.gateway.entered():
        assert gateway.clients() == []


def test_restart_and_reapply_restore_access_by_address_only(
    portal: WebServer, hotspot: Hotspot, upstream: WebServer
) -> None:
    with hotspot.gateway.entered():
        first = new_gateway(hotspot)
        first.install()
    assert bodies(hotspot)[0] == PORTAL_BODY
    with hotspot.gateway.entered():
        first.authorise(first.identify({}, hotspot.client_ip), 600)
        Nft().run([{"delete": {"table": {"family": "inet", "name": "infomat_portal"}}}])
    # What the portal's store hands back after a restart: no MAC, the remaining seconds.
    stored = ClientContext(ip=hotspot.client_ip, mac=None, gateway_id="infomat_portal")
    with hotspot.gateway.entered():
        restarted = new_gateway(hotspot)
        restarted.reapply([(stored, 590)])
        listed = restarted.clients()
    # The client is still on the LAN: its MAC comes back from the neighbour table.
    assert [(c.ip, c.mac) for c in listed] == [(hotspot.client_ip, hotspot.client_mac())]
    assert listed[0].seconds_remaining is not None
    assert 585 <= listed[0].seconds_remaining <= 590
    assert bodies(hotspot) == [UPSTREAM_BODY, UPSTREAM_BODY]
    with hotspot.gateway.entered():  # one the gateway has no neighbour entry for
        restarted.deauthorise(hotspot.client_ip)
        hotspot.gateway.run(["ip", "neigh", "flush", "dev", hotspot.lan_interface])
        restarted.reapply([(stored, 590)])
        assert [(c.ip, c.mac) for c in restarted.clients()] == [(hotspot.client_ip, None)]
    # IPv4 by address; IPv6 is no way around: without the MAC that address is not let in.
    assert bodies(hotspot) == [UPSTREAM_BODY, PORTAL_BODY]

    with hotspot.gateway.entered():
        restarted.deauthorise(hotspot.client_ip)
        restarted.deauthorise(hotspot.client_ip)  # idempotent
        assert restarted.clients() == []
    assert bodies(hotspot) == [PORTAL_BODY, PORTAL_BODY]


def test_login_resets_connections_still_redirected_to_the_portal(
    portal: WebServer, hotspot: Hotspot, upstream: WebServer
) -> None:
    gateway = new_gateway(hotspot)
    with hotspot.gateway.entered():
        gateway.install()
    with hotspot.client.entered():
        kept_alive = socket.create_connection((hotspot.upstream_ip, 80), timeout=2)
    try:
        with hotspot.gateway.entered():
            gateway.authorise(gateway.identify({}, hotspot.client_ip), 60)
        kept_alive.sendall(b"GET / HTTP/1.1\r\nHost: upstream\r\n\r\n")
        with pytest.raises(ConnectionResetError):
            kept_alive.recv(4096)
    finally:
        kept_alive.close()
    assert bodies(hotspot)[0] == UPSTREAM_BODY


def test_clients_shows_how_long_each_has_been_idle(
    portal: WebServer, hotspot: Hotspot, upstream: WebServer
) -> None:
    gateway = new_gateway(hotspot)
    with hotspot.gateway.entered():
        gateway.install()
    assert bodies(hotspot) == [PORTAL_BODY, PORTAL_BODY]  # the gateway learns its MAC
    with hotspot.gateway.entered():
        client = gateway.identify({}, hotspot.client_ip)
        gateway.authorise(client, 600)
    time.sleep(2.2)  # silent since the login
    with hotspot.gateway.entered():
        [silent] = gateway.clients()
    assert silent.ip == hotspot.client_ip and silent.mac == hotspot.client_mac()
    assert silent.idle_seconds is not None and 2 <= silent.idle_seconds <= 4
    assert bodies(hotspot)[1] == UPSTREAM_BODY  # IPv6 only: counted through the MAC
    with hotspot.gateway.entered():
        [busy] = gateway.clients()
        gateway.install()  # a restart keeps the `seen` sets (and their ages)
        [after_restart] = gateway.clients()
    assert busy.idle_seconds is not None and busy.idle_seconds <= 1
    assert after_restart.idle_seconds is not None and after_restart.idle_seconds <= 1


def set_client_mac(hotspot: Hotspot, mac: str) -> None:
    """The phone changes its MAC (a privacy MAC per network, or a new one): the gateway's
    neighbour entry is forgotten so it learns the new one, as after a reconnect."""
    hotspot.client.run(["ip", "link", "set", "dev", hotspot.lan_interface, "address", mac])
    hotspot.gateway.run(["ip", "neigh", "flush", "dev", hotspot.lan_interface])
    hotspot.client.run(["ip", "neigh", "flush", "dev", hotspot.lan_interface])


@pytest.mark.attack(3)
def test_logging_a_client_out_ends_every_mac_it_came_with(
    portal: WebServer, hotspot: Hotspot, upstream: WebServer
) -> None:
    """Issue 13, attack 3: accepted with one MAC, again with another from the same address;
    the admin's logout (or the idle end) left the first MAC online over IPv4 and IPv6."""
    gateway = new_gateway(hotspot)
    first_mac, second_mac = hotspot.client_mac(), "02:77:00:00:00:02"
    with hotspot.gateway.entered():
        gateway.install()
    assert bodies(hotspot) == [PORTAL_BODY, PORTAL_BODY]  # the splash: the gateway meets it
    with hotspot.gateway.entered():
        first = gateway.identify({}, hotspot.client_ip)
        assert first.mac == first_mac
        gateway.authorise(first, 60)
    for url in urls(hotspot):
        assert first_success(hotspot.client, url, UPSTREAM_BODY, timeout_s=3), url
    set_client_mac(hotspot, second_mac)
    bodies(hotspot)  # the gateway meets the new MAC
    with hotspot.gateway.entered():
        again = gateway.identify({}, hotspot.client_ip)
        assert again.mac == second_mac
        gateway.authorise(again, 60)
        gateway.deauthorise(hotspot.client_ip)
        assert gateway.clients() == []
    for mac in (second_mac, first_mac):
        set_client_mac(hotspot, mac)
        for url in urls(hotspot):
            assert first_success(hotspot.client, url, PORTAL_BODY, timeout_s=3), f"{mac} {url}"


@pytest.mark.attack(5)
def test_another_device_on_an_authorised_address_stays_out(
    portal: WebServer, hotspot: Hotspot, upstream: WebServer, other_upstream: WebServer
) -> None:
    """Issue 13, attack 5: device B sending from A's address got out, because the firewall
    let a packet through by its address alone. Where the MAC is known, the pair counts."""
    gateway = new_gateway(hotspot)
    device_a, device_b = hotspot.client_mac(), "02:77:00:00:00:0b"
    with hotspot.gateway.entered():
        gateway.install()
    assert bodies(hotspot) == [PORTAL_BODY, PORTAL_BODY]
    with hotspot.gateway.entered():
        gateway.authorise(gateway.identify({}, hotspot.client_ip), 60)
    for url in urls(hotspot):
        assert first_success(hotspot.client, url, UPSTREAM_BODY, timeout_s=3), url

    set_client_mac(hotspot, device_b)  # B takes A's addresses
    for url in urls(hotspot):
        assert first_success(hotspot.client, url, PORTAL_BODY, timeout_s=3), f"B got out: {url}"
    assert bodies(hotspot, OTHER_PORT) == [b"", b""]

    set_client_mac(hotspot, device_a)  # A itself is still online
    for url in urls(hotspot, OTHER_PORT):
        assert first_success(hotspot.client, url, UPSTREAM_BODY, timeout_s=3), url
    with hotspot.gateway.entered():
        assert [(c.ip, c.mac) for c in gateway.clients()] == [(hotspot.client_ip, device_a)]
