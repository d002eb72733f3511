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

import functools
from http import HTTPStatus
from urllib.parse import parse_qsl

from starlette.types import Receive, Scope, Send

from office.status_cache import KeptAnswer
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
_MOST_REMEMBERED = 200  # bytes of query and Accept-Language whose language is remembered
_BY_LANGUAGE = {lang: [*_HEADERS, (b"content-language", lang.encode())] for lang in LANGUAGES}
# The status lines and headers as uvicorn writes them, for answers given from the parser.
STATUS_LINES = {
    status: b"HTTP/1.1 %d %s\r\n" % (status, HTTPStatus(status).phrase.encode())
    for status in set(_STATUS.values())
}
KEPT_HEADERS = {
    lang: b"".join(name + b": " + value + b"\r\n" for name, value in headers)
    for lang, headers in _BY_LANGUAGE.items()
}


class StatusPage:
    def __init__(self, html: StatusHtml, desk: StatusDesk) -> None:
        self._html = html
        self._desk = desk

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The page of `scope["path"]`'s code: kept, or from the register."""
        typed = scope["path"][len(PREFIX) :]
        language = _language(scope)
        client = client_key(scope["client"][0] if scope.get("client") else "")
        kept, version = self._desk.kept_or_version(typed, client, language)
        if kept is not None:
            await _send(send, scope, 200, _BY_LANGUAGE[language], kept.body())
            return
        answer = await self._desk.answer(typed, client)
        page = self._looked_up(answer, language, version)
        headers = _BY_LANGUAGE[language]
        if answer.retry_after_s:
            headers = [*headers, (b"retry-after", str(answer.retry_after_s).encode())]
        await _send(send, scope, _STATUS[answer.outcome], headers, page.body())

    def answer_now(
        self, typed: str, query: bytes, accept: bytes, host: str
    ) -> tuple[bytes, bytes, KeptAnswer] | None:
        """What __call__ would send, for status_http.py: the status line, the headers after
        content-length and the page, when it can be answered without waiting (kept, refused
        by the throttle or the code's form, or read from SQLite at once); None when the
        request has to go to __call__."""
        language = page_language(query, accept)
        client = client_key(host)
        kept, version = self._desk.kept_or_version(typed, client, language)
        if kept is not None:
            return STATUS_LINES[200], KEPT_HEADERS[language], kept
        answer = self._desk.answer_now(typed, client)
        if answer is None:
            return None
        page = self._looked_up(answer, language, version)
        headers = KEPT_HEADERS[language]
        if answer.retry_after_s:
            headers += b"retry-after: %d\r\n" % answer.retry_after_s
        return STATUS_LINES[_STATUS[answer.outcome]], headers, page

    def _looked_up(self, answer: StatusAnswer, language: Language, version: int) -> KeptAnswer:
        """The page of a looked-up answer, kept when it found a case."""
        page = self.render(answer, language)
        self._desk.keep(answer, language, page, version)
        return page

    def render(self, answer: StatusAnswer, language: Language) -> KeptAnswer:
        shown = display(answer.code) if len(answer.code) == LENGTH else answer.code
        if answer.record is None:
            return self._html.problem(answer.outcome, shown, language)
        return self._html.found(answer.record, shown, language)


def _language(scope: Scope) -> Language:
    accept = next((v for k, v in scope["headers"] if k == b"accept-language"), b"")
    return page_language(scope.get("query_string", b""), accept)


def page_language(query: bytes, accept: bytes) -> Language:
    """`?lang=`, else the first Accept-Language header's choice; remembered for the usual
    short headers (a browser sends the same one each time), worked out for long ones."""
    if len(query) + len(accept) <= _MOST_REMEMBERED:
        return _remembered_language(query, accept)
    return _worked_out_language(query, accept)


@functools.lru_cache(maxsize=1024)
def _remembered_language(query: bytes, accept: bytes) -> Language:
    return _worked_out_language(query, accept)


def _worked_out_language(query: bytes, accept: bytes) -> Language:
    asked = None
    if query:  # the last lang= wins, as in Starlette's query_params
        for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
            if name == "lang":
                asked = value
    return pick_language(asked, accept.decode("latin-1"))


async def _send(
    send: Send, scope: Scope, status: int, headers: list[tuple[bytes, bytes]], page: bytes
) -> None:
    length = (b"content-length", str(len(page)).encode())
    await send({"type": "http.response.start", "status": status, "headers": [length, *headers]})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else page})
