"""One service being mapped, and the helpers that fill its record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from offline_cache.cpsv_ap.bundle import _Record
from offline_cache.cpsv_ap.graph import _Node
from offline_cache.problems import RecordProblem


@dataclass
class _Draft:
    """One service being mapped: its problems and the shared records it would add."""

    record_id: str
    problems: list[RecordProblem] = field(default_factory=list)
    pending: dict[str, dict[str, _Record]] = field(default_factory=dict)

    def problem(self, where: str, reason: str) -> None:
        self.problems.append(RecordProblem(self.record_id, where, reason))


_ItemMapper = Callable[[_Node, _Draft, str], _Record | None]


def _put(record: _Record, key: str, value: object) -> None:
    if value:
        record[key] = value


def _with(record: _Record, key: str, value: object) -> _Record:
    _put(record, key, value)
    return record
