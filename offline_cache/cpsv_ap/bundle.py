"""The native bundle a conversion produces, and the conversion result itself."""

from __future__ import annotations

from dataclasses import dataclass

from offline_cache.problems import RecordProblem

_FORMAT = "infomat-catalogue/1"

_Record = dict[str, object]


@dataclass(frozen=True)
class Conversion:
    """A native bundle of every record that could be mapped, and every one that could not."""

    bundle: dict[str, object]
    problems: list[RecordProblem]


def _failed(stamp: str, reason: str) -> Conversion:
    return Conversion(_bundle(stamp, {}, []), [RecordProblem("document", "", reason)])


def _bundle(
    stamp: str, registry: dict[str, dict[str, _Record]], services: list[_Record]
) -> _Record:
    return {
        "format": _FORMAT,
        "generated": stamp,
        "tenants": list(registry.get("tenant", {}).values()),
        "categories": list(registry.get("category", {}).values()),
        "life_events": list(registry.get("life event", {}).values()),
        "services": services,
    }
