"""Rows of the case register into records, the same for both databases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, cast

from office.store import Case, CaseState, Filing, KeyReused, NewCase

CASE_COLUMNS = "case_number, code, tenant_id, kiosk_id, service_id, state, filed_at, received_at"


def moment(value: Any) -> dt.datetime:
    """A stored time: SQLite keeps ISO text, PostgreSQL answers a datetime."""
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def case_from_row(row: Sequence[Any]) -> Case:
    return Case(
        case_number=row[0],
        code=row[1],
        tenant_id=row[2],
        kiosk_id=row[3],
        service_id=row[4],
        state=cast(CaseState, row[5]),
        filed_at=moment(row[6]),
        received_at=moment(row[7]),
    )


def same_application(row: Sequence[Any], new: NewCase) -> Filing:
    """A stored case (CASE_COLUMNS, body_sha256) met again under its code: the same
    application gets its case number back, a different one is refused."""
    if row[8] != new.body_sha256:
        raise KeyReused(new.code)
    return Filing(row[0], created=False)
