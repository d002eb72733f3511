"""Accepts per client address per minute, one count shared by every worker process.

The counts live in a small memory-mapped table in the data dir, so a client meets the same
limit whichever worker takes its connection. A row is an address's hash, the newest
10-second bucket it was counted in and its counts in the last six buckets: the window is
the current bucket and the five before it (50 to 60 seconds). An accept locks the table
(fcntl, plus a thread lock) only while it reads and counts its row; probes never touch it.
An address hashes to a home row and looks at the next few; when all are taken, the row
counted longest ago is given up. IPv6 counts per /64 (client_key.py).
"""

from __future__ import annotations

import fcntl
import hashlib
import math
import mmap
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from captive_portal.client_key import client_key
from captive_portal.private_files import open_private, private_dir

BUCKET_SECONDS = 10
BUCKETS = 6  # the window: 6 buckets of 10 s
_KEY, _NEWEST, _COUNTS = 0, 1, 2
_ROW_SLOTS = _COUNTS + BUCKETS
_LOOK_AT = 8  # rows looked at per address


class AcceptLimiter:
    def __init__(
        self, per_minute: int, clock: Callable[[], float], path: Path, rows: int = 4096
    ) -> None:
        self._limit = per_minute
        self._clock = clock
        self._rows = rows
        self._thread_lock = threading.Lock()
        size = rows * _ROW_SLOTS * 8
        private_dir(path.parent)
        self._fd = open_private(path)
        with self._locked():
            if os.fstat(self._fd).st_size < size:
                os.ftruncate(self._fd, size)  # never shrunk: another worker may have it mapped
        self._map = mmap.mmap(self._fd, size)
        self._slots = memoryview(self._map).cast("Q")

    def wait_seconds(self, address: str) -> int:
        """0 and count this attempt when allowed; else the seconds until the next is allowed."""
        now = self._clock()
        bucket = int(now // BUCKET_SECONDS)
        key = _key(client_key(address))
        with self._locked():
            base = self._row_of(key, bucket)
            slots = self._slots
            counts = [slots[base + _COUNTS + (bucket - age) % BUCKETS] for age in range(BUCKETS)]
            if sum(counts) < self._limit:
                self._slots[base + _COUNTS + bucket % BUCKETS] += 1
                return 0
        return _seconds_until_allowed(counts, self._limit, now, bucket)

    def close(self) -> None:
        self._slots.release()
        self._map.close()
        os.close(self._fd)

    def _row_of(self, key: int, bucket: int) -> int:
        """The first slot of `key`'s row, its buckets moved on to `bucket`."""
        home = key % self._rows
        stalest = None
        for step in range(_LOOK_AT):
            base = ((home + step) % self._rows) * _ROW_SLOTS
            if self._slots[base + _KEY] == key:
                self._move_on(base, bucket)
                return base
            if stalest is None or self._slots[base + _NEWEST] < self._slots[stalest + _NEWEST]:
                stalest = base
        assert stalest is not None
        self._slots[stalest : stalest + _ROW_SLOTS] = _empty_row(key, bucket)
        return stalest

    def _move_on(self, base: int, bucket: int) -> None:
        newest = self._slots[base + _NEWEST]
        for passed in range(newest + 1, min(bucket, newest + BUCKETS) + 1):
            self._slots[base + _COUNTS + passed % BUCKETS] = 0
        self._slots[base + _NEWEST] = max(newest, bucket)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with self._thread_lock:
            fcntl.lockf(self._fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.lockf(self._fd, fcntl.LOCK_UN)


def _key(client: str) -> int:
    """A non-zero 64-bit hash of the client's key (zero marks an empty row)."""
    digest = hashlib.blake2b(client.encode(), digest_size=8, person=b"accept-limit").digest()
    return int.from_bytes(digest, "little") or 1


def _empty_row(key: int, bucket: int) -> memoryview:
    row = key.to_bytes(8, "little") + bucket.to_bytes(8, "little") + bytes(BUCKETS * 8)
    return memoryview(row).cast("Q")


def _seconds_until_allowed(counts: list[int], limit: int, now: float, bucket: int) -> int:
    """How long until enough of the oldest buckets leave the window to allow one more.

    `counts[age]` is the count of the bucket `age` buckets back; the bucket of that age
    leaves the window when bucket `bucket - age + BUCKETS` begins."""
    total = sum(counts)
    for age in range(BUCKETS - 1, -1, -1):
        total -= counts[age]
        if total < limit:
            leaves_at = (bucket - age + BUCKETS) * BUCKET_SECONDS
            return max(1, math.ceil(leaves_at - now))
    return BUCKETS * BUCKET_SECONDS  # not reached: the current bucket leaves last
