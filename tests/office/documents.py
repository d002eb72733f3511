"""Applications as the kiosk's outbox sends them (its own document builder, real codes)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from offline_cache.intake.document import submission_document
from offline_cache.outbox_records import Submission
from offline_cache.submission_code import new_code
from tests.outbox_factories import new_submission

FILED_AT = dt.datetime(2026, 11, 20, 9, 58, tzinfo=dt.UTC)


def document(code: str | None = None, **overrides: Any) -> dict[str, Any]:
    """The infomat-submission/1 document of one application, with Polish personal data."""
    new = new_submission(**overrides)
    fields = {f.name: getattr(new, f.name) for f in dataclasses.fields(new)}
    record = Submission(
        code=code or new_code(), filed_at=FILED_AT, state="queued", attempts=0,
        last_error="", next_attempt_at=None, delivered_at=None, case_number="",
        changed_at=FILED_AT, purged_at=None, **fields,
    )  # fmt: skip
    return submission_document(record)


def headers(token: str, doc: dict[str, Any]) -> dict[str, str]:
    return {
        "Authorization": f"Bearer {token}",
        "Idempotency-Key": doc["code"],
        "Content-Type": "application/json; charset=utf-8",
    }


def body(doc: object) -> bytes:
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
