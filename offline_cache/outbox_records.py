"""What goes into the outbox (NewSubmission) and what comes out of it (Submission)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

State = Literal["queued", "delivered", "rejected"]
STATES: tuple[State, ...] = ("queued", "delivered", "rejected")


@dataclass(frozen=True)
class NewSubmission:
    """An application the resident has reviewed and consented to, ready to be filed.

    `answers` holds the normalised field values by field id; `answer_labels` the Polish
    label of each field, so the office reads "Imię i nazwisko" instead of "full_name".
    """

    kiosk_id: str
    tenant_id: str
    office_name: str
    service_id: str
    service_name: str
    form_id: str
    form_version: str
    language: str
    consent_version: str
    answers: Mapping[str, str]
    answer_labels: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Filed:
    """The outbox's promise: the submission is on disk under this code."""

    code: str
    filed_at: dt.datetime


@dataclass(frozen=True)
class Submission:
    """One row of the outbox. `answers` is None once personal data has been purged."""

    code: str
    filed_at: dt.datetime
    kiosk_id: str
    tenant_id: str
    office_name: str
    service_id: str
    service_name: str
    form_id: str
    form_version: str
    language: str
    consent_version: str
    answers: Mapping[str, str] | None
    answer_labels: Mapping[str, str]
    state: State
    attempts: int
    last_error: str
    next_attempt_at: dt.datetime | None
    delivered_at: dt.datetime | None
    case_number: str
    changed_at: dt.datetime
    purged_at: dt.datetime | None

    @property
    def purged(self) -> bool:
        return self.answers is None
