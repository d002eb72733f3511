"""What `kiosk fleet status` says: the fleet config in use, who sets each option, the last pull."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from kiosk import __version__
from kiosk.fleet_apply import EffectiveConfig
from kiosk.fleet_document import FleetDocument, dotted_keys, rfc3339
from offline_cache.sync_status import SyncStatus


def report_lines(effective: EffectiveConfig, status: SyncStatus) -> Iterator[str]:
    fleet = effective.config.fleet
    if not fleet.url:
        yield "fleet config: off (no fleet.url in the config)"
        return
    yield f"fleet config: group {fleet.group} from {fleet.url}"
    document = effective.fleet
    if document is not None:
        yield from _in_use(document, effective.local.tables, effective.local.source)
    elif effective.problem:
        yield f"in use: none; {effective.problem}"
    else:
        yield "in use: none yet (the kiosk runs on its own config file)"
    yield from _last_pull(status)


def _in_use(document: FleetDocument, local: Mapping[str, Any], source: str) -> Iterator[str]:
    yield (
        f"in use: issued {rfc3339(document.issued)}, expires {rfc3339(document.expires)}; "
        f"image {document.image_version} for the group, this kiosk runs {__version__}"
    )
    own = set(dotted_keys(local))
    for key in document.option_keys():
        value = _value(document.options, key)
        if key in own:
            yield f"  {key} = {value!r}: {source} sets {_value(local, key)!r}, which wins"
        else:
            yield f"  {key} = {value!r}"


def _last_pull(status: SyncStatus) -> Iterator[str]:
    if status.outcome is None:
        yield "last pull: none yet"
        return
    yield f"last pull: {status.outcome} at {status.finished_at}: {status.reason}"
    if status.last_success_at:
        yield f"last good pull: {status.last_success_at}"
    if status.failures:
        counts = ", ".join(f"{kind} {n}" for kind, n in sorted(status.failures.items()))
        yield f"refused so far: {counts}"


def _value(tables: Mapping[str, Any], key: str) -> Any:
    value: Any = tables
    for part in key.split("."):
        value = value[part]
    return value
