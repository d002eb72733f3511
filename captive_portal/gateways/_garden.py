"""The walled garden's host names resolved once, at start, within a time limit.

nftables matches addresses, the settings hold host names (the e-services portal, the
WiFi4EU collector). Each name is looked up in its own daemon thread so a stalled resolver
costs at most `timeout_s` in all. Addresses that change later are only picked up at the
next start; dnsmasq's `nftset=` keeps the sets current instead (docs/gateways.md).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from captive_portal.gateway import GatewayError

log = logging.getLogger(__name__)

Resolver = Callable[[str], list[str]]
TIMEOUT_S = 5.0


def system_resolver(host: str) -> list[str]:
    """Every address the system resolver gives for `host` (TCP, any family)."""
    infos: list[Any] = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def resolve_hosts(
    hosts: Sequence[str], resolver: Resolver = system_resolver, timeout_s: float = TIMEOUT_S
) -> list[str]:
    """The addresses of `hosts`, deduplicated; GatewayError when none of them resolves."""
    if not hosts:
        return []
    found: dict[str, list[str]] = {}
    threads = [_lookup(host, resolver, found) for host in hosts]
    deadline = time.monotonic() + timeout_s
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    addresses: list[str] = []
    for host in hosts:
        resolved = found.get(host, [])
        log.info("walled garden: %s -> %s", host, ", ".join(resolved) or "not resolved")
        addresses += [a for a in resolved if a not in addresses]
    if not addresses:
        raise GatewayError(
            f"walled garden: none of {', '.join(hosts)} resolved within {timeout_s:g} s "
            "(check DNS on the gateway, or use dnsmasq's nftset=)"
        )
    return addresses


def _lookup(host: str, resolver: Resolver, found: dict[str, list[str]]) -> threading.Thread:
    def run() -> None:
        try:
            given = [str(ipaddress.ip_address(a.split("%")[0])) for a in resolver(host)]
        except (OSError, UnicodeError, ValueError):
            return
        found[host] = list(dict.fromkeys(given))

    thread = threading.Thread(target=run, name=f"resolve {host}", daemon=True)
    thread.start()
    return thread
