"""Schema of one catalogue generation file, as ordered migrations."""

from __future__ import annotations

import sqlite3

from offline_cache.migrations import Migration

# Contentless FTS5 tables: we never read the text back, only match and rank it.
# Prefix indexes for 1-3 letters keep "as you type" queries from merging thousands of
# term doclists; longer prefixes match few terms and need none.
_FTS = (
    "USING fts5(text, facets, content='', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
)

SEARCH_TIERS = ("search_name", "search_keywords", "search_all")
"""Search tables from the strongest match (the service's name) to the weakest (any text)."""


def _create_v1(conn: sqlite3.Connection) -> None:
    statements = [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # The verified bundle bytes (zlib): a newer schema rebuilds a generation from them,
        # so a software update never drops a kiosk back to its bundled catalogue.
        "CREATE TABLE bundle (raw BLOB NOT NULL)",
        """CREATE TABLE tenants (num INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
               kind TEXT NOT NULL, parent TEXT, record TEXT NOT NULL)""",
        """CREATE TABLE categories (num INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
               record TEXT NOT NULL)""",
        """CREATE TABLE life_events (num INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
               record TEXT NOT NULL)""",
        """CREATE TABLE services (num INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
               authority TEXT NOT NULL, popularity INTEGER NOT NULL, record TEXT NOT NULL)""",
        """CREATE TABLE service_facets (facet TEXT NOT NULL, service INTEGER NOT NULL,
               PRIMARY KEY (facet, service)) WITHOUT ROWID""",
        *(f"CREATE VIRTUAL TABLE {tier} {_FTS}" for tier in SEARCH_TIERS),
        "CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_all, 'row')",
    ]
    for statement in statements:
        conn.execute(statement)


def _rebuild_only(conn: sqlite3.Connection) -> None:
    """Nothing to alter: the index meaning changed, so older generations are rebuilt from
    their stored bundle (see catalogue_load.upgrade_outdated)."""


def _create_forms(conn: sqlite3.Connection) -> None:
    """Application forms. Older generations have none even when their bundle declares some,
    so they count as outdated and are rebuilt from their stored bundle like after v2."""
    conn.execute(
        """CREATE TABLE forms (num INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
               record TEXT NOT NULL)"""
    )


CATALOGUE_MIGRATIONS = [
    Migration(1, "catalogue tables and tiered search index", _create_v1),
    Migration(2, "a tenant's facet covers its bodies, not its communes", _rebuild_only),
    Migration(3, "application forms of kiosk channels", _create_forms),
]
CATALOGUE_SCHEMA_VERSION = CATALOGUE_MIGRATIONS[-1].version
