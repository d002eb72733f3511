"""One bounded HTTP GET for signed files: conditional, size-limited, time-limited.

Shared by the catalogue sync and the kiosk's fleet config: both fetch a file and its
detached signature from a static web server, and both sort failures the same way.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests
import urllib3


class SyncFailed(Exception):
    """A sync failure with a short kind (for the counter) and a reason for technicians."""

    def __init__(self, kind: str, reason: str) -> None:
        self.kind = kind
        super().__init__(reason)


@dataclass(frozen=True)
class Download:
    body: bytes
    etag: str
    last_modified: str


def conditional_get(
    session: requests.Session,
    url: str,
    *,
    etag: str,
    last_modified: str,
    timeout_s: float,
    max_bytes: int,
) -> Download | None:
    """The file at `url`, or None when the server says it has not changed since."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    reply = bounded_get(session, url, headers, timeout_s, max_bytes)
    if reply is None:
        return None
    body, reply_headers = reply
    return Download(body, reply_headers.get("ETag", ""), reply_headers.get("Last-Modified", ""))


def plain_get(session: requests.Session, url: str, timeout_s: float, max_bytes: int) -> bytes:
    """The file at `url` (a signature: never asked conditionally)."""
    reply = bounded_get(session, url, {}, timeout_s, max_bytes)
    if reply is None:
        raise SyncFailed("http", f"{url} answered 'not modified' to a plain GET")
    return reply[0]


def bounded_get(
    session: requests.Session,
    url: str,
    headers: dict[str, str],
    timeout_s: float,
    max_bytes: int,
) -> tuple[bytes, requests.structures.CaseInsensitiveDict[str]] | None:
    """Body and headers of a 200, None for a 304 to a conditional GET; SyncFailed otherwise."""
    host = urlsplit(url).netloc
    deadline = time.monotonic() + timeout_s
    try:
        with session.get(url, headers=headers, stream=True, timeout=timeout_s) as reply:
            if reply.status_code == 304 and headers:
                return None
            if reply.status_code != 200:
                raise SyncFailed("http", f"{url} answered HTTP {reply.status_code}")
            return _read_bounded(reply, max_bytes, deadline, url), reply.headers
    except requests.Timeout as exc:
        raise SyncFailed("network", f"{host} did not answer within {timeout_s:g} s") from exc
    except requests.ConnectionError as exc:
        if isinstance(exc.__context__, TimeoutError) or "timed out" in str(exc):
            raise SyncFailed("network", f"{host} timed out") from exc
        raise SyncFailed("network", f"cannot connect to {host}") from exc
    except urllib3.exceptions.ReadTimeoutError as exc:
        raise SyncFailed("network", f"{host} stopped sending for {timeout_s:g} s") from exc
    except (requests.RequestException, urllib3.exceptions.HTTPError) as exc:
        raise SyncFailed(
            "network", f"download from {host} broke off ({type(exc).__name__})"
        ) from exc


def _read_bounded(reply: requests.Response, max_bytes: int, deadline: float, url: str) -> bytes:
    declared = reply.headers.get("Content-Length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise SyncFailed(
            "too_large", f"{url} is {declared} bytes, more than the limit of {max_bytes}"
        )
    chunks: list[bytes] = []
    size = 0
    while chunk := reply.raw.read1(65536, decode_content=True):
        # read1 returns whatever has arrived, so a server dripping one byte at a time
        # meets the deadline here instead of holding the kiosk for hours.
        size += len(chunk)
        if size > max_bytes:
            raise SyncFailed("too_large", f"{url} is more than the limit of {max_bytes} bytes")
        if time.monotonic() > deadline:
            raise SyncFailed("network", f"{url} took longer than the time limit")
        chunks.append(chunk)
    return b"".join(chunks)
