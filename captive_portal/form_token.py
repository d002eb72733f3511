"""The accept form's protection: the client as the gateway saw it, signed with time and IP.

The splash page carries two hidden fields: `client` (the ClientContext as compact JSON in
base64url) and `token` (`<issued>.<MAC over issued, peer IP and client>`). No cookie is
needed; a form from another address, a tampered `client` or an old page is refused.

The MAC is keyed BLAKE2b (a keyed hash made for this, RFC 7693), a third of HMAC-SHA256's
cost here; the splash page makes one per request.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from collections.abc import Callable
from json.encoder import encode_basestring_ascii as json_string
from typing import Any

from captive_portal.errors import PortalError
from captive_portal.gateway import ClientContext

MAX_FIELD_CHARS = 4096
CLOCK_SKEW_SECONDS = 5
_ISSUED = re.compile(r"[0-9]{1,12}")  # ASCII only: str.isdigit() also takes '²' and '١'
_COMPACT_JSON = json.JSONEncoder(separators=(",", ":"), sort_keys=True)


class FormSigner:
    def __init__(self, key: bytes, max_age_seconds: int, clock: Callable[[], float]) -> None:
        self._key = key
        self._max_age = max_age_seconds
        self._clock = clock

    def fields(self, client: ClientContext, peer_ip: str) -> tuple[str, str]:
        """(client, token) for the splash page's hidden fields."""
        text = _client_json(client)
        blob = base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")
        issued = int(self._clock())
        return blob, f"{issued}.{self._sign(issued, peer_ip, blob)}"

    def verify(self, blob: str | None, token: str | None, peer_ip: str) -> ClientContext:
        """The signed client, or PortalError: 400 missing/malformed, 403 forged/expired."""
        if not blob or not token or len(blob) > MAX_FIELD_CHARS or len(token) > 200:
            raise PortalError(400, "form_missing")
        issued_text, _, signature = token.partition(".")
        if not _ISSUED.fullmatch(issued_text) or not signature:
            raise PortalError(400, "form_missing")
        issued = int(issued_text)
        expected = self._sign(issued, peer_ip, blob).encode()
        # as bytes: compare_digest raises TypeError on a str with non-ASCII characters
        if not hmac.compare_digest(signature.encode("utf-8", "replace"), expected):
            raise PortalError(403, "form_forged")
        age = self._clock() - issued
        if age > self._max_age or age < -CLOCK_SKEW_SECONDS:
            raise PortalError(403, "form_expired")
        return _decode(blob)  # the accept checks the client is the peer where it must be

    def _sign(self, issued: int, peer_ip: str, blob: str) -> str:
        message = f"{issued}\n{peer_ip}\n{blob}".encode()
        digest = hashlib.blake2b(message, key=self._key, digest_size=32).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _client_json(client: ClientContext) -> str:
    """The client as compact JSON with sorted keys (what json.dumps would write), composed
    from JSON-escaped strings: the common client is a few short strings."""
    extra = _COMPACT_JSON.encode(dict(client.extra)) if client.extra else "{}"
    return (
        f'{{"extra":{extra},"gw":{json_string(client.gateway_id)},'
        f'"ip":{json_string(client.ip)},"mac":{_optional(client.mac)},'
        f'"origin":{_optional(client.origin_url)}}}'
    )


def _optional(value: str | None) -> str:
    return "null" if value is None else json_string(value)


def _decode(blob: str) -> ClientContext:
    try:
        data: Any = json.loads(base64.urlsafe_b64decode(blob + "=" * (-len(blob) % 4)))
        extra = data["extra"]
        fields = (data["ip"], data["gw"])
        optional = (data["mac"], data["origin"])
    except (binascii.Error, ValueError, KeyError, TypeError) as exc:
        raise PortalError(400, "form_missing") from exc
    if (
        not all(isinstance(value, str) for value in fields)
        or not all(value is None or isinstance(value, str) for value in optional)
        or not isinstance(extra, dict)
        or not all(isinstance(k, str) and isinstance(v, str) for k, v in extra.items())
    ):
        raise PortalError(400, "form_missing")
    return ClientContext(data["ip"], data["mac"], data["gw"], data["origin"], extra)
