"""The case register in one SQLite file (WAL, synchronous=FULL): the default store.

One connection per process under a lock; a filing is one `BEGIN IMMEDIATE` transaction,
which also serialises two processes sharing the file (they wait up to the store timeout).
The file, its WAL and the data dir are readable by the service's user alone.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

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
from office.sqlite_access import SqliteDatabase
from office.status_changes import SqliteStatusWatch
from office.status_reads import SqliteStatusReader
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
    case_number,
    registration_year,
)
from office.store_rows import CASE_COLUMNS, case_from_row, moment, same_application

STATUS_OF = STATUS.format(name="json_extract(document, '$.service.name')", p="?", also="")
_FIND = f"SELECT {CASE_COLUMNS}, body_sha256 FROM cases WHERE code = ?"  # noqa: S608 - a constant column list


def _text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


class SqliteCaseStore:
    def __init__(self, path: Path, timeout_s: float = 10.0) -> None:
        try:
            _private_file(path)
            self._db = sqlite3.connect(
                path, timeout=timeout_s, check_same_thread=False, isolation_level=None
            )
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{path}: cannot open the case register ({exc})") from exc
        self.path = path
        self._lock = threading.Lock()
        self._status_watch = SqliteStatusWatch(path)
        self._status_reader = SqliteStatusReader(path, STATUS_OF, self.status_of)
        try:
            _switch_to_wal(self._db, timeout_s)
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            # Purged personal data is overwritten with zeros, not left in free pages.
            self._db.execute("PRAGMA secure_delete=ON")
            self._migrate()
        except sqlite3.Error as exc:
            self._db.close()
            raise StoreError(f"{path}: cannot prepare the case register ({exc})") from exc

    def _migrate(self) -> None:
        with self._transaction() as db:
            db.execute(SCHEMA_VERSION_TABLE)
            done = {row[0] for row in db.execute("SELECT version FROM schema_version")}
            for step in migrations("sqlite"):
                if step.version in done:
                    continue
                for statement in _statements(step.sql):
                    db.execute(statement)
                db.execute(
                    "INSERT INTO schema_version VALUES (?, ?, ?)",
                    (step.version, step.name, _text(dt.datetime.now(dt.UTC))),
                )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once so no other process slips in between."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def file_case(self, new: NewCase, received_at: dt.datetime) -> Filing:
        try:
            with self._transaction() as db:
                row = db.execute(_FIND, (new.code,)).fetchone()
                if row is not None:
                    return same_application(row, new)
                return Filing(self._insert(db, new, received_at), created=True)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot file {new.code} ({exc})") from exc

    def _insert(self, db: sqlite3.Connection, new: NewCase, received_at: dt.datetime) -> str:
        year = registration_year(received_at)
        (number,) = db.execute(
            "INSERT INTO case_counters VALUES (?, ?, 1) ON CONFLICT (tenant_id, year)"
            " DO UPDATE SET last_number = last_number + 1 RETURNING last_number",
            (new.tenant_id, year),
        ).fetchone()
        number_text = case_number(new.prefix, year, number)
        cursor = db.execute(
            "INSERT INTO cases (code, body_sha256, tenant_id, year, number, case_number,"
            " kiosk_id, service_id, form_id, form_version, filed_at, received_at, state,"
            " document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (new.code, new.body_sha256, new.tenant_id, year, number, number_text,
             new.kiosk_id, new.service_id, new.form_id, new.form_version,
             _text(new.filed_at), _text(received_at), FIRST_STATE, new.document),
        )  # fmt: skip
        db.execute(
            "INSERT INTO case_history (case_id, state, changed_at, actor) VALUES (?, ?, ?, ?)",
            (cursor.lastrowid, FIRST_STATE, _text(received_at), f"kiosk:{new.kiosk_id}"),
        )
        return number_text

    def find_case(self, code: str) -> Case | None:
        with self._reading() as db:
            row = db.execute(_FIND, (code,)).fetchone()
        return None if row is None else case_from_row(row)

    def cases_of(self, tenant_id: str) -> list[Case]:
        with self._reading() as db:
            rows = db.execute(
                f"SELECT {CASE_COLUMNS} FROM cases WHERE tenant_id = ? ORDER BY year, number",  # noqa: S608
                (tenant_id,),
            ).fetchall()
        return [case_from_row(row) for row in rows]

    def add_kiosk(
        self, kiosk_id: str, offices: Iterable[str], token_sha256: str, added_at: dt.datetime
    ) -> None:
        try:
            with self._transaction() as db:
                taken = db.execute(
                    "SELECT revoked_at FROM kiosks WHERE kiosk_id = ?", (kiosk_id,)
                ).fetchone()
                if taken is not None:
                    raise _taken(kiosk_id, taken[0])
                db.execute(
                    "INSERT INTO kiosks (kiosk_id, token_sha256, added_at) VALUES (?, ?, ?)",
                    (kiosk_id, token_sha256, _text(added_at)),
                )
                db.executemany(
                    "INSERT INTO kiosk_offices VALUES (?, ?)", [(kiosk_id, t) for t in offices]
                )
        except sqlite3.IntegrityError as exc:
            raise KioskExists(kiosk_id) from exc
        except sqlite3.Error as exc:
            raise StoreError(f"cannot register kiosk {kiosk_id} ({exc})") from exc

    def kiosk_by_token(self, token_sha256: str) -> Kiosk | None:
        with self._reading() as db:
            rows = db.execute(
                "SELECT k.kiosk_id, o.tenant_id, k.revoked_at FROM kiosks k"
                " LEFT JOIN kiosk_offices o ON o.kiosk_id = k.kiosk_id"
                " WHERE k.token_sha256 = ? AND k.revoked_at IS NULL",
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
        with self._reading() as db:
            db.execute("SELECT 1").fetchone()

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: cannot read the case register ({exc})") from exc

    def close(self) -> None:
        self._status_watch.close()
        self._status_reader.close()
        with self._lock:
            self._db.close()

    def status_watch(self) -> SqliteStatusWatch:
        return self._status_watch

    def status_reader(self) -> SqliteStatusReader:
        return self._status_reader

    def status_of(self, code: str) -> CaseStatusRecord | None:
        with self._reading() as db:
            rows = db.execute(STATUS_OF, (code,)).fetchall()
        return status_from_steps(rows)

    def cases_by_state(self) -> dict[str, int]:
        with self._reading() as db:
            rows = db.execute("SELECT state, count(*) FROM cases GROUP BY state").fetchall()
        return {str(state): int(count) for state, count in rows}

    def set_kiosk_key(self, kiosk_id: str, public_key: str) -> None:
        try:
            with self._transaction() as db:
                if not db.execute(
                    "SELECT 1 FROM kiosks WHERE kiosk_id = ?", (kiosk_id,)
                ).fetchall():
                    raise KioskUnknown(kiosk_id)
                db.execute(
                    "INSERT INTO kiosk_keys VALUES (?, ?) ON CONFLICT (kiosk_id)"
                    " DO UPDATE SET public_key = excluded.public_key",
                    (kiosk_id, public_key),
                )
        except sqlite3.IntegrityError as exc:
            raise PublicKeyTaken(kiosk_id) from exc
        except sqlite3.Error as exc:
            raise StoreError(f"cannot set the key of kiosk {kiosk_id} ({exc})") from exc

    def kiosk_by_public_key(self, public_key: str) -> Kiosk | None:
        with self._reading() as db:
            rows = db.execute(BY_PUBLIC_KEY.format("?"), (public_key,)).fetchall()
        return kiosk_from_rows(rows)

    def record_heartbeat(self, beat: KioskBeat) -> None:
        values = [_text(v) if isinstance(v, dt.datetime) else v for v in beat_values(beat)]
        try:
            with self._transaction() as db:
                db.execute(
                    f"INSERT INTO heartbeats ({BEAT_COLUMNS}) VALUES ({', '.join('?' * 12)})"  # noqa: S608
                    f" ON CONFLICT (kiosk_id) DO UPDATE SET {BEAT_UPDATES}",
                    values,
                )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot keep the heartbeat of {beat.kiosk_id} ({exc})") from exc

    def fleet(self) -> list[FleetKiosk]:
        with self._reading() as db:
            rows = db.execute(FLEET).fetchall()
        return fleet_from_rows(rows)

    def sql(self) -> SqliteDatabase:
        return SqliteDatabase(self._db, self._lock)


def _taken(kiosk_id: str, revoked_at: object) -> KioskExists:
    """The refusal of a kiosk id that is taken: by a kiosk in service, or a revoked one."""
    if revoked_at is None:
        return KioskExists(kiosk_id)
    return KioskRevoked(kiosk_id, moment(revoked_at))


def _private_file(path: Path) -> None:
    """Create the data dir 0700 and the file 0600 before SQLite does (its WAL and shared
    memory files then get the same mode)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration script, one at a time (executescript would commit)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip():
        raise ValueError("a migration ends in the middle of a statement")


def _switch_to_wal(db: sqlite3.Connection, timeout_s: float) -> None:
    """WAL mode, waiting for other processes opening the same new file. The switch needs
    the file to itself, and SQLite answers "database is locked" at once, without its busy
    wait, when two connections meet there (four instances starting together did)."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
