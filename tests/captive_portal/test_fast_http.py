"""The parser-level fast path answers exactly as the ASGI path, and keeps HTTP correct.

Raw sockets, so keep-alive, pipelining, HEAD and HTTP/1.0 are seen as a phone sees them.
"""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.captive_portal.portal_server import MAC, PortalServer

REQUESTS = [
    "GET /generate_204 HTTP/1.1",
    "GET /hotspot-detect.html HTTP/1.1",
    "HEAD /connecttest.txt HTTP/1.1",
    "GET /success.txt HTTP/1.1",
    "GET /some/page/of/a/news/site?x=1 HTTP/1.1",
    "GET /gen%5F204 HTTP/1.1",
    "GET / HTTP/1.1",
    "GET /?lang=uk&mac=a4:5e:60:d1:2b:9c HTTP/1.1",
    "GET /?mac=not-a-mac HTTP/1.1",  # refused by the gateway: the app renders the error page
    "HEAD / HTTP/1.1",
    "GET /api/captive HTTP/1.1",
]


@pytest.fixture
def asgi_portal(tmp_path: Path) -> Iterator[PortalServer]:
    """The same portal served by uvicorn's plain httptools protocol (every answer via ASGI)."""
    server = PortalServer(tmp_path / "asgi", http="httptools")
    yield server
    server.stop()


