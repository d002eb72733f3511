"""Where a client may be sent after accepting: only plain web addresses of other hosts."""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_URL_CHARS = 2048


def safe_origin(url: str | None, own_hosts: set[str]) -> str | None:
    """`url` when it is an absolute http(s) URL of another host without credentials, else None.

    Refuses javascript:, data:, scheme-relative //host, backslash and control-character
    tricks, and the portal's own hosts (a loop back to the splash).
    """
    if not url or len(url) > MAX_URL_CHARS or any(c <= " " or c == "\\" for c in url):
        return None
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host or parts.username or parts.password:
        return None
    if host in own_hosts:
        return None
    return url
