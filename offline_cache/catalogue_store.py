"""Reading one catalogue generation: browse, full-text search and whole records."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from offline_cache.catalogue_schema import CATALOGUE_SCHEMA_VERSION, SEARCH_TIERS
from offline_cache.folding import words as words_of
from offline_cache.form_records import read_form
from offline_cache.records import Form, Service, Term, in_language, text_language
from offline_cache.search_query import (
    is_known,
    match_expression,
    one_typo_variants,
    parse,
    stem,
)

NAME_TIER, KEYWORDS_TIER = 0, 1  # places in SEARCH_TIERS
CANDIDATES_PER_TIER = 200
"""How many matches of a tier are ranked. Matches come in static order (most used first),
so a two-letter prefix that matches most of the catalogue costs no more than this."""


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that can never write: readers must not disturb a published generation."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


class StoreError(RuntimeError):
    """The generation file cannot be used (missing, damaged, incomplete or too new)."""


class OutdatedSchemaError(StoreError):
    """The generation was written by an older Infomat; rebuild it from its stored bundle."""


def stored_bundle(path: Path) -> bytes:
    """The verified bundle bytes kept inside a generation of any schema version."""
    try:
        conn = _read_only(path)
        try:
            row = conn.execute("SELECT raw FROM bundle").fetchone()
        finally:
            conn.close()
        return zlib.decompress(row[0])
    except (sqlite3.Error, zlib.error, TypeError) as exc:
        raise StoreError(f"{path.name}: no stored bundle to rebuild from ({exc})") from exc


@dataclass(frozen=True)
class ServiceSummary:
    """One line of a result list, already in the resident's language."""

    id: str
    name: str
    authority: str
    description: str
    language: str = "pl"  # what name and description are in: the resident's, or Polish


def row_language(record: dict[str, Any], language: str) -> str:
    """The language of a result row: the resident's if name and description have it, else Polish."""
    both = {text_language(record[key], language) for key in ("name", "description")}
    return language if both == {language} else "pl"


@dataclass(frozen=True)
class Filters:
    """Narrowing of a search or browse; None means no narrowing."""

    tenant: str | None = None
    category: str | None = None
    life_event: str | None = None


