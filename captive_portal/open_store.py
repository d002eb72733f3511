"""The store the settings ask for: PostgreSQL when `database_url` is set, else SQLite.

PostgreSQL's driver is imported only when asked for: the kiosk image's portal (one hotspot,
SQLite) is bundled without it.
"""

from __future__ import annotations

from captive_portal.settings import PortalSettings
from captive_portal.sqlite_store import SqliteStore
from captive_portal.store import SessionStore, StoreError


def open_store(settings: PortalSettings) -> SessionStore:
    if not settings.database_url:
        return SqliteStore(settings.store_file())
    try:
        from captive_portal.postgres_store import PostgresStore  # noqa: PLC0415
    except ImportError as exc:
        raise StoreError(
            f"database_url: this build of the portal has no PostgreSQL driver ({exc.name}); "
            "install the infomat-captive-portal package, or leave database_url empty for SQLite"
        ) from None
    return PostgresStore(settings.database_url, settings.data_path() / "store.stamp")
