"""`GET /s/<CODE>`: the page behind the receipt's QR code, for a resident's phone.

Polish, English, Ukrainian or German (`?lang=`, else the browser's Accept-Language), no
JavaScript, one request (the style is inline). It shows what the status record holds and
nothing else: the state in plain words, the clerk's message, the dates, the office and
its phone; never a name or an answer. Autoescaped Jinja2. Pages of found cases are kept
in this process until their case changes (status_cache.py); no browser or proxy keeps one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse

from office.due_dates import expected_by
from office.settings import Office, OfficeSettings
from office.status_desk import StatusAnswer, StatusDesk
from office.status_texts import (
    CATALOGUES,
    LANGUAGE_NAMES,
    LANGUAGES,
    Language,
    calendar_day,
    day,
    day_and_time,
    pick_language,
)
from office.status_throttle import client_key
from offline_cache.submission_code import LENGTH, display

TEMPLATES = Path(__file__).with_name("templates")
_STATUS = {"found": 200, "unknown": 404, "malformed": 400, "mismatch": 400, "throttled": 429,
           "unavailable": 503}  # fmt: skip
# default-src 'none': no script, frame, font or image may load; the inline style may.
_HEADERS = {
    "Cache-Control": "no-store",
    "Vary": "Accept-Language",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class _Texts:
    """One language's texts as the templates read them, `t.code` and `t["state_" + s]`
    each found at the first try (Jinja tries an attribute first: on a dict that misses,
    and the exception, some forty times a page, cost more than the rest of the page)."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self.__dict__.update(texts)

    def __getitem__(self, key: str) -> str:
        return cast(str, self.__dict__[key])


@dataclass(frozen=True)
class _Link:
    code: str
    name: str


@dataclass(frozen=True)
class _Step:
    state: str
    when: str
    iso: str


class StatusPage:
    def __init__(self, settings: OfficeSettings, desk: StatusDesk) -> None:
        self._settings = settings
        self._desk = desk
        self._env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self._languages = [_Link(c, LANGUAGE_NAMES[c]) for c in LANGUAGES]
        self._texts = {language: _Texts(CATALOGUES[language]) for language in LANGUAGES}

    async def answer(self, request: Request) -> HTMLResponse:
        """The page from the register (a kept one went before the routes: status_fast_path)."""
        typed = request.path_params["code"]
        language = _language(request)
        client = client_key(request.client.host if request.client else "")
        headers = {**_HEADERS, "Content-Language": language}
        version = self._desk.cache_version()
        answer = await run_in_threadpool(self._desk.look_up, typed, client)
        if answer.retry_after_s:
            headers["Retry-After"] = str(answer.retry_after_s)
        page = self.render(answer, language).encode()
        self._desk.keep(answer, language, page, version)
        return HTMLResponse(page, _STATUS[answer.outcome], headers)

    def kept(self, request: Request, typed: str) -> HTMLResponse | None:
        """The kept page of a found case, if this client may have it now."""
        language = _language(request)
        client = client_key(request.client.host if request.client else "")
        kept = self._desk.kept(typed, client, language)
        if kept is None:
            return None
        return HTMLResponse(kept, 200, {**_HEADERS, "Content-Language": language})

    def render(self, answer: StatusAnswer, language: Language) -> str:
        shown = display(answer.code) if len(answer.code) == LENGTH else answer.code
        context: dict[str, Any] = {
            "lang": language, "t": self._texts[language], "languages": self._languages,
            "code": shown, "office_name": "",
        }  # fmt: skip
        record = answer.record
        if record is None:
            problem = CATALOGUES[language][answer.outcome]
            return self._env.get_template("status/problem.html").render(problem=problem, **context)
        office = self._settings.office(record.tenant_id)
        phone = office.phone if office else ""
        due = expected_by(record.state, record.received_at, (office or Office()).processing_days)
        context.update(
            status=record,
            service=record.service_name or record.service_id,
            office_name=office.name if office else "",
            phone=phone,
            phone_link="".join(c for c in phone if c.isdigit() or c == "+"),
            filed=day(language, record.filed_at),
            expected=calendar_day(language, due) if due else "",
            changed=day_and_time(language, record.updated_at),
            history=[
                _Step(step.state, day_and_time(language, step.changed_at),
                      step.changed_at.isoformat())
                for step in record.history
            ],
        )  # fmt: skip
        return self._env.get_template("status/status.html").render(**context)


def _language(request: Request) -> Language:
    return pick_language(
        request.query_params.get("lang"), request.headers.get("accept-language", "")
    )
