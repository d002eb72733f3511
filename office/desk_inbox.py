"""`GET /sprawy`: the inbox of the clerk's offices, newest first, filtered and searched.

One search box takes a submission code (K7P4MX9RCA, spaces and dashes ignored), a case
number (UM-2026/00017) or a surname, which is looked for in the residents' answers on the
server; it never reaches the log.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from office.case_states import STATE_NAMES
from office.desk_auth import signed_in
from office.desk_records import Clerk, InboxPage, InboxQuery
from office.desk_services import DeskServices
from offline_cache.submission_code import ALPHABET, LENGTH

PER_PAGE = 50
MAX_SEARCH = 100
CASE_NUMBER = re.compile(r"[A-Z][A-Z0-9]{0,7}-\d{4}/\d{5}")


def inbox_query(
    clerk: Clerk, params: dict[str, str], cutoffs: tuple[tuple[str, dt.datetime], ...] = ()
) -> InboxQuery:
    search = params.get("szukaj", "").strip()[:MAX_SEARCH]
    compact = re.sub(r"[\s-]", "", search).upper()
    page = params.get("strona", "1")
    state = params.get("stan", "")
    fields: dict[str, Any] = {
        "offices": None if clerk.is_admin else clerk.offices,
        "state": state if state in STATE_NAMES else "",
        "service_id": params.get("usluga", "")[:200],
        "kiosk_id": params.get("kiosk", "")[:200],
        "page": int(page) if page.isdecimal() and 0 < len(page) < 6 and int(page) > 0 else 1,
        "per_page": PER_PAGE,
        "overdue_before": cutoffs if params.get("po_terminie") == "1" else (),
    }
    if len(compact) == LENGTH and not set(compact) - set(ALPHABET):
        fields["code"] = compact
    elif CASE_NUMBER.fullmatch(search.upper()):
        fields["case_number"] = search.upper()
    elif search:
        fields["surname"] = search
    return InboxQuery(**fields)


async def inbox(desk: DeskServices, request: Request) -> Response:
    who = await signed_in(desk, request)
    params = {k: v for k, v in request.query_params.items() if isinstance(v, str)}
    offices = None if who.clerk.is_admin else who.clerk.offices
    cutoffs = desk.overdue_cutoffs(offices)
    query = inbox_query(who.clerk, params, cutoffs)
    found, counts, services, kiosks = await run_in_threadpool(_read, desk, query)
    overdue = InboxQuery(offices, overdue_before=cutoffs, per_page=1)
    counts["overdue"] = (await run_in_threadpool(desk.cases.inbox, overdue)).total
    pages = max(1, math.ceil(found.total / query.per_page))
    kept = {k: params[k] for k in ("stan", "usluga", "kiosk", "szukaj", "po_terminie")
            if params.get(k)}  # fmt: skip
    return desk.pages.render(
        "inbox.html", signed_in=who, query=query, found=found, counts=counts,
        services=services, kiosks=kiosks, search=params.get("szukaj", "")[:MAX_SEARCH],
        pages=pages, page_link=lambda n: "/sprawy?" + urlencode({**kept, "strona": n}),
        state_link=lambda s: "/sprawy?" + urlencode({"stan": s} if s else {}),
        deadline=desk.deadline, overdue_only=bool(query.overdue_before),
    )  # fmt: skip


def _read(
    desk: DeskServices, query: InboxQuery
) -> tuple[InboxPage, dict[str, int], list[str], list[str]]:
    return (
        desk.cases.inbox(query),
        desk.cases.state_counts(query.offices),
        desk.cases.choices(query.offices, "service_id"),
        desk.cases.choices(query.offices, "kiosk_id"),
    )
