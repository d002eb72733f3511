"""What one connection may send `office serve`, and for how long (office/request_guard.py).

Before these limits, one connection sending headers without end took a real `office
serve` from 63 to 380 MB, and 50 silent connections were still open minutes later: the
status pages are public, so any phone could. Driven over raw sockets against a real
process with small limits (1 KiB of head, 1 s for a head, 2 s for a body); its resident
memory is read from /proc.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.office.office_server import OfficeProcess, write_config

pytestmark = pytest.mark.slow
HEADER_TIMEOUT_S = 1
BODY_TIMEOUT_S = 2
FLOOD_BYTES = 128 * 1024 * 1024


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OfficeProcess]:
    folder = tmp_path_factory.mktemp("guard")
    config = write_config(folder, "", max_header_kib=1, header_timeout_s=HEADER_TIMEOUT_S,
                          body_timeout_s=BODY_TIMEOUT_S, log_level="DEBUG")  # fmt: skip
    served = OfficeProcess(config)
    served.start()
    try:
        yield served
    finally:
        served.stop()


def resident_mib(office: OfficeProcess) -> float:
    assert office.process is not None
    status = Path(f"/proc/{office.process.pid}/status").read_text()
    kib = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
    return kib / 1024


def connect(office: OfficeProcess) -> socket.socket:
    return socket.create_connection(("127.0.0.1", office.port), timeout=5)


def answer_of(conn: socket.socket, seconds: float = 5) -> bytes:
    """Everything the office sends until it closes the connection (or `seconds` pass)."""
    conn.settimeout(seconds)
    got = b""
    try:
        while chunk := conn.recv(65536):
            got += chunk
    except (TimeoutError, ConnectionResetError):
        pass
    return got


def flood(conn: socket.socket, start: bytes, filler: bytes) -> int:
    """Send `start`, then `filler` until the office stops reading or FLOOD_BYTES went."""
    conn.sendall(start)
    sent = 0
    conn.settimeout(3)
    try:
        while sent < FLOOD_BYTES:
            sent += conn.send(filler)
    except (BrokenPipeError, ConnectionResetError, TimeoutError):
        pass
    return sent


def closed_within(conn: socket.socket, seconds: float) -> float | None:
    """Seconds until the office closed `conn`, or None if it was still open."""
    started = time.monotonic()
    conn.settimeout(seconds)
    try:
        while conn.recv(4096):
            pass
    except TimeoutError:
        return None
    except ConnectionResetError:
        pass
    return time.monotonic() - started


def health(office: OfficeProcess) -> bytes:
    with connect(office) as conn:
        conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        return answer_of(conn)


@pytest.mark.parametrize(
    "start",
    [b"GET /s/ABC HTTP/1.1\r\nHost: x\r\nX-Pad: ", b"POST /intake HTTP/1.1\r\nX-Pad: ",
     b"GET /s/ABC?"],
    ids=["a status page's header", "the intake's header", "a request target"],
)  # fmt: skip
def test_an_endless_head_is_a_431_and_memory_stays_flat(
    office: OfficeProcess, start: bytes
) -> None:
    before = resident_mib(office)
    with connect(office) as conn:
        sent = flood(conn, start, b"a" * 65536)
        answer = answer_of(conn)
    assert answer.startswith(b"HTTP/1.1 431 "), answer[:80]
    assert sent < 32 * 1024 * 1024, f"the office read {sent} bytes of one head"
    assert resident_mib(office) - before < 20
    assert health(office).startswith(b"HTTP/1.1 204")


def test_many_small_headers_are_a_431_too(office: OfficeProcess) -> None:
    with connect(office) as conn:
        flood(conn, b"GET /healthz HTTP/1.1\r\n", b"X-A: b\r\n" * 512)
        assert answer_of(conn).startswith(b"HTTP/1.1 431 ")


def test_a_head_just_under_the_limit_is_answered(office: OfficeProcess) -> None:
    head = b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Pad: "
    padded = head + b"a" * (1024 - len(head) - 4) + b"\r\n\r\n"
    assert len(padded) == 1024
    with connect(office) as conn:
        conn.sendall(padded)
        assert answer_of(conn).startswith(b"HTTP/1.1 204")


def test_a_declared_huge_body_is_a_413_before_it_is_sent(office: OfficeProcess) -> None:
    """A clerk's form reads what it is given: past twice the largest body a route reads
    (here 512 KiB), the protocol answers without reading it."""
    with connect(office) as conn:
        conn.sendall(b"POST /logowanie HTTP/1.1\r\nHost: x\r\nContent-Type: application/"
                     b"x-www-form-urlencoded\r\nContent-Length: 10000000\r\n\r\n")  # fmt: skip
        assert answer_of(conn).startswith(b"HTTP/1.1 413 ")


def test_a_refusal_comes_on_a_kept_alive_connection_too(office: OfficeProcess) -> None:
    """After an answer of the app on the same connection, a second request past a limit
    still gets its 413 or 431, not a bare close."""
    for second in (b"POST /logowanie HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n",
                   b"GET /healthz HTTP/1.1\r\nX-Pad: " + b"a" * 4096):  # fmt: skip
        with connect(office) as conn:
            conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            conn.settimeout(5)
            assert conn.recv(65536).startswith(b"HTTP/1.1 204")
            conn.sendall(second)
            answer = answer_of(conn)
        assert answer.startswith((b"HTTP/1.1 413 ", b"HTTP/1.1 431 ")), answer[:80]


def test_an_endless_chunked_body_is_cut_off(office: OfficeProcess) -> None:
    before = resident_mib(office)
    chunk = b"10000\r\n" + b"a" * 0x10000 + b"\r\n"
    with connect(office) as conn:
        sent = flood(conn, b"POST /logowanie HTTP/1.1\r\nHost: x\r\nContent-Type: application/"
                           b"x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n",
                     chunk)  # fmt: skip
        answer = answer_of(conn)
    assert sent < 32 * 1024 * 1024, f"the office read {sent} bytes of one body"
    assert answer == b"" or answer.startswith(b"HTTP/1.1 413 "), answer[:80]
    assert resident_mib(office) - before < 20


def test_the_intakes_own_413_still_names_its_limit(office: OfficeProcess) -> None:
    """The protocol's body limit sits above the intake's, so the kiosk still gets the
    contract's JSON answer (docs/outbox.md)."""
    with connect(office) as conn:
        conn.sendall(b"POST /intake HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer x\r\n"
                     b"Content-Type: application/json\r\nContent-Length: 300000\r\n\r\n")  # fmt: skip
        answer = answer_of(conn, 3)
    status, _, body = answer.partition(b"\r\n\r\n")
    assert status.startswith(b"HTTP/1.1 401 ") or status.startswith(b"HTTP/1.1 413 "), status
    assert "error" in json.loads(body)


