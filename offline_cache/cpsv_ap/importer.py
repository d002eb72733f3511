"""Entry points: recognising a JSON-LD document and converting it to a native bundle."""

from __future__ import annotations

from datetime import UTC, datetime

from offline_cache.cpsv_ap.bundle import Conversion, _failed
from offline_cache.cpsv_ap.graph import _Graph
from offline_cache.cpsv_ap.services import _Mapper


def looks_like_jsonld(document: object) -> bool:
    """True when the parsed JSON is JSON-LD (has @context / @graph / @type).

    A native bundle ({"format": "infomat-catalogue/1", ...}) has none of these keys.
    """
    marks = {"@context", "@graph", "@type"}
    if isinstance(document, dict):
        return not marks.isdisjoint(document)
    if isinstance(document, list):
        return any(isinstance(item, dict) and not marks.isdisjoint(item) for item in document)
    return False


def convert(document: object, *, generated: str | None = None) -> Conversion:
    """Map a CPSV-AP JSON-LD document to a native bundle; never raises on JSON values."""
    stamp = generated or datetime.now(UTC).isoformat(timespec="seconds")
    if not isinstance(document, dict | list):
        kind = type(document).__name__
        return _failed(stamp, f"expected a JSON-LD object or array, got {kind}")
    try:
        graph = _Graph()
        graph.read_document(document)
        return _Mapper(graph).run(stamp)
    except RecursionError:
        return _failed(stamp, "the document is nested too deeply")
