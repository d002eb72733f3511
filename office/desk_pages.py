"""The clerks' HTML pages: Jinja2 templates with autoescape, times in Polish time.

Every page holds personal data, so none may be cached, framed, or run a script from
elsewhere: the headers below say so.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.responses import HTMLResponse

from office.case_states import MOVE_LABELS, STATE_NAMES
from office.visit_records import BOOKING_STATES, CALL_OUTCOMES
from offline_cache.submission_code import display

TEMPLATES = Path(__file__).with_name("templates") / "desk"
STATIC = Path(__file__).with_name("static")
PRIVATE_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self';"
    " form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def polish_time(moment: dt.datetime) -> str:
    """20.11.2026 11:00, in Warsaw's time (UTC when the tz database is missing)."""
    try:
        local = moment.astimezone(ZoneInfo("Europe/Warsaw"))
    except ZoneInfoNotFoundError:
        local = moment.astimezone(dt.UTC)
    return local.strftime("%d.%m.%Y %H:%M")


def actor_name(actor: str) -> str:
    """Who set a state, for people: "kiosk lancut-ratusz-1", or the clerk's login."""
    kind, _, name = actor.partition(":")
    return f"kiosk {name}" if kind == "kiosk" else name or actor


class DeskPages:
    def __init__(self) -> None:
        self._env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self._env.filters["when"] = polish_time
        self._env.filters["actor"] = actor_name
        self._env.filters["day"] = lambda day: day.strftime("%d.%m.%Y")
        # As the receipt prints it (K7P4M-X9RCA): what a clerk compares with the resident's.
        self._env.filters["printed"] = display
        self._env.globals["state_names"] = STATE_NAMES
        self._env.globals["move_labels"] = MOVE_LABELS
        self._env.globals["booking_states"] = BOOKING_STATES
        self._env.globals["call_outcomes"] = CALL_OUTCOMES
        self._env.globals["visits_offered"] = False

    def offer_visits(self) -> None:
        """Show "Wizyty" in the top bar (some office takes visits)."""
        self._env.globals["visits_offered"] = True

    def render(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("signed_in", None)
        page = self._env.get_template(template).render(**context)
        return HTMLResponse(page, status_code=status, headers=PRIVATE_HEADERS)
