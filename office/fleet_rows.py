"""Rows of the status and fleet queries into records, the same for both databases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, cast

from office.fleet_records import FleetKiosk, KioskBeat
from office.status_records import CaseStatusRecord, HistoryEntry
from office.store import CaseState, Kiosk
from office.store_rows import moment

# What a resident may see of a case, with its history, in one statement: a row per step.
# The case is read once (MATERIALIZED), so its service's name is taken from the document
# once, not once per step (~7 µs each on SQLite). Format with the dialect's placeholder,
# its expression for the service's name and any further condition on the case.
STATUS = (
    "WITH c AS MATERIALIZED (SELECT id, code, case_number, state, tenant_id, service_id,"
    " filed_at, received_at, {name} AS service_name FROM cases WHERE code = {p}{also})"
    " SELECT c.code, c.case_number, c.state, c.tenant_id, c.service_id, c.filed_at,"
    " c.received_at, c.service_name, h.state, h.changed_at, h.message"
    " FROM c LEFT JOIN case_history h ON h.case_id = c.id ORDER BY h.id"
)
BEAT_COLUMNS = (
    "kiosk_id, received_at, sent_at, version, uptime_s, catalogue_generation, catalogue_age_s,"
    " outbox_queued, outbox_rejected, oldest_queued_age_s, printer_state, body"
)
# The next heartbeat replaces the last, unless the kiosk sent it earlier (a replay, or
# two crossing on the network): "last seen" must never go back.
BEAT_UPDATES = (
    ", ".join(f"{column} = excluded.{column}" for column in BEAT_COLUMNS.split(", ")[1:])
    + " WHERE excluded.sent_at >= heartbeats.sent_at"
)
# Every kiosk once per office (a kiosk of no office once), with its last heartbeat, then
# when it was registered and revoked.
FLEET = (
    "SELECT k.kiosk_id, o.tenant_id, p.public_key IS NOT NULL, h.kiosk_id, h.received_at,"
    " h.sent_at, h.version, h.uptime_s, h.catalogue_generation, h.catalogue_age_s,"
    " h.outbox_queued, h.outbox_rejected, h.oldest_queued_age_s, h.printer_state, h.body,"
    " k.added_at, k.revoked_at"
    " FROM kiosks k LEFT JOIN kiosk_offices o ON o.kiosk_id = k.kiosk_id"
    " LEFT JOIN kiosk_keys p ON p.kiosk_id = k.kiosk_id"
    " LEFT JOIN heartbeats h ON h.kiosk_id = k.kiosk_id ORDER BY k.kiosk_id, o.tenant_id"
)


def status_from_steps(rows: Sequence[Sequence[Any]]) -> CaseStatusRecord | None:
    """The record from the STATUS statement's rows (none: no such case)."""
    if not rows:
        return None
    case = rows[0]
    return CaseStatusRecord(
        code=str(case[0]),
        case_number=str(case[1]),
        state=cast(CaseState, case[2]),
        tenant_id=str(case[3]),
        service_id=str(case[4]),
        service_name=case[7] if isinstance(case[7], str) else "",
        filed_at=moment(case[5]),
        received_at=moment(case[6]),
        history=tuple(
            HistoryEntry(cast(CaseState, row[8]), moment(row[9]), str(row[10] or ""))
            for row in rows
            if row[8] is not None  # a case without a step (none is written so) has no history
        ),
    )


def beat_values(beat: KioskBeat) -> tuple[Any, ...]:
    """The heartbeat's values in BEAT_COLUMNS order (times as datetimes)."""
    return (
        beat.kiosk_id, beat.received_at, beat.sent_at, beat.version, beat.uptime_s,
        beat.catalogue_generation, beat.catalogue_age_s, beat.outbox_queued,
        beat.outbox_rejected, beat.oldest_queued_age_s, beat.printer_state, beat.body,
    )  # fmt: skip


def beat_from_row(row: Sequence[Any]) -> KioskBeat:
    return KioskBeat(
        kiosk_id=str(row[0]),
        received_at=moment(row[1]),
        sent_at=moment(row[2]),
        version=str(row[3]),
        uptime_s=_number(row[4]),
        catalogue_generation=row[5],
        catalogue_age_s=_number(row[6]),
        outbox_queued=row[7],
        outbox_rejected=row[8],
        oldest_queued_age_s=_number(row[9]),
        printer_state=row[10],
        body=str(row[11]),
    )


def fleet_from_rows(rows: Sequence[Sequence[Any]]) -> list[FleetKiosk]:
    kiosks: dict[str, FleetKiosk] = {}
    for row in rows:
        kiosk_id = str(row[0])
        known = kiosks.get(kiosk_id)
        offices = (*known.offices, str(row[1])) if known else (str(row[1]),)
        beat = beat_from_row(row[3:15]) if row[3] is not None else None
        kiosks[kiosk_id] = FleetKiosk(
            kiosk_id, offices if row[1] is not None else (), bool(row[2]), beat,
            registered_at=moment(row[15]), revoked_at=_moment_or_none(row[16]),
        )  # fmt: skip
    return list(kiosks.values())


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def _moment_or_none(value: Any) -> dt.datetime | None:
    return None if value is None else moment(value)


# The kiosk of a heartbeat key, once per office, revoked or not (the key stays taken).
BY_PUBLIC_KEY = (
    "SELECT p.kiosk_id, o.tenant_id, k.revoked_at FROM kiosk_keys p"
    " JOIN kiosks k ON k.kiosk_id = p.kiosk_id"
    " LEFT JOIN kiosk_offices o ON o.kiosk_id = p.kiosk_id WHERE p.public_key = {}"
)


def kiosk_from_rows(rows: Sequence[Sequence[Any]]) -> Kiosk | None:
    """A kiosk from rows of (kiosk_id, tenant_id or NULL, revoked_at), one per office."""
    if not rows:
        return None
    offices = frozenset(str(row[1]) for row in rows if row[1] is not None)
    return Kiosk(str(rows[0][0]), offices, _moment_or_none(rows[0][2]))
