"""Silent and dribbling connections are closed; one address cannot hold every descriptor.

Attack 2 of issue 13: 300 silent connections used up a 256-descriptor limit and new probes
were reset. A real portal process runs under `ulimit -n 256`.
"""

from __future__ import annotations

import resource
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.captive_portal.portal_process import PortalProcess, running_portal
from tests.captive_portal.test_connection_watch import closed_within

pytestmark = [pytest.mark.slow, pytest.mark.attack(2)]
SILENT = 300
HEADER_TIMEOUT = 5  # the default header_timeout_seconds
PER_CLIENT = 32  # the default connections_per_client


def low_file_limit() -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))


@pytest.fixture
def served(tmp_path: Path) -> Iterator[PortalProcess]:
    with running_portal(tmp_path, preexec_fn=low_file_limit) as portal:
        yield portal


def connect_from(source: str, port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=5, source_address=(source, 0))


def probe_from(source: str, port: int, timeout: float = 2) -> bytes:
    with connect_from(source, port) as conn:
        conn.settimeout(timeout)
        conn.sendall(b"GET /generate_204 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        return conn.recv(65536)


def closed_by_server(conn: socket.socket) -> bool:
    return closed_within(conn, 0.01)


def test_silent_connections_do_not_shut_out_a_probe(served: PortalProcess) -> None:
    silent = [connect_from("127.0.0.2", served.port) for _ in range(SILENT)]
    try:
        started = time.monotonic()
        assert probe_from("127.0.0.3", served.port).startswith(b"HTTP/1.1 302 ")
        assert time.monotonic() - started < 2
        time.sleep(0.5)
        # past connections_per_client (32) the portal closes them at once
        assert sum(closed_by_server(c) for c in silent) == SILENT - PER_CLIENT
        deadline = time.monotonic() + HEADER_TIMEOUT + 3
        while not all(closed_by_server(c) for c in silent):
            assert time.monotonic() < deadline, "silent connections were left open"
            time.sleep(0.2)
        # the silent address itself is served again once its connections are gone
        assert probe_from("127.0.0.2", served.port).startswith(b"HTTP/1.1 302 ")
    finally:
        for conn in silent:
            conn.close()
    assert served.process.poll() is None


def test_a_dribbling_head_is_closed_after_the_header_timeout(served: PortalProcess) -> None:
    with connect_from("127.0.0.4", served.port) as conn:
        conn.sendall(b"GET /generate_204 HTTP/1.1\r\n")
        started = time.monotonic()
        while time.monotonic() - started < HEADER_TIMEOUT + 5:
            try:
                conn.sendall(b"X-Slow: 1\r\n")
            except (BrokenPipeError, ConnectionResetError):
                break
            if closed_by_server(conn):
                break
            time.sleep(0.3)
        else:
            pytest.fail("a connection sending a header line every 0.3 s was kept open")
        assert HEADER_TIMEOUT - 0.5 < time.monotonic() - started < HEADER_TIMEOUT + 1.5


def test_a_kept_alive_connection_still_serves_probes(served: PortalProcess) -> None:
    with connect_from("127.0.0.5", served.port) as conn:
        for _ in range(3):
            conn.sendall(b"GET /generate_204 HTTP/1.1\r\nHost: x\r\n\r\n")
            assert conn.recv(65536).startswith(b"HTTP/1.1 302 ")
            time.sleep(1)


def test_a_dribbling_body_is_closed_after_the_body_timeout(tmp_path: Path) -> None:
    with (
        running_portal(tmp_path, "body_timeout_seconds = 2\n") as portal,
        connect_from("127.0.0.6", portal.port) as conn,
    ):
        conn.sendall(
            b"POST /accept HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n\r\nlang=pl"
        )
        started = time.monotonic()
        while time.monotonic() - started < 8:
            try:
                conn.sendall(b"a")
            except (BrokenPipeError, ConnectionResetError):
                break
            if closed_by_server(conn):
                break
            time.sleep(0.3)
        else:
            pytest.fail("a body dribbled a byte every 0.3 s was kept open")
        assert 1.5 < time.monotonic() - started < 3.5
    assert "Traceback" not in portal.log()
