"""openNDS 9.10 with a /tmp of its own, so that several run on one host (one per gateway
namespace of `county_net.County`).

openNDS keeps its socket (`ndsctl.sock`), its lock, its data and the DHCP leases it checks
at fixed paths under /tmp (tests/peers/opennds.py takes a host lock for that). Here each
one runs in a mount namespace of its own (`unshare --mount`, private propagation) with a
folder of the test bind-mounted over /tmp; its `ndsctl` is run in the same mount and
network namespaces (`nsenter`). The rest of opennds.py's workarounds apply as they are
(legacy iptables, a lease line per client, the settings that leave /etc alone).
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.peers.county_net import Hotspot
from tests.peers.netns import NetnsError, wait_until
from tests.peers.opennds import START_TIMEOUT_S, OpenNdsConfig, _legacy_iptables_overlay

REQUIRED_BINARIES = ("opennds", "ndsctl", "iptables-legacy", "ip", "unshare", "nsenter", "php")
NDSCTL_TIMEOUT_S = 5.0


class PrivateOpenNds:
    """Start with `running(...)`; stopped and its folder removed afterwards."""

    def __init__(self, hotspot: Hotspot, config: OpenNdsConfig, workdir: Path) -> None:
        self.hotspot = hotspot
        self.config = config
        self.tmp = workdir / "tmp"  # its /tmp
        self.log_path = workdir / "opennds.log"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        _legacy_iptables_overlay(self.hotspot.gateway.etc_dir())
        self.tmp.mkdir(mode=0o1777)
        conf = self.config.render(self.hotspot.lan_interface)
        (self.tmp / "opennds.conf").write_text(conf, encoding="utf-8")  # its /tmp/opennds.conf
        inner = f'mount --bind "{self.tmp}" /tmp && exec opennds -f -c /tmp/opennds.conf'
        with self.log_path.open("wb") as log:
            self._process = self.hotspot.gateway.popen(
                ["unshare", "--mount", "--propagation", "private", "sh", "-c", inner],
                stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        wait_until(self._ready, START_TIMEOUT_S, "openNDS to start")

    def add_lease(self, mac: str, ip: str) -> None:
        expiry = int(time.time()) + 3600
        with (self.tmp / "dhcp.leases").open("a", encoding="ascii") as leases:
            leases.write(f"{expiry} {mac} {ip} infomat-test-client *\n")

    def ndsctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        """`ndsctl ARGS` as the router's own shell would run it."""
        if self._process is None:
            raise NetnsError("openNDS is not running")
        command = ["nsenter", "-t", str(self._process.pid), "-m", "-n", "ndsctl", *args]
        return subprocess.run(
            command, capture_output=True, text=True, timeout=NDSCTL_TIMEOUT_S, check=False
        )

    def authenticated_ips(self) -> list[str]:
        """The clients openNDS lets through now, by address."""
        listed = self.ndsctl("json")
        clients = json.loads(listed.stdout or "{}").get("clients", {})
        return sorted(c["ip"] for c in clients.values() if c.get("state") == "Authenticated")

    def is_running(self) -> bool:
        if self._process is None or self._process.poll() is not None:
            return False
        try:
            return self.ndsctl("status").returncode == 0
        except subprocess.TimeoutExpired:  # still starting on a busy machine (seen in CI)
            return False

    def filters(self) -> bool:
        """Whether openNDS's own iptables chains are in the gateway's tables."""
        rules = self.hotspot.gateway.run(["iptables-legacy-save", "-t", "nat"], check=False)
        return "ndsOUT" in rules.stdout

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def _ready(self) -> bool:
        if self._process is not None and self._process.poll() is not None:
            raise NetnsError(f"openNDS exited at start; log:\n{self.log()[-2000:]}")
        return self.is_running() and self.filters()

    def stop(self) -> None:
        if self._process is None:
            return
        self.ndsctl("stop")
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=5)
        self._process = None


@contextlib.contextmanager
def running(
    routers: Sequence[tuple[Hotspot, OpenNdsConfig]],
) -> Iterator[list[PrivateOpenNds]]:
    """An openNDS in each hotspot's gateway, each with its own /tmp, started side by side
    (~3.5 s each); all stopped afterwards, even on failure."""
    with contextlib.ExitStack() as stack:
        peers = []
        for hotspot, config in routers:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="opennds-")))
            peers.append(PrivateOpenNds(hotspot, config, folder))
            stack.callback(peers[-1].stop)
        with ThreadPoolExecutor(max_workers=len(peers) or 1) as pool:
            for started in [pool.submit(peer.start) for peer in peers]:
                started.result()
        yield peers
