"""The OS connectivity probes and the catch-all, answered before Starlette is entered.

This raw ASGI answer is the hot path: a dict lookup, one session lookup (cache or one
indexed read) and prebuilt headers; no template, no database write. An unauthorised
client gets a 302 to the splash page for a probe or any path the portal does not serve;
an authorised one gets the exact answer its system expects. With `splash_hosts` (our
nftables DNAT) the splash and accept on another Host came over a redirected connection
and are redirected too, so the accept never travels over one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from http import HTTPStatus

from starlette.types import Scope, Send

from captive_portal.log_privacy import loggable_path
from captive_portal.metrics import PortalMetrics
from captive_portal.portal import unmapped
from captive_portal.sessions import SessionBook

log = logging.getLogger("captive_portal")
Headers = Iterable[tuple[bytes, bytes]]
_APPLE = b"<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>\n"
_FIREFOX_CANONICAL = (
    b'<meta http-equiv="refresh" content="0;url=https://support.mozilla.org/kb/captive-portal"/>'
)
_MICROSOFT_REDIRECT = b"https://go.microsoft.com/fwlink/?LinkID=219472&clcid=0x409"


@dataclass(frozen=True)
class ProbeAnswer:
    """What a system's connectivity check expects when the network is open."""

    system: str
    status: int
    body: bytes = b""
    content_type: bytes = b""
    location: bytes = b""


PROBES: dict[str, ProbeAnswer] = {
    "/generate_204": ProbeAnswer("android", 204),
    "/gen_204": ProbeAnswer("android", 204),
    "/hotspot-detect.html": ProbeAnswer("apple", 200, _APPLE, b"text/html"),
    "/library/test/success.html": ProbeAnswer("apple", 200, _APPLE, b"text/html"),
    "/connecttest.txt": ProbeAnswer("windows", 200, b"Microsoft Connect Test", b"text/plain"),
    "/redirect": ProbeAnswer("windows", 302, location=_MICROSOFT_REDIRECT),
    "/success.txt": ProbeAnswer("firefox", 200, b"success\n", b"text/plain"),
    "/canonical.html": ProbeAnswer("firefox", 200, _FIREFOX_CANONICAL, b"text/html"),
    "/check_network_status.txt": ProbeAnswer(
        "networkmanager", 200, b"NetworkManager is online\n", b"text/plain"
    ),
}
PHONE_PAGES = frozenset({"/", "/accept"})
PROBE_SYSTEMS = sorted({answer.system for answer in PROBES.values()})


def _host(headers: Headers) -> str:
    """The Host header without its port, lower case, IPv6 without brackets."""
    for name, value in headers:
        if name == b"host":
            host = bytes(value).decode("latin-1").lower()
            if host.startswith("["):
                return host[1:].partition("]")[0]
            return host.rpartition(":")[0] if ":" in host else host
    return ""


@dataclass(frozen=True)
class Prebuilt:
    """One ready answer: for ASGI (status, headers) and for the raw fast path (`head`)."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    head: bytes  # status line and headers, without Date and the blank line

    @classmethod
    def of(cls, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> Prebuilt:
        reason = HTTPStatus(status).phrase.encode()
        lines = [b"HTTP/1.1 %d %s\r\n" % (status, reason)]
        lines += [name + b": " + value + b"\r\n" for name, value in headers]
        return cls(status, headers, body, b"".join(lines))


class ProbesAndCatchAll:
    """Answers probes and paths the portal does not serve; `decide` is None for the rest."""

    def __init__(
        self,
        *,
        book: SessionBook,
        metrics: PortalMetrics,
        splash_url: str,
        portal_paths: frozenset[str],
        portal_prefixes: tuple[str, ...],
        splash_hosts: frozenset[str] | None = None,
        security_headers: list[tuple[bytes, bytes]],
    ) -> None:
        self._book = book
        self._metrics = metrics
        self._paths = portal_paths
        self._prefixes = portal_prefixes
        self._hosts = splash_hosts
        self._security = security_headers
        redirect = [(b"location", splash_url.encode()), (b"cache-control", b"no-store")]
        self._redirect = self._prebuild(302, redirect, b"")
        self._answers = {path: self._prebuilt(answer) for path, answer in PROBES.items()}
        self._failed = self._prebuild(503, [(b"cache-control", b"no-store")], b"")

    def decide(self, path: str, headers: Headers, client_ip: str | None) -> Prebuilt | None:
        """The answer for a GET or HEAD of `path`, or None to let the app route it."""
        probe = PROBES.get(path)
        if probe is None and self._serves(headers, path):
            return None
        # Behind our nftables DNAT another site's request reaches the portal only when the
        # gateway held it back (at a login the redirected connections are reset), whatever
        # the store says of the address: another device may have taken the address of one
        # that accepted (the gateway passes address+MAC pairs). It gets the splash, where it
        # can accept, not an "online" answer or a dead end.
        held_back = self._hosts is not None and _host(headers) not in self._hosts
        try:
            online = (
                not held_back
                and client_ip is not None
                and self._book.seconds_remaining(unmapped(client_ip)) is not None
            )
        except Exception:  # the store failed: answer fast, let the health check tell
            log.exception("session lookup failed on %s", loggable_path(path))
            return self._failed
        if probe is not None:
            self._metrics.probe_answered(probe.system)
            return self._answers[path] if online else self._redirect
        if online:
            return None  # the portal's own 404 page
        self._metrics.redirected()
        return self._redirect

    async def answer(self, scope: Scope, send: Send) -> bool:
        """Send the answer over ASGI and return True, or return False to let the app route it."""
        client = scope.get("client")
        answer = self.decide(scope["path"], scope["headers"], client[0] if client else None)
        if answer is None:
            return False
        await send(
            {"type": "http.response.start", "status": answer.status, "headers": answer.headers}
        )
        body = b"" if scope["method"] == "HEAD" else answer.body
        await send({"type": "http.response.body", "body": body})
        return True

    def _serves(self, headers: Headers, path: str) -> bool:
        """Whether the app routes this path (on this Host, for the phone's pages)."""
        if not (path in self._paths or path.startswith(self._prefixes)):
            return False
        return self._hosts is None or path not in PHONE_PAGES or _host(headers) in self._hosts

    def _prebuild(self, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> Prebuilt:
        length = (b"content-length", b"%d" % len(body))
        return Prebuilt.of(status, [*headers, length, *self._security], body)

    def _prebuilt(self, answer: ProbeAnswer) -> Prebuilt:
        headers = [(b"cache-control", b"no-store")]
        if answer.content_type:
            headers.append((b"content-type", answer.content_type))
        if answer.location:
            headers.append((b"location", answer.location))
        return self._prebuild(answer.status, headers, answer.body)
