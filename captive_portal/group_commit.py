"""Writes of many threads committed together: one transaction and one fsync for a group.

An accept flood queues its consent writes on the store's one write connection; each commit
(fsync, the host's write lock, the change stamp) held that connection while the next
accepts waited, and two workers on one SQLite file answered accepts at p99 ~130 ms while
probes flooded the same cores. Here a thread that wants to write puts its item in the
queue and takes the writer's lock; whoever holds the lock writes everything queued so far
in one transaction, so the threads that queued meanwhile find their item written when
their turn comes. Each caller still returns only after its own item is committed, so an
accept is answered after its consent is on disk, as before.

When the group's transaction fails, each item is written again on its own, so one bad
item fails its own caller only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class _Queued(Generic[T]):
    __slots__ = ("error", "item", "written")

    def __init__(self, item: T) -> None:
        self.item = item
        self.written = False
        self.error: BaseException | None = None


class GroupCommit(Generic[T]):
    """`write(items)` commits a list of items in one transaction, or raises having written
    none of them; it is only called with `writer` (the write connection's lock) held."""

    def __init__(self, writer: threading.Lock, write: Callable[[list[T]], None]) -> None:
        self._writer = writer
        self._write = write
        self._queue: list[_Queued[T]] = []
        self._queue_lock = threading.Lock()

    def submit(self, item: T) -> None:
        """Returns once `item` is committed; raises what writing it on its own raised."""
        queued = _Queued(item)
        with self._queue_lock:
            self._queue.append(queued)
        with self._writer:
            if not queued.written:
                with self._queue_lock:
                    group, self._queue = self._queue, []
                self._commit(group)
        if queued.error is not None:
            raise queued.error

    def _commit(self, group: list[_Queued[T]]) -> None:
        try:
            self._write([queued.item for queued in group])
        except BaseException:
            if len(group) == 1:
                group[0].written = True
                raise
            for queued in group:
                try:
                    self._write([queued.item])
                except BaseException as error:  # its caller raises it
                    queued.error = error
                queued.written = True
            return
        for queued in group:
            queued.written = True
