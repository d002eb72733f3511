"""Status pages answered from uvicorn's parser (status_http.py): byte for byte what the
app answers, over raw sockets, and the throttle and the load balancer's client as before."""

from __future__ import annotations

import logging
import re
import socket
import time
from collections.abc import Iterator

import pytest
import requests
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from office.settings import OfficeSettings
from office.sqlite_store import SqliteCaseStore
from office.status_http import StatusHttpProtocol
from office.store import CaseStore
from offline_cache.submission_code import display, new_code
from tests.office.office_server import OfficeServer
from tests.office.status_helpers import file_case, with_phones

DATE = re.compile(rb"\r\ndate: [^\r]*\r\n")


class CountingProtocol(StatusHttpProtocol):
    """status_http.py's protocol, counting the answers it gives from the parser."""

    answered = 0

    def count_request(self) -> None:
        CountingProtocol.answered += 1
        super().count_request()


@pytest.fixture
def servers(settings: OfficeSettings, store: CaseStore) -> Iterator[tuple[str, str]]:
    """Two servers of the same register: uvicorn's protocol (every answer by the app) and
    status_http.py's; their addresses as host:port."""
    app_path = OfficeServer(with_phones(settings), store, http=HttpToolsProtocol)
    parser_path = OfficeServer(with_phones(settings), store, http=CountingProtocol)
    CountingProtocol.answered = 0
    yield app_path.url.removeprefix("http://"), parser_path.url.removeprefix("http://")
    app_path.stop()
    parser_path.stop()


def exchange(address: str, *sent: bytes) -> bytes:
    """Everything the server writes back until it closes, each of `sent` written after the
    answer to the one before began (one item: all pipelined in one write)."""
    host, port = address.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as client:
        answers = b""
        for data in sent:
            client.sendall(data)
            if data is not sent[-1]:
                answers += client.recv(1 << 20)
        while chunk := client.recv(1 << 20):
            answers += chunk
    return DATE.sub(b"\r\ndate: (the date)\r\n", answers)


def get(target: str, *headers: str, method: str = "GET", version: str = "1.1") -> bytes:
    lines = [f"{method} {target} HTTP/{version}", "Host: office.example", *headers, "", ""]
    return "\r\n".join(lines).encode()


def resident_asks(code: str) -> list[bytes]:
    """Every kind of request for `/s/CODE`; the last closes the connection."""
    return [
        get(f"/s/{code}"),
        get(f"/s/{code}?lang=en"),
        get(f"/s/{code}?lang=uk&lang=de"),
        get(f"/s/{code}", "Accept-Language: de-DE,de;q=0.9,en;q=0.8"),
        get(f"/s/{code}", "Accept-Language: uk"),
        get(f"/s/{code}", method="HEAD"),
        get(f"/s/{display(code)}"),
        get(f"/s/{code.lower()}"),
        get(f"/s/{new_code()}"),  # unknown: 404
        get("/s/K7P4M-X9RC"),  # malformed: 400
        get(f"/s/{code[:-1]}{'A' if code[-1] != 'A' else 'B'}"),  # a wrong check character
        get(f"/s/{code}/more"),
        get(f"/s/{code}%20"),
        get(f"/s/{code}", "Content-Length: 0", method="POST"),
        get(f"/s/{code}", "Connection: close"),
    ]


# resident_asks' answers: the kept page 8 times, unknown, malformed, wrong check character,
# another route, the code with a blank (read as the code), POST, the kept page
ASKED_STATUSES = [200] * 8 + [404, 400, 400, 404, 200, 405, 200]


def statuses(answers: bytes) -> list[int]:
    return [int(status) for status in re.findall(rb"HTTP/1.1 (\d{3}) ", answers)]


