"""Writing one catalogue generation: a fresh SQLite file built from a validated bundle."""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, cast

import sqlite_utils

from offline_cache.catalogue_schema import (
    CATALOGUE_MIGRATIONS,
    SEARCH_COLUMNS,
    SEARCH_TABLES,
)
from offline_cache.folding import fold
from offline_cache.migrations import migrate
from offline_cache.records import Bundle, Service, Tenant


def build_generation(bundle: Bundle, raw: bytes, path: Path, meta: Mapping[str, str]) -> None:
    """Write `bundle` (parsed from `raw`) into a new SQLite file at `path` and fsync it.

    `path` must not exist; the caller renames it into place only after this returns, so a
    crash here leaves at most a partial file that nobody reads.
    """
    conn = sqlite3.connect(path)
    try:
        # A private file renamed into place afterwards needs no journal: durability
        # comes from the fsync below and the atomic rename of the caller.
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        migrate(conn, CATALOGUE_MIGRATIONS)
        conn.execute("BEGIN")
        _fill(sqlite_utils.Database(conn), bundle, meta)
        conn.execute("INSERT INTO bundle (raw) VALUES (?)", (zlib.compress(raw, 6),))
        conn.commit()
    finally:
        conn.close()
    _fsync(path)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fill(db: sqlite_utils.Database, bundle: Bundle, meta: Mapping[str, str]) -> None:
    db.table("tenants").insert_all(
        {"num": n, "id": t["id"], "kind": t["kind"], "parent": t.get("parent"), "record": _j(t)}
        for n, t in enumerate(bundle["tenants"], 1)
    )
    for table, terms in (
        ("categories", bundle["categories"]),
        ("life_events", bundle["life_events"]),
    ):
        db.table(table).insert_all(
            {"num": n, "id": t["id"], "record": _j(t)} for n, t in enumerate(terms, 1)
        )
    index = _SearchText(bundle)
    services = sorted(bundle["services"], key=_priority)
    db.table("services").insert_all(_service_rows(services))
    db.table("service_facets").insert_all(
        {"facet": f, "service": num} for num, s in enumerate(services, 1) for f in index.facets(s)
    )
    _fill_search(db.conn, index, services)
    db.conn.executemany(
        "INSERT INTO forms (num, id, record) VALUES (?, ?, ?)",
        ((n, f["id"], _j(f)) for n, f in enumerate(bundle.get("forms", []), 1)),
    )
    db.table("meta").insert_all(
        {"key": k, "value": v} for k, v in {**meta, "complete": "1"}.items()
    )


def _fill_search(conn: sqlite3.Connection, index: _SearchText, services: list[Service]) -> None:
    """One row per service in each search table, numbered like the services table."""
    columns = [index.columns(s) for s in services]
    facets = [" ".join(index.facets(s)) for s in services]
    for position, table in enumerate(SEARCH_TABLES):
        rows = (
            (num, *columns[num - 1][position], facets[num - 1])
            for num in range(1, len(columns) + 1)
        )
        names = ", ".join(("rowid", *SEARCH_COLUMNS[table], "facets"))
        marks = ", ".join("?" * (len(SEARCH_COLUMNS[table]) + 2))
        conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608


def _numbers(records: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Record id -> its number (1-based position), as stored in the tables."""
    return {r["id"]: n for n, r in enumerate(records, 1)}


def _priority(service: Service) -> tuple[int, str]:
    """Static order of services: most used first, then by Polish name."""
    return (-service.get("popularity", 0), fold(service["name"]["pl"]))


def _service_rows(services: list[Service]) -> Iterator[dict[str, object]]:
    for num, s in enumerate(services, 1):
        yield {
            "num": num,
            "id": s["id"],
            "authority": s["authority"],
            "popularity": s.get("popularity", 0),
            "record": _j(s),
        }


def _j(record: object) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _all_languages(text: Mapping[str, str] | None) -> str:
    return " ".join(text.values()) if text else ""


class _SearchText:
    """The folded text of each search tier and the facet tokens of a service."""

    def __init__(self, bundle: Bundle) -> None:
        self._tenant = {t["id"]: t for t in bundle["tenants"]}
        self._term_names = {
            **{("c", c["id"]): _all_languages(c["name"]) for c in bundle["categories"]},
            **{("e", e["id"]): _all_languages(e["name"]) for e in bundle["life_events"]},
        }
        self._nums = {
            "t": _numbers(bundle["tenants"]),
            "c": _numbers(bundle["categories"]),
            "e": _numbers(bundle["life_events"]),
        }

    def facets(self, service: Service) -> list[str]:
        tokens = [f"t{self._nums['t'][tid]}" for tid in self._authority_chain(service["authority"])]
        tokens += [f"c{self._nums['c'][cid]}" for cid in service["categories"]]
        tokens += [f"e{self._nums['e'][eid]}" for eid in service.get("life_events", [])]
        return tokens

    def _authority_chain(self, tenant_id: str) -> list[str]:
        """The authority, and for a body the tenants above it up to the first that is not
        a body: the road authority's services count as the voivodeship's, but a commune's
        do not count as its county's."""
        chain: list[str] = []
        current: Tenant | None = self._tenant.get(tenant_id)
        while current is not None and current["id"] not in chain:
            chain.append(current["id"])
            parent = current.get("parent")
            if current["kind"] != "body" or not parent:
                break
            current = self._tenant.get(parent)
        return chain

    def columns(self, service: Service) -> tuple[tuple[str], tuple[str], tuple[str, str, str]]:
        """Folded text of each search table (SEARCH_TABLES): the name; name and keywords;
        everything about the service, and apart from it the names of its categories and
        life events, and the documents to bring."""
        name = fold(_all_languages(service["name"]))
        keywords = " ".join(" ".join(ws) for ws in service.get("keywords", {}).values())
        with_keywords = f"{name} {fold(keywords)}"
        terms = [self._term_names[("c", c)] for c in service["categories"]]
        terms += [self._term_names[("e", e)] for e in service.get("life_events", [])]
        record = cast(Mapping[str, Any], service)
        rest = [_all_languages(service["description"])]
        rest += [_all_languages(self._tenant[service["authority"]]["name"])]
        rest += [_all_languages(record.get(f)) for f in ("who_can_apply", "output")]
        documents = [_all_languages(d["name"]) for d in record.get("documents", [])]
        about = f"{with_keywords} {fold(' '.join(rest))}"
        return (name,), (with_keywords,), (about, fold(" ".join(terms)), fold(" ".join(documents)))
