"""`/v/<office>/<CODE>`: a booked visit for the resident's phone (the visit slip's QR), with
"Odwołaj wizytę" behind one confirmation.

Polish, English, Ukrainian or German like the status page (whose frame it shares), no
JavaScript. It shows the service, the time, the desk and the state, never a name. The code
is the resident's key: who holds the slip may cancel. Unknown codes count against the
caller's misses (the status page's throttle), so codes cannot be walked. Its forms (cancel,
and the reminder by e-mail of visit_page_reminder.py) are refused from another site's page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from office.settings import OfficeSettings
from office.status_texts import CATALOGUES, LANGUAGE_NAMES, LANGUAGES, Language, day_and_time
from office.status_texts import pick_language as language_of
from office.status_throttle import MissThrottle, client_key
from office.visit_calendar import polish_day
from office.visit_records import Booking
from office.visit_texts import VISIT_TEXTS
from office.visits import Visits, find_service
from offline_cache.submission_code import display, is_valid, normalise

TEMPLATES = Path(__file__).with_name("templates")
NOTICES = ("cancelled_now", "too_late", "reminder_set", "reminder_removed", "reminder_closed")
_HEADERS = {
    "Cache-Control": "no-store",
    "Vary": "Accept-Language",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class VisitPage:
    def __init__(self, settings: OfficeSettings, visits: Visits, throttle: MissThrottle) -> None:
        self._settings, self._visits, self._throttle = settings, visits, throttle
        self._env = Environment(
            loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
            trim_blocks=True, lstrip_blocks=True,
        )  # fmt: skip
        self._languages = [{"code": c, "name": LANGUAGE_NAMES[c]} for c in LANGUAGES]

    def routes(self) -> list[Route]:
        return [
            Route("/v/{office}/{code}", self.show, methods=["GET"]),
            Route("/v/{office}/{code}/cancel", self.cancel, methods=["POST"]),
        ]

    async def show(self, request: Request) -> HTMLResponse:
        confirming = request.query_params.get("odwolaj") == "1"
        notice = request.query_params.get("notice", "")
        notice = notice if notice in NOTICES else ""
        return await self.answer(request, self._language(request), notice, confirming)

    async def cancel(self, request: Request) -> Response:
        """Cancel, then back to the page (303), so a reload or a language link never posts
        again."""
        form = await request.form(max_files=0, max_fields=4)
        language = posted_language(form.get("lang"))
        if from_elsewhere(request):
            return await self.answer(request, language, form_problem="cross_site", status=403)
        office, code = request.path_params["office"], normalise(request.path_params["code"])
        notice = ""
        if self._settings.office(office) is not None and is_valid(code):
            outcome = await run_in_threadpool(
                self._visits.calendar.cancel, office, code, self._visits.clock()
            )
            notice = {"cancelled": "cancelled_now", "begun": "too_late"}.get(outcome, "")
        return back_to_page(office, code, language, notice)

    async def answer(
        self, request: Request, language: Language, notice: str = "", confirming: bool = False,
        *, typed: str = "", form_problem: str = "", status: int = 200,
    ) -> HTMLResponse:  # fmt: skip
        """The page; `typed` and `form_problem` (a text key) for a reminder form sent back."""
        texts = {**CATALOGUES[language], **VISIT_TEXTS[language]}
        office_id = request.path_params["office"]
        code = normalise(request.path_params["code"])
        context: dict[str, Any] = {
            "lang": language, "t": texts, "languages": self._languages, "notice": notice,
            "code": display(code) if is_valid(code) else code[:12], "office_name": "",
            "phone": "", "phone_link": "", "typed": typed, "reminders": False,
            "form_problem": texts[form_problem] if form_problem else "",
        }  # fmt: skip
        headers = {**_HEADERS, "Content-Language": language}
        client = client_key(request.client.host if request.client else "")
        office = self._settings.office(office_id)
        wait_s = self._throttle.wait_s(client)
        problem, booking = "", None
        if wait_s:
            problem, status = "throttled", 429
            headers["Retry-After"] = str(int(wait_s) + 1)
        elif not is_valid(code):
            problem, status = "malformed", 400
        elif office is not None:
            booking = await run_in_threadpool(self._visits.calendar.find, office_id, code)
        if not problem and booking is None:
            self._throttle.missed(client)
            problem, status = "unknown", 404
        if office is not None:
            link = "".join(c for c in office.phone if c.isdigit() or c == "+")
            context.update(office_name=office.name, phone=office.phone, phone_link=link)
        if booking is not None and office is not None:
            context.update(self._facts(booking, language, office_id, confirming))
        context["problem"] = texts[problem] if problem else ""
        page = self._env.get_template("visit/page.html").render(**context)
        return HTMLResponse(page, status, headers)

    def _facts(
        self, booking: Booking, language: Language, office_id: str, confirming: bool
    ) -> dict[str, Any]:
        office = self._settings.office(office_id)
        service = find_service(office, booking.service_id) if office else None
        now = self._visits.clock()
        state = "cancelled" if booking.state == "cancelled" else "booked"
        if state == "booked" and booking.starts_at <= now:
            state = "past"
        base = f"/v/{office_id}/{booking.code}"
        return {
            "reminders": state == "booked" and reminder_possible(self._settings, booking, now),
            "reminder": booking.reminder, "remind_url": f"{base}/remind",
            "unremind_url": f"{base}/remind/remove",
            "notice_url": office.notice_url if office else "",
            "state": state, "service": service.name if service else booking.service_id,
            "when": day_and_time(language, booking.starts_at),
            "iso": booking.starts_at.isoformat(), "desk": booking.desk,
            "can_cancel": state == "booked", "confirming": confirming,
            "cancel_url": f"{base}/cancel",
        }  # fmt: skip

    def _language(self, request: Request) -> Language:
        return language_of(
            request.query_params.get("lang"), request.headers.get("accept-language", "")
        )


def posted_language(asked: object) -> Language:
    return language_of(asked if isinstance(asked, str) else None, "")


def from_elsewhere(request: Request) -> bool:
    """A form posted from another site's page (the browser says so in Sec-Fetch-Site): a
    page's own forms are same-origin, and a phone's browser older than that header sends
    none. The code in the address is the key; this keeps another page from using it."""
    return request.headers.get("sec-fetch-site", "") in ("cross-site", "same-site")


def back_to_page(office: str, code: str, language: Language, notice: str) -> RedirectResponse:
    """303 to the visit's page, so a reload or a language link never posts again."""
    query = urlencode({"lang": language, **({"notice": notice} if notice else {})})
    return RedirectResponse(f"/v/{quote(office)}/{quote(code)}?{query}", 303, _HEADERS)


def reminder_possible(settings: OfficeSettings, booking: Booking, now: dt.datetime) -> bool:
    """E-mail is on and the visit is after today, so a reminder can still go the day before."""
    return bool(settings.smtp_host) and polish_day(booking.starts_at) > polish_day(now)
