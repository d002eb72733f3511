"""Errors that carry their HTTP status and a message key of the catalogue (never internals)."""

from __future__ import annotations

from collections.abc import Mapping


class PortalError(Exception):
    """A refusal the client can act on: its status and the catalogue key of its message."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = dict(headers or {})
