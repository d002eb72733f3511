"""Accepts per client address per minute, counted in memory (per worker process)."""

from __future__ import annotations

import math
from collections import OrderedDict, deque
from collections.abc import Callable

WINDOW_SECONDS = 60.0


class AcceptLimiter:
    """A sliding one-minute window per address; the oldest addresses are forgotten first."""

    def __init__(
        self, per_minute: int, clock: Callable[[], float], max_addresses: int = 65536
    ) -> None:
        self._limit = per_minute
        self._clock = clock
        self._max = max_addresses
        self._seen: OrderedDict[str, deque[float]] = OrderedDict()

    def wait_seconds(self, address: str) -> int:
        """0 and count this attempt when allowed; else the seconds until the next is allowed."""
        now = self._clock()
        times = self._seen.pop(address, None) or deque()
        while times and times[0] <= now - WINDOW_SECONDS:
            times.popleft()
        self._seen[address] = times
        if len(times) >= self._limit:
            return max(1, math.ceil(times[0] + WINDOW_SECONDS - now))
        times.append(now)
        while len(self._seen) > self._max:
            self._seen.popitem(last=False)
        return 0
