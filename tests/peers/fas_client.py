"""The hotspot client's side: plain HTTP GETs made from inside the client namespace.

Redirects are not followed by `get`, so tests see every hop; `follow` walks them the way a
phone's captive-portal browser would.
"""

from __future__ import annotations

import http.client
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from tests.peers.netns import Namespace

REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Reply:
    url: str
    status: int
    location: str | None
    body: bytes


def get(ns: Namespace, url: str, timeout_s: float = 3.0) -> Reply:
    """One GET from inside `ns`; status 0 when the connection fails or times out."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    with ns.entered():
        connection = http.client.HTTPConnection(
            parts.hostname or "", parts.port or 80, timeout=timeout_s
        )
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return Reply(url, response.status, response.getheader("Location"), response.read())
        except OSError:
            return Reply(url, 0, None, b"")
        finally:
            connection.close()


def follow(ns: Namespace, url: str, hops: int = 6) -> list[Reply]:
    """Every reply from `url` through its redirects, the last one not a redirect."""
    replies = [get(ns, url)]
    while replies[-1].status in REDIRECTS and replies[-1].location and len(replies) <= hops:
        replies.append(get(ns, replies[-1].location))
    return replies


def first_success(ns: Namespace, url: str, body: bytes, timeout_s: float) -> float | None:
    """Seconds until a GET of `url` returns 200 with `body`; None if it never does."""
    start = time.monotonic()
    while time.monotonic() - start < timeout_s:
        reply = get(ns, url, timeout_s=0.5)
        if reply.status == 200 and reply.body == body:
            return time.monotonic() - start
        time.sleep(0.002)
    return None
