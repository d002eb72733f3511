"""A small file shared by the worker processes that changes whenever the store is written.

Each worker keeps the answers of its session lookups in memory; the probe and the catch-all
ask for them on every request. Every worker maps the same 8-byte file; a write to the
store puts a new random value there after its commit, and a reader that sees a value other
than the one it last saw drops its cached answers. Reading costs one memory load, no
system call and no query, so an accept or a deauthorisation in one worker is seen by the
next request in any other.
"""

from __future__ import annotations

import mmap
import os
import secrets
from pathlib import Path

from captive_portal.private_files import open_private

_SIZE = 8


class ChangeStamp:
    def __init__(self, path: Path) -> None:
        fd = open_private(path)
        try:
            if os.fstat(fd).st_size < _SIZE:
                os.ftruncate(fd, _SIZE)
            self._map = mmap.mmap(fd, _SIZE)
        finally:
            os.close(fd)
        self._value = memoryview(self._map).cast("Q")
        self.path = path

    def read(self) -> int:
        return int(self._value[0])

    def change(self) -> None:
        """Tell every reader that what it cached may be stale (an aligned 8-byte store)."""
        self._value[0] = secrets.randbits(64)

    def close(self) -> None:
        self._value.release()
        self._map.close()
