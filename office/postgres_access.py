"""SqlDatabase over the PostgreSQL store's pool (see sql_access.py)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Literal

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from office.sql_access import Row
from office.store import StoreError


def _postgres_sql(sql: str) -> bytes:
    return sql.replace("?", "%s").encode()


class _PostgresTransaction:
    def __init__(self, db: psycopg.Connection[tuple[object, ...]]) -> None:
        self._db = db

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        cursor = self._db.execute(_postgres_sql(sql), list(params))
        return cursor.fetchall() if cursor.description is not None else []

    def run(self, sql: str, params: Sequence[object] = ()) -> int:
        return self._db.execute(_postgres_sql(sql), list(params)).rowcount


class PostgresDatabase:
    dialect: Literal["sqlite", "postgresql"] = "postgresql"

    def __init__(self, pool: ConnectionPool[psycopg.Connection[tuple[object, ...]]]) -> None:
        self._pool = pool

    @contextmanager
    def reading(self) -> Iterator[_PostgresTransaction]:
        try:
            with self._pool.connection() as db:
                yield _PostgresTransaction(db)
        except (psycopg.Error, PoolTimeout) as exc:
            raise StoreError(f"cannot read the case register in PostgreSQL ({exc})") from exc

    @contextmanager
    def writing(self) -> Iterator[_PostgresTransaction]:
        try:
            with self._pool.connection() as db, db.transaction():
                yield _PostgresTransaction(db)
        except (psycopg.Error, PoolTimeout) as exc:
            raise StoreError(f"cannot write the case register in PostgreSQL ({exc})") from exc

    def forget_freed(self) -> None:
        """Nothing to do here: autovacuum reclaims dead rows (see docs/office.md)."""
