"""Our own nftables rules as the hotspot gateway, for a portal running on the gateway host.

The ruleset (`_nft_rules`) redirects an unauthorised client's port 80 to the portal and
drops the rest of its traffic; authorising adds the client to sets whose elements expire
on their own, so a session ends even if the portal is down. Where the client's MAC is known,
IPv4 is let through for the address and MAC together (another device on the address stays
out) and IPv6 for the MAC (all of a phone's privacy addresses, not just the one that reached
the portal); without a MAC, by the address alone. Each packet of an
authorised client refreshes its element in a `seen` set, which is how `clients()` knows how
long a client has been idle.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any

from captive_portal.gateway import ClientContext, GatewayClient, GatewayError, GatewayInputError
from captive_portal.gateways import _validate as v
from captive_portal.gateways._conntrack import Conntrack
from captive_portal.gateways._neighbours import neighbour_mac, neighbour_macs
from captive_portal.gateways._nft import Json, Nft
from captive_portal.gateways._nft_rules import (
    ALLOWED_SETS,
    PAIR_SET,
    SEEN_SECONDS,
    SEEN_SETS,
    Layout,
    install_commands,
)
from captive_portal.gateways._privacy import LogTag

log = logging.getLogger(__name__)

TABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,31}")
INTERFACE = re.compile(r"[A-Za-z0-9_.@-]{1,15}")
MAX_SECONDS = 7 * 86400


class NftablesGateway:
    name = "nftables"
    clients_are_peers = True

    def __init__(
        self,
        lan_interface: str,
        portal_address: str,
        portal_port: int,
        *,
        table: str = "infomat_portal",
        portal_address6: str | None = None,
        walled_garden: Sequence[str] = (),
        ip_command: str = "ip",
        reset_redirected: bool = True,
        registered_name: str | None = None,
    ) -> None:
        """Settings are checked here (ValueError); nothing touches the kernel until used.

        `reset_redirected`: after a login, delete the client's conntrack entries still
        redirected to the portal (~6 ms here: the kernel walks its whole conntrack hash).
        `registered_name`: this router's name in the gateway registry, its clients'
        gateway_id (else the table's name): routers sharing one store need one each."""
        if not TABLE.fullmatch(table) or not INTERFACE.fullmatch(lan_interface):
            raise ValueError("table or lan_interface: not a valid nftables/interface name")
        if not 0 < portal_port < 65536:
            raise ValueError("portal_port: 1 to 65535")
        garden = _collapsed(walled_garden)
        self.gateway_id = registered_name or table
        self._layout = Layout(
            table=table,
            lan_interface=lan_interface,
            portal_address=str(ipaddress.IPv4Address(portal_address)),
            portal_address6=None
            if portal_address6 is None
            else str(ipaddress.IPv6Address(portal_address6)),
            portal_port=portal_port,
            garden_v4=[str(n) for n in garden if n.version == 4],
            garden_v6=[str(n) for n in garden if n.version == 6],
        )
        self._ip_command = ip_command
        self._nft = Nft()
        self._conntrack = Conntrack() if reset_redirected else None
        self._tag = LogTag()

    def install(self) -> None:
        """Create or refresh the table; authorised clients stay authorised."""
        self._nft.run(install_commands(self._layout, set(self._table_sets() or {})))
        log.info(
            "nftables table %s installed on %s", self._layout.table, self._layout.lan_interface
        )

    def identify(self, query: Mapping[str, str], peer_ip: str) -> ClientContext:
        """The TCP peer is the client (the portal is on the gateway); MAC from `ip neigh`."""
        ip = _client_ip(peer_ip)
        mac = neighbour_mac(self._ip_command, ip, self._layout.lan_interface)
        return ClientContext(ip=ip, mac=mac, gateway_id=self.gateway_id)

    def as_seen_now(self, client: ClientContext) -> ClientContext:
        """The MAC behind the client's address now, from the neighbour table: the splash's
        MAC may have been another device's."""
        ip = _client_ip(client.ip)
        mac = neighbour_mac(self._ip_command, ip, self._layout.lan_interface)
        return dataclasses.replace(client, ip=ip, mac=mac)

    def authorise(self, client: ClientContext, seconds: int) -> None:
        """Let the client through for `seconds` (a repeat restarts the time); then forget
        its connections still redirected to the portal."""
        ip, mac = _client_ip(client.ip), _optional_mac(client.mac)
        self._nft.run(self._grant(ip, mac, _seconds(seconds)))
        portal = self._portal_for(ip)
        forgotten = 0
        if portal is not None and self._conntrack is not None:
            forgotten = self._conntrack.forget_redirected(ip, portal)
        log.info("client %s authorised for %d s (%d redirected connections reset)",
                 self._tag(ip), seconds, forgotten)  # fmt: skip

    def deauthorise(self, ip: str) -> None:
        """Remove the client's address and every MAC let through with it; idempotent.

        A phone that accepted, changed its MAC and accepted again from the same address
        has two MACs in the sets, each noted with the address: both go, or the first stays
        online over IPv4 and IPv6 after the logout (issue 13, attack 3)."""
        ip = _client_ip(ip)
        sets = self._table_sets() or {}
        macs = {c.mac for c in _authorised(sets) if c.ip == ip and c.mac is not None}
        macs |= _macs_noted_with(sets, ip)
        commands = self._revoke(_set_for(ip), ip)
        for mac in sorted(macs):
            commands += self._revoke(ALLOWED_SETS["ether_addr"], mac)
            if _version(ip) == 4:
                commands += self._revoke(PAIR_SET, _pair(ip, mac))
        self._nft.run(commands)
        log.info("client %s deauthorised (%d MAC addresses)", self._tag(ip), len(macs))

    def clients(self) -> list[GatewayClient]:
        """Authorised addresses with the seconds left and the seconds since each last sent
        a packet from that address or its MAC (or since it was let through, if never).

        A missing table (a firewall reload flushed it, and with it the redirect: the
        hotspot would be open) is installed again; then nobody is listed, and the portal
        re-applies the sessions it holds."""
        sets = self._table_sets()
        if sets is None:
            log.warning("nftables table %s was missing; installed it again", self._layout.table)
            self.install()
            return []
        seen = [_element(e) for name in SEEN_SETS.values() for e in sets.get(name, [])]
        last_seen = {value: SEEN_SECONDS - expires for value, expires, _ in seen}
        found = []
        for client in _authorised(sets):
            ages = [client.idle_seconds, last_seen.get(client.ip), last_seen.get(client.mac or "")]
            idle = min((age for age in ages if age is not None), default=None)
            found.append(dataclasses.replace(client, idle_seconds=idle))
        return found

    def _table_sets(self) -> dict[str, list[Any]] | None:
        """The listed elements of each of our sets, by name; None when there is no table."""
        table = {"family": "inet", "name": self._layout.table}
        try:
            found = self._nft.run([{"list": {"table": table}}])
        except GatewayError:
            return None
        sets = [o["set"] for o in found if isinstance(o.get("set"), dict)]
        return {str(s.get("name")): list(s.get("elem", [])) for s in sets}

    def reapply(self, sessions: Sequence[tuple[ClientContext, int]]) -> None:
        """Install the table and authorise every live session again, in one batch."""
        self.install()
        live = [(client, min(seconds, MAX_SECONDS)) for client, seconds in sessions if seconds > 0]
        # The store keeps no MAC; a client still on the LAN gets its MAC (so its IPv6
        # privacy addresses) back from the neighbour table.
        macs = neighbour_macs(self._ip_command, self._layout.lan_interface) if live else {}
        commands: list[Json] = []
        for client, seconds in live:
            ip = _client_ip(client.ip)
            mac = _optional_mac(client.mac) or macs.get(ip)
            commands += self._grant(ip, mac, seconds)
        if commands:
            self._nft.run(commands)
        log.info("nftables sessions restored: %d", len(live))

    def _where(self, set_name: str) -> Json:
        return {"family": "inet", "table": self._layout.table, "name": set_name}

    def _grant(self, ip: str, mac: str | None, seconds: int) -> list[Json]:
        """By the address alone without a MAC; with one, the MAC (noted with the address)
        for IPv6, the address and MAC together for IPv4, the address for the listing."""
        if mac is None:
            return self._refresh(_set_for(ip), ip, seconds, None)
        commands = self._refresh(ALLOWED_SETS["ether_addr"], mac, seconds, ip)
        if _version(ip) == 4:
            return commands + self._refresh(PAIR_SET, _pair(ip, mac), seconds, None)
        return commands

    def _refresh(
        self, set_name: str, value: str | Json, seconds: int, comment: str | None
    ) -> list[Json]:
        """Add, or restart the timeout of, one element: nft 1.0.6 has no `destroy`, and
        `add` leaves an existing element's timeout alone, so add, delete, add again."""
        element: dict[str, object] = {"val": value, "timeout": seconds}
        if comment is not None:
            element["comment"] = comment
        where = self._where(set_name)
        return [
            {"add": {"element": {**where, "elem": [{"elem": {"val": value, "timeout": 1}}]}}},
            {"delete": {"element": {**where, "elem": [value]}}},
            {"add": {"element": {**where, "elem": [{"elem": element}]}}},
        ]

    def _revoke(self, set_name: str, value: str | Json) -> list[Json]:
        where = self._where(set_name)
        return [
            {"add": {"element": {**where, "elem": [{"elem": {"val": value, "timeout": 1}}]}}},
            {"delete": {"element": {**where, "elem": [value]}}},
        ]

    def _portal_for(self, ip: str) -> str | None:
        if ipaddress.ip_address(ip).version == 4:
            return self._layout.portal_address
        return self._layout.portal_address6


def _client_ip(value: str) -> str:
    """A client address; IPv4 seen through a dual-stack socket (::ffff:a.b.c.d) unwrapped."""
    address = ipaddress.ip_address(v.ip("ip", value))
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


def _collapsed(entries: Sequence[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """Addresses and networks with overlaps merged: an interval set refuses overlaps."""
    networks = [ipaddress.ip_network(entry, strict=False) for entry in entries]
    v4 = [n for n in networks if isinstance(n, ipaddress.IPv4Network)]
    v6 = [n for n in networks if isinstance(n, ipaddress.IPv6Network)]
    return [*ipaddress.collapse_addresses(v4), *ipaddress.collapse_addresses(v6)]


def _optional_mac(value: str | None) -> str | None:
    return None if value is None else v.mac("mac", value)


def _seconds(seconds: int) -> int:
    if not 0 < seconds <= MAX_SECONDS:
        raise GatewayInputError("seconds: 1 to 7 days")
    return seconds


def _set_for(ip: str) -> str:
    kind = "ipv4_addr" if ipaddress.ip_address(ip).version == 4 else "ipv6_addr"
    return ALLOWED_SETS[kind]


def _authorised(sets: Mapping[str, list[Any]]) -> list[GatewayClient]:
    """Every client let through, once: an IPv4 address with its MAC, an address without
    one, an IPv6 address by the MAC noted with it. `idle_seconds` here: since it was let
    through."""
    found = [_paired(e) for e in sets.get(PAIR_SET, [])]
    names = (ALLOWED_SETS["ipv4_addr"], ALLOWED_SETS["ipv6_addr"])
    found += [_client(*_element(e)) for name in names for e in sets.get(name, [])]
    for element in sets.get(ALLOWED_SETS["ether_addr"], []):
        mac, expires, data = _element(element)
        noted = str(data.get("comment", ""))
        if _is_ip(noted) and _version(noted) == 6:
            found.append(_client(noted, expires, {**data, "comment": mac}))
    return found


def _pair(ip: str, mac: str) -> Json:
    return {"concat": [ip, mac]}


def _paired(element: Any) -> GatewayClient:
    """An element of the address-and-MAC set: {"elem": {"val": {"concat": [ip, mac]}, ...}}."""
    try:
        data = element["elem"]
        ip, mac = data["val"]["concat"]
    except (KeyError, TypeError, ValueError) as error:
        raise GatewayError("nftables listed a malformed set element") from error
    return _client(str(ip), int(data.get("expires", 0)), {**data, "comment": str(mac)})


def _version(ip: str) -> int:
    return ipaddress.ip_address(ip).version


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _macs_noted_with(sets: Mapping[str, list[Any]], ip: str) -> set[str]:
    """The allowed MACs whose element notes `ip` (the address they were let through with)."""
    found = set()
    for element in sets.get(ALLOWED_SETS["ether_addr"], []):
        value, _, data = _element(element)
        if str(data.get("comment", "")) == ip:
            found.add(v.mac("mac", value))
    return found


def _element(element: Any) -> tuple[str, int, dict[str, Any]]:
    """A set element as listed: a bare value, or {"elem": {"val", "expires", ...}}."""
    try:
        data = element["elem"] if isinstance(element, dict) else {"val": element}
        return str(data["val"]), int(data.get("expires", 0)), data
    except (KeyError, TypeError, ValueError) as error:
        raise GatewayError("nftables listed a malformed set element") from error


def _client(value: str, expires: int, data: dict[str, Any]) -> GatewayClient:
    """An allowed set's element: the address, the MAC in its comment, its timeouts."""
    try:
        ip = v.ip("ip", value)
        comment = data.get("comment")
        mac = None if comment is None else v.mac("mac", str(comment))
        granted = data.get("timeout")
        since_granted = None if granted is None else max(0, int(granted) - expires)
    except (TypeError, ValueError) as error:
        raise GatewayError("nftables listed a malformed set element") from error
    left = expires if "expires" in data else None
    return GatewayClient(ip, mac, left, since_granted)
