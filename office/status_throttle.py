"""Enumeration throttle of the status page and API: misses per client, in this process.

A resident asks for their own code, which is found; someone guessing codes misses almost
every time (22 of 23 random codes fail the check character, and the rest are unknown). So
each client (an IPv4 address, or an IPv6 /64, which one device may rotate through) has a
bucket of `per_minute` misses that refills evenly over a minute; an empty bucket answers
429 to everything that client asks until it refills.

The buckets live in this process: behind a load balancer each instance keeps its own, so a
client may miss `per_minute` times per instance. That bounds guessing at a rate far too
slow to find codes (about 1.8e12 of them) and keeps each lookup free of a database write.
"""

from __future__ import annotations

import functools
import ipaddress
import threading
import time
from collections.abc import Callable

MAX_CLIENTS = 10_000  # buckets kept at most; full ones are forgotten first


@functools.lru_cache(maxsize=4096)  # parsing an address cost more than a kept status page
def client_key(host: str) -> str:
    """Who counts as one client: an IPv4 address, or the /64 of an IPv6 one."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


class MissThrottle:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._capacity = float(per_minute)
        self._rate = per_minute / 60.0
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # client: (tokens, at)
        self._lock = threading.Lock()

    def wait_s(self, client: str) -> float:
        """Seconds until `client` may ask again; 0 when it may ask now."""
        with self._lock:
            tokens = self._tokens(client)
        return 0.0 if tokens >= 1 else (1 - tokens) / self._rate

    def missed(self, client: str) -> None:
        with self._lock:
            tokens = self._tokens(client)
            if len(self._buckets) >= MAX_CLIENTS and client not in self._buckets:
                self._forget_full()
            self._buckets[client] = (max(tokens - 1, 0.0), self._clock())

    def _tokens(self, client: str) -> float:
        if client not in self._buckets:
            return self._capacity
        tokens, at = self._buckets[client]
        return min(self._capacity, tokens + (self._clock() - at) * self._rate)

    def _forget_full(self) -> None:
        for client in [c for c in self._buckets if self._tokens(c) >= self._capacity]:
            del self._buckets[client]
        if len(self._buckets) >= MAX_CLIENTS:  # a flood of clients: start again
            self._buckets.clear()
