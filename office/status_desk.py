"""One lookup of a case's status by its code, as the status page and the API both do it.

Order: the client's throttle (429), the code's form and check character (400), the
register (404 or the record). Mistyped and unknown codes count against the client. The
answers for found cases may be kept (status_cache.py) and given again without the
register, on the event loop, once the throttle lets the client in as before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from office.status_cache import AnswerCache, KeptAnswer
from office.status_reads import ReadLater, StatusReader, ThreadedStatusReader
from office.status_records import CaseStatusRecord
from office.status_throttle import MissThrottle
from office.store import CaseStore, StoreError
from offline_cache.submission_code import ALPHABET, LENGTH, is_valid, normalise

log = logging.getLogger("office.status")
Outcome = Literal["found", "unknown", "malformed", "mismatch", "throttled", "unavailable"]


@dataclass(frozen=True)
class StatusAnswer:
    outcome: Outcome
    code: str  # compact and upper case, as far as it could be read
    record: CaseStatusRecord | None = None
    retry_after_s: int = 0


class StatusDesk:
    def __init__(
        self,
        store: CaseStore,
        throttle: MissThrottle,
        counted: Callable[[str], None] = lambda outcome: None,
        cache: AnswerCache | None = None,
        reader: StatusReader | None = None,
    ) -> None:
        self._store = store
        self._throttle = throttle
        self._counted = counted
        self._cache = cache
        self._reader = reader or ThreadedStatusReader(store.status_of)

    def kept(self, typed: str, client: str, variant: str) -> KeptAnswer | None:
        """The kept answer of a found case, if there is one and the client may have it
        now; None sends the request the whole way (look_up), throttled or not."""
        return self.kept_or_version(typed, client, variant)[0]

    def kept_or_version(
        self, typed: str, client: str, variant: str
    ) -> tuple[KeptAnswer | None, int]:
        """As `kept`; with no kept answer, the cache's version to pass to `keep`."""
        if self._cache is None:
            return None, 0
        kept, version = self._cache.get_or_version(normalise(typed)[: LENGTH + 1], variant)
        if kept is None or self._throttle.wait_s(client) > 0:
            return None, version
        self._counted("found")
        return kept, version

    def cache_version(self) -> int:
        """Take it before look_up; pass it to keep."""
        return self._cache.version() if self._cache else 0

    def keep(self, answer: StatusAnswer, variant: str, content: KeptAnswer, version: int) -> None:
        """Keep what was answered for a found case, unless it changed meanwhile."""
        if self._cache is not None and answer.outcome == "found":
            self._cache.keep(answer.code, variant, content, version)

    def look_up(self, typed: str, client: str) -> StatusAnswer:
        """Blocking (it may wait for the store): call it from a worker thread."""
        code = normalise(typed)[: LENGTH + 1]
        answer = self._refused(code, client)
        if answer is None:
            try:
                answer = self._found(code, client, self._store.status_of(code))
            except StoreError as exc:
                answer = _unavailable(code, exc)
        self._counted(answer.outcome)
        return answer

    async def answer(self, typed: str, client: str) -> StatusAnswer:
        """As look_up, on the event loop: the store is asked through the reader, waited
        for only when it cannot answer at once (answer_now)."""
        now = self.answer_now(typed, client)
        if now is not None:
            return now
        code = normalise(typed)[: LENGTH + 1]
        try:
            answer = self._found(code, client, await self._reader.status_of(code))
        except StoreError as exc:
            answer = _unavailable(code, exc)
        self._counted(answer.outcome)
        return answer

    def answer_now(self, typed: str, client: str) -> StatusAnswer | None:
        """As answer, without waiting: None (and nothing counted) when the register cannot
        be read at once, and `answer` has to be awaited instead."""
        code = normalise(typed)[: LENGTH + 1]
        answer = self._refused(code, client)
        if answer is None:
            try:
                answer = self._found(code, client, self._reader.status_now(code))
            except ReadLater:
                return None
            except StoreError as exc:
                answer = _unavailable(code, exc)
        self._counted(answer.outcome)
        return answer

    def _refused(self, code: str, client: str) -> StatusAnswer | None:
        """The answer when the throttle or the code's form refuses it, else None."""
        wait_s = self._throttle.wait_s(client)
        if wait_s > 0:
            return StatusAnswer("throttled", code, retry_after_s=max(1, round(wait_s + 0.5)))
        if len(code) != LENGTH or set(code) - set(ALPHABET):
            self._throttle.missed(client)
            return StatusAnswer("malformed", code)
        if not is_valid(code):
            self._throttle.missed(client)
            return StatusAnswer("mismatch", code)
        return None

    def _found(self, code: str, client: str, record: CaseStatusRecord | None) -> StatusAnswer:
        if record is None:
            self._throttle.missed(client)
            return StatusAnswer("unknown", code)
        return StatusAnswer("found", code, record)


def _unavailable(code: str, exc: StoreError) -> StatusAnswer:
    log.error("status of %s: the case register is unavailable: %s", code, exc)
    return StatusAnswer("unavailable", code, retry_after_s=30)
