"""Answers of the status page and API kept in this process, per case code and variant
(a language of the page, or the API's document), so a case asked for again is not looked up
and rendered again.

Bounded by bytes, least recently used first out, and each answer kept at most MAX_AGE_S.
Nothing in it is trusted on its own: before each use the store's change watch
(status_changes.py) says which codes changed since the last look, and those are forgotten;
when the watch cannot tell (its connection is down), the cache is emptied and not used.
An answer is only kept if nothing was forgotten while it was being looked up, so a page
read just before a clerk's move cannot outlive the move's notice.

An answer is kept as its parts: a page's frame (head, style, footer: ~2.9 KB of its
~3.7 KB) is one object shared by every page of its language and office, so only the
case's own part, and the entry's bookkeeping, count against the bound.

An entry is plain tuples of strings, bytes and numbers, which Python's cyclic garbage
collector stops tracking: a full cache (~40,000 entries) kept as objects added ~17 ms to
every full collection of the process, a pause every request then waiting met (the intake's
p99 on PostgreSQL, whose cache outlives filings, was 62-127 ms beside SQLite's 26-33 ms).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from office.status_changes import StatusWatch

MOST_BYTES = 64 * 1024 * 1024  # about 40,000 pages: ~0.9-1.2 KB of their own and the entry
MAX_AGE_S = 60.0  # a safety net: a notice lost without the connection noticing
ENTRY_BYTES = 512  # an entry's key, its place in the order and its objects, roughly


@dataclass(frozen=True, slots=True)
class KeptAnswer:
    """An answer's body as parts to join; `own_bytes`: what it alone holds (parts shared
    with other answers, such as a page's frame, are not counted)."""

    parts: tuple[bytes, ...]
    own_bytes: int

    @classmethod
    def whole(cls, body: bytes) -> KeptAnswer:
        return cls((body,), len(body))

    def body(self) -> bytes:
        return b"".join(self.parts)

    def length(self) -> int:
        return sum(map(len, self.parts))


class AnswerCache:
    def __init__(
        self,
        watch: StatusWatch,
        most_bytes: int = MOST_BYTES,
        max_age_s: float = MAX_AGE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._watch = watch
        self._most_bytes = most_bytes
        self._max_age_s = max_age_s
        self._clock = clock
        # (code, variant) -> (kept at, parts, own bytes): see the module's last paragraph
        self._answers: OrderedDict[tuple[str, str], _Entry] = OrderedDict()
        self._bytes = 0
        self._variants: set[str] = set()
        self._seen = -1  # the watch's position this cache is up to
        self._forgotten = 0  # changes each time anything is forgotten
        self._lock = threading.Lock()

    def get(self, code: str, variant: str) -> KeptAnswer | None:
        """The kept answer, after forgetting what changed; None when there is none."""
        return self.get_or_version(code, variant)[0]

    def get_or_version(self, code: str, variant: str) -> tuple[KeptAnswer | None, int]:
        """As `get`, with what `version` would say now (for `keep` after a lookup): one
        look at the store's changes instead of two."""
        with self._lock:
            if not self._catch_up():
                return None, self._forgotten
            kept = self._answers.get((code, variant))
            if kept is None:
                return None, self._forgotten
            if self._clock() - kept[0] > self._max_age_s:
                self._drop((code, variant))
                return None, self._forgotten
            self._answers.move_to_end((code, variant))
            return KeptAnswer(kept[1], kept[2]), self._forgotten

    def version(self) -> int:
        """Take this before looking an answer up; `keep` refuses it if anything changed."""
        with self._lock:
            self._catch_up()
            return self._forgotten

    def keep(self, code: str, variant: str, answer: KeptAnswer, version: int) -> None:
        with self._lock:
            if version != self._forgotten or _counted(answer.own_bytes) > self._most_bytes:
                return
            self._drop((code, variant))
            self._variants.add(variant)
            self._answers[(code, variant)] = (self._clock(), tuple(answer.parts), answer.own_bytes)
            self._bytes += _counted(answer.own_bytes)
            while self._bytes > self._most_bytes:
                self._drop(next(iter(self._answers)))

    def _catch_up(self) -> bool:
        position, changed, trusted = self._watch.changed_since(self._seen)
        if changed is None:
            self._forget_all()
        elif changed:
            self._forgotten += 1
            for code in changed:
                for variant in self._variants:
                    self._drop((code, variant))
        self._seen = position
        if not trusted:
            self._forget_all()
        return trusted

    def _forget_all(self) -> None:
        self._answers.clear()
        self._bytes = 0
        self._forgotten += 1

    def _drop(self, key: tuple[str, str]) -> None:
        kept = self._answers.pop(key, None)
        if kept is not None:
            self._bytes -= _counted(kept[2])


_Entry = tuple[float, tuple[bytes, ...], int]


def _counted(own_bytes: int) -> int:
    """What an entry counts against the bound: its answer's own bytes and its bookkeeping."""
    return own_bytes + ENTRY_BYTES
