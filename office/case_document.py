"""The parts of a stored application a clerk reads, from its infomat-submission/1 JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Application:
    service_name: str
    office_name: str
    language: str
    consent_version: str
    # (label, value) by field id: the document is a JSON object, which keeps no order
    # (SQLite returns it with sorted keys, PostgreSQL's jsonb by key length).
    answers: list[tuple[str, str]]


def read_application(document: str) -> Application:
    try:
        data: Any = json.loads(document)
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    answers = data.get("answers") if isinstance(data.get("answers"), dict) else {}
    labels = data.get("answer_labels") if isinstance(data.get("answer_labels"), dict) else {}
    return Application(
        service_name=_text(data.get("service"), "name"),
        office_name=_text(data.get("office"), "name"),
        language=str(data.get("language", "")),
        consent_version=str(data.get("consent_version", "")),
        answers=[(str(labels.get(key) or key), str(answers[key])) for key in sorted(answers)],
    )


def _text(table: object, key: str) -> str:
    return str(table.get(key, "")) if isinstance(table, dict) else ""
