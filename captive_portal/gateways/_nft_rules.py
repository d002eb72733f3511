"""The nftables ruleset of the hotspot, as libnftables JSON commands.

    table inet <table> {
      set allowed_v4_mac { type ipv4_addr . ether_addr; flags timeout; }
                        # authorised clients, each element with its remaining time:
                        # IPv4 by the address and MAC together where the MAC is known,
      set allowed_v4  { type ipv4_addr;  flags timeout; }   # by the address where not;
      set allowed_mac { type ether_addr; flags timeout; }   # IPv6 by the MAC (all of a
      set allowed_v6  { type ipv6_addr;  flags timeout; }   # phone's privacy addresses),
                                                            # or the address without one
      set seen_v4 / seen_v6 / seen_mac { flags dynamic, timeout; timeout 7d; }
                        # refreshed by every packet of an authorised client: its
                        # idle time is 7 days minus what is left
      set garden_v4 / garden_v6 { flags interval; }         # reachable before accepting
      chain prerouting  nat, dstnat: unauthorised LAN tcp/80 -> dnat to the portal
      chain input       filter: from the LAN only DNS, DHCP(v6), ICMP(v6) ND/RA, the portal
      chain forward     filter, policy drop: LAN traffic only for authorised or garden;
                        traffic not touching the LAN passes untouched
      chain from_lan    an authorised client's packet refreshes its `seen` element;
                        then the authorised/garden tests, then reject
    }

`install_commands` is idempotent and keeps the authorised sets, so a portal restart does
not log anyone out; chains and the walled garden are rebuilt from the settings.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

Json = dict[str, Any]
ALLOWED_SETS = {"ipv4_addr": "allowed_v4", "ipv6_addr": "allowed_v6", "ether_addr": "allowed_mac"}
PAIR_SET = "allowed_v4_mac"  # IPv4 address . MAC: another device on the address stays out
PAIR_TYPE = ["ipv4_addr", "ether_addr"]
SEEN_SETS = {"ipv4_addr": "seen_v4", "ipv6_addr": "seen_v6", "ether_addr": "seen_mac"}
SEEN_SECONDS = 7 * 86400  # longer than any session
GARDEN_SETS = {"ipv4_addr": "garden_v4", "ipv6_addr": "garden_v6"}
GATEWAY_UDP_PORTS = [53, 67, 68, 547]  # DNS, DHCP server and client, DHCPv6 server
ICMPV6_TYPES = ["nd-router-solicit", "nd-router-advert", "nd-neighbor-solicit",
                "nd-neighbor-advert", "echo-request", "mld-listener-report",
                "mld2-listener-report"]  # fmt: skip


@dataclass(frozen=True)
class Layout:
    table: str
    lan_interface: str
    portal_address: str
    portal_address6: str | None
    portal_port: int
    garden_v4: Sequence[str] = ()
    garden_v6: Sequence[str] = ()


def _match(left: Json, right: object, op: str = "==") -> Json:
    return {"match": {"op": op, "left": left, "right": right}}


def _meta(key: str) -> Json:
    return {"meta": {"key": key}}


def _field(protocol: str, name: str) -> Json:
    return {"payload": {"protocol": protocol, "field": name}}


ACCEPT: Json = {"accept": None}
RETURN: Json = {"return": None}


def _pair() -> Json:
    return {"concat": [_field("ip", "saddr"), _field("ether", "saddr")]}


def _exemptions(verdict: Json) -> list[list[Json]]:
    """Authorised clients and walled-garden destinations, each ending in `verdict`. A MAC
    lets IPv6 through only: over IPv4 it counts with its address (issue 13, attack 5)."""
    return [
        [_match(_pair(), f"@{PAIR_SET}"), verdict],
        [
            _match(_meta("nfproto"), "ipv6"),
            _match(_field("ether", "saddr"), "@allowed_mac"),
            verdict,
        ],
        [_match(_field("ip", "saddr"), "@allowed_v4"), verdict],
        [_match(_field("ip6", "saddr"), "@allowed_v6"), verdict],
        [_match(_field("ip", "daddr"), "@garden_v4"), verdict],
        [_match(_field("ip6", "daddr"), "@garden_v6"), verdict],
    ]


def _seen() -> list[list[Json]]:
    """Each packet of an authorised client refreshes its element in the `seen` sets."""
    rules = []
    for kind, protocol in {"ether_addr": "ether", "ipv4_addr": "ip", "ipv6_addr": "ip6"}.items():
        source = _field(protocol, "saddr")
        update = {"op": "update", "elem": source, "set": f"@{SEEN_SETS[kind]}"}
        rules.append([_match(source, f"@{ALLOWED_SETS[kind]}"), {"set": update}])
    for kind, protocol in {"ipv4_addr": "ip", "ether_addr": "ether"}.items():
        source = _field(protocol, "saddr")
        update = {"op": "update", "elem": source, "set": f"@{SEEN_SETS[kind]}"}
        rules.append([_match(_pair(), f"@{PAIR_SET}"), {"set": update}])
    return rules


def _prerouting(layout: Layout) -> list[list[Json]]:
    http = _match(_field("tcp", "dport"), 80)
    rules = [[_match(_meta("iifname"), layout.lan_interface, "!="), RETURN], *_exemptions(RETURN)]
    rules.append(
        [_match(_meta("nfproto"), "ipv4"), http,
         {"dnat": {"family": "ip", "addr": layout.portal_address, "port": layout.portal_port}}]
    )  # fmt: skip
    if layout.portal_address6 is not None:
        dnat6 = {"family": "ip6", "addr": layout.portal_address6, "port": layout.portal_port}
        rules.append([_match(_meta("nfproto"), "ipv6"), http, {"dnat": dnat6}])
    return rules


def _input(layout: Layout) -> list[list[Json]]:
    return [
        [_match(_meta("iifname"), layout.lan_interface, "!="), ACCEPT],
        [_match({"ct": {"key": "state"}}, ["established", "related"], "in"), ACCEPT],
        [_match(_field("udp", "dport"), {"set": GATEWAY_UDP_PORTS}), ACCEPT],
        [_match(_field("tcp", "dport"), {"set": [53, layout.portal_port]}), ACCEPT],
        [_match(_field("icmpv6", "type"), {"set": ICMPV6_TYPES}), ACCEPT],
        [_match(_field("icmp", "type"), "echo-request"), ACCEPT],
        *_reject(),
    ]


def _reject() -> list[list[Json]]:
    return [
        [_match(_meta("l4proto"), "tcp"), {"reject": {"type": "tcp reset"}}],
        [{"reject": {"type": "icmpx", "expr": "admin-prohibited"}}],
    ]


def _forward(layout: Layout) -> list[list[Json]]:
    lan = layout.lan_interface
    return [
        [_match(_meta("iifname"), lan, "!="), _match(_meta("oifname"), lan, "!="), ACCEPT],
        [_match(_meta("iifname"), lan), {"jump": {"target": "from_lan"}}],
        [_match({"ct": {"key": "state"}}, ["established", "related"], "in"), ACCEPT],
    ]


def _chain(table: str, name: str, hook: str | None, **base: object) -> Json:
    chain: Json = {"family": "inet", "table": table, "name": name}
    if hook is not None:
        chain.update(hook=hook, **base)
    return {"add": {"chain": chain}}


def _set(table: str, name: str, kind: str | list[str], flags: list[str], **more: object) -> Json:
    return {"add": {"set": {"family": "inet", "table": table, "name": name, "type": kind,
                            "flags": flags, **more}}}  # fmt: skip


def _rules(table: str, chain: str, rules: list[list[Json]]) -> list[Json]:
    flush = {"flush": {"chain": {"family": "inet", "table": table, "name": chain}}}
    added = [
        {"add": {"rule": {"family": "inet", "table": table, "chain": chain, "expr": expr}}}
        for expr in rules
    ]
    return [flush, *added]


def _garden(table: str, name: str, prefixes: Sequence[str]) -> list[Json]:
    where = {"family": "inet", "table": table, "name": name}
    commands: list[Json] = [{"flush": {"set": where}}]
    if prefixes:
        elements = [_prefix(p) for p in prefixes]
        commands.append({"add": {"element": {**where, "elem": elements}}})
    return commands


def _prefix(cidr: str) -> object:
    address, _, length = cidr.partition("/")
    return {"prefix": {"addr": address, "len": int(length)}} if length else address


def install_commands(layout: Layout, existing_sets: Collection[str] = ()) -> list[Json]:
    """One transaction that creates or refreshes everything but the authorised sets.

    The `seen` sets are created only when missing: nft makes them dynamic because the
    rules update them, and the JSON of nft 1.0.6 cannot say so, so adding one again with
    the flags JSON can express is refused ("File exists")."""
    t = layout.table
    commands: list[Json] = [{"add": {"table": {"family": "inet", "name": t}}}]
    commands += [_set(t, name, kind, ["timeout"]) for kind, name in ALLOWED_SETS.items()]
    commands.append(_set(t, PAIR_SET, PAIR_TYPE, ["timeout"]))
    commands += [
        _set(t, name, kind, ["timeout"], timeout=SEEN_SECONDS)
        for kind, name in SEEN_SETS.items()
        if name not in existing_sets
    ]
    commands += [_set(t, name, kind, ["interval"]) for kind, name in GARDEN_SETS.items()]
    commands += [
        _chain(t, "prerouting", "prerouting", type="nat", prio=-100, policy="accept"),
        _chain(t, "input", "input", type="filter", prio=0, policy="accept"),
        _chain(t, "forward", "forward", type="filter", prio=0, policy="drop"),
        _chain(t, "from_lan", None),
    ]
    commands += _rules(t, "from_lan", [*_seen(), *_exemptions(ACCEPT), *_reject()])
    commands += _rules(t, "prerouting", _prerouting(layout))
    commands += _rules(t, "input", _input(layout))
    commands += _rules(t, "forward", _forward(layout))
    commands += _garden(t, "garden_v4", layout.garden_v4)
    commands += _garden(t, "garden_v6", layout.garden_v6)
    return commands
