"""The office service on loopback: uvicorn in a thread (logs reach caplog), or `office serve`
in a real process (to kill -9 it, or to run two on one PostgreSQL)."""

from __future__ import annotations

import asyncio
import datetime as dt
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests
import uvicorn

from office.app import create_app
from office.intake import Clock
from office.settings import OfficeSettings
from office.status_http import StatusHttpProtocol
from office.store import CaseStore
from tests.peers.processes import stop

ROOT = Path(__file__).resolve().parents[2]
RECEIVED = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class OfficeServer:
    """The app over `store` in this process, with a fixed clock (or the one given), behind
    the HTTP protocol `office serve` uses (or the one given)."""

    def __init__(
        self,
        settings: OfficeSettings,
        store: CaseStore,
        clock: Clock | None = None,
        http: type[asyncio.Protocol] = StatusHttpProtocol,
        timeout_keep_alive: int = 5,
    ) -> None:
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        app = create_app(settings, store, clock or (lambda: RECEIVED))
        config = uvicorn.Config(app, http=http, log_config=None, access_log=False,
                                lifespan="off", timeout_keep_alive=timeout_keep_alive)  # fmt: skip
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, args=([listener],), daemon=True)
        self._listener = listener
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the office service did not start")
            time.sleep(0.01)

    def largest_write_buffer(self) -> int:
        """Bytes written to a connection's transport that the client has not taken yet."""
        connections = list(self._server.server_state.connections)
        return max((c.transport.get_write_buffer_size() for c in connections), default=0)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)
        self._listener.close()


def write_config(folder: Path, database_url: str, **values: object) -> Path:
    values.setdefault("metrics_port", 0)  # several instances per host; ask for one if needed
    lines = [f'data_dir = "{folder / "data"}"', f'database_url = "{database_url}"']
    lines += [f"{key} = {value!r}" for key, value in values.items()]
    lines += [
        "[[offices]]", 'tenant_id = "gmina-miasto-lancut"', 'name = "Urząd Miasta Łańcut"',
        'prefix = "UM"',
    ]  # fmt: skip
    path = folder / "office.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def office_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "office.cli", *args]


def add_kiosk(config: Path, kiosk_id: str, tenant_id: str) -> str:
    """`office kiosk add`, as a technician runs it: the printed token."""
    done = subprocess.run(
        office_command("kiosk", "add", kiosk_id, "--office", tenant_id, "--config", str(config)),
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    return done.stdout.strip()


class OfficeProcess:
    """`office serve` in its own process on a fixed loopback port."""

    def __init__(self, config: Path, port: int | None = None) -> None:
        self.config = config
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = config.parent / f"office-{self.port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                office_command("serve", "--config", str(self.config), "--port", str(self.port)),
                cwd=ROOT, stdout=log, stderr=log,
            )  # fmt: skip
        try:
            self._wait_until_serving(self.process)
        except BaseException:
            stop(self.process)  # a start that failed leaves no server behind
            raise

    def _wait_until_serving(self, process: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + 30
        with requests.Session() as http:
            while time.monotonic() < deadline:
                if process.poll() is not None:
                    raise RuntimeError(f"office serve exited: {self.log.read_text()[-2000:]}")
                try:
                    if http.get(self.url + "/healthz", timeout=1).status_code == 204:
                        return
                except (requests.ConnectionError, requests.Timeout):
                    # A loaded machine (2 cores, a PostgreSQL and other servers starting
                    # beside it) can keep a starting server's first answer over 1 s.
                    time.sleep(0.05)
        raise RuntimeError("office serve did not start within 30 s")

    def kill(self) -> None:
        """kill -9: no goodbye, no cleanup."""
        assert self.process is not None
        self.process.kill()
        self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            stop(self.process)
