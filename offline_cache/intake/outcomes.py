"""What an intake says about one delivery attempt, and the one method every intake has."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from offline_cache.outbox_records import Submission


@dataclass(frozen=True)
class Delivered:
    """The office has the application under `case_number`.

    `note` says when the case number is not the office's own (e-mail and spool intakes,
    or an HTTP office that answered without one): then it is the submission code.
    """

    case_number: str
    note: str = ""


@dataclass(frozen=True)
class TryLater:
    """Not delivered this time, nobody's fault yet (network, office busy): try again.

    `retry_after_s` is the office's own wish (HTTP Retry-After), if it said one.
    """

    reason: str
    retry_after_s: float | None = None


@dataclass(frozen=True)
class Refused:
    """The office will not take it as it is: a technician must look before a retry."""

    reason: str


Outcome = Delivered | TryLater | Refused


class Intake(Protocol):
    """Delivers one submission; never raises for what the network or office does."""

    @property
    def name(self) -> str:
        """Short name for logs and metrics: http, smtp or spool."""
        ...

    def deliver(self, submission: Submission) -> Outcome: ...
