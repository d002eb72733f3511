"""Outbox rows to and from Python: times as sortable UTC text, answers as JSON."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Mapping
from typing import Any, cast

from offline_cache.outbox_records import NewSubmission, State, Submission

COLUMNS = (
    "code, filed_at, kiosk_id, tenant_id, office_name, service_id, service_name, form_id, "
    "form_version, language, consent_version, answers, answer_labels, state, attempts, "
    "last_error, next_attempt_at, delivered_at, case_number, changed_at, purged_at"
)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def to_text(moment: dt.datetime) -> str:
    """One fixed format in UTC, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("outbox times must carry a time zone")
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds")


def from_text(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def new_row(new: NewSubmission, code: str, now: dt.datetime) -> dict[str, Any]:
    """The row of a freshly filed submission: queued and due at once."""
    stamp = to_text(now)
    return {
        "code": code,
        "filed_at": stamp,
        "kiosk_id": new.kiosk_id,
        "tenant_id": new.tenant_id,
        "office_name": new.office_name,
        "service_id": new.service_id,
        "service_name": new.service_name,
        "form_id": new.form_id,
        "form_version": new.form_version,
        "language": new.language,
        "consent_version": new.consent_version,
        "answers": _json(new.answers),
        "answer_labels": _json(new.answer_labels),
        "state": "queued",
        "next_attempt_at": stamp,
        "changed_at": stamp,
    }


def submission(row: sqlite3.Row) -> Submission:
    return Submission(
        code=row["code"],
        filed_at=_required(row["filed_at"]),
        kiosk_id=row["kiosk_id"],
        tenant_id=row["tenant_id"],
        office_name=row["office_name"],
        service_id=row["service_id"],
        service_name=row["service_name"],
        form_id=row["form_id"],
        form_version=row["form_version"],
        language=row["language"],
        consent_version=row["consent_version"],
        answers=None if row["answers"] is None else _mapping(row["answers"]),
        answer_labels=_mapping(row["answer_labels"]),
        state=cast(State, row["state"]),
        attempts=row["attempts"],
        last_error=row["last_error"],
        next_attempt_at=from_text(row["next_attempt_at"]),
        delivered_at=from_text(row["delivered_at"]),
        case_number=row["case_number"],
        changed_at=_required(row["changed_at"]),
        purged_at=from_text(row["purged_at"]),
    )


def _json(values: Mapping[str, str]) -> str:
    return json.dumps(dict(values), ensure_ascii=False, sort_keys=False)


def _mapping(text: str) -> dict[str, str]:
    loaded = json.loads(text)
    return {str(key): str(value) for key, value in loaded.items()}


def _required(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)
