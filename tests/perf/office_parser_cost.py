"""Python's share of a kept status page: the office's HTTP protocol fed from memory.

Run: .venv/bin/python -m tests.perf.office_parser_cost [--requests 20000]
Also part of bench_office. The app as `office serve` builds it (a SQLite register holding
a few cases, uvicorn's config as serve.py's) behind two protocols on a transport that only
counts what is written: uvicorn's own httptools protocol (the reference: the page's kept
answer through ASGI, a task per request) and status_http.py's (the kept answer from the
parser). Each is fed the same request over and over in one keep-alive connection, each
request waited for until its whole answer is written; the time per request is the parser,
the app or the parser-level answer, and the event loop's turn, without the kernel's I/O.
Timed in the process's CPU time (time.process_time), not the wall clock: on 2 cores shared
with other work the wall clock counts the time spent waiting for a core.
Prints the table and writes tests/perf/results-office-parser.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import uvloop
from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.server import ServerState

from office.app import create_app
from office.metrics import OfficeMetrics
from office.open_store import open_store
from office.serve import utc_now
from office.settings import Office, OfficeSettings
from office.status_http import StatusHttpProtocol
from tests.perf import office_cases

RESULTS = Path(__file__).with_name("results-office-parser.json")
BROWSER_HEADERS = (
    b"User-Agent: Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like "
    b"Gecko) Chrome/131.0.0.0 Mobile Safari/537.36\r\nAccept: text/html,application/xhtml+xml"
    b"\r\nAccept-Encoding: gzip, deflate, br\r\nAccept-Language: uk-UA,uk;q=0.9,pl;q=0.8\r\n"
)
PROTOCOLS: dict[str, type[HttpToolsProtocol]] = {
    "uvicorn's protocol (ASGI)": HttpToolsProtocol,
    "status_http.py (parser)": StatusHttpProtocol,
}


def requests_of(code: str) -> dict[str, bytes]:
    host = b"Host: 127.0.0.1:8080\r\n"
    return {
        "GET (wrk's request)": b"GET /s/%s HTTP/1.1\r\n%s\r\n" % (code.encode(), host),
        "GET (a phone's browser)": b"GET /s/%s HTTP/1.1\r\n%s%s\r\n"
        % (code.encode(), host, BROWSER_HEADERS),
        "GET ?lang=en": b"GET /s/%s?lang=en HTTP/1.1\r\n%s\r\n" % (code.encode(), host),
        "HEAD": b"HEAD /s/%s HTTP/1.1\r\n%s\r\n" % (code.encode(), host),
    }


class CountingTransport(asyncio.Transport):
    def __init__(self) -> None:
        super().__init__()
        self.written = 0

    def write(self, data: Any) -> None:
        self.written += len(data)

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("10.1.2.3", 40000), "sockname": ("10.1.2.1", 8080)}.get(name, default)

    def is_closing(self) -> bool:
        return False

    def close(self) -> None:
        pass


def python_cost(requests_each: int = 20_000) -> dict[str, dict[str, float]]:
    """Microseconds per request, per protocol and request (best of three batches)."""
    with tempfile.TemporaryDirectory(prefix="office-parser-cost-") as folder:
        settings = OfficeSettings(
            data_dir=folder,
            offices=[Office(office_cases.TENANT, "Urząd Miasta Łańcut", "UM", "+48 17 1")],
        )
        store = open_store(settings)
        try:
            codes = office_cases.unique_codes(3)
            office_cases.load_sqlite(str(settings.sqlite_file()), codes)
            app = create_app(settings, store, utc_now, OfficeMetrics(store, utc_now, 600))
            loop = uvloop.new_event_loop()
            try:
                return loop.run_until_complete(_measure(app, codes[0], requests_each))
            finally:
                loop.close()
        finally:
            store.close()


async def _measure(app: Any, code: str, requests_each: int) -> dict[str, dict[str, float]]:
    config = Config(app, lifespan="off", access_log=False, server_header=False,
                    proxy_headers=False)  # fmt: skip
    config.load()
    figures: dict[str, dict[str, float]] = {}
    for name, protocol_class in PROTOCOLS.items():
        state = ServerState()
        state.default_headers = [(b"date", b"Mon, 07 Dec 2026 00:00:00 GMT")]
        protocol = protocol_class(config=config, server_state=state, app_state={},
                                  _loop=asyncio.get_running_loop())  # fmt: skip
        transport = CountingTransport()
        protocol.connection_made(transport)
        figures[name] = {
            kind: await _per_request(protocol.data_received, transport, request, requests_each)
            for kind, request in requests_of(code).items()
        }
        protocol.connection_lost(None)
    return figures


async def _per_request(
    feed: Callable[[bytes], None], transport: CountingTransport, request: bytes, count: int
) -> float:
    """Microseconds per request: fed, then the loop turned until its answer is written."""
    before = transport.written
    feed(request)  # the first: looked up and kept; the second shows the kept answer's size
    await _until(transport, before)
    before = transport.written
    feed(request)
    size = await _until(transport, before) - before
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for _ in range(count):
            expected = transport.written + size
            feed(request)
            while transport.written < expected:
                await asyncio.sleep(0)
        best = min(best, time.process_time() - started)
    return round(best / count * 1e6, 2)


async def _until(transport: CountingTransport, before: int) -> int:
    for _ in range(1000):
        await asyncio.sleep(0)
        if transport.written > before:
            await asyncio.sleep(0)  # the body after the head
            await asyncio.sleep(0)
            return transport.written
    raise RuntimeError("no answer was written")


def print_figures(figures: dict[str, dict[str, float]]) -> None:
    names = list(figures)
    print(f"{'µs per request':<26}" + "".join(f"{name:>28}" for name in names) + f"{'ratio':>8}")
    for kind in figures[names[0]]:
        row = [figures[name][kind] for name in names]
        print(f"{kind:<26}" + "".join(f"{value:>28.2f}" for value in row)
              + f"{row[0] / row[-1]:>7.1f}x")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20_000, help="per batch (best of 3)")
    args = parser.parse_args(argv)
    figures = python_cost(args.requests)
    print_figures(figures)
    RESULTS.write_text(json.dumps({"requests_each": args.requests, "us_per_request": figures},
                                  indent=2, ensure_ascii=False) + "\n")  # fmt: skip
    print(f"written {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
