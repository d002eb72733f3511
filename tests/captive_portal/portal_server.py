"""A real portal on loopback: uvicorn in a thread, a fake clock, the dry-run gateway."""

from __future__ import annotations

import asyncio
import dataclasses
import re
import socket
import threading
import time
from pathlib import Path
from typing import Any

import requests
import uvicorn

from captive_portal.app import create_app
from captive_portal.fast_http import PortalHttpProtocol
from captive_portal.gateways.dry_run import DryRunGateway
from captive_portal.open_store import open_store
from captive_portal.settings import MetricsSettings, PortalSettings

TEST_SECRET = "k2024:3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a"
ADMIN_TOKEN = "adm-7Q2w9E4r6T1y3U8i5O0p2A7s4D9f6G1h"
MAC = "a4:5e:60:d1:2b:9c"


class FakeClock:
    """Wall-clock seconds that only move when a test says so."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_settings(data_dir: Path, port: int, metrics_port: int, **overrides: Any) -> PortalSettings:
    base = PortalSettings(
        metrics=MetricsSettings(port=metrics_port),
        host="127.0.0.1",
        port=port,
        data_dir=str(data_dir),
        public_url=f"http://127.0.0.1:{port}/",
        consent_secrets=[TEST_SECRET],
        admin_token=ADMIN_TOKEN,
    )
    return dataclasses.replace(base, **overrides)


test_settings.__test__ = False  # type: ignore[attr-defined]  # not a test, a helper


class PortalServer:
    """One running portal; `restart()` builds a new app and gateway over the same store."""

    def __init__(
        self,
        data_dir: Path,
        clock: FakeClock | None = None,
        http: type[asyncio.Protocol] | str = PortalHttpProtocol,
        keep_alive_seconds: float = 5.0,
        listen_host: str = "127.0.0.1",
        **overrides: Any,
    ) -> None:
        self.clock = clock or FakeClock()
        self.listen_host = listen_host  # "::" for IPv6 clients (the technicians' stays IPv4)
        self.keep_alive_seconds = keep_alive_seconds
        self.http_protocol = http  # serve.py's production protocol unless a test says so
        self.data_dir = data_dir
        self.overrides = overrides
        self.http = requests.Session()
        self.http.trust_env = False  # never a proxy from the environment
        self._start()

    def _start(self) -> None:
        listener, self.port = _listener(self.listen_host)
        management, self.metrics_port = _listener()  # the technicians' listener
        self.url = f"http://127.0.0.1:{self.port}"
        self.settings = test_settings(self.data_dir, self.port, self.metrics_port, **self.overrides)
        self.gateway = DryRunGateway()
        self.store = open_store(self.settings)
        app = create_app(self.settings, self.gateway, self.store, self.clock)
        self.app = app
        config = uvicorn.Config(
            app,
            log_config=None,
            access_log=False,
            lifespan="on",
            http=self.http_protocol,
            proxy_headers=False,  # as serve.py: the client is the socket's peer
            timeout_keep_alive=self.keep_alive_seconds,  # type: ignore[arg-type]
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, args=([listener, management],), daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the portal did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self.http.close()
        self._server.should_exit = True
        self._thread.join(10)
        self.store.close()

    def restart(self) -> None:
        self.stop()
        self._start()

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.http.get(self.url + path, allow_redirects=False, timeout=5, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.http.post(self.url + path, allow_redirects=False, timeout=5, **kwargs)

    def form(self, query: str = "") -> dict[str, str]:
        """The hidden fields of the splash page's accept form."""
        page = self.get("/" + query)
        assert page.status_code == 200, page.text
        return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', page.text))

    def accept(self, query: str = "") -> requests.Response:
        return self.post("/accept", data=self.form(query))

    def management(self, path: str, **kwargs: Any) -> requests.Response:
        """A GET on the technicians' listener (/metrics, /healthz)."""
        url = f"http://127.0.0.1:{self.metrics_port}{path}"
        return self.http.get(url, allow_redirects=False, timeout=5, **kwargs)

    def admin(self, method: str, path: str) -> requests.Response:
        headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
        return self.http.request(method, self.url + path, headers=headers, timeout=5)


def _listener(host: str = "127.0.0.1") -> tuple[socket.socket, int]:
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, 0))
    return listener, int(listener.getsockname()[1])
