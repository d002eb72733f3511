"""The store in PostgreSQL: one for every portal instance of a county (`database_url`).

psycopg 3 with a small pool per worker process. Every write commits together with a
`NOTIFY` on one channel; each process listens on its own connection (store_listener.py)
and changes its host's stamp when one arrives, so the session caches of every worker on
every host drop what they hold at the next request. The process that wrote changes the
stamp itself too, at once, without waiting for its own notification.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import astuple
from pathlib import Path
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from captive_portal.change_stamp import ChangeStamp
from captive_portal.private_files import DIR_MODE
from captive_portal.store import (
    Consent,
    GatewayExists,
    GatewayRecord,
    StoredSession,
    StoreError,
    VoucherClaim,
    VoucherTaken,
)
from captive_portal.store_listener import CHANNEL, StoreListener
from captive_portal.store_schema import (
    POSTGRESQL_MIGRATION_LOCK,
    POSTGRESQL_VERSION_TABLE,
    newest,
    steps,
)

Connection = psycopg.Connection[tuple[Any, ...]]
POOL_SIZE = 4
READ_POOL_SIZE = 2
CONNECT_TIMEOUT_S = 5.0


class PostgresStore:
    def __init__(self, url: str, stamp_path: Path) -> None:
        try:
            stamp_path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
            self._stamp = ChangeStamp(stamp_path)
        except OSError as exc:
            raise StoreError(f"{stamp_path}: cannot open the store's change stamp ({exc})") from exc
        # Reads (the probes' session lookups) have connections of their own: a probe must
        # not queue for a connection behind accepts waiting for their commits to be flushed.
        self._pool, self._read_pool = _pool(url, POOL_SIZE), _pool(url, READ_POOL_SIZE)
        try:
            for pool in (self._pool, self._read_pool):
                pool.open(wait=True, timeout=CONNECT_TIMEOUT_S)
            with self._writing() as db:
                _migrate(db)
        except (PoolTimeout, StoreError) as exc:
            self._pool.close()
            self._read_pool.close()
            self._stamp.close()
            raise StoreError(f"database_url: {_without_detail(exc)}") from None
        self._listener = StoreListener(url, self._stamp)
        self._listener.start()

    def close(self) -> None:
        self._listener.stop()
        self._pool.close()
        self._read_pool.close()
        self._stamp.close()

    def stamp(self) -> int:
        return self._stamp.read()

    def changes_since(self, seen: int) -> tuple[int, frozenset[int] | None]:
        return self._stamp.changes_since(seen)

    def expiry_of(self, ip: str, gateway_id: str | None = None) -> float | None:
        args: tuple[str, ...]
        query, args = "SELECT max(expires_at) FROM sessions WHERE ip = %s", (ip,)
        if gateway_id is not None:
            query, args = query + " AND gateway_id = %s", (ip, gateway_id)
        with self._reading() as db:
            row = db.execute(query, args)
            found = row.fetchone()
        return None if found is None or found[0] is None else float(found[0])

    def record_accept(self, session: StoredSession, consent: Consent) -> None:
        with self._writing(session.ip) as db:
            db.execute(
                "INSERT INTO sessions (ip, gateway_id, mac_hash, expires_at, extra)"
                " VALUES (%s, %s, %s, %s, %s)"
                " ON CONFLICT (gateway_id, ip) DO UPDATE SET"
                " mac_hash = excluded.mac_hash, expires_at = excluded.expires_at,"
                " extra = excluded.extra",
                (session.ip, session.gateway_id, session.mac_hash, session.expires_at,
                 json.dumps(dict(session.extra), sort_keys=True)),
            )  # fmt: skip
            db.execute(
                "INSERT INTO consents"
                " (accepted_at, terms_version, gateway_id, mac_hash, key_id, voucher)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
                (consent.accepted_at, consent.terms_version, consent.gateway_id,
                 consent.mac_hash, consent.key_id, consent.voucher),
            )  # fmt: skip

    def end(self, ip: str, gateway_id: str | None = None) -> bool:
        with self._writing(ip) as db:
            if gateway_id is None:
                done = db.execute("DELETE FROM sessions WHERE ip = %s", (ip,))
            else:
                done = db.execute(
                    "DELETE FROM sessions WHERE ip = %s AND gateway_id = %s", (ip, gateway_id)
                )
            return done.rowcount > 0

    def expired(self, since: float, now: float, limit: int) -> list[tuple[str, str]]:
        with self._reading() as db:
            rows = db.execute(
                "SELECT gateway_id, ip FROM sessions WHERE expires_at > %s AND expires_at <= %s"
                " ORDER BY expires_at LIMIT %s",
                (since, now, limit),
            ).fetchall()
        return [(str(row[0]), str(row[1])) for row in rows]

    def end_if_expired(self, gateway_id: str, ip: str, now: float) -> bool:
        with self._writing(ip) as db:
            done = db.execute(
                "DELETE FROM sessions WHERE gateway_id = %s AND ip = %s AND expires_at <= %s",
                (gateway_id, ip, now),
            )
            return done.rowcount > 0

    def sessions_valid_at(self, now: float) -> list[StoredSession]:
        with self._reading() as db:
            rows = db.execute(
                "SELECT ip, gateway_id, mac_hash, expires_at, extra FROM sessions"
                " WHERE expires_at > %s"
                " ORDER BY expires_at",
                (now,),
            ).fetchall()
        return [StoredSession(r[0], r[1], r[2], float(r[3]), json.loads(r[4])) for r in rows]

    def count_valid(self, now: float) -> int:
        with self._reading() as db:
            row = db.execute("SELECT count(*) FROM sessions WHERE expires_at > %s", (now,))
            return int(row.fetchone()[0])  # type: ignore[index]

    def consents_since(self, since: float) -> list[Consent]:
        with self._reading() as db:
            rows = db.execute(
                "SELECT accepted_at, terms_version, gateway_id, mac_hash, key_id, voucher"
                " FROM consents WHERE accepted_at >= %s ORDER BY accepted_at",
                (since,),
            ).fetchall()
        return [Consent(float(r[0]), r[1], r[2], r[3], r[4], r[5]) for r in rows]

    def purge(self, sessions_before: float, consents_before: float) -> tuple[int, int]:
        with self._writing() as db:
            gone = db.execute("DELETE FROM sessions WHERE expires_at <= %s", (sessions_before,))
            old = db.execute("DELETE FROM consents WHERE accepted_at < %s", (consents_before,))
            db.execute("DELETE FROM vouchers_used WHERE expires_at <= %s", (sessions_before,))
            return gone.rowcount, old.rowcount

    def claim_voucher(self, claim: VoucherClaim, now: float) -> float:
        with self._writing() as db:
            # A device claiming the same voucher at the same moment waits here for the
            # first one's commit, then finds its row.
            added = db.execute(
                "INSERT INTO vouchers_used (fingerprint, used_at, expires_at, mac_hash,"
                " gateway_id) VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                (claim.fingerprint, now, claim.expires_at, claim.mac_hash, claim.gateway_id),
            ).rowcount
            if added:
                return now
            row = db.execute(
                "SELECT used_at, mac_hash FROM vouchers_used WHERE fingerprint = %s",
                (claim.fingerprint,),
            ).fetchone()
        if row is not None and claim.mac_hash is not None and row[1] == claim.mac_hash:
            return float(row[0])
        raise VoucherTaken

    def add_gateway(self, gateway: GatewayRecord) -> None:
        with self._writing() as db:
            added = db.execute(
                "INSERT INTO gateways (name, kind, address, faskey, fas_level, terms_version,"
                " admin_token_sha256, created_at)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                astuple(gateway),
            ).rowcount
        if not added:
            raise GatewayExists(gateway.name)

    def replace_gateway(self, gateway: GatewayRecord) -> bool:
        with self._writing() as db:
            done = db.execute(
                "UPDATE gateways SET kind = %s, address = %s, faskey = %s, fas_level = %s,"
                " terms_version = %s, admin_token_sha256 = %s, created_at = %s WHERE name = %s",
                (*astuple(gateway)[1:], gateway.name),
            )
            return done.rowcount > 0

    def remove_gateway(self, name: str) -> bool:
        with self._writing() as db:
            db.execute("DELETE FROM sessions WHERE gateway_id = %s", (name,))
            return db.execute("DELETE FROM gateways WHERE name = %s", (name,)).rowcount > 0

    def gateway(self, name: str) -> GatewayRecord | None:
        with self._reading() as db:
            row = db.execute(
                "SELECT name, kind, address, faskey, fas_level, terms_version,"
                " admin_token_sha256, created_at FROM gateways WHERE name = %s",
                (name,),
            ).fetchone()
        return None if row is None else _gateway_record(row)

    def gateways(self) -> list[GatewayRecord]:
        with self._reading() as db:
            rows = db.execute(
                "SELECT name, kind, address, faskey, fas_level, terms_version,"
                " admin_token_sha256, created_at FROM gateways ORDER BY name"
            ).fetchall()
        return [_gateway_record(row) for row in rows]

    def ping(self) -> None:
        with self._reading() as db:
            db.execute("SELECT 1").fetchone()

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        try:
            with self._read_pool.connection() as db:
                yield db
        except (psycopg.Error, PoolTimeout) as exc:
            raise StoreError(f"cannot read the portal store in PostgreSQL ({exc})") from exc

    @contextmanager
    def _writing(self, key: str | None = None) -> Iterator[Connection]:
        """A transaction; once it is committed, every listener is told what it changed: the
        client address `key`, or (empty) anything.

        The NOTIFY goes in a transaction of its own after the commit: PostgreSQL serialises
        the commits of transactions that notify, so inside the write it made every accept
        wait for the flush of the one before (measured: 103 accepts/s with fsync on). A
        notification lost to a crash in between is made up by the caches' one-second recheck.
        """
        try:
            with self._pool.connection() as db:
                with db.transaction():
                    yield db
                with db.transaction():
                    db.execute("SELECT pg_notify(%s, %s)", (CHANNEL, key or ""))
        except (psycopg.Error, PoolTimeout) as exc:
            raise StoreError(f"cannot write the portal store in PostgreSQL ({exc})") from exc
        self._stamp.change(key)


def _pool(url: str, size: int) -> ConnectionPool[Connection]:
    return ConnectionPool(
        url, min_size=1, max_size=size, open=False, timeout=CONNECT_TIMEOUT_S,
        kwargs={"connect_timeout": int(CONNECT_TIMEOUT_S)},
    )  # fmt: skip


def _migrate(db: Connection) -> None:
    """Apply the numbered steps this database has not had, under an advisory lock."""
    db.execute("SELECT pg_advisory_xact_lock(%s)", (POSTGRESQL_MIGRATION_LOCK,))
    db.execute(POSTGRESQL_VERSION_TABLE)
    row = db.execute("SELECT coalesce(max(version), 0) FROM portal_schema_version").fetchone()
    have = int(row[0]) if row else 0
    if have > newest("postgresql"):
        raise StoreError(f"the database was written by a newer portal (schema {have})")
    for step in steps("postgresql"):
        if step.version > have:
            db.execute(step.sql.encode())
            db.execute(
                "INSERT INTO portal_schema_version (version, name) VALUES (%s, %s)",
                (step.version, step.name),
            )


def _gateway_record(row: tuple[Any, ...]) -> GatewayRecord:
    name, kind, address, faskey, fas_level, terms_version, token_sha256, created_at = row
    return GatewayRecord(
        name, kind, address, faskey, int(fas_level), terms_version, token_sha256, float(created_at)
    )


def _without_detail(exc: Exception) -> str:
    """The reason, without psycopg's connection string (it may hold a password)."""
    if isinstance(exc, PoolTimeout):
        return f"cannot connect to PostgreSQL within {CONNECT_TIMEOUT_S:g} s"
    return str(exc)