def test_silent_connections_are_closed_after_the_header_timeout(office: OfficeProcess) -> None:
    silent = [connect(office) for _ in range(50)]
    try:
        assert health(office).startswith(b"HTTP/1.1 204")  # answered while they wait
        waited = [closed_within(conn, HEADER_TIMEOUT_S + 3) for conn in silent]
    finally:
        for conn in silent:
            conn.close()
    assert None not in waited, f"{waited.count(None)} of 50 silent connections stayed open"


def test_a_dribbling_head_is_closed_after_the_header_timeout(office: OfficeProcess) -> None:
    with connect(office) as conn:
        started = time.monotonic()
        conn.sendall(b"GET /healthz HTTP/1.1\r\n")
        try:
            while time.monotonic() - started < HEADER_TIMEOUT_S + 3:
                conn.sendall(b"X")  # a byte every 0.2 s: never a whole head
                time.sleep(0.2)
        except (BrokenPipeError, ConnectionResetError):
            pass
        took = time.monotonic() - started
        assert answer_of(conn, 1) == b""
    assert took < HEADER_TIMEOUT_S + 2.5, f"a dribbling head kept its connection {took:.1f} s"


def test_a_dribbling_body_is_closed_after_the_body_timeout(office: OfficeProcess) -> None:
    with connect(office) as conn:
        conn.sendall(b"POST /logowanie HTTP/1.1\r\nHost: x\r\nContent-Type: application/"
                     b"x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n")  # fmt: skip
        started = time.monotonic()
        try:
            while time.monotonic() - started < BODY_TIMEOUT_S + 3:
                conn.sendall(b"a")
                time.sleep(0.2)
        except (BrokenPipeError, ConnectionResetError):
            pass
        took = time.monotonic() - started
    assert BODY_TIMEOUT_S - 0.5 < took < BODY_TIMEOUT_S + 2.5, f"closed after {took:.1f} s"


def test_a_kept_alive_connection_serves_request_after_request(office: OfficeProcess) -> None:
    """Idle between requests is the keep-alive's business, not the header timeout's."""
    with connect(office) as conn:
        for _ in range(3):
            conn.sendall(b"GET /s/ABC HTTP/1.1\r\nHost: x\r\n\r\n")
            conn.settimeout(5)
            got = conn.recv(65536)
            assert got.startswith(b"HTTP/1.1 "), got[:80]
            assert not got.startswith(b"HTTP/1.1 431")
            time.sleep(HEADER_TIMEOUT_S * 0.6)


def test_a_websocket_upgrade_is_plain_http_and_logs_no_address(office: OfficeProcess) -> None:
    with connect(office) as conn:
        conn.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade"
                     b"\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     b"Sec-WebSocket-Version: 13\r\n\r\n")  # fmt: skip
        client_port = conn.getsockname()[1]
        answer = answer_of(conn, 3)
    assert answer.startswith(b"HTTP/1.1 ") and not answer.startswith(b"HTTP/1.1 101"), answer
    log = office.log.read_text(encoding="utf-8", errors="replace")
    assert "Unsupported upgrade request." in log
    assert str(client_port) not in log
    assert "pip install" not in log  # uvicorn's advice, which does not apply here
