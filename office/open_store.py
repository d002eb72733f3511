"""The store the settings ask for: PostgreSQL when `database_url` is set, else SQLite."""

from __future__ import annotations

from office.postgres_store import PostgresCaseStore
from office.settings import OfficeSettings
from office.sqlite_store import SqliteCaseStore
from office.store import CaseStore


def open_store(settings: OfficeSettings) -> CaseStore:
    """Open (and migrate) the case register; raises StoreError when it cannot."""
    if settings.database_url:
        return PostgresCaseStore(
            settings.database_url, settings.pool_size, settings.store_timeout_s
        )
    return SqliteCaseStore(settings.sqlite_file(), settings.store_timeout_s)
