"""Python's share of a portal request: the HTTP protocol fed from memory, no sockets.

Part of `bench_portal`. A `PortalHttpProtocol` as `captive-portal serve` builds it (the
worker app from settings, uvicorn's config) on a transport that only counts what is
written, fed the same request over and over in one keep-alive connection; the time per
request is the parser, our decision and the prebuilt answer, without the kernel and the
event loop's I/O. What wrk measures on top of this is uvloop and the kernel. The last
figure is a probe on a new connection (`Connection: close`, as most phones probe): the
protocol made, connected, fed, closed and dropped each time, as uvicorn does per
connection (without uvloop's own share: the socket, the transport, the system calls).
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from typing import Any

import uvloop
from uvicorn.config import Config
from uvicorn.server import ServerState

from captive_portal.fast_http import PortalHttpProtocol
from captive_portal.serve import worker_app

PHONE_HEADERS = (
    b"User-Agent: Dalvik/2.1.0 (Linux; U; Android 14; Pixel 7 Build/UQ1A.240105.004)\r\n"
    b"Connection: Keep-Alive\r\nAccept-Encoding: gzip\r\n"
)
REQUESTS = {
    "probe (wrk's request)": b"GET /generate_204 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n",
    "probe (a phone's request)": b"GET /generate_204 HTTP/1.1\r\nHost: "
    b"connectivitycheck.gstatic.com\r\n" + PHONE_HEADERS + b"\r\n",
    "catch-all": b"GET /news/today.html HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n",
    "splash": b"GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n",
}


class CountingTransport(asyncio.Transport):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, data: Any) -> None:
        self.writes += 1

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("10.1.2.3", 40000), "sockname": ("10.1.2.1", 8080)}.get(name, default)

    def is_closing(self) -> bool:
        return False

    def close(self) -> None:
        pass


class ClosingTransport(CountingTransport):
    def __init__(self) -> None:
        super().__init__()
        self.closed = False

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True


def python_cost(requests_each: int = 100_000) -> dict[str, float]:
    """Microseconds per request for each kind (best of three batches)."""
    with tempfile.TemporaryDirectory(prefix="parser-cost-") as folder:
        os.environ["CAPTIVE_PORTAL_DATA_DIR"] = folder
        try:
            return _measure(requests_each)
        finally:
            del os.environ["CAPTIVE_PORTAL_DATA_DIR"]


def _measure(requests_each: int) -> dict[str, float]:
    loop = uvloop.new_event_loop()
    config = Config(worker_app(), http=PortalHttpProtocol, lifespan="off", access_log=False,
                    server_header=False, proxy_headers=False)  # fmt: skip
    config.load()
    protocol = PortalHttpProtocol(
        config=config, server_state=ServerState(), app_state={}, _loop=loop
    )
    transport = CountingTransport()
    protocol.connection_made(transport)
    for request in REQUESTS.values():  # warm up (caches, the allocator, the CPU's clock)
        for _ in range(requests_each // 5):
            protocol.data_received(request)
    figures = {}
    for name, request in REQUESTS.items():
        best = float("inf")
        for _ in range(3):
            written = transport.writes
            started = time.perf_counter()
            for _ in range(requests_each):
                protocol.data_received(request)
            best = min(best, time.perf_counter() - started)
            if transport.writes - written != requests_each:
                raise RuntimeError(f"{name}: not every request was answered from the parser")
        figures[name] = round(best / requests_each * 1e6, 2)
    protocol.connection_lost(None)
    figures[NEW_CONNECTION] = _per_connection(config, loop, requests_each // 2)
    loop.close()
    return figures


NEW_CONNECTION = "probe, a connection each"
CLOSE_REQUEST = b"GET /generate_204 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n\r\n"


def _per_connection(config: Config, loop: asyncio.AbstractEventLoop, connections: int) -> float:
    """Microseconds per probe on a connection of its own (best of three batches)."""
    state = ServerState()

    def one() -> None:
        protocol = PortalHttpProtocol(config=config, server_state=state, app_state={}, _loop=loop)
        transport = ClosingTransport()
        protocol.connection_made(transport)
        protocol.data_received(CLOSE_REQUEST)
        if not transport.closed or transport.writes != 1:
            raise RuntimeError("a probe with Connection: close was not answered and closed")
        protocol.connection_lost(None)

    for _ in range(connections // 5):
        one()
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for _ in range(connections):
            one()
        best = min(best, time.perf_counter() - started)
    return round(best / connections * 1e6, 2)