def test_a_resident_s_requests_meet_the_same_bytes_on_both_paths(
    servers: tuple[str, str], store: CaseStore, kiosk_token: str
) -> None:
    app_path, parser_path = servers
    code = filed(parser_path, kiosk_token)
    asks = resident_asks(code)
    for address in servers:  # every page looked up once and kept, on both servers
        exchange(address, *asks)
    # On PostgreSQL a page is kept only once the process listens for changes: a language
    # looked up before that (a busy CI machine) went to the app in the measured requests.
    for language in ("", "?lang=en", "?lang=uk", "?lang=de"):
        kept_on(parser_path, code, language)
    answered = CountingProtocol.answered
    for sending in ([b"".join(asks)], asks):  # pipelined in one write; one after another
        by_app = exchange(app_path, *sending)
        assert statuses(by_app) == ASKED_STATUSES
        assert exchange(parser_path, *sending) == by_app
    # From the parser: the 8 kept pages, the malformed code and the wrong check character
    # (refused without the register) and, on SQLite, the unknown code (read at once; on
    # PostgreSQL its lookup is a round trip, and the app waits for it). Pipelined, every
    # request behind one the app answers waits behind it, in the app: on SQLite from the
    # other route on (11), on PostgreSQL from the unknown code on (8). One after another,
    # the last too (the code with a blank has a %, the POST is the app's).
    by_parser = (11 + 12) if reads_at_once(store) else (8 + 11)
    assert CountingProtocol.answered - answered == by_parser
    for version in ("1.0", "1.1"):
        for method in ("GET", "HEAD"):
            ask = get(f"/s/{code}", method=method, version=version)
            if version == "1.1":
                ask = get(f"/s/{code}", "Connection: close", method=method)
            by_app = exchange(app_path, ask)
            assert by_app.startswith(b"HTTP/1.1 200 OK\r\n")
            assert b"\r\nconnection: close\r\n" in by_app
            assert exchange(parser_path, ask) == by_app


def test_pipelined_behind_a_lookup_the_kept_page_waits_its_turn(
    servers: tuple[str, str], kiosk_token: str
) -> None:
    app_path, parser_path = servers
    code = filed(parser_path, kiosk_token)
    exchange(parser_path, get(f"/s/{code}", "Connection: close"))  # kept
    others = [filed(parser_path, kiosk_token) for _ in range(3)]
    asks = [get(f"/s/{c}") for c in [others[0], code, others[1], code, others[2]]]
    asks.append(get(f"/s/{code}", "Connection: close"))
    by_parser = exchange(parser_path, b"".join(asks))
    assert by_parser == exchange(app_path, b"".join(asks))
    order = re.findall(rb"[A-Z0-9]{5}-[A-Z0-9]{5}</", by_parser)
    assert order == [display(c).encode() + b"</" for c in [others[0], code, others[1], code,
                                                            others[2], code]]  # fmt: skip


