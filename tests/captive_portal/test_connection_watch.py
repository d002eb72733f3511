"""The per-connection bookkeeping of the HTTP protocol: one sweep for the deadlines of every
connection (connection_watch.py), the connections per client (IPv6 per /64), on a real
portal (uvicorn in a thread) and real sockets; IPv6 in a network namespace of its own."""

from __future__ import annotations

import contextlib
import ipaddress
import secrets
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from captive_portal.app import PortalApp
from captive_portal.client_key import client_key
from captive_portal.connection_watch import tick_for
from tests.captive_portal.portal_server import PortalServer
from tests.peers.netns import Namespace, can_use_namespaces
from tests.peers.netns import _create as create_namespace
from tests.peers.netns import _destroy as destroy_namespace

PROBE = b"GET /generate_204 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"


def watch_of(portal: PortalServer) -> PortalApp:
    assert isinstance(portal.app, PortalApp)
    return portal.app


def connect(port: int, source: str = "127.0.0.1", host: str = "127.0.0.1") -> socket.socket:
    return socket.create_connection((host, port), timeout=5, source_address=(source, 0))


def closed_within(conn: socket.socket, seconds: float) -> bool:
    """True when the server closes the connection within `seconds` (nothing else is sent)."""
    conn.settimeout(seconds)
    try:
        return conn.recv(1) == b""
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def probed(conn: socket.socket) -> bytes:
    conn.settimeout(5)
    conn.sendall(PROBE)
    return conn.recv(65536)


def test_the_sweep_is_a_quarter_of_the_shorter_timeout_at_most_a_second() -> None:
    assert tick_for(5.0, 10.0) == 1.0
    assert tick_for(1.0, 10.0) == 0.25
    assert tick_for(60.0, 2.0) == 0.5


def test_a_silent_connection_is_closed_after_the_header_timeout(tmp_path: Path) -> None:
    portal = PortalServer(tmp_path, header_timeout_seconds=1)
    try:
        watch = watch_of(portal).watch
        started = time.monotonic()
        with connect(portal.port) as silent, connect(portal.port) as busy:
            busy.sendall(PROBE[:20])  # half a head, then the rest in time
            time.sleep(0.5)
            busy.sendall(PROBE[20:])
            assert busy.recv(65536).startswith(b"HTTP/1.1 302 ")
            assert closed_within(silent, 3)
            waited = time.monotonic() - started
            assert 1.0 <= waited < 1.0 + watch.tick + 0.5, waited
        deadline = time.monotonic() + 2
        while watch.open_count():  # both gone from the sweep once closed
            assert time.monotonic() < deadline, "a closed connection stayed in the sweep"
            time.sleep(0.05)
    finally:
        portal.stop()


def test_a_client_past_its_share_is_closed_at_once(tmp_path: Path) -> None:
    portal = PortalServer(tmp_path, connections_per_client=2)
    try:
        held = [connect(portal.port, "127.0.0.9") for _ in range(2)]
        with connect(portal.port, "127.0.0.9") as third:
            assert closed_within(third, 1)  # the N+1th
        assert not any(closed_within(conn, 0.2) for conn in held)
        with connect(portal.port, "127.0.0.10") as other:
            assert probed(other).startswith(b"HTTP/1.1 302 ")  # another client is served
        held.pop().close()
        time.sleep(0.2)
        with connect(portal.port, "127.0.0.9") as again:
            assert probed(again).startswith(b"HTTP/1.1 302 ")
        for conn in held:
            conn.close()
    finally:
        portal.stop()


SAME_64 = ("2001:db8:1:2::a", "2001:db8:1:2:ffff::b", "2001:db8:1:2::c")
OTHER_64 = "2001:db8:1:3::d"


@pytest.fixture
def ipv6_namespace() -> Iterator[Namespace]:
    reason = can_use_namespaces()
    if reason:
        pytest.skip(reason)
    namespace = Namespace(f"infcw{secrets.token_hex(3)}")
    create_namespace(namespace)
    try:
        namespace.run(["ip", "link", "set", "lo", "up"])
        for address in (*SAME_64, OTHER_64):
            namespace.run(["ip", "-6", "addr", "add", f"{address}/128", "dev", "lo", "nodad"])
        yield namespace
    finally:
        destroy_namespace(namespace)


@pytest.mark.slow
def test_ipv6_clients_are_counted_per_64(tmp_path: Path, ipv6_namespace: Namespace) -> None:
    with ipv6_namespace.entered():  # the portal's sockets and the clients', in the namespace
        portal = PortalServer(tmp_path, listen_host="::", connections_per_client=2)
        try:
            with contextlib.ExitStack() as stack:
                first, second = (
                    stack.enter_context(connect(portal.port, source, "::1"))
                    for source in SAME_64[:2]
                )
                third = stack.enter_context(connect(portal.port, SAME_64[2], "::1"))
                assert closed_within(third, 1)  # a third address of the same /64
                assert not closed_within(first, 0.2) and not closed_within(second, 0.2)
                other = stack.enter_context(connect(portal.port, OTHER_64, "::1"))
                assert probed(other).startswith(b"HTTP/1.1 302 ")
        finally:
            portal.stop()


def _reference_key(address: str) -> str:
    """The key as the `ipaddress` module works it out (the earlier implementation)."""
    parsed = ipaddress.ip_address(address)
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is not None:
        return str(parsed.ipv4_mapped)
    if isinstance(parsed, ipaddress.IPv4Address):
        return str(parsed)
    return str(ipaddress.IPv6Network((parsed, 64), strict=False))


@given(st.ip_addresses(v=6) | st.ip_addresses(v=4).map(lambda a: f"::ffff:{a}"))
def test_the_fast_key_is_the_ipaddress_modules(address: object) -> None:
    text = str(address)
    assert client_key(text) == _reference_key(text)
