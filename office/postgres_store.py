"""The case register in PostgreSQL (psycopg 3 with a connection pool), for several instances.

Every instance sharing one database is one office: nothing that matters lives in a
process. A filing inserts its case without a number, then numbers it in a batch with the
other cases of its office and year waiting beside it (postgres_numbering.py), so numbers
stay gapless and unique while filings of one office no longer commit one at a time.
Migrations run under an advisory lock, so two instances starting at once apply each step
once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import psycopg
from psycopg import errors
from psycopg_pool import ConnectionPool, PoolTimeout

from office.fleet_records import FleetKiosk, KioskBeat, KioskUnknown, PublicKeyTaken
from office.fleet_rows import (
    BEAT_COLUMNS,
    BEAT_UPDATES,
    BY_PUBLIC_KEY,
    FLEET,
    STATUS,
    beat_values,
    fleet_from_rows,
    kiosk_from_rows,
    status_from_steps,
)
from office.kiosk_revocation import replace_token, revoke
from office.migrations import SCHEMA_VERSION_TABLE, migrations
from office.postgres_access import PostgresDatabase
from office.postgres_numbering import CaseNumbering
from office.status_changes import PostgresStatusWatch
from office.status_reads import BatchedStatusReader
from office.status_records import CaseStatusRecord
from office.store import (
    FIRST_STATE,
    Case,
    Filing,
    Kiosk,
    KioskExists,
    KioskRevoked,
    NewCase,
    Revocation,
    StoreError,
    registration_year,
)
from office.store_rows import CASE_COLUMNS, case_from_row, same_application

MIGRATION_LOCK = 0x1F0FF1CE  # any constant bigint shared by every instance
# Only numbered cases: one waiting for its number (postgres_numbering.py) is not shown yet.
STATUS_OF = STATUS.format(
    name="document->'service'->>'name'", p="%s", also=" AND number IS NOT NULL"
).encode()
STATUSES_OF = STATUS.format(
    name="document->'service'->>'name'", p="ANY(%s)", also=" AND number IS NOT NULL"
).encode()
_FIND = f"SELECT {CASE_COLUMNS}, body_sha256 FROM cases WHERE code = %s"  # noqa: S608 - a constant column list
_INSERT = (
    "WITH c AS (INSERT INTO cases (code, body_sha256, tenant_id, year, prefix, kiosk_id,"
    " service_id, form_id, form_version, filed_at, received_at, state, document)"
    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::jsonb)"
    " ON CONFLICT (code) DO NOTHING RETURNING id)"
    " INSERT INTO case_history (case_id, state, changed_at, actor)"
    " SELECT id, %s, %s, %s FROM c RETURNING case_id"
)


class PostgresCaseStore:
    def __init__(self, url: str, pool_size: int = 10, timeout_s: float = 10.0) -> None:
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=pool_size,
            timeout=timeout_s,
            kwargs={"autocommit": True, "connect_timeout": max(1, round(timeout_s))},
            open=False,
        )
        self._status_watch = PostgresStatusWatch(url)
        self._status_readers: list[BatchedStatusReader] = []
        self._numbering = CaseNumbering(self._pool)
        try:
            self._pool.open(wait=True, timeout=timeout_s)
            self._migrate()
            self._numbering.number_all_waiting()  # cases a crash left without a number
        except (psycopg.Error, PoolTimeout) as exc:
            self._pool.close()
            raise StoreError(f"cannot open the case register in PostgreSQL ({exc})") from exc

    def _migrate(self) -> None:
        with self._pool.connection() as db, db.transaction():
            db.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            db.execute(SCHEMA_VERSION_TABLE)
            done = {row[0] for row in db.execute("SELECT version FROM schema_version")}
            for step in migrations("postgresql"):
                if step.version not in done:
                    db.execute(step.sql.encode())
                    db.execute(
                        "INSERT INTO schema_version VALUES (%s, %s, %s)",
                        (step.version, step.name, dt.datetime.now(dt.UTC).isoformat()),
                    )

    @contextmanager
    def _connection(self, doing: str) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
        with _unavailable(doing), self._pool.connection() as db:
            yield db

    def file_case(self, new: NewCase, received_at: dt.datetime) -> Filing:
        with self._connection(f"file {new.code}") as db:
            created = self._inserted(db, new, received_at)
            if not created:
                row = db.execute(_FIND, (new.code,)).fetchone()
                assert row is not None  # filed before (perhaps for another office just now)
                if row[0] is not None or row[8] != new.body_sha256:
                    return same_application(row, new)
        try:  # ours, or a resend of one a crash left without a number
            number = self._numbering.number_of(new.code)
        except (psycopg.OperationalError, PoolTimeout) as exc:
            raise StoreError(
                f"cannot number {new.code}: PostgreSQL is unavailable ({exc})"
            ) from exc
        if number is None:
            raise StoreError(f"cannot number {new.code}: the case is gone")
        return Filing(number, created=created)

    def _inserted(
        self, db: psycopg.Connection[tuple[object, ...]], new: NewCase, received_at: dt.datetime
    ) -> bool:
        """Insert the case without a number, in a transaction that no other filing waits
        for; False when a case of this code is in already."""
        values = (
            new.code, new.body_sha256, new.tenant_id, registration_year(received_at),
            new.prefix, new.kiosk_id, new.service_id, new.form_id, new.form_version,
            new.filed_at, received_at, FIRST_STATE, new.document,
            FIRST_STATE, received_at, f"kiosk:{new.kiosk_id}",
        )  # fmt: skip
        return db.execute(_INSERT, values).fetchone() is not None

    def find_case(self, code: str) -> Case | None:
        with self._connection("read a case") as db:
            row = db.execute(_FIND, (code,)).fetchone()
        return None if row is None else case_from_row(row)

    def cases_of(self, tenant_id: str) -> list[Case]:
        with self._connection("read the cases") as db:
            rows = db.execute(
                f"SELECT {CASE_COLUMNS} FROM cases WHERE tenant_id = %s ORDER BY year, number",  # noqa: S608
                (tenant_id,),
            ).fetchall()
        return [case_from_row(row) for row in rows]

    def add_kiosk(
        self, kiosk_id: str, offices: Iterable[str], token_sha256: str, added_at: dt.datetime
    ) -> None:
        with self._connection(f"register kiosk {kiosk_id}") as db:
            try:
                with db.transaction():
                    db.execute(
                        "INSERT INTO kiosks (kiosk_id, token_sha256, added_at) VALUES (%s, %s, %s)",
                        (kiosk_id, token_sha256, added_at),
                    )
                    with db.cursor() as cursor:
                        cursor.executemany(
                            "INSERT INTO kiosk_offices VALUES (%s, %s)",
                            [(kiosk_id, tenant_id) for tenant_id in offices],
                        )
            except errors.UniqueViolation as exc:
                taken = db.execute(
                    "SELECT revoked_at FROM kiosks WHERE kiosk_id = %s", (kiosk_id,)
                ).fetchone()
                if taken is not None and isinstance(taken[0], dt.datetime):
                    raise KioskRevoked(kiosk_id, taken[0]) from exc
                raise KioskExists(kiosk_id) from exc

    def kiosk_by_token(self, token_sha256: str) -> Kiosk | None:
        with self._connection("check a kiosk") as db:
            rows = db.execute(
                "SELECT k.kiosk_id, o.tenant_id, k.revoked_at FROM kiosks k"
                " LEFT JOIN kiosk_offices o ON o.kiosk_id = k.kiosk_id"
                " WHERE k.token_sha256 = %s AND k.revoked_at IS NULL",
                (token_sha256,),
            ).fetchall()
        return kiosk_from_rows(rows)

    def revoke_kiosk(self, kiosk_id: str, at: dt.datetime, actor: str) -> Revocation:
        return revoke(self.sql(), kiosk_id, at, actor)

    def replace_kiosk_token(
        self, kiosk_id: str, token_sha256: str, at: dt.datetime, actor: str
    ) -> dt.datetime | None:
        return replace_token(self.sql(), kiosk_id, token_sha256, at, actor)

    def ping(self) -> None:
        with self._connection("reach the case register") as db:
            db.execute("SELECT 1")

    def close(self) -> None:
        self._status_watch.close()
        for reader in self._status_readers:
            reader.close()
        self._pool.close()

    def status_watch(self) -> PostgresStatusWatch:
        return self._status_watch

    def status_reader(self) -> BatchedStatusReader:
        reader = BatchedStatusReader(self.statuses_of)
        self._status_readers.append(reader)
        return reader

    def statuses_of(self, codes: list[str]) -> dict[str, CaseStatusRecord]:
        """`status_of` of several codes in one statement: the cases found, by code."""
        with self._connection("read the status of cases") as db:
            rows = db.execute(STATUSES_OF, (codes,)).fetchall()
        steps: dict[str, list[tuple[object, ...]]] = {}
        for row in rows:
            steps.setdefault(str(row[0]), []).append(row)
        found = {code: status_from_steps(case) for code, case in steps.items()}
        return {code: record for code, record in found.items() if record is not None}

    def status_of(self, code: str) -> CaseStatusRecord | None:
        with self._connection("read a case's status") as db:
            rows = db.execute(STATUS_OF, (code,)).fetchall()
        return status_from_steps(rows)

    def cases_by_state(self) -> dict[str, int]:
        with self._connection("count the cases") as db:
            rows = db.execute("SELECT state, count(*) FROM cases GROUP BY state").fetchall()
        return {str(state): int(str(count)) for state, count in rows}

    def set_kiosk_key(self, kiosk_id: str, public_key: str) -> None:
        with self._connection(f"set the key of kiosk {kiosk_id}") as db:
            try:
                db.execute(
                    "INSERT INTO kiosk_keys VALUES (%s, %s) ON CONFLICT (kiosk_id)"
                    " DO UPDATE SET public_key = EXCLUDED.public_key",
                    (kiosk_id, public_key),
                )
            except errors.ForeignKeyViolation as exc:
                raise KioskUnknown(kiosk_id) from exc
            except errors.UniqueViolation as exc:
                raise PublicKeyTaken(kiosk_id) from exc

    def kiosk_by_public_key(self, public_key: str) -> Kiosk | None:
        with self._connection("check a kiosk's key") as db:
            rows = db.execute(BY_PUBLIC_KEY.format("%s").encode(), (public_key,)).fetchall()
        return kiosk_from_rows(rows)

    def record_heartbeat(self, beat: KioskBeat) -> None:
        with self._connection(f"keep the heartbeat of {beat.kiosk_id}") as db:
            db.execute(
                f"INSERT INTO heartbeats ({BEAT_COLUMNS}) VALUES ({', '.join(['%s'] * 12)})"  # noqa: S608
                f" ON CONFLICT (kiosk_id) DO UPDATE SET {BEAT_UPDATES}".encode(),
                beat_values(beat),
            )

    def fleet(self) -> list[FleetKiosk]:
        with self._connection("read the fleet") as db:
            rows = db.execute(FLEET.encode()).fetchall()
        return fleet_from_rows(rows)

    def sql(self) -> PostgresDatabase:
        return PostgresDatabase(self._pool)


@contextmanager
def _unavailable(doing: str) -> Iterator[None]:
    """PostgreSQL or its pool failing to answer, as the store's StoreError."""
    try:
        yield
    except (psycopg.OperationalError, PoolTimeout) as exc:
        raise StoreError(f"cannot {doing}: PostgreSQL is unavailable ({exc})") from exc