def exchange(port: int, raw: bytes) -> bytes:
    """Send, then read until the server closes (the last request says Connection: close)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        conn.sendall(raw)
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def request(line: str, host: str = "connectivitycheck.gstatic.com", extra: str = "") -> bytes:
    return f"{line}\r\nHost: {host}\r\n{extra}\r\n".encode()


Answer = tuple[bytes, dict[bytes, bytes], bytes]


def split_responses(data: bytes, heads: list[bool]) -> list[Answer]:
    """(status line, headers without Date, body) of each response; HEAD ones have no body."""
    found: list[Answer] = []
    while data:
        head, _, rest = data.partition(b"\r\n\r\n")
        status, *lines = head.split(b"\r\n")
        headers = dict(line.lower().split(b": ", 1) for line in lines)
        length = int(headers.get(b"content-length", b"0"))
        is_head = len(found) < len(heads) and heads[len(found)]
        body, data = (b"", rest) if is_head else (rest[:length], rest[length:])
        headers.pop(b"date", None)
        found.append((status, headers, body))
    return found


def answers_of(port: int, lines: list[str]) -> list[Answer]:
    raw = b"".join(request(line) for line in lines[:-1])
    raw += request(lines[-1], extra="Connection: close\r\n")
    # Two portals differ only in their port (and the form's token): name them alike.
    here = b"127.0.0.1:%d" % port
    return [
        (status, {k: v.replace(here, b"PORTAL") for k, v in headers.items()}, _same(body, here))
        for status, headers, body in split_responses(
            exchange(port, raw), [line.startswith("HEAD") for line in lines]
        )
    ]


def _same(body: bytes, here: bytes) -> bytes:
    body = body.replace(here, b"PORTAL")
    return re.sub(rb'value="[^"]{20,}"', b'value="TOKEN"', body)


def test_every_answer_matches_the_asgi_path_byte_for_byte(
    portal: PortalServer, asgi_portal: PortalServer
) -> None:
    fast = answers_of(portal.port, REQUESTS)
    plain = answers_of(asgi_portal.port, REQUESTS)
    assert len(fast) == len(REQUESTS)
    for line, ours, theirs in zip(REQUESTS, fast, plain, strict=True):
        assert ours[0] == theirs[0], line
        assert ours[1] == theirs[1], line
        assert ours[2] == theirs[2], line
    assert fast[0][0] == b"HTTP/1.1 302 Found"  # before accepting: to the splash
    assert fast[6][0] == b"HTTP/1.1 200 OK"  # the splash itself, through Starlette


def test_after_accepting_the_answers_still_match(
    portal: PortalServer, asgi_portal: PortalServer
) -> None:
    for server in (portal, asgi_portal):
        assert server.accept(f"?mac={MAC}").status_code in (200, 303)
    fast = answers_of(portal.port, REQUESTS[:5])
    plain = answers_of(asgi_portal.port, REQUESTS[:5])
    assert fast == plain
    assert fast[0][0] == b"HTTP/1.1 204 No Content"
    assert fast[1][2].startswith(b"<HTML><HEAD><TITLE>Success")


def test_a_keep_alive_connection_serves_probes_and_pages_in_order(portal: PortalServer) -> None:
    lines = ["GET /generate_204 HTTP/1.1", "GET / HTTP/1.1", "GET /redirect HTTP/1.1"] * 5
    answers = answers_of(portal.port, lines)
    assert [a[0].split(b" ")[1] for a in answers] == [b"302", b"200", b"302"] * 5
    assert all(b"connection" not in a[1] for a in answers[:-1])
    assert b"<form" in answers[1][2]


def test_http_1_0_gets_one_answer_and_the_connection_closes(portal: PortalServer) -> None:
    data = exchange(portal.port, request("GET /generate_204 HTTP/1.0"))
    assert data.startswith(b"HTTP/1.1 302 Found\r\n")
    assert b"\r\nconnection: close\r\n" in data


def test_connection_close_is_honoured(portal: PortalServer) -> None:
    raw = request("GET /generate_204 HTTP/1.1", extra="Connection: close\r\n")
    data = exchange(portal.port, raw + request("GET /generate_204 HTTP/1.1"))
    assert data.count(b"HTTP/1.1 ") == 1  # nothing after the request that said close


def test_a_post_to_a_probe_path_goes_through_the_app(portal: PortalServer) -> None:
    answer = portal.post("/generate_204", data={"x": "1"})
    assert answer.status_code in (302, 404, 405)
    assert answer.headers.get("x-content-type-options") == "nosniff"


def test_every_answer_carries_a_date(portal: PortalServer) -> None:
    data = exchange(
        portal.port, request("GET /generate_204 HTTP/1.1", extra="Connection: close\r\n")
    )
    assert b"\r\ndate: " in data.lower()


@pytest.fixture
def quick_portal(tmp_path: Path) -> Iterator[PortalServer]:
    """Keep-alive timeout 0.5 s, so idle connections close within the test."""
    server = PortalServer(tmp_path / "quick", keep_alive_seconds=0.5)
    yield server
    server.stop()


def _probe_on(conn: socket.socket) -> bytes:
    conn.sendall(request("GET /generate_204 HTTP/1.1"))
    return conn.recv(65536)


def _seconds_until_closed(conn: socket.socket) -> float:
    started = time.monotonic()
    conn.settimeout(5)
    assert conn.recv(65536) == b""  # the server closed the connection
    return time.monotonic() - started


def test_an_idle_connection_closes_after_the_keep_alive_timeout(
    quick_portal: PortalServer,
) -> None:
    with socket.create_connection(("127.0.0.1", quick_portal.port), timeout=5) as conn:
        assert _probe_on(conn).startswith(b"HTTP/1.1 302 ")
        assert 0.3 < _seconds_until_closed(conn) < 2.0


def test_a_busy_connection_outlives_the_keep_alive_timeout(quick_portal: PortalServer) -> None:
    with socket.create_connection(("127.0.0.1", quick_portal.port), timeout=5) as conn:
        started = time.monotonic()
        answers = 0
        while time.monotonic() - started < 1.6:  # three timeouts, a request every 0.2 s
            time.sleep(0.2)
            assert _probe_on(conn).startswith(b"HTTP/1.1 302 ")
            answers += 1
        assert answers >= 7
        assert 0.3 < _seconds_until_closed(conn) < 2.0  # 0.5 s after the last request


def test_an_idle_connection_closes_after_an_answer_of_the_app(
    quick_portal: PortalServer,
) -> None:
    with socket.create_connection(("127.0.0.1", quick_portal.port), timeout=5) as conn:
        assert _probe_on(conn).startswith(b"HTTP/1.1 302 ")
        conn.sendall(request("GET /api/captive HTTP/1.1"))
        assert conn.recv(65536).startswith(b"HTTP/1.1 200 ")
        assert 0.3 < _seconds_until_closed(conn) < 2.0


def test_a_half_sent_request_after_an_answer_does_not_hold_the_connection(
    quick_portal: PortalServer,
) -> None:
    with socket.create_connection(("127.0.0.1", quick_portal.port), timeout=5) as conn:
        assert _probe_on(conn).startswith(b"HTTP/1.1 302 ")
        conn.sendall(b"GET /generate_204 HTTP/1.1\r\nHost: a")  # and nothing more
        assert 0.3 < _seconds_until_closed(conn) < 2.0
