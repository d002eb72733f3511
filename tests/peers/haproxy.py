"""Debian's haproxy on loopback in front of several HTTP servers (round robin, health checks).

The servers' health is asked on a port of their own (the portal's /healthz lives on its
technicians' listener); a server that stops answering it is taken out within about half a
second, and a connection refused by a dead server is sent to another (`redispatch`).
The front may listen in a network namespace (`namespace`, haproxy's own bind option: Debian
builds it with USE_NS) while the servers stay on the host's loopback, as a county's load
balancer takes the hotspots' phones on one network and reaches its portals on another.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.peers.processes import stop

HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
START_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Upstream:
    port: int
    health_port: int
    health_path: str = "/healthz"


def config(
    port: int, upstreams: Sequence[Upstream], address: str = "127.0.0.1", namespace: str = ""
) -> str:
    servers = "\n".join(
        f"  server s{n} 127.0.0.1:{u.port} check port {u.health_port} inter 200 fall 2 rise 1"
        for n, u in enumerate(upstreams)
    )
    health = upstreams[0].health_path
    bind = f"{address}:{port}" + (f" namespace {namespace}" if namespace else "")
    return f"""global
  maxconn 2000
defaults
  mode http
  timeout connect 1s
  timeout client 15s
  timeout server 15s
  retries 3
  option redispatch 1
frontend portal
  bind {bind}
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET {health}
{servers}
"""


@contextmanager
def running(
    port: int, upstreams: Sequence[Upstream], address: str = "127.0.0.1", namespace: str = ""
) -> Iterator[subprocess.Popen[bytes]]:
    """haproxy's front on `address`:`port` (in the network namespace `namespace`, if given)."""
    folder = Path(tempfile.mkdtemp(prefix="infomat-haproxy-"))
    path = folder / "haproxy.cfg"
    path.write_text(config(port, upstreams, address, namespace), encoding="utf-8")
    checked = subprocess.run(
        [HAPROXY, "-c", "-f", str(path)], capture_output=True, text=True, check=False
    )
    if checked.returncode != 0:
        raise RuntimeError(f"haproxy refused its config: {checked.stderr.strip()[-1000:]}")
    log = (folder / "haproxy.log").open("wb")
    process = subprocess.Popen([HAPROXY, "-db", "-f", str(path)], stdout=log, stderr=log)
    try:
        _wait_for_front(process, folder / "haproxy.log", address, port, namespace)
        yield process
    finally:
        stop(process)
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


def _wait_for_front(
    process: subprocess.Popen[bytes], log: Path, address: str, port: int, namespace: str
) -> None:
    """Until the front takes connections (a fixed 0.3 s was too short on a loaded machine:
    a test's first request was refused); in a namespace, the 0.3 s as before."""
    deadline = time.monotonic() + (0.3 if namespace else START_TIMEOUT_S)
    while True:
        if process.poll() is not None:
            raise RuntimeError(log.read_text(errors="replace")[-1000:])
        if not namespace and _answers(address, port):
            return
        if time.monotonic() > deadline:
            if namespace:
                return
            raise RuntimeError(f"haproxy did not listen on {address}:{port} in {START_TIMEOUT_S} s")
        time.sleep(0.05)


def _answers(address: str, port: int) -> bool:
    try:
        with socket.create_connection((address, port), timeout=0.5):
            return True
    except OSError:
        return False
