"""openNDS 9.10 (Debian) running in the gateway namespace of a `netns.Hotspot`.

The workarounds it needs outside OpenWrt (docs/platform-notes.md, "Captive portal peers"):
- legacy iptables: 9.10 fails with Debian's iptables-nft (`CHAIN_ADD failed`), so the
  gateway namespace gets an /etc/alternatives overlay pointing iptables at `-legacy`;
- a DHCP lease line for each client in /tmp/dhcp.leases, or openNDS answers 403;
- `gatewayfqdn disable` and `dhcp_default_url_enable 0`, so it leaves /etc/hosts and
  dnsmasq.conf alone; `gatewayinterface` in lower case;
- it uses fixed paths under /tmp, so one openNDS per host: a lock file serialises runs.
If openNDS dies at start the gateway forwards unfiltered, so `start` checks it is alive
and that its iptables chains exist, and tests assert `is_running` again at the end.

The FAS is whatever listens on `fas_address:fas_port` + `fas_path`: the test FAS stub
(`fas_stub.FasStub`) or the real portal started in the same namespace
(`portal_in_ns.PortalInNamespace`).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from captive_portal.gateway import GatewayError
from captive_portal.gateways._ndsctl import Ndsctl
from tests.peers.netns import Hotspot, NetnsError, wait_until

LEASES = Path("/tmp/dhcp.leases")
LOCK = Path("/run/lock/infomat-opennds-peer.lock")
LEGACY = ("iptables", "iptables-save", "iptables-restore",
          "ip6tables", "ip6tables-save", "ip6tables-restore")  # fmt: skip
START_TIMEOUT_S = 20.0  # a limit, not a wait: openNDS took over 8 s once in a loaded CI run
REQUIRED_BINARIES = ("opennds", "ndsctl", "iptables-legacy", "ip")


def missing_binaries() -> list[str]:
    return [name for name in REQUIRED_BINARIES if shutil.which(name) is None]


@dataclass(frozen=True)
class OpenNdsConfig:
    faskey: str
    fas_address: str
    fas_port: int = 8081
    fas_path: str = "/fas/"
    fas_level: int = 1
    gateway_port: int = 2050
    gateway_name: str = "Infomat test hotspot"
    session_minutes: int | None = None  # openNDS's sessiontimeout; None: its default (1440)

    def render(self, interface: str) -> str:
        return "\n".join(
            [
                f"gatewayinterface {interface.lower()}",  # upper case is not recognised
                f"gatewayname {self.gateway_name}",
                f"gatewayport {self.gateway_port}",
                "login_option_enabled 0",
                f"fasport {self.fas_port}",
                f"fasremoteip {self.fas_address}",
                f"faspath {self.fas_path}",
                f"fas_secure_enabled {self.fas_level}",
                f"faskey {self.faskey}",
                "gatewayfqdn disable",
                "dhcp_default_url_enable 0",
                "checkinterval 10",
                *([f"sessiontimeout {self.session_minutes}"] if self.session_minutes else []),
                "debuglevel 1",
                "FirewallRuleSet users-to-router {",
                "    FirewallRule allow udp port 53",
                "    FirewallRule allow tcp port 53",
                "    FirewallRule allow udp port 67",
                f"    FirewallRule allow tcp port {self.fas_port}",
                "}",
                "",
            ]
        )


class OpenNdsPeer:
    """Start with `running(...)`; everything it touched is restored afterwards."""

    def __init__(self, hotspot: Hotspot, config: OpenNdsConfig, workdir: Path) -> None:
        self.hotspot = hotspot
        self.config = config
        self._workdir = workdir
        self._process: subprocess.Popen[bytes] | None = None
        self.log_path = workdir / "opennds.log"

    def is_running(self) -> bool:
        """The process is alive and answers `ndsctl status`.

        ndsctl refuses while another ndsctl holds its lock (the portal's sweep calls it
        too): that answer is retried as the portal retries it, not taken for a death.
        """
        if self._process is None or self._process.poll() is not None:
            return False
        try:
            Ndsctl(["ndsctl"], 5.0).run("status")
        except GatewayError:
            return False
        return True

    def filters(self) -> bool:
        """Whether openNDS's own iptables chains are in the gateway's tables."""
        rules = self.hotspot.gateway.run(["iptables-save", "-t", "nat"], check=False).stdout
        return "ndsOUT" in rules

    def add_lease(self, mac: str, ip: str) -> None:
        expiry = int(time.time()) + 3600
        with LEASES.open("a", encoding="ascii") as leases:
            leases.write(f"{expiry} {mac} {ip} infomat-test-client *\n")

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def start(self) -> None:
        _legacy_iptables_overlay(self.hotspot.gateway.etc_dir())
        conf = self._workdir / "opennds.conf"
        conf.write_text(self.config.render(self.hotspot.lan_interface), encoding="utf-8")
        with self.log_path.open("wb") as log:
            self._process = self.hotspot.gateway.popen(
                ["opennds", "-f", "-c", str(conf)], stdout=log, stderr=subprocess.STDOUT
            )
        try:
            wait_until(self._ready, START_TIMEOUT_S, "openNDS to start")
        except NetnsError as error:
            raise NetnsError(f"{error}; openNDS log:\n{self.log()[-2000:]}") from None

    def _ready(self) -> bool:
        if self._process is not None and self._process.poll() is not None:
            raise NetnsError(f"openNDS exited at start; log:\n{self.log()[-2000:]}")
        return self.is_running() and self.filters()

    def stop(self) -> None:
        if self._process is None:
            return
        subprocess.run(["ndsctl", "stop"], capture_output=True, timeout=5, check=False)
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=5)
        self._process = None


def _legacy_iptables_overlay(etc: Path) -> None:
    """A copy of /etc/alternatives with iptables pointing at the legacy binaries."""
    overlay = etc / "alternatives"
    shutil.rmtree(overlay, ignore_errors=True)
    overlay.mkdir(parents=True)
    for entry in Path("/etc/alternatives").iterdir():
        if entry.is_symlink():
            (overlay / entry.name).symlink_to(os.readlink(entry))
    for name in LEGACY:
        legacy = name.replace("tables", "tables-legacy", 1)
        (overlay / name).unlink(missing_ok=True)
        (overlay / name).symlink_to(f"/usr/sbin/{legacy}")


@contextlib.contextmanager
def _host_lock(timeout_s: float = 60.0) -> Iterator[None]:
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with LOCK.open("w") as lock:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise NetnsError("another openNDS test holds the host lock") from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextlib.contextmanager
def _saved_leases() -> Iterator[None]:
    saved = LEASES.read_bytes() if LEASES.exists() else None
    LEASES.write_bytes(b"")
    try:
        yield
    finally:
        if saved is None:
            LEASES.unlink(missing_ok=True)
        else:
            LEASES.write_bytes(saved)


@contextlib.contextmanager
def running(hotspot: Hotspot, config: OpenNdsConfig) -> Iterator[OpenNdsPeer]:
    """openNDS in `hotspot.gateway`, stopped and cleaned up afterwards, even on failure."""
    with _host_lock(), _saved_leases(), tempfile.TemporaryDirectory(prefix="opennds-") as tmp:
        peer = OpenNdsPeer(hotspot, config, Path(tmp))
        try:
            peer.start()
            yield peer
        finally:
            peer.stop()
