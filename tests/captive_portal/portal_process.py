"""`captive-portal serve` as a real process on loopback, from this source tree.

`python -m captive_portal.cli` with this tree first on PYTHONPATH, not the console script:
the script belongs to whichever tree the virtualenv was installed from.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.captive_portal.portal_server import ADMIN_TOKEN, TEST_SECRET
from tests.peers.processes import stop

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def portal_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "captive_portal.cli", *args]


def portal_environment() -> dict[str, str]:
    """This process's environment with this tree first and no portal settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAPTIVE_PORTAL_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


@dataclass
class PortalProcess:
    process: subprocess.Popen[bytes]
    port: int
    metrics_port: int
    data_dir: Path
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def rss_kib(self) -> int:
        """The portal's resident memory (VmRSS of /proc/PID/status), in KiB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        line = next(line for line in status.splitlines() if line.startswith("VmRSS:"))
        return int(line.split()[1])

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def wait_until_answering(port: int, seconds: float = 15) -> None:
    """Until a raw probe gets any HTTP answer."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
                conn.sendall(b"GET /generate_204 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                if conn.recv(16).startswith(b"HTTP/1.1"):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the portal on port {port} did not answer within {seconds} s")


@contextmanager
def running_portal(
    tmp_path: Path,
    extra_toml: str = "",
    preexec_fn: Callable[[], None] | None = None,
    port: int | None = None,
    *,
    local_key: bool = False,
) -> Iterator[PortalProcess]:
    """One portal process (dry-run gateway, one worker) until the block ends; `local_key`:
    no consent_secrets, so the portal makes its key file."""
    port = port or free_port()
    metrics_port = free_port()
    config = tmp_path / "portal.toml"
    data_dir = tmp_path / "data"
    config.write_text(
        f'data_dir = "{data_dir}"\nlog_level = "DEBUG"\n'
        + ("" if local_key else f'consent_secrets = ["{TEST_SECRET}"]\n')
        + f'admin_token = "{ADMIN_TOKEN}"\n'
        f'public_url = "http://127.0.0.1:{port}/"\nmetrics.port = {metrics_port}\n{extra_toml}'
    )
    log_path = tmp_path / "portal.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            portal_command("serve", "--config", str(config), "--port", str(port)),
            stdout=log, stderr=subprocess.STDOUT, env=portal_environment(),
            preexec_fn=preexec_fn,  # noqa: PLW1509  # only setrlimit, before exec
        )  # fmt: skip
    try:
        wait_until_answering(port)
        yield PortalProcess(process, port, metrics_port, data_dir, log_path)
    finally:
        stop(process)
