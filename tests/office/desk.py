"""Helpers of the clerks' pages tests: accounts, filed cases, and a clerk's browser session
over HTTP (cookies kept, each form's CSRF token read from the page as a browser sends it)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

import requests

from office.accounts_store import AccountStore
from office.passwords import hash_password
from office.store import CaseStore, NewCase
from office.submission import parse_submission
from tests.office.conftest import LANCUT, OFFICES
from tests.office.documents import body, document

PASSWORD = "zażółć-gęślą-jaźń"
RECEIVED = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def add_clerk(
    store: CaseStore, login: str, offices: Iterable[str] = (LANCUT,), *, admin: bool = False
) -> None:
    AccountStore(store.sql()).add_clerk(
        login, hash_password(PASSWORD), admin, offices, dt.datetime.now(dt.UTC)
    )


def file_case(
    store: CaseStore, received_at: dt.datetime = RECEIVED, **overrides: Any
) -> tuple[str, str]:
    """File one application as the intake does; its (code, case number)."""
    submission = parse_submission(body(document(**overrides)))
    prefix = next(o.prefix for o in OFFICES if o.tenant_id == submission.tenant_id)
    new = NewCase(
        code=submission.code, body_sha256=submission.body_sha256,
        tenant_id=submission.tenant_id, prefix=prefix, kiosk_id=submission.kiosk_id,
        service_id=submission.service_id, form_id=submission.form_id,
        form_version=submission.form_version, filed_at=submission.filed_at,
        document=submission.canonical,
    )  # fmt: skip
    return submission.code, store.file_case(new, received_at).case_number


def csrf_of(page: str) -> str:
    match = _CSRF.search(page)
    assert match is not None, "the page has no form with a CSRF token"
    return match[1]


class Clerk:
    """One clerk's browser: its cookies, and forms posted with the page's token."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.http = requests.Session()
        self.http.trust_env = False

    def get(self, path: str) -> requests.Response:
        return self.http.get(self.url + path, allow_redirects=False, timeout=10)

    def login(self, login: str, password: str = PASSWORD) -> requests.Response:
        token = csrf_of(self.get("/logowanie").text)
        return self.http.post(
            self.url + "/logowanie", data={"csrf": token, "login": login, "password": password},
            allow_redirects=False, timeout=10,
        )  # fmt: skip

    def post(self, path: str, csrf: str | None = None, **fields: str) -> requests.Response:
        """Post a form as the page at `path`'s case (or the inbox) carries it."""
        if csrf is None:
            case_page = path.rsplit("/", 1)[0] if path.startswith("/sprawy/") else "/sprawy"
            csrf = csrf_of(self.get(case_page).text)
        return self.http.post(
            self.url + path, data={"csrf": csrf, **fields}, allow_redirects=False, timeout=10
        )

    def close(self) -> None:
        self.http.close()
