"""Client identifiers for log lines: a short keyed hash, never the address in clear."""

from __future__ import annotations

import hashlib
import hmac
import secrets


class LogTag:
    """The same client gets the same tag within one process run, and nothing links runs."""

    def __init__(self) -> None:
        self._key = secrets.token_bytes(16)

    def __call__(self, value: str) -> str:
        return hmac.new(self._key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:8]
