"""Schema of one catalogue generation file, as ordered migrations."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from offline_cache.migrations import Migration

# Contentless FTS5 tables: we never read the text back, only match and rank it.
# Prefix indexes for 1-3 letters keep "as you type" queries from merging thousands of
# term doclists; longer prefixes match few terms and need none.
_OPTIONS = "content='', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'"
_FTS = f"USING fts5(text, facets, {_OPTIONS})"

SEARCH_TABLES = ("search_name", "search_keywords", "search_all")
"""Search tables, each holding more of a service than the one before: its name; name and
keywords; everything, with the names of its categories and life events and the documents
to bring in columns of their own."""

SEARCH_COLUMNS = {
    "search_name": ("text",),
    "search_keywords": ("text",),
    "search_all": ("text", "terms", "documents"),
}
"""The text columns of each search table; every one also has `facets` last."""


@dataclass(frozen=True)
class SearchTier:
    """One step of the ranking: the columns of a search table a match must be in."""

    table: str
    columns: str  # an FTS5 column filter
    weights: str  # bm25 weight of each column of the table, facets last
    only_when_nothing_else: bool = False


SEARCH_TIERS = (
    SearchTier("search_name", "text", "1.0, 0.0"),
    SearchTier("search_keywords", "text", "1.0, 0.0"),
    SearchTier("search_all", "text", "1.0, 0.0, 0.0, 0.0"),
    # A category's name is shared by all its services: "Meldunek i dowód osobisty" does not
    # make a registration of residence a match for "dowód" as good as its own words.
    SearchTier("search_all", "{text terms}", "1.0, 1.0, 0.0, 0.0"),
    # Nearly every service asks for an ID card: one that only lists a document is shown
    # for it when no service has the word anywhere else.
    SearchTier("search_all", "{text terms documents}", "1.0, 1.0, 1.0, 0.0", True),
)
"""From the strongest match (the service's name) to the weakest (a document to bring)."""


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
        *(f"CREATE VIRTUAL TABLE {table} {_FTS}" for table in SEARCH_TABLES),
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


def _weaker_words_apart(conn: sqlite3.Connection) -> None:
    """Category and life event names leave the keywords; they and the documents to bring
    get columns of their own in search_all, ranked below the service's own words. The
    table is contentless, so it is made anew; older generations are rebuilt from their
    stored bundle like after v2."""
    conn.execute("DROP TABLE search_vocab")
    conn.execute("DROP TABLE search_all")
    columns = f"text, terms, documents, facets, {_OPTIONS}"
    conn.execute(f"CREATE VIRTUAL TABLE search_all USING fts5({columns})")
    conn.execute("CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_all, 'row')")


CATALOGUE_MIGRATIONS = [
    Migration(1, "catalogue tables and tiered search index", _create_v1),
    Migration(2, "a tenant's facet covers its bodies, not its communes", _rebuild_only),
    Migration(3, "application forms of kiosk channels", _create_forms),
    Migration(
        4, "category names and documents ranked below a service's own words", _weaker_words_apart
    ),
]
CATALOGUE_SCHEMA_VERSION = CATALOGUE_MIGRATIONS[-1].version
