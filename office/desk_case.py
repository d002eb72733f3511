"""A case for a clerk: its page, its moves, notes and assignment, its print and JSON.

A case of an office the clerk does not serve answers 404, exactly as a case that does not
exist. Each handler names the case by its submission code (case numbers hold a '/').
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import cast

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from office.case_document import read_application
from office.case_states import MOVES, may_move
from office.desk_auth import SignedIn, checked_form, signed_in
from office.desk_errors import DeskError, not_found
from office.desk_pages import PRIVATE_HEADERS
from office.desk_records import CaseFile
from office.desk_services import DeskServices
from office.ezd_export import ExportFailed, export_case
from office.resident_mail import MailCase, compose, resident_address
from office.store import CaseState

log = logging.getLogger("office.desk")
MAX_MESSAGE = 1000  # the status API cuts messages there
MAX_NOTE = 4000


async def case_page(desk: DeskServices, request: Request) -> Response:
    who, case = await _case(desk, request, audit="view")
    assignable = await run_in_threadpool(desk.accounts.clerks_of, case.tenant_id)
    forwarded = await run_in_threadpool(desk.cases.last_action, case.case_id, "forward")
    deadline = desk.deadline(case.tenant_id, case.received_at, case.state)
    return desk.pages.render(
        "case.html", signed_in=who, case=case, app=read_application(case.document),
        office=desk.settings.office(case.tenant_id), moves=MOVES[case.state],
        assignable=assignable, forwarded=forwarded, deadline=deadline,
        mails_resident=bool(desk.settings.smtp_host and resident_address(case.document)),
    )  # fmt: skip


async def print_page(desk: DeskServices, request: Request) -> Response:
    who, case = await _case(desk, request, audit="print")
    _still_personal(case)
    return desk.pages.render(
        "print.html", signed_in=who, case=case, app=read_application(case.document),
        office=desk.settings.office(case.tenant_id),
    )  # fmt: skip


async def case_json(desk: DeskServices, request: Request) -> Response:
    _, case = await _case(desk, request, audit="download")
    _still_personal(case)
    name = case.case_number.replace("/", "_")
    headers = {**PRIVATE_HEADERS, "Content-Disposition": f'attachment; filename="{name}.json"'}
    return Response(case.document, media_type="application/json", headers=headers)


async def move(desk: DeskServices, request: Request) -> Response:
    who, case = await _case(desk, request)
    form = await checked_form(request, who.session.csrf_token)
    to = str(form.get("to", ""))
    message = str(form.get("message", "")).strip()
    if not may_move(case.state, to):
        raise DeskError(409, "Tej zmiany stanu nie można teraz wykonać.")
    if len(message) > MAX_MESSAGE:
        raise DeskError(400, f"Wiadomość może mieć najwyżej {MAX_MESSAGE} znaków.")
    state = cast(CaseState, to)
    mail = compose(_mail_case(case), state, message, desk.settings) if message else None
    moved = await run_in_threadpool(
        functools.partial(desk.cases.move, case.case_id, case.state, state,
                          actor=who.clerk.login, message=message, at=desk.clock(), mail=mail)
    )  # fmt: skip
    if not moved:
        raise DeskError(409, "Ktoś właśnie zmienił stan tej sprawy. Otwórz ją ponownie.")
    log.info("desk: %s moved %s from %s to %s%s", who.clerk.login, case.case_number, case.state,
             to, "; its message e-mailed to the resident" if mail else "")  # fmt: skip
    return _back(case)


async def add_note(desk: DeskServices, request: Request) -> Response:
    who, case = await _case(desk, request)
    form = await checked_form(request, who.session.csrf_token)
    _still_personal(case)  # a note now would outlive the purge
    text = str(form.get("note", "")).strip()
    if not text or len(text) > MAX_NOTE:
        raise DeskError(400, f"Notatka musi mieć od 1 do {MAX_NOTE} znaków.")
    await run_in_threadpool(desk.cases.add_note, case.case_id, who.clerk.login, text, desk.clock())
    log.info("desk: %s added a note to %s", who.clerk.login, case.case_number)
    return _back(case)


async def assign(desk: DeskServices, request: Request) -> Response:
    who, case = await _case(desk, request)
    form = await checked_form(request, who.session.csrf_token)
    assignee = str(form.get("assignee", ""))
    allowed = await run_in_threadpool(desk.accounts.clerks_of, case.tenant_id)
    if assignee and assignee not in allowed:
        raise DeskError(400, "Tej osobie nie można przydzielić sprawy tego urzędu.")
    await run_in_threadpool(
        desk.cases.assign, case.case_id, assignee, who.clerk.login, desk.clock()
    )
    log.info("desk: %s assigned %s to %s", who.clerk.login, case.case_number, assignee or "nobody")
    return _back(case)


async def forward(desk: DeskServices, request: Request) -> Response:
    who, case = await _case(desk, request)
    await checked_form(request, who.session.csrf_token)
    _still_personal(case)
    office = desk.settings.office(case.tenant_id)
    if office is None or not office.export_dir:
        raise DeskError(404, "Ten urząd nie ma skonfigurowanego przekazywania do EZD.")
    try:
        await run_in_threadpool(
            export_case, Path(office.export_dir), case.case_number, case.document
        )
    except ExportFailed as exc:
        log.error("desk: %s could not forward %s to the EZD: %s", who.clerk.login,
                  case.case_number, exc)  # fmt: skip
        raise DeskError(
            503, "Nie można teraz zapisać sprawy w folderze EZD. Powiadom administratora."
        ) from None
    await run_in_threadpool(
        desk.cases.audit, who.clerk.login, "forward", desk.clock(), case.case_id, "folder"
    )
    log.info("desk: %s forwarded %s to the EZD folder", who.clerk.login, case.case_number)
    return _back(case)


async def _case(desk: DeskServices, request: Request, audit: str = "") -> tuple[SignedIn, CaseFile]:
    who = await signed_in(desk, request)
    code = str(request.path_params["code"])
    case = await run_in_threadpool(desk.cases.case_file, code) if len(code) <= 20 else None
    if case is None or not who.clerk.may_see(case.tenant_id):
        raise not_found()
    if audit:
        await run_in_threadpool(
            desk.cases.audit, who.clerk.login, audit, desk.clock(), case.case_id
        )
    return who, case


def _mail_case(case: CaseFile) -> MailCase:
    return MailCase(case.case_number, case.code, case.tenant_id, case.document)


def _still_personal(case: CaseFile) -> None:
    """The application itself (print, JSON, EZD) is gone once retention removed it."""
    if case.personal_data_purged_at is not None:
        raise DeskError(410, "Dane osobowe tej sprawy usunięto po okresie przechowywania; "
                        "wniosek jest już tylko w EZD.")  # fmt: skip


def _back(case: CaseFile) -> Response:
    return RedirectResponse(f"/sprawy/{case.code}", status_code=303)
