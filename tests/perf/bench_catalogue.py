"""Catalogue benchmark: import, search as you type, full and no-change sync, size.

Run: ./dev bench   (or .venv/bin/python -m tests.perf.bench_catalogue [--services N])
Prints a table and writes tests/perf/results-catalogue.json. Not a test: no pass/fail.
The plain FTS5 + bm25 query of docs/platform-notes.md runs over the same data in the same run as the
reference, and the table shows the ratio.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import requests

from offline_cache.catalogue_load import load
from offline_cache.catalogue_store import CatalogueStore
from offline_cache.folding import fold, words
from offline_cache.generations import GenerationFolder
from offline_cache.signing import generate_private_key, public_key_text, sign
from offline_cache.sync import CatalogueSync, SyncSettings
from tests.peers.catalogue_server import CatalogueServer
from tests.perf.report import report
from tests.perf.synthetic import ACTIONS, KEYWORDS, OBJECTS, synthetic_bundle

RESULTS = Path(__file__).with_name("results-catalogue.json")


def realistic_queries(count: int = 200, seed: int = 11) -> list[str]:
    """What residents type: a few words of a service name or a keyword, often without ą, ł..."""
    rng = random.Random(seed)
    queries = []
    for _ in range(count):
        shape = rng.random()
        if shape < 0.5:
            text = f"{rng.choice(ACTIONS)} {rng.choice(OBJECTS)}"
            text = " ".join(text.split()[: rng.randint(1, 4)])
        elif shape < 0.8:
            text = " ".join(rng.choice(OBJECTS).split()[: rng.randint(1, 3)])
        else:
            text = rng.choice(KEYWORDS)
        queries.append(fold(text) if rng.random() < 0.5 else text.lower())
    return queries


def typed_prefixes(queries: list[str]) -> Iterator[str]:
    for query in queries:
        for end in range(1, len(query) + 1):
            if not query[end - 1].isspace():
                yield query[:end]


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def plain_fts_reference(bundle: dict[str, Any], path: Path) -> Callable[[str], object]:
    """the reference of docs/platform-notes.md: one FTS5 table, bm25 over all matches, LIMIT 20."""
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE VIRTUAL TABLE plain USING fts5(name, keywords, description, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    rows = [
        (fold(s["name"]["pl"]), fold(" ".join(s["keywords"]["pl"])), fold(s["description"]["pl"]))
        for s in bundle["services"]
    ]
    conn.executemany("INSERT INTO plain VALUES (?, ?, ?)", rows)
    conn.commit()

    def query(text: str) -> object:
        tokens = words(text)
        if not tokens:
            return []
        expression = " AND ".join(f'"{t}"*' for t in tokens)
        sql = (
            "SELECT rowid FROM plain WHERE plain MATCH ? "
            "ORDER BY bm25(plain, 10.0, 5.0, 1.0) LIMIT 20"
        )
        return conn.execute(sql, (expression,)).fetchall()

    return query


def bench_search(store: CatalogueStore, reference: Callable[[str], object]) -> dict[str, float]:
    prefixes = list(typed_prefixes(realistic_queries()))
    for prefix in prefixes[:200]:  # warm the page cache and the typo vocabulary
        store.search(prefix)
        reference(prefix)
    ours = [timed(lambda p=p: store.search(p)) for p in prefixes]  # type: ignore[misc]
    plain = [timed(lambda p=p: reference(p)) for p in prefixes]  # type: ignore[misc]
    return {
        "queries": len(prefixes),
        "search_p50_ms": statistics.median(ours),
        "search_p99_ms": percentile(ours, 0.99),
        "search_max_ms": max(ours),
        "plain_fts_p50_ms": statistics.median(plain),
        "plain_fts_p99_ms": percentile(plain, 0.99),
    }


def bench_sync(raw: bytes, work: Path) -> dict[str, float]:
    key = generate_private_key()
    server = CatalogueServer()
    server.publish("/catalogue.json", raw)
    server.publish("/catalogue.json.sig", sign(raw, key))
    server.start()
    try:
        settings = SyncSettings(
            server.base_url + "/catalogue.json", public_key_text(key), 60, 200_000_000
        )
        with requests.Session() as http:
            sync = CatalogueSync(settings, GenerationFolder(work / "sync"), http)
            full = timed(lambda: _expect(sync.run_once().outcome, "updated"))
            unchanged = [
                timed(lambda: _expect(sync.run_once().outcome, "unchanged")) for _ in range(20)
            ]
    finally:
        server.stop()
    return {"full_sync_s": full / 1000, "no_change_sync_ms": statistics.median(unchanged)}


def _expect(outcome: object, wanted: str) -> None:
    if outcome != wanted:
        raise RuntimeError(f"sync said {outcome}, expected {wanted}")


def run(services: int, tenants: int) -> dict[str, Any]:
    bundle = synthetic_bundle(services, tenants)
    raw = json.dumps(bundle, ensure_ascii=False).encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="infomat-bench-") as tmp:
        work = Path(tmp)
        folder = GenerationFolder(work / "import")
        start = time.perf_counter()
        loaded = load(raw, folder, "synthetic", {})
        import_s = time.perf_counter() - start
        store = CatalogueStore(loaded.path)
        reference = plain_fts_reference(bundle, work / "plain.sqlite")
        figures: dict[str, Any] = {
            "services": services,
            "tenants": tenants,
            "bundle_mb": len(raw) / 1e6,
            "import_s": import_s,
            "database_mb": loaded.path.stat().st_size / 1e6,
            **bench_search(store, reference),
            **bench_sync(raw, work),
        }
        store.close()
    figures["search_p99_vs_plain"] = figures["search_p99_ms"] / figures["plain_fts_p99_ms"]
    return figures


TARGETS = {"search_p99_ms": "<= 5", "full_sync_s": "<= 5", "no_change_sync_ms": "<= 50"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--tenants", type=int, default=100)
    args = parser.parse_args()
    report(run(args.services, args.tenants), TARGETS, RESULTS)


if __name__ == "__main__":
    main()
