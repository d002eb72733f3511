"""Debian's real `prometheus` on loopback, as a server or in agent mode, and its HTTP API."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.peers.processes import stop

PROMETHEUS = shutil.which("prometheus")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running(
    config: Path, storage: Path, port: int, *, agent: bool = False, log: Path
) -> Iterator[str]:
    """A Prometheus on 127.0.0.1:`port` until the block ends (stopped and waited for); its
    base address. The server takes remote writes; the agent scrapes and pushes."""
    assert PROMETHEUS is not None
    mode = (
        ["--enable-feature=agent", f"--storage.agent.path={storage}"]
        if agent
        else ["--web.enable-remote-write-receiver", f"--storage.tsdb.path={storage}"]
    )
    command = [PROMETHEUS, f"--config.file={config}", f"--web.listen-address=127.0.0.1:{port}"]
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*command, *mode], stdout=output, stderr=subprocess.STDOUT, cwd=storage.parent
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, process, log)
        yield base
    finally:
        stop(process)


def wait_ready(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"prometheus exited {process.returncode}: {log.read_text()}")
        try:
            with urllib.request.urlopen(base + "/-/ready", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"prometheus not ready in 15 s: {log.read_text()[-2000:]}")


def api(base: str, path: str, **query: str) -> Any:
    """The `data` of a /api/v1 answer."""
    url = f"{base}/api/v1/{path}?{urllib.parse.urlencode(query)}"
    with urllib.request.urlopen(url, timeout=5) as reply:
        answer = json.load(reply)
    assert answer["status"] == "success", answer
    return answer["data"]
