"""The store in SQLite (WAL, synchronous=FULL): sessions and the consent log of one host.

Two connections per process: one for reads (the probes' lookups on the event loop), one for
writes (accepts, in worker threads). In WAL mode a read never waits for a write, so a probe
does not queue behind consent writes. The workers of a host take turns to write through a
lock file (flock: the next writer is woken when the lock is free, where SQLite's own busy
wait sleeps and retries, which put accepts of two workers at p99 ~1 s). Every committed
write changes the shared stamp beside the file, which tells the other workers' session
caches to read again (change_stamp.py).
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import threading
from dataclasses import astuple
from pathlib import Path

from captive_portal.change_stamp import ChangeStamp
from captive_portal.group_commit import GroupCommit
from captive_portal.private_files import DIR_MODE, narrow, open_private
from captive_portal.store import (
    Consent,
    GatewayExists,
    GatewayRecord,
    StoredSession,
    StoreError,
    VoucherClaim,
    VoucherTaken,
)
from captive_portal.store_schema import newest, steps


class SqliteStore:
    """The store in one SQLite file (WAL, synchronous=FULL) for the workers of one host."""

    def __init__(self, path: Path) -> None:
        try:
            path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
            os.close(open_private(path))  # SQLite gives its -wal and -shm files this mode
            for companion in ("-wal", "-shm"):
                narrow(path.with_name(path.name + companion))
            self._write_lock = open_private(path.with_name(path.name + ".lock"))
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA busy_timeout=5000")
            with _TurnToWrite(self._write_lock):
                _migrate(self._db)
            self._reader = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._reader.execute("PRAGMA busy_timeout=5000")
            self._reader.execute("PRAGMA query_only=1")
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{path}: cannot open the portal store ({exc})") from exc
        except StoreError as exc:
            self._db.close()
            raise StoreError(f"{path}: {exc}") from None
        try:
            self._stamp = ChangeStamp(path.with_name(path.name + ".stamp"))
        except OSError as exc:
            self._db.close()
            raise StoreError(f"{path}.stamp: cannot open the store's change stamp ({exc})") from exc
        self.path = path
        self._lock = threading.Lock()  # the writing connection
        self._read_lock = threading.Lock()  # the reading connection
        self._accepts = GroupCommit(self._lock, self._write_accepts)

    def close(self) -> None:
        with self._lock, self._read_lock:
            self._db.close()
            self._reader.close()
            self._stamp.close()
            os.close(self._write_lock)

    def stamp(self) -> int:
        """A value that changes whenever any process commits a write to this store."""
        return self._stamp.read()

    def changes_since(self, seen: int) -> tuple[int, frozenset[int] | None]:
        return self._stamp.changes_since(seen)

    def expiry_of(self, ip: str, gateway_id: str | None = None) -> float | None:
        args: tuple[str, ...]
        query, args = "SELECT max(expires_at) FROM sessions WHERE ip = ?", (ip,)
        if gateway_id is not None:
            query, args = query + " AND gateway_id = ?", (ip, gateway_id)
        with self._read_lock:
            row = self._reader.execute(query, args).fetchone()
        return None if row is None or row[0] is None else float(row[0])

    def record_accept(self, session: StoredSession, consent: Consent) -> None:
        """Save the session (replacing the client's earlier one) and its consent, atomically;
        accepts of other threads waiting meanwhile share the transaction (group_commit.py)."""
        self._accepts.submit((session, consent))

    def _write_accepts(self, accepts: list[tuple[StoredSession, Consent]]) -> None:
        with self._transaction(*(session.ip for session, _ in accepts)):
            self._db.executemany(
                "INSERT OR REPLACE INTO sessions (ip, gateway_id, mac_hash, expires_at, extra)"
                " VALUES (?, ?, ?, ?, ?)",
                [(s.ip, s.gateway_id, s.mac_hash, s.expires_at,
                  json.dumps(dict(s.extra), sort_keys=True)) for s, _ in accepts],
            )  # fmt: skip
            self._db.executemany(
                "INSERT INTO consents"
                " (accepted_at, terms_version, gateway_id, mac_hash, key_id, voucher)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(c.accepted_at, c.terms_version, c.gateway_id, c.mac_hash, c.key_id, c.voucher)
                 for _, c in accepts],
            )  # fmt: skip

    def end(self, ip: str, gateway_id: str | None = None) -> bool:
        with self._lock, self._transaction(ip):
            if gateway_id is None:
                done = self._db.execute("DELETE FROM sessions WHERE ip = ?", (ip,))
            else:
                done = self._db.execute(
                    "DELETE FROM sessions WHERE ip = ? AND gateway_id = ?", (ip, gateway_id)
                )
            return done.rowcount > 0

    def expired(self, since: float, now: float, limit: int) -> list[tuple[str, str]]:
        """(gateway, address) of sessions that ended in (since, now], oldest first."""
        with self._read_lock:
            rows = self._reader.execute(
                "SELECT gateway_id, ip FROM sessions WHERE expires_at > ? AND expires_at <= ?"
                " ORDER BY expires_at LIMIT ?",
                (since, now, limit),
            ).fetchall()
        return [(str(row[0]), str(row[1])) for row in rows]

    def end_if_expired(self, gateway_id: str, ip: str, now: float) -> bool:
        """Delete the client's session unless it was renewed in the meantime."""
        with self._lock, self._transaction(ip):
            done = self._db.execute(
                "DELETE FROM sessions WHERE gateway_id = ? AND ip = ? AND expires_at <= ?",
                (gateway_id, ip, now),
            )
            return done.rowcount > 0

    def sessions_valid_at(self, now: float) -> list[StoredSession]:
        with self._read_lock:
            rows = self._reader.execute(
                "SELECT ip, gateway_id, mac_hash, expires_at, extra FROM sessions"
                " WHERE expires_at > ? ORDER BY expires_at",
                (now,),
            ).fetchall()
        return [StoredSession(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]

    def count_valid(self, now: float) -> int:
        with self._read_lock:
            row = self._reader.execute("SELECT count(*) FROM sessions WHERE expires_at > ?", (now,))
            return int(row.fetchone()[0])

    def consents_since(self, since: float) -> list[Consent]:
        with self._read_lock:
            rows = self._reader.execute(
                "SELECT accepted_at, terms_version, gateway_id, mac_hash, key_id, voucher"
                " FROM consents WHERE accepted_at >= ? ORDER BY accepted_at",
                (since,),
            ).fetchall()
        return [Consent(*row) for row in rows]

    def purge(self, sessions_before: float, consents_before: float) -> tuple[int, int]:
        """Drop sessions ended before the one time, consents older than the other."""
        with self._lock, self._transaction():
            gone = self._db.execute(
                "DELETE FROM sessions WHERE expires_at <= ?", (sessions_before,)
            )
            old = self._db.execute("DELETE FROM consents WHERE accepted_at < ?", (consents_before,))
            self._db.execute("DELETE FROM vouchers_used WHERE expires_at <= ?", (sessions_before,))
            return gone.rowcount, old.rowcount

    def claim_voucher(self, claim: VoucherClaim, now: float) -> float:
        with self._lock, self._transaction():
            row = self._db.execute(
                "SELECT used_at, mac_hash FROM vouchers_used WHERE fingerprint = ?",
                (claim.fingerprint,),
            ).fetchone()
            if row is None:
                self._db.execute(
                    "INSERT INTO vouchers_used VALUES (?, ?, ?, ?, ?)",
                    (claim.fingerprint, now, claim.expires_at, claim.mac_hash, claim.gateway_id),
                )
                return now
        if claim.mac_hash is not None and row[1] == claim.mac_hash:
            return float(row[0])
        raise VoucherTaken

    def add_gateway(self, gateway: GatewayRecord) -> None:
        with self._lock, self._transaction():
            added = self._db.execute(
                "INSERT OR IGNORE INTO gateways (name, kind, address, faskey, fas_level,"
                " terms_version, admin_token_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                astuple(gateway),
            ).rowcount
        if not added:
            raise GatewayExists(gateway.name)

    def replace_gateway(self, gateway: GatewayRecord) -> bool:
        with self._lock, self._transaction():
            done = self._db.execute(
                "UPDATE gateways SET kind = ?, address = ?, faskey = ?, fas_level = ?,"
                " terms_version = ?, admin_token_sha256 = ?, created_at = ? WHERE name = ?",
                (*astuple(gateway)[1:], gateway.name),
            )
            return done.rowcount > 0

    def remove_gateway(self, name: str) -> bool:
        with self._lock, self._transaction():
            self._db.execute("DELETE FROM sessions WHERE gateway_id = ?", (name,))
            return self._db.execute("DELETE FROM gateways WHERE name = ?", (name,)).rowcount > 0

    def gateway(self, name: str) -> GatewayRecord | None:
        with self._read_lock:
            row = self._reader.execute(
                "SELECT name, kind, address, faskey, fas_level, terms_version,"
                " admin_token_sha256, created_at FROM gateways WHERE name = ?",
                (name,),
            ).fetchone()
        return None if row is None else GatewayRecord(*row)

    def gateways(self) -> list[GatewayRecord]:
        with self._read_lock:
            rows = self._reader.execute(
                "SELECT name, kind, address, faskey, fas_level, terms_version,"
                " admin_token_sha256, created_at FROM gateways ORDER BY name"
            ).fetchall()
        return [GatewayRecord(*row) for row in rows]

    def ping(self) -> None:
        with self._read_lock:
            self._reader.execute("SELECT 1").fetchone()

    def _transaction(self, *keys: str) -> _Transaction:
        """A write; `keys` are the client addresses it changes (none named: it may change any)."""
        return _Transaction(self._db, self._stamp, self._write_lock, keys or (None,))


class _TurnToWrite:
    """This process's turn to write, among the workers of the host (flock on a file)."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def __enter__(self) -> None:
        fcntl.flock(self._fd, fcntl.LOCK_EX)

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        fcntl.flock(self._fd, fcntl.LOCK_UN)


class _Transaction:
    def __init__(
        self,
        db: sqlite3.Connection,
        stamp: ChangeStamp,
        write_lock: int,
        keys: tuple[str | None, ...],
    ) -> None:
        self._db = db
        self._stamp = stamp
        self._keys = keys
        self._turn = _TurnToWrite(write_lock)

    def __enter__(self) -> None:
        self._turn.__enter__()
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except BaseException:
            self._turn.__exit__(None, None, None)
            raise

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        try:
            if kind is not None:
                self._db.execute("ROLLBACK")
                return
            self._db.execute("COMMIT")
            for key in self._keys:
                self._stamp.change(key)
        finally:
            self._turn.__exit__(None, None, None)


def _migrate(db: sqlite3.Connection) -> None:
    """Apply the numbered steps this file has not had (store_schema.py)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        have = int(db.execute("PRAGMA user_version").fetchone()[0])
        if have > newest("sqlite"):
            raise StoreError(
                f"the store was written by a newer portal (schema {have}); "
                "install that version again or restore a backup"
            )
        for step in steps("sqlite"):
            if step.version > have:
                for statement in filter(str.strip, step.sql.split(";")):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {step.version:d}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
