"""The visit page's form "Przypomnij mi e-mailem dzień wcześniej", and removing it again.

The address is checked where it enters and kept with the booking (visit_reminders.py);
the consent records the version of the office's notice. Every form sent counts against
its sender in a throttle of its own, as many a minute as the page's misses
(`status_misses_per_minute`): someone trying codes with it, or sending a stranger's
address to many bookings, waits like a code guesser, while the page a resident is sent
back to is not held up by their own forms. Neither the address nor the code
is logged. A wrong address or a missing consent comes back with the address as typed, so
the resident mends it rather than typing it again on a phone.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from office.resident_mail import ADDRESS
from office.settings import OfficeSettings
from office.status_texts import Language
from office.status_throttle import MissThrottle, client_key
from office.visit_page import (
    VisitPage,
    back_to_page,
    from_elsewhere,
    posted_language,
    reminder_possible,
)
from office.visits import Visits
from offline_cache.submission_code import is_valid, normalise

MAX_ADDRESS = 254  # RFC 5321's longest path


class ReminderForm:
    def __init__(
        self, settings: OfficeSettings, visits: Visits, throttle: MissThrottle, page: VisitPage
    ) -> None:
        self._settings, self._visits, self._throttle, self._page = settings, visits, throttle, page

    def routes(self) -> list[Route]:
        return [
            Route("/v/{office}/{code}/remind", self.remind, methods=["POST"]),
            Route("/v/{office}/{code}/remind/remove", self.remove, methods=["POST"]),
        ]

    async def remind(self, request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=6)
        language = posted_language(form.get("lang"))
        refusal = await self._refused(request, language)
        if refusal is not None:
            return refusal
        office_id, code = request.path_params["office"], normalise(request.path_params["code"])
        office = self._settings.office(office_id)
        booking = await run_in_threadpool(self._visits.calendar.find, office_id, code)
        now = self._visits.clock()
        if office is None or booking is None or booking.state != "booked":
            return back_to_page(office_id, code, language, "")
        if not reminder_possible(self._settings, booking, now):  # today, past, or no e-mail
            return back_to_page(office_id, code, language, "reminder_closed")
        email = str(form.get("email", "")).strip()
        problem = ""
        if len(email) > MAX_ADDRESS or not ADDRESS.fullmatch(email):
            problem = "email_wrong"
        elif form.get("consent") != "yes":
            problem = "consent_needed"
        if problem:
            return await self._page.answer(
                request, language, typed=email[:MAX_ADDRESS], form_problem=problem, status=400
            )
        done = await run_in_threadpool(
            self._visits.reminders.set, office_id, code, email=email, language=language,
            consent=office.notice_version, now=now,
        )  # fmt: skip
        return back_to_page(office_id, code, language, "reminder_set" if done else "")

    async def remove(self, request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=4)
        language = posted_language(form.get("lang"))
        refusal = await self._refused(request, language)
        if refusal is not None:
            return refusal
        office_id, code = request.path_params["office"], normalise(request.path_params["code"])
        removed = False
        if self._settings.office(office_id) is not None:
            removed = await run_in_threadpool(self._visits.reminders.remove, office_id, code)
        return back_to_page(office_id, code, language, "reminder_removed" if removed else "")

    async def _refused(self, request: Request, language: Language) -> Response | None:
        """The page with its problem for a form from another site (403), a throttled sender
        (429) or a malformed code (400); None when the form may be read."""
        if from_elsewhere(request):
            return await self._page.answer(request, language, form_problem="cross_site", status=403)
        client = client_key(request.client.host if request.client else "")
        wait_s = self._throttle.wait_s(client)
        if wait_s:
            page = await self._page.answer(request, language, form_problem="throttled", status=429)
            page.headers["Retry-After"] = str(int(wait_s) + 1)
            return page
        self._throttle.missed(client)
        if not is_valid(normalise(request.path_params["code"])):
            return await self._page.answer(request, language)  # says 400
        return None
