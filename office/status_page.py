"""`GET /s/<CODE>`: the page behind the receipt's QR code, for a resident's phone.

Polish, English, Ukrainian or German (`?lang=`, else the browser's Accept-Language), no
JavaScript, one request (the style is inline). It shows what the status record holds and
nothing else: the state in plain words, the clerk's message, the dates, the office and
its phone; never a name or an answer. Pages of found cases are kept in this process until
their case changes (status_cache.py); no browser or proxy keeps one.

A plain ASGI app: status_fast_path.py sends GET and HEAD of `/s/CODE` here before
Starlette's middleware and routing (which cost about as much as the page), and the route
of routes_status_fleet.py does the same for anything that reaches it. The HTML is joined
from parts made at start (status_html.py); the register is read without a worker thread
per request (status_reads.py).
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.types import Receive, Scope, Send

from office.status_desk import StatusAnswer, StatusDesk
from office.status_html import StatusHtml
from office.status_texts import LANGUAGES, Language, pick_language
from office.status_throttle import client_key
from offline_cache.submission_code import LENGTH, display

PREFIX = "/s/"
_STATUS = {"found": 200, "unknown": 404, "malformed": 400, "mismatch": 400, "throttled": 429,
           "unavailable": 503}  # fmt: skip
# default-src 'none': no script, frame, font or image may load; the inline style may.
_HEADERS = [
    (b"content-type", b"text/html; charset=utf-8"),
    (b"cache-control", b"no-store"),
    (b"vary", b"Accept-Language"),
    (b"content-security-policy", b"default-src 'none'; style-src 'unsafe-inline'; "
     b"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]  # fmt: skip
_BY_LANGUAGE = {lang: [*_HEADERS, (b"content-language", lang.encode())] for lang in LANGUAGES}


class StatusPage:
    def __init__(self, html: StatusHtml, desk: StatusDesk) -> None:
        self._html = html
        self._desk = desk

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The page of `scope["path"]`'s code: kept, or from the register."""
        typed = scope["path"][len(PREFIX) :]
        language = _language(scope)
        client = client_key(scope["client"][0] if scope.get("client") else "")
        headers = _BY_LANGUAGE[language]
        kept, version = self._desk.kept_or_version(typed, client, language)
        if kept is not None:
            await _send(send, scope, 200, headers, kept)
            return
        answer = await self._desk.answer(typed, client)
        page = self.render(answer, language)
        self._desk.keep(answer, language, page, version)
        if answer.retry_after_s:
            headers = [*headers, (b"retry-after", str(answer.retry_after_s).encode())]
        await _send(send, scope, _STATUS[answer.outcome], headers, page)

    def render(self, answer: StatusAnswer, language: Language) -> bytes:
        shown = display(answer.code) if len(answer.code) == LENGTH else answer.code
        if answer.record is None:
            return self._html.problem(answer.outcome, shown, language)
        return self._html.found(answer.record, shown, language)


def _language(scope: Scope) -> Language:
    asked = None
    query: bytes = scope.get("query_string", b"")
    if query:  # the last lang= wins, as in Starlette's query_params
        for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
            if name == "lang":
                asked = value
    accept = next((v for k, v in scope["headers"] if k == b"accept-language"), b"")
    return pick_language(asked, accept.decode("latin-1"))


async def _send(
    send: Send, scope: Scope, status: int, headers: list[tuple[bytes, bytes]], page: bytes
) -> None:
    length = (b"content-length", str(len(page)).encode())
    await send({"type": "http.response.start", "status": status, "headers": [length, *headers]})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else page})
