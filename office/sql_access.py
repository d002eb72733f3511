"""One way to run plain SQL on either store, so the clerks' queries are written once.

A query is written with `?` placeholders; the PostgreSQL side turns them into `%s` (so no
query may hold a literal `?` or `%`: pass such text as a parameter). Times go in as aware
datetimes: SQLite stores them as UTC ISO text (which sorts as time does), PostgreSQL as
timestamptz. Database failures surface as StoreError, whatever the engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, Literal, Protocol

Row = tuple[Any, ...]


class SqlTransaction(Protocol):
    def rows(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        """The rows a statement answers (empty for a statement that answers none)."""
        ...

    def run(self, sql: str, params: Sequence[object] = ()) -> int:
        """Run a statement; the number of rows it changed."""
        ...


class SqlDatabase(Protocol):
    # For the few statements the two engines spell differently (FOR UPDATE SKIP LOCKED).
    dialect: Literal["sqlite", "postgresql"]

    def reading(self) -> AbstractContextManager[SqlTransaction]:
        """A connection for reads (each statement sees committed data)."""
        ...

    def writing(self) -> AbstractContextManager[SqlTransaction]:
        """One write transaction: committed at the end, rolled back on any exception."""
        ...

    def forget_freed(self) -> None:
        """Let no copy of deleted data linger where the engine can drop it (SQLite: the
        WAL is checkpointed and truncated; PostgreSQL leaves it to VACUUM)."""
        ...
