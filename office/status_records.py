"""What the register tells a resident about one case: never the resident's data.

The status page and the status API are built from this record alone, so nothing personal
(the answers, the resident's name) can reach them by mistake.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from office.store import CaseState


@dataclass(frozen=True)
class HistoryEntry:
    """One step of a case: the state it entered, when, and the clerk's message (or "")."""

    state: CaseState
    changed_at: dt.datetime
    message: str


@dataclass(frozen=True)
class CaseStatusRecord:
    code: str
    case_number: str
    state: CaseState
    tenant_id: str
    service_id: str
    service_name: str  # the Polish name from the filed document ("" once purged)
    filed_at: dt.datetime
    received_at: dt.datetime  # the office's clock: its due date counts from here
    history: tuple[HistoryEntry, ...]  # oldest first; the intake writes the first

    @property
    def updated_at(self) -> dt.datetime:
        return self.history[-1].changed_at if self.history else self.filed_at

    @property
    def message(self) -> str:
        """The clerk's latest message that says something."""
        return next((e.message for e in reversed(self.history) if e.message.strip()), "")