class CatalogueStore:
    """A read-only view of one generation file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._conn = _read_only(path)
            self.meta = dict(self._conn.execute("SELECT key, value FROM meta").fetchall())
            version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.Error as exc:
            raise StoreError(f"{path.name}: not a usable catalogue ({exc})") from exc
        if self.meta.get("complete") != "1" or version > CATALOGUE_SCHEMA_VERSION:
            self._conn.close()
            raise StoreError(f"{path.name}: incomplete, or schema {version} is newer than ours")
        if version < CATALOGUE_SCHEMA_VERSION:
            self._conn.close()
            raise OutdatedSchemaError(
                f"{path.name}: schema {version}, ours is {CATALOGUE_SCHEMA_VERSION}"
            )
        self._facet_numbers = self._load_facet_numbers()
        self._tenants = {t["id"]: t for t in self.terms("tenants")}
        self._vocabulary: tuple[list[str], str] | None = None
        self._name_words: dict[int, dict[str, list[str]]] = {}

    def close(self) -> None:
        self._conn.close()

    @staticmethod
    def meta_of(path: Path) -> dict[str, str]:
        """The meta table of a generation file of any schema version ({} if unreadable)."""
        try:
            conn = _read_only(path)
            try:
                return dict(conn.execute("SELECT key, value FROM meta").fetchall())
            finally:
                conn.close()
        except sqlite3.Error:
            return {}

    # -- whole records -----------------------------------------------------------------

    def service(self, service_id: str) -> Service | None:
        row = self._conn.execute(
            "SELECT record FROM services WHERE id = ?", (service_id,)
        ).fetchone()
        return cast(Service, json.loads(row[0])) if row else None

    def form(self, form_id: str) -> Form | None:
        """The application form a kiosk channel names, or None if the catalogue has none."""
        row = self._conn.execute("SELECT record FROM forms WHERE id = ?", (form_id,)).fetchone()
        return read_form(json.loads(row[0])) if row else None

    def terms(self, table: str) -> list[Term]:
        """Categories or life events (or tenants), in the publisher's order."""
        if table not in ("categories", "life_events", "tenants"):
            raise ValueError(f"no such term table: {table}")
        rows = self._conn.execute(f"SELECT record FROM {table} ORDER BY num")  # noqa: S608
        return [cast(Term, json.loads(r[0])) for r in rows]

    def service_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM services").fetchone()[0])

    # -- browse and search -------------------------------------------------------------

    def browse(
        self, filters: Filters, language: str = "pl", limit: int = 50
    ) -> list[ServiceSummary]:
        """Services matching every filter, most used first (the category screen)."""
        facets = self._facets(filters)
        if facets is None:
            return []
        if not facets:
            nums = [
                r[0]
                for r in self._conn.execute(
                    "SELECT num FROM services ORDER BY num LIMIT ?", (limit,)
                )
            ]
            return self._summaries(nums, language)
        clauses = " INTERSECT ".join(
            "SELECT service FROM service_facets WHERE facet = ?" for _ in facets
        )
        sql = f"SELECT service FROM ({clauses}) ORDER BY service LIMIT ?"  # noqa: S608
        nums = [r[0] for r in self._conn.execute(sql, (*facets, limit))]
        return self._summaries(nums, language)

    def search(
        self, text: str, filters: Filters = Filters(), language: str = "pl", limit: int = 20
    ) -> list[ServiceSummary]:
        """The best matches for what the resident typed, best first; never raises on input.

        Tiers, best first (SEARCH_TIERS): the name, the keywords, the rest of the service's
        own text, the names of its categories and life events; a service that only lists the
        word among its documents counts when nothing else matches. Within a tier, bm25
        orders the candidates. When nothing matches, one typo is forgiven in each
        word that matches no indexed word as it is: words spelled right stay as they are.
        A name that matches only in a language other than the resident's and Polish ranks
        with the keywords: "meldunek" is a registration of residence before the road damage
        whose German name begins "Meldung" (both begin with the stem "meldun").
        """
        query = parse(text)
        facets = self._facets(filters)
        if query.empty or facets is None:
            return []
        exact = [[token] for token in query.tokens]
        nums = self._tiered(exact, facets, limit, language)
        if not nums:
            forgiving = [self._spellings(token) for token in query.tokens]
            if forgiving != exact:
                nums = self._tiered(forgiving, facets, limit, language)
        return self._summaries(nums, language)

    def _spellings(self, token: str) -> list[str]:
        """The token, and if no indexed word begins like it, what one typo may have changed."""
        vocabulary, alphabet = self._vocab()
        if is_known(token, vocabulary):
            return [token]
        return [token, *one_typo_variants(token, vocabulary, alphabet)]

    def _tiered(
        self, words: list[list[str]], facets: list[str], limit: int, language: str
    ) -> list[int]:
        found: list[int] = []
        foreign: list[int] = []  # named so only in another language: after the keywords
        for number, tier in enumerate(SEARCH_TIERS):
            if tier.only_when_nothing_else and (found or foreign):
                break
            sql = (
                f"SELECT rowid, bm25({tier.table}, {tier.weights}) FROM {tier.table} "  # noqa: S608
                f"WHERE {tier.table} MATCH ? ORDER BY rowid LIMIT ?"
            )
            expression = match_expression(words, facets, tier.columns)
            rows = self._conn.execute(sql, (expression, CANDIDATES_PER_TIER)).fetchall()
            ranked = sorted(rows, key=lambda r: (r[1], r[0]))
            more = _not_in(found, [num for num, _ in ranked])
            if number == NAME_TIER:
                names = self._names(more)
                own = [num for num in more if _named(names[num], words, language)]
                foreign = _not_in(own, more)
                more = own
            found += more
            if number == KEYWORDS_TIER:
                found += _not_in(found, foreign)
                foreign = []
            if len(found) >= limit:
                break
        found += _not_in(found, foreign)
        return found[:limit]

    def _names(self, nums: list[int]) -> dict[int, dict[str, list[str]]]:
        """The services' names in each language, as folded words; each read once."""
        known = self._name_words
        missing = [num for num in nums if num not in known]
        if missing:
            marks = ",".join("?" * len(missing))
            sql = f"SELECT num, json_extract(record, '$.name') FROM services WHERE num IN ({marks})"  # noqa: S608
            for num, names in self._conn.execute(sql, missing):
                known[num] = {lang: words_of(text) for lang, text in json.loads(names).items()}
        return {num: known.get(num, {}) for num in nums}

    def _facets(self, filters: Filters) -> list[str] | None:
        """Facet tokens for the filters; None when a filter names something unknown."""
        wanted = (("t", filters.tenant), ("c", filters.category), ("e", filters.life_event))
        tokens = []
        for kind, record_id in wanted:
            if record_id is None:
                continue
            num = self._facet_numbers[kind].get(record_id)
            if num is None:
                return None
            tokens.append(f"{kind}{num}")
        return tokens

    def _load_facet_numbers(self) -> dict[str, dict[str, int]]:
        tables = {"t": "tenants", "c": "categories", "e": "life_events"}
        return {
            kind: dict(self._conn.execute(f"SELECT id, num FROM {table}").fetchall())  # noqa: S608
            for kind, table in tables.items()
        }

    def _vocab(self) -> tuple[list[str], str]:
        """Every indexed word (sorted) and the letters they use, loaded on first need."""
        if self._vocabulary is None:
            terms = [
                r[0] for r in self._conn.execute("SELECT term FROM search_vocab ORDER BY term")
            ]
            terms = [t for t in terms if not t[:1].isdigit() or len(t) > 3]
            alphabet = "".join(sorted({ch for t in terms for ch in t if ch.isalpha()}))
            self._vocabulary = (terms, alphabet)
        return self._vocabulary

    def _summaries(self, nums: Sequence[int], language: str) -> list[ServiceSummary]:
        if not nums:
            return []
        marks = ",".join("?" * len(nums))
        sql = f"SELECT num, record FROM services WHERE num IN ({marks})"  # noqa: S608
        records: dict[int, dict[str, Any]] = {
            n: json.loads(r) for n, r in self._conn.execute(sql, nums)
        }
        return [self._summary(records[n], self._tenants, language) for n in nums]

    @staticmethod
    def _summary(record: dict[str, Any], tenants: dict[str, Term], language: str) -> ServiceSummary:
        return ServiceSummary(
            id=record["id"],
            name=in_language(record["name"], language),
            authority=in_language(tenants[record["authority"]]["name"], language),
            description=in_language(record["description"], language),
            language=row_language(record, language),
        )


def _named(names: dict[str, list[str]], words: list[list[str]], language: str) -> bool:
    """Whether the name in `language` or Polish holds every word searched (one of its
    spellings, as a prefix of its stem, as FTS5 matches it)."""
    own = [*names.get(language, []), *names.get("pl", [])]
    return all(
        any(word.startswith(stem(spelling)) for spelling in spellings for word in own)
        for spellings in words
    )


def _not_in(found: list[int], nums: list[int]) -> list[int]:
    """`nums` without those already `found`, in their order."""
    seen = set(found)
    return [num for num in nums if num not in seen]
