"""What one connection may send and hold: head and body sizes, timeouts, connections per client.

Enforced by the HTTP protocol (fast_http.py) before a request reaches the fast answers or
Starlette, so every path has the same limits (attacks 1 and 2 of issue 13).
"""

from __future__ import annotations

from dataclasses import dataclass

from captive_portal.client_key import client_key
from captive_portal.settings import PortalSettings


@dataclass(frozen=True)
class RequestLimits:
    max_header_bytes: int = 8192
    max_body_bytes: int = 16384
    header_timeout: float = 5.0
    body_timeout: float = 10.0

    @classmethod
    def of(cls, settings: PortalSettings) -> RequestLimits:
        return cls(
            settings.max_header_bytes,
            settings.max_body_bytes,
            float(settings.header_timeout_seconds),
            float(settings.body_timeout_seconds),
        )


class ClientConnections:
    """Open connections per client in this worker process (its event loop's thread only)."""

    def __init__(self, per_client: int) -> None:
        self._per_client = per_client
        self._open: dict[str, int] = {}

    def admit(self, address: str) -> str | None:
        """The client's key when it may open one more connection (then counted), else None."""
        key = client_key(address)
        count = self._open.get(key, 0)
        if count >= self._per_client:
            return None
        self._open[key] = count + 1
        return key

    def release(self, key: str) -> None:
        count = self._open.get(key, 0) - 1
        if count > 0:
            self._open[key] = count
        else:
            self._open.pop(key, None)

    def open_count(self) -> int:
        return sum(self._open.values())
