"""Logging clerks in and out, and who is asking: the session cookie and the CSRF token.

The login form has its own CSRF token (a random value in a short-lived cookie and in the
form, which must match); every other form carries the session's token. A wrong or missing
token is a 403. Failed logins are throttled per account and per address (login_throttle).
"""

from __future__ import annotations

import hmac
import logging
import secrets
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from office.clerk_sessions import COOKIE
from office.desk_errors import DeskError, NotSignedIn
from office.desk_records import Clerk, ClerkSession
from office.desk_services import DeskServices
from office.passwords import spend_a_check, verify_password

log = logging.getLogger("office.desk")
LOGIN_COOKIE = "infomat_office_login"
MAX_LOGIN = 64


@dataclass(frozen=True)
class SignedIn:
    clerk: Clerk
    session: ClerkSession


async def signed_in(desk: DeskServices, request: Request) -> SignedIn:
    token = request.cookies.get(COOKIE, "")
    found = await run_in_threadpool(_resume, desk, token)
    if found is None:
        raise NotSignedIn
    return found


def _resume(desk: DeskServices, token: str) -> SignedIn | None:
    session = desk.sessions.resume(token, desk.clock())
    clerk = desk.accounts.clerk(session.login) if session is not None else None
    return None if clerk is None or session is None else SignedIn(clerk, session)


async def checked_form(request: Request, expected: str) -> FormData:
    """The posted form once its CSRF token matches `expected`; else 403."""
    form = await request.form(max_files=0, max_fields=20)
    given = form.get("csrf")
    if (
        not expected
        or not isinstance(given, str)
        or not hmac.compare_digest(given.encode(), expected.encode())
    ):
        raise DeskError(403, "Formularz wygasł lub nie pochodzi z tej strony. Otwórz ją ponownie.")
    return form


def address(request: Request) -> str:
    return request.client.host if request.client is not None else "-"


async def login_page(desk: DeskServices, request: Request) -> Response:
    return _login_form(desk, 200, "")


def _login_form(desk: DeskServices, status: int, problem: str) -> Response:
    token = secrets.token_urlsafe(24)
    page = desk.pages.render("login.html", status, csrf=token, problem=problem)
    _set_cookie(desk, page, LOGIN_COOKIE, token, max_age=3600)
    return page


async def login(desk: DeskServices, request: Request) -> Response:
    form = await checked_form(request, request.cookies.get(LOGIN_COOKIE, ""))
    login_name = str(form.get("login", "")).strip()[:MAX_LOGIN]
    password = str(form.get("password", ""))
    outcome = await run_in_threadpool(_check_login, desk, login_name, password, address(request))
    if outcome == "throttled":
        return _login_form(desk, 429, "Zbyt wiele nieudanych prób. Spróbuj za kilka minut.")
    if outcome == "wrong":
        return _login_form(desk, 401, "Nieprawidłowy login lub hasło.")
    token = await run_in_threadpool(_open_session, desk, login_name, request.cookies.get(COOKIE))
    answer = RedirectResponse("/sprawy", status_code=303)
    _set_cookie(desk, answer, COOKIE, token, max_age=desk.settings.session_max_hours * 3600)
    answer.delete_cookie(LOGIN_COOKIE, path="/", httponly=True, samesite="strict")
    return answer


def _check_login(desk: DeskServices, login_name: str, password: str, client: str) -> str:
    now = desk.clock()
    if desk.throttle.refuses(login_name, client, now):
        log.warning("desk: a login refused: too many failed attempts for its account or address")
        return "throttled"
    clerk = desk.accounts.clerk(login_name) if login_name else None
    if clerk is None:
        spend_a_check()
    if clerk is None or not verify_password(password, clerk.password_hash):
        desk.throttle.failed(login_name, client, now)
        # An unknown name may be a password typed in the wrong field: never logged.
        log.info("desk: failed login for %s", clerk.login if clerk else "an unknown account")
        return "wrong"
    desk.throttle.succeeded(login_name)
    return "ok"


def _open_session(desk: DeskServices, login_name: str, old_token: str | None) -> str:
    if old_token:
        desk.sessions.end(old_token)  # never keep a session across a login
    now = desk.clock()
    desk.sessions.forget_ended(now)
    token = desk.sessions.open(login_name, now)
    desk.cases.audit(login_name, "login", now)
    log.info("desk: %s logged in", login_name)
    return token


async def logout(desk: DeskServices, request: Request) -> Response:
    who = await signed_in(desk, request)
    await checked_form(request, who.session.csrf_token)
    token = request.cookies.get(COOKIE, "")
    await run_in_threadpool(_close_session, desk, who.clerk.login, token)
    answer = RedirectResponse("/logowanie", status_code=303)
    answer.delete_cookie(COOKIE, path="/", secure=desk.settings.cookie_secure, httponly=True,
                         samesite="strict")  # fmt: skip
    return answer


def _close_session(desk: DeskServices, login_name: str, token: str) -> None:
    desk.sessions.end(token)
    desk.cases.audit(login_name, "logout", desk.clock())
    log.info("desk: %s logged out", login_name)


def _set_cookie(desk: DeskServices, answer: Response, name: str, value: str, max_age: int) -> None:
    answer.set_cookie(
        name, value, max_age=max_age, path="/", secure=desk.settings.cookie_secure,
        httponly=True, samesite="strict",
    )  # fmt: skip
