"""The case register in PostgreSQL (psycopg 3 with a connection pool), for several instances.

Every instance sharing one database is one office: nothing that matters lives in a
process. A filing locks its office's counter row for the year (`INSERT ... ON CONFLICT DO
UPDATE ... RETURNING`), so concurrent filings of one office take numbers one after
another, and a rolled-back filing gives its number back. Migrations run under an advisory
lock, so two instances starting at once apply each step once.
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
    HISTORY,
    STATUS_COLUMNS,
    beat_values,
    fleet_from_rows,
    status_from_rows,
)
from office.migrations import SCHEMA_VERSION_TABLE, migrations
from office.postgres_access import PostgresDatabase
from office.status_records import CaseStatusRecord
from office.store import (
    FIRST_STATE,
    Case,
    Filing,
    Kiosk,
    KioskExists,
    NewCase,
    StoreError,
    case_number,
    registration_year,
)
from office.store_rows import CASE_COLUMNS, case_from_row, same_application

MIGRATION_LOCK = 0x1F0FF1CE  # any constant bigint shared by every instance
_FIND = f"SELECT {CASE_COLUMNS}, body_sha256 FROM cases WHERE code = %s"  # noqa: S608 - a constant column list


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
        try:
            self._pool.open(wait=True, timeout=timeout_s)
            self._migrate()
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
        try:
            with self._pool.connection() as db:
                yield db
        except (psycopg.OperationalError, PoolTimeout) as exc:
            raise StoreError(f"cannot {doing}: PostgreSQL is unavailable ({exc})") from exc

    def file_case(self, new: NewCase, received_at: dt.datetime) -> Filing:
        with self._connection(f"file {new.code}") as db:
            row = db.execute(_FIND, (new.code,)).fetchone()
            if row is not None:
                return same_application(row, new)
            try:
                return self._file_new(db, new, received_at)
            except errors.UniqueViolation:
                # The same code filed for another office at the same moment (another
                # counter row, so no lock between us): theirs stands, ours is compared.
                row = db.execute(_FIND, (new.code,)).fetchone()
                if row is None:
                    raise
                return same_application(row, new)

    def _file_new(
        self, db: psycopg.Connection[tuple[object, ...]], new: NewCase, received_at: dt.datetime
    ) -> Filing:
        year = registration_year(received_at)
        earlier: tuple[object, ...] | None = None
        with db.transaction() as transaction:
            counter = db.execute(
                "INSERT INTO case_counters VALUES (%s, %s, 1) ON CONFLICT (tenant_id, year)"
                " DO UPDATE SET last_number = case_counters.last_number + 1"
                " RETURNING last_number",
                (new.tenant_id, year),
            ).fetchone()
            assert counter is not None
            # Holding the counter's lock now: a resend of this code that was being filed
            # by another instance has committed, and this statement sees it.
            row = db.execute(_FIND, (new.code,)).fetchone()
            if row is not None:
                earlier = row
                raise psycopg.Rollback(transaction)  # gives the number back
            number = int(str(counter[0]))
            number_text = case_number(new.prefix, year, number)
            db.execute(
                "WITH c AS (INSERT INTO cases (code, body_sha256, tenant_id, year, number,"
                " case_number, kiosk_id, service_id, form_id, form_version, filed_at,"
                " received_at, state, document) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s,"
                " %s, %s, %s, %s, %s::jsonb) RETURNING id)"
                " INSERT INTO case_history (case_id, state, changed_at, actor)"
                " SELECT id, %s, %s, %s FROM c",
                (new.code, new.body_sha256, new.tenant_id, year, number, number_text,
                 new.kiosk_id, new.service_id, new.form_id, new.form_version, new.filed_at,
                 received_at, FIRST_STATE, new.document,
                 FIRST_STATE, received_at, f"kiosk:{new.kiosk_id}"),
            )  # fmt: skip
        if earlier is not None:
            return same_application(earlier, new)
        return Filing(number_text, created=True)

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
                        "INSERT INTO kiosks VALUES (%s, %s, %s)",
                        (kiosk_id, token_sha256, added_at),
                    )
                    with db.cursor() as cursor:
                        cursor.executemany(
                            "INSERT INTO kiosk_offices VALUES (%s, %s)",
                            [(kiosk_id, tenant_id) for tenant_id in offices],
                        )
            except errors.UniqueViolation as exc:
                raise KioskExists(kiosk_id) from exc

    def kiosk_by_token(self, token_sha256: str) -> Kiosk | None:
        with self._connection("check a kiosk") as db:
            rows = db.execute(
                "SELECT k.kiosk_id, o.tenant_id FROM kiosks k LEFT JOIN kiosk_offices o"
                " ON o.kiosk_id = k.kiosk_id WHERE k.token_sha256 = %s",
                (token_sha256,),
            ).fetchall()
        if not rows:
            return None
        return Kiosk(str(rows[0][0]), frozenset(str(row[1]) for row in rows if row[1] is not None))

    def ping(self) -> None:
        with self._connection("reach the case register") as db:
            db.execute("SELECT 1")

    def close(self) -> None:
        self._pool.close()

    def status_of(self, code: str) -> CaseStatusRecord | None:
        with self._connection("read a case's status") as db:
            case = db.execute(
                f"SELECT {STATUS_COLUMNS}, document->'service'->>'name'"  # noqa: S608
                " FROM cases WHERE code = %s",
                (code,),
            ).fetchone()
            if case is None:
                return None
            history = db.execute(HISTORY.format("%s").encode(), (case[0],)).fetchall()
        return status_from_rows(case, case[8], history)

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
        if not rows:
            return None
        return Kiosk(str(rows[0][0]), frozenset(str(row[1]) for row in rows if row[1] is not None))

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
