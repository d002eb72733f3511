"""Three network namespaces for hotspot tests: a client, a gateway and an upstream web.

    client  [lan0 192.168.77.2 fd77::2] --- [lan0 192.168.77.1 fd77::1]  gateway
    gateway [wan0 10.77.0.1    fd78::1] --- [wan0 10.77.0.2    fd78::2]  upstream

The gateway routes between the two links (no NAT), so whatever it does not filter reaches
the upstream. Every namespace gets its own `resolv.conf` (`nameserver 127.0.0.1`) because
servers stall on reverse DNS otherwise (docs/platform-notes.md). Needs root and iproute2.

Code can run inside a namespace in two ways: a subprocess through `ip netns exec`
(`Namespace.run`), or the calling thread switched with setns(2) (`Namespace.entered`);
sockets made while inside stay in that namespace, so servers can be started that way and
served from any thread.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import secrets
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

CLONE_NEWNET = 0x40000000
NETNS_ETC = Path("/etc/netns")
COMMAND_TIMEOUT_S = 10.0


class NetnsError(RuntimeError):
    """A namespace could not be set up or a command inside it failed."""


def can_use_namespaces() -> str | None:
    """None when namespaces can be made here, else the reason a test should skip."""
    if os.geteuid() != 0:
        return "needs root for network namespaces"
    if shutil.which("ip") is None:
        return "needs iproute2 (ip)"
    return None


def _setns(fd: int) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.setns(fd, CLONE_NEWNET) != 0:
        errno = ctypes.get_errno()
        raise NetnsError(f"setns failed: {os.strerror(errno)}")


@dataclass(frozen=True)
class Namespace:
    name: str

    def argv(self, argv: Sequence[str]) -> list[str]:
        return ["ip", "netns", "exec", self.name, *argv]

    def run(
        self, argv: Sequence[str], timeout: float = COMMAND_TIMEOUT_S, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            self.argv(argv), capture_output=True, text=True, timeout=timeout, check=False
        )
        if check and result.returncode != 0:
            raise NetnsError(f"{self.name}: {' '.join(argv)}: {result.stderr.strip()}")
        return result

    def popen(self, argv: Sequence[str], **options: object) -> subprocess.Popen[bytes]:
        return subprocess.Popen(self.argv(argv), **options)  # type: ignore[call-overload,no-any-return]

    @contextlib.contextmanager
    def entered(self) -> Iterator[None]:
        """Run the calling thread inside this namespace for the `with` block."""
        with (
            open("/proc/thread-self/ns/net", "rb") as home,
            open(f"/run/netns/{self.name}", "rb") as target,
        ):
            _setns(target.fileno())
            try:
                yield
            finally:
                _setns(home.fileno())

    def etc_dir(self) -> Path:
        """Files here are bind-mounted over /etc/<name> by `ip netns exec`."""
        return NETNS_ETC / self.name


@dataclass(frozen=True)
class Hotspot:
    """The three namespaces, their addresses, and nothing else."""

    client: Namespace
    gateway: Namespace
    upstream: Namespace
    client_ip: str = "192.168.77.2"
    client_ip6: str = "fd77::2"
    gateway_lan_ip: str = "192.168.77.1"
    gateway_lan_ip6: str = "fd77::1"
    gateway_wan_ip: str = "10.77.0.1"
    upstream_ip: str = "10.77.0.2"
    upstream_ip6: str = "fd78::2"
    lan_interface: str = "lan0"

    def namespaces(self) -> tuple[Namespace, Namespace, Namespace]:
        return (self.client, self.gateway, self.upstream)

    def client_mac(self) -> str:
        out = self.client.run(["cat", f"/sys/class/net/{self.lan_interface}/address"]).stdout
        return out.strip()


def _ip(*args: str) -> None:
    result = subprocess.run(
        ["ip", *args], capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S, check=False
    )
    if result.returncode != 0:
        raise NetnsError(f"ip {' '.join(args)}: {result.stderr.strip()}")


def _veth(a: Namespace, a_name: str, b: Namespace, b_name: str) -> None:
    _ip("link", "add", a_name, "netns", a.name, "type", "veth", "peer", "name", b_name,
        "netns", b.name)  # fmt: skip


def _address(ns: Namespace, interface: str, *cidrs: str) -> None:
    for cidr in cidrs:
        ns.run(["ip", "addr", "add", cidr, "dev", interface])
    ns.run(["ip", "link", "set", interface, "up"])


def _create(ns: Namespace) -> None:
    _ip("netns", "add", ns.name)
    ns.etc_dir().mkdir(parents=True, exist_ok=True)
    (ns.etc_dir() / "resolv.conf").write_text("nameserver 127.0.0.1\n", encoding="ascii")
    ns.run(["ip", "link", "set", "lo", "up"])
    # No duplicate address detection: link-local addresses stay "tentative" for ~2 s
    # otherwise, and IPv6 fails with "no route to host" until they are usable.
    ns.run(
        ["sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0", "net.ipv6.conf.all.accept_dad=0"]
    )


def _wire(hs: Hotspot) -> None:
    _veth(hs.client, "lan0", hs.gateway, "lan0")
    _veth(hs.gateway, "wan0", hs.upstream, "wan0")
    _address(hs.client, "lan0", f"{hs.client_ip}/24", f"{hs.client_ip6}/64")
    _address(hs.gateway, "lan0", f"{hs.gateway_lan_ip}/24", f"{hs.gateway_lan_ip6}/64")
    _address(hs.gateway, "wan0", f"{hs.gateway_wan_ip}/24", "fd78::1/64")
    _address(hs.upstream, "wan0", f"{hs.upstream_ip}/24", f"{hs.upstream_ip6}/64")
    hs.client.run(["ip", "route", "add", "default", "via", hs.gateway_lan_ip])
    hs.client.run(["ip", "-6", "route", "add", "default", "via", hs.gateway_lan_ip6])
    hs.upstream.run(["ip", "route", "add", "192.168.77.0/24", "via", hs.gateway_wan_ip])
    hs.upstream.run(["ip", "-6", "route", "add", "fd77::/64", "via", "fd78::1"])
    hs.gateway.run(["sysctl", "-qw", "net.ipv4.ip_forward=1"])
    hs.gateway.run(["sysctl", "-qw", "net.ipv6.conf.all.forwarding=1"])


def _answers(ns: Namespace, address: str) -> bool:
    """Whether `address` answers TCP from `ns` (a refusal counts: it proves the path)."""
    with ns.entered(), socket.socket(socket.AF_INET6 if ":" in address else socket.AF_INET) as s:
        s.settimeout(0.2)
        try:
            s.connect((address, 9))
        except ConnectionRefusedError:
            return True
        except OSError:
            return False
        return True


def _warm_up(hs: Hotspot) -> None:
    """Finish IPv6 neighbour discovery now: the first contact otherwise loses ~1 s."""
    for ns, address in ((hs.client, hs.gateway_lan_ip6), (hs.gateway, hs.upstream_ip6)):
        wait_until(
            functools.partial(_answers, ns, address), 5.0, f"IPv6 from {ns.name} to {address}"
        )


def _destroy(ns: Namespace) -> None:
    subprocess.run(["ip", "netns", "del", ns.name], capture_output=True, timeout=10, check=False)
    shutil.rmtree(ns.etc_dir(), ignore_errors=True)


@contextlib.contextmanager
def hotspot(prefix: str = "inf") -> Iterator[Hotspot]:
    """Three fresh namespaces wired as a hotspot; all removed afterwards, even on failure."""
    tag = f"{prefix}{secrets.token_hex(3)}"
    hs = Hotspot(Namespace(f"{tag}-c"), Namespace(f"{tag}-gw"), Namespace(f"{tag}-up"))
    try:
        for ns in hs.namespaces():
            _create(ns)
        _wire(hs)
        _warm_up(hs)
        yield hs
    finally:
        for ns in hs.namespaces():
            _destroy(ns)


def wait_until(
    condition: Callable[[], bool], timeout_s: float, what: str, step_s: float = 0.05
) -> float:
    """Poll until `condition` holds; the seconds it took, or NetnsError naming `what`."""
    start = time.monotonic()
    while True:
        if condition():
            return time.monotonic() - start
        if time.monotonic() - start > timeout_s:
            raise NetnsError(f"timed out after {timeout_s} s waiting for {what}")
        time.sleep(step_s)
