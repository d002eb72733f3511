"""Counters that several worker processes keep and one scrape adds up.

Each process counts in its own small file in a shared folder (`<pid>.counters`): a header
naming the layout, then one 8-byte slot per counter, mapped into memory, so counting is one
memory write without a lock or a system call. `totals()` reads every file in the folder,
including those of workers that have ended, so the sums never go backwards while the
service runs; `clear()` (at service start) begins again from zero.

Why not prometheus-client's multiprocess mode (issue 13 asked): it does the same thing (a
memory-mapped file per process, summed at scrape time) but (1) it is switched on for the whole
process by PROMETHEUS_MULTIPROC_DIR before the library is imported, so every registry in the
process follows it, while the portal keeps one registry per app (tests run several apps in
one process); (2) each `inc()` takes a lock and looks the value up by key: 2.3 us per
increment against 0.3 us for a slot here (timeit, prometheus-client 0.26.0, this machine),
on a probe path whose whole server-side cost is ~13.5 us. The exposition is still
prometheus-client's (metrics.py).
"""

from __future__ import annotations

import mmap
import os
import struct
import zlib
from collections.abc import Sequence
from pathlib import Path

from captive_portal.private_files import open_private, private_dir

_SUFFIX = ".counters"
_SLOT = 8


def _layout_id(names: Sequence[str]) -> int:
    return zlib.crc32("\n".join(names).encode())


class CounterFile:
    """This process's counters; `add` is for one thread per slot (it is not atomic)."""

    def __init__(self, folder: Path, names: Sequence[str]) -> None:
        self.names = tuple(names)
        self.folder = folder
        self._layout = _layout_id(self.names)
        size = _SLOT * (1 + len(self.names))
        private_dir(folder)
        fd = open_private(folder / f"{os.getpid()}{_SUFFIX}")
        try:
            if os.fstat(fd).st_size != size:
                os.ftruncate(fd, 0)  # another layout (an upgrade) or a new file: from zero
                os.ftruncate(fd, size)
            self._map = mmap.mmap(fd, size)
        finally:
            os.close(fd)
        self.slots = memoryview(self._map).cast("Q")
        if self.slots[0] != self._layout:
            self.slots[1:] = memoryview(bytes(size - _SLOT)).cast("Q")
            self.slots[0] = self._layout
        self.slot_of = {name: index for index, name in enumerate(self.names, start=1)}

    def add(self, name: str, amount: int = 1) -> None:
        self.slots[self.slot_of[name]] += amount

    def totals(self) -> dict[str, int]:
        """Each counter summed over every process's file with this layout."""
        sums = dict.fromkeys(self.names, 0)
        expected = _SLOT * (1 + len(self.names))
        for path in self.folder.glob(f"*{_SUFFIX}"):
            try:
                data = path.read_bytes()
            except OSError:
                continue  # removed while we looked
            if len(data) != expected:
                continue
            layout, *values = struct.unpack(f"={1 + len(self.names)}Q", data)
            if layout != self._layout:
                continue
            for name, value in zip(self.names, values, strict=True):
                sums[name] += value
        return sums

    def close(self) -> None:
        self.slots.release()
        self._map.close()


def clear(folder: Path) -> None:
    """Forget the counts of earlier runs (before any worker starts)."""
    for path in folder.glob(f"*{_SUFFIX}"):
        path.unlink(missing_ok=True)
