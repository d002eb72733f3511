"""Refusals that carry their HTTP status; one handler in app.py renders them as JSON."""

from __future__ import annotations

from collections.abc import Mapping


class IntakeRefusal(Exception):
    """An answer the kiosk acts on: its status and a reason naming a field, never a value."""

    def __init__(self, status: int, reason: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.headers = dict(headers or {})


def bad_request(reason: str) -> IntakeRefusal:
    return IntakeRefusal(400, reason)
