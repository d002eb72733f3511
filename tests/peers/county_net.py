"""Network namespaces for a county's hotspots: two routers handing out the same addresses.

    client 1 [lan0 10.77.0.2] -- [lan0 10.77.0.1] gateway 1 [wan0 10.99.1.1] --+
                                                                            internet
    client 2 [lan0 10.77.0.2] -- [lan0 10.77.0.1] gateway 2 [wan0 10.99.2.1] --+
                                             (10.99.1.2, 10.99.2.2; on lo: the site
                                              203.0.113.80, the portal's front 203.0.113.10)

Both LANs are 10.77.0.0/24 and both phones are 10.77.0.2, as two hotspots of one county
hand out the same addresses; each gateway masquerades its LAN behind its own WAN address
(legacy iptables, as openNDS uses there), so the internet tells them apart only by that.
Needs root, iproute2 and iptables-legacy; every namespace is removed afterwards.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator
from dataclasses import dataclass

from tests.peers.netns import Namespace, _address, _create, _destroy, _veth

CLIENT_IP = "10.77.0.2"
GATEWAY_LAN_IP = "10.77.0.1"
SITE_IP = "203.0.113.80"  # the "internet" web server
FRONT_IP = "203.0.113.10"  # where the county's load balancer takes phones' requests


@dataclass(frozen=True)
class Hotspot:
    """One router and the phone on its LAN."""

    client: Namespace
    gateway: Namespace
    wan_ip: str  # the gateway's address on the internet: the phone's, after NAT
    client_ip: str = CLIENT_IP
    gateway_lan_ip: str = GATEWAY_LAN_IP
    lan_interface: str = "lan0"

    def client_mac(self) -> str:
        out = self.client.run(["cat", f"/sys/class/net/{self.lan_interface}/address"]).stdout
        return out.strip()


@dataclass(frozen=True)
class County:
    internet: Namespace
    hotspots: tuple[Hotspot, ...]

    def namespaces(self) -> list[Namespace]:
        inner = [ns for hs in self.hotspots for ns in (hs.client, hs.gateway)]
        return [self.internet, *inner]


def _wire(county: County) -> None:
    internet = county.internet
    for ip in (SITE_IP, FRONT_IP):
        internet.run(["ip", "addr", "add", f"{ip}/32", "dev", "lo"])
    for n, hs in enumerate(county.hotspots, start=1):
        _veth(hs.client, "lan0", hs.gateway, "lan0")
        _veth(hs.gateway, "wan0", internet, f"hs{n}")
        _address(hs.client, "lan0", f"{hs.client_ip}/24")
        _address(hs.gateway, "lan0", f"{hs.gateway_lan_ip}/24")
        _address(hs.gateway, "wan0", f"{hs.wan_ip}/24")
        _address(internet, f"hs{n}", f"10.99.{n}.2/24")
        hs.client.run(["ip", "route", "add", "default", "via", hs.gateway_lan_ip])
        hs.gateway.run(["ip", "route", "add", "default", "via", f"10.99.{n}.2"])
        hs.gateway.run(["sysctl", "-qw", "net.ipv4.ip_forward=1"])
        hs.gateway.run(["iptables-legacy", "-t", "nat", "-A", "POSTROUTING", "-o", "wan0",
                        "-j", "MASQUERADE"])  # fmt: skip


@contextlib.contextmanager
def county(hotspots: int = 2, prefix: str = "cty") -> Iterator[County]:
    """The internet namespace and `hotspots` routers with a phone each, wired; all removed
    afterwards, even on failure."""
    tag = f"{prefix}{secrets.token_hex(3)}"
    made = County(
        Namespace(f"{tag}-net"),
        tuple(
            Hotspot(Namespace(f"{tag}-c{n}"), Namespace(f"{tag}-gw{n}"), f"10.99.{n}.1")
            for n in range(1, hotspots + 1)
        ),
    )
    try:
        for ns in made.namespaces():
            _create(ns)
        _wire(made)
        yield made
    finally:
        for ns in made.namespaces():
            _destroy(ns)