def test_a_client_throttled_for_guessing_gets_no_kept_page(
    settings: OfficeSettings, store: CaseStore, kiosk_token: str,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    """uvicorn trusts X-Forwarded-For from 127.0.0.1 by default, as office serve does from
    its trusted_proxies: each client the balancer names has its own allowance."""
    server = OfficeServer(with_phones(settings, status_misses_per_minute=2), store,
                          http=CountingProtocol)  # fmt: skip
    address = server.url.removeprefix("http://")
    caplog.set_level(logging.DEBUG)
    try:
        code = filed(address, kiosk_token)
        kept_on(address, code)
        answered = CountingProtocol.answered
        assert status_of(address, code, "192.0.2.1") == 200
        for _ in range(2):
            assert status_of(address, new_code(), "192.0.2.1") == 404
        assert status_of(address, code, "192.0.2.1") == 429
        # The 404s from the parser when the register reads at once (SQLite); the 429 too.
        unknown_here = 2 if reads_at_once(store) else 0
        assert CountingProtocol.answered == answered + 2 + unknown_here
        assert status_of(address, code, "192.0.2.2") == 200
        assert status_of(address, code, "192.0.2.1, 192.0.2.2") == 200  # the nearest named
        assert CountingProtocol.answered == answered + 4 + unknown_here
    finally:
        server.stop()
    server_said = " ".join(r.getMessage() for r in caplog.records if r.name != "urllib3"
                           and not r.name.startswith("urllib3."))  # fmt: skip
    assert "192.0.2" not in server_said and "127.0.0.1" not in server_said


def test_a_refusal_from_the_parser_is_the_app_s_refusal(
    settings: OfficeSettings, store: CaseStore, kiosk_token: str
) -> None:
    """The 429 (with its Retry-After) and the 404 a guessing client meets, from each path."""
    limited = with_phones(settings, status_misses_per_minute=2)
    servers = [OfficeServer(limited, store, http=HttpToolsProtocol),
               OfficeServer(limited, store, http=CountingProtocol)]  # fmt: skip
    try:
        addresses = [server.url.removeprefix("http://") for server in servers]
        code = filed(addresses[1], kiosk_token)
        answers = []
        for address in addresses:
            asks = [get(f"/s/{new_code()}", "X-Forwarded-For: 192.0.2.9") for _ in range(2)]
            asks.append(get(f"/s/{code}", "X-Forwarded-For: 192.0.2.9", "Connection: close"))
            answers.append(exchange(address, *asks))
    finally:
        for server in servers:
            server.stop()
    by_app, by_parser = (RETRY.sub(b"retry-after: (s)", answer) for answer in answers)
    assert statuses(by_app) == [404, 404, 429]
    assert b"retry-after: (s)\r\n" in by_app
    # The unknown codes differ; all else is the same bytes.
    assert re.sub(rb"[A-Z0-9]{5}-[A-Z0-9]{5}", b"", by_parser) == re.sub(
        rb"[A-Z0-9]{5}-[A-Z0-9]{5}", b"", by_app
    )


RETRY = re.compile(rb"retry-after: \d+")


def reads_at_once(store: CaseStore) -> bool:
    """The register answers a lookup on the event loop (SQLite), not by a round trip."""
    return isinstance(store, SqliteCaseStore)


def kept_on(address: str, code: str, query: str = "") -> None:
    """Asks for the page until it is answered from the parser (on PostgreSQL, the cache is
    used once the process listens for changes)."""
    for _ in range(100):
        answered = CountingProtocol.answered
        exchange(address, get(f"/s/{code}{query}", "Connection: close"))
        if CountingProtocol.answered > answered:
            return
        time.sleep(0.05)
    raise AssertionError("the page was never answered from the parser")


def status_of(address: str, code: str, forwarded_for: str) -> int:
    answer = exchange(address, get(f"/s/{code}", f"X-Forwarded-For: {forwarded_for}",
                                   "Connection: close"))  # fmt: skip
    return int(answer.split(b" ", 2)[1])


def filed(address: str, kiosk_token: str) -> str:
    class Server:
        url = f"http://{address}"

    with requests.Session() as http:
        http.trust_env = False
        return file_case(Server(), http, kiosk_token)  # type: ignore[arg-type]


def test_a_client_that_does_not_read_stops_being_read(
    settings: OfficeSettings, store: CaseStore, kiosk_token: str
) -> None:
    """Kept pages asked for without reading them: once the answers fill the socket, the
    requests go to the app, which waits for the client and stops reading (as uvicorn
    does), instead of the server holding every answer in memory."""
    server = OfficeServer(with_phones(settings), store, http=CountingProtocol)
    address = server.url.removeprefix("http://")
    try:
        code = filed(address, kiosk_token)
        kept_on(address, code)
        CountingProtocol.answered = 0
        host, port = address.split(":")
        with socket.create_connection((host, int(port)), timeout=10) as client:
            client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            client.sendall(get(f"/s/{code}") * 30_000)  # about 110 MB of answers
            time.sleep(2)
            held = server.largest_write_buffer()
        assert statuses(exchange(address, get(f"/s/{code}", "Connection: close"))) == [200]
    finally:
        server.stop()
    assert CountingProtocol.answered > 10
    assert 0 < held < 1_000_000


def test_a_connection_idle_after_kept_pages_is_closed_after_the_keep_alive_timeout(
    settings: OfficeSettings, store: CaseStore, kiosk_token: str
) -> None:
    server = OfficeServer(with_phones(settings), store, http=CountingProtocol,
                          timeout_keep_alive=1)  # fmt: skip
    address = server.url.removeprefix("http://")
    try:
        code = filed(address, kiosk_token)
        kept_on(address, code)
        host, port = address.split(":")
        with socket.create_connection((host, int(port)), timeout=10) as client:
            answered = CountingProtocol.answered
            started = time.monotonic()
            while time.monotonic() - started < 2.5:  # busy for longer than the timeout
                client.sendall(get(f"/s/{code}", method="HEAD"))  # an answer of one segment
                assert client.recv(1 << 20).startswith(b"HTTP/1.1 200 OK")
                time.sleep(0.4)
            busy = CountingProtocol.answered - answered
            idle_from = time.monotonic()
            assert client.recv(1 << 20) == b""  # closed by the server
            idle_for = time.monotonic() - idle_from
    finally:
        server.stop()
    assert busy >= 5
    assert 0.5 < idle_for < 2.5
