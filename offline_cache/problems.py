"""Problems found in catalogue input, each tied to the record it is about."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RecordProblem:
    """One invalid record: which one, where inside it, and why.

    `record_id` is the record's own id when it has one, otherwise its position
    (e.g. ``services[12]``); `where` is a path inside the record (``costs[0].amount``)
    or empty when the problem is about the record as a whole.
    """

    record_id: str
    where: str
    reason: str

    def __str__(self) -> str:
        place = f"{self.record_id}: {self.where}" if self.where else self.record_id
        return f"{place}: {self.reason}"
