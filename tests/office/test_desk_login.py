"""Logging clerks in and out on both stores: cookies, throttling, CSRF, session expiry."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Iterator

import pytest
import requests

from office.desk_auth import LOGIN_COOKIE
from office.desk_store import DeskStore
from office.open_store import open_store
from office.settings import OfficeSettings
from office.store import CaseStore
from tests.office.desk import PASSWORD, RECEIVED, Clerk, add_clerk, csrf_of
from tests.office.office_server import OfficeServer


class Clock:
    def __init__(self) -> None:
        self.now = RECEIVED

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desk(settings: OfficeSettings, store: CaseStore, clock: Clock) -> Iterator[OfficeServer]:
    add_clerk(store, "anna.nowak")
    server = OfficeServer(settings, store, clock)
    yield server
    server.stop()


@pytest.fixture
def anna(desk: OfficeServer) -> Iterator[Clerk]:
    clerk = Clerk(desk.url)
    yield clerk
    clerk.close()


def test_login_opens_a_session_in_a_strict_httponly_cookie(anna: Clerk, store: CaseStore) -> None:
    assert anna.get("/sprawy").headers["location"] == "/logowanie"
    answer = anna.login("anna.nowak")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/sprawy"
    cookie = next(c for c in answer.headers["set-cookie"].split(", infomat")
                  if c.startswith("infomat_office_session"))  # fmt: skip
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    assert "Secure" not in cookie
    inbox = anna.get("/sprawy")
    assert inbox.status_code == 200
    assert "anna.nowak" in inbox.text
    assert inbox.headers["cache-control"] == "no-store"
    assert [(e.actor, e.action) for e in DeskStore(store.sql()).audit_log()] == [
        ("anna.nowak", "login")
    ]


def test_the_cookie_is_secure_when_configured(settings: OfficeSettings, store: CaseStore) -> None:
    add_clerk(store, "anna.nowak")
    server = OfficeServer(dataclasses.replace(settings, cookie_secure=True), store)
    try:
        clerk = Clerk(server.url)
        form = clerk.get("/logowanie")
        assert "Secure" in form.headers["set-cookie"]
        token = csrf_of(form.text)
        clerk.http.cookies.set(LOGIN_COOKIE, token)  # as a browser over HTTPS sends it back
        answer = clerk.http.post(server.url + "/logowanie",
                                 data={"csrf": token, "login": "anna.nowak", "password": PASSWORD},
                                 allow_redirects=False, timeout=10)  # fmt: skip
        assert answer.status_code == 303
        assert "Secure" in answer.headers["set-cookie"]
    finally:
        server.stop()


def test_a_wrong_password_or_unknown_login_gets_the_same_answer(anna: Clerk) -> None:
    wrong = anna.login("anna.nowak", "nie-to-hasło")
    unknown = anna.login("nikt.taki", PASSWORD)
    assert wrong.status_code == unknown.status_code == 401
    assert "Nieprawidłowy login lub hasło." in wrong.text
    assert wrong.text.replace(csrf_of(wrong.text), "") == unknown.text.replace(
        csrf_of(unknown.text), ""
    )
    assert anna.get("/sprawy").status_code == 303


def test_failed_logins_are_throttled_per_account_across_instances(
    desk: OfficeServer, settings: OfficeSettings, anna: Clerk
) -> None:
    other_store = open_store(settings)  # a second instance on the same database
    other = OfficeServer(settings, other_store)
    try:
        for n in range(settings.login_attempts_per_account):
            server = desk if n % 2 else other
            assert Clerk(server.url).login("anna.nowak", "złe-hasło-123").status_code == 401
        refused = Clerk(other.url).login("anna.nowak")  # the right password, too late
        assert refused.status_code == 429
        assert "Zbyt wiele nieudanych prób" in refused.text
        assert anna.login("anna.nowak").status_code == 429
    finally:
        other.stop()
        other_store.close()


def test_the_throttle_forgets_failures_after_its_window(
    desk: OfficeServer, settings: OfficeSettings, clock: Clock, anna: Clerk
) -> None:
    for _ in range(settings.login_attempts_per_account):
        anna.login("anna.nowak", "złe-hasło-123")
    assert anna.login("anna.nowak").status_code == 429
    clock.now += dt.timedelta(minutes=settings.login_window_min, seconds=1)
    assert anna.login("anna.nowak").status_code == 303


def test_failed_logins_are_throttled_per_address(
    desk: OfficeServer, settings: OfficeSettings, store: CaseStore, anna: Clerk
) -> None:
    add_clerk(store, "jan.kowalski")
    for n in range(settings.login_attempts_per_address):
        anna.login(f"zgadywany-{n}", "złe-hasło-123")  # a new account name each time
    assert anna.login("jan.kowalski").status_code == 429


def test_posts_without_the_session_csrf_token_are_refused(anna: Clerk) -> None:
    anna.login("anna.nowak")
    assert anna.post("/wyloguj", csrf="").status_code == 403
    assert anna.post("/wyloguj", csrf="podrobiony").status_code == 403
    no_token = anna.http.post(anna.url + "/wyloguj", allow_redirects=False, timeout=10)
    assert no_token.status_code == 403
    assert anna.get("/sprawy").status_code == 200  # still logged in


@pytest.mark.parametrize("token", ["x", "", "-"])
def test_a_login_form_without_its_own_token_is_refused(desk: OfficeServer, token: str) -> None:
    with requests.Session() as http:
        http.trust_env = False
        answer = http.post(desk.url + "/logowanie",
                           data={"csrf": token, "login": "anna.nowak", "password": PASSWORD},
                           allow_redirects=False, timeout=10)  # fmt: skip
        assert answer.status_code == 403
        http.cookies.set(LOGIN_COOKIE, "")
        answer = http.post(desk.url + "/logowanie",
                           data={"csrf": "", "login": "anna.nowak", "password": PASSWORD},
                           allow_redirects=False, timeout=10)  # fmt: skip
        assert answer.status_code == 403


def test_logout_ends_the_session_in_the_store(anna: Clerk, store: CaseStore) -> None:
    anna.login("anna.nowak")
    stolen = anna.http.cookies.get("infomat_office_session")
    assert stolen is not None
    answer = anna.post("/wyloguj")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/logowanie"
    with requests.Session() as thief:
        thief.trust_env = False
        thief.cookies.set("infomat_office_session", stolen)
        assert thief.get(anna.url + "/sprawy", allow_redirects=False).status_code == 303
    actions = [e.action for e in DeskStore(store.sql()).audit_log()]
    assert actions == ["logout", "login"]


def test_an_idle_session_expires(anna: Clerk, clock: Clock, settings: OfficeSettings) -> None:
    anna.login("anna.nowak")
    clock.now += dt.timedelta(minutes=settings.session_idle_min - 1)
    assert anna.get("/sprawy").status_code == 200  # this request keeps it alive
    clock.now += dt.timedelta(minutes=settings.session_idle_min - 1)
    assert anna.get("/sprawy").status_code == 200
    clock.now += dt.timedelta(minutes=settings.session_idle_min, seconds=1)
    assert anna.get("/sprawy").headers["location"] == "/logowanie"


def test_a_busy_session_still_ends_after_its_longest_time(
    anna: Clerk, clock: Clock, settings: OfficeSettings
) -> None:
    anna.login("anna.nowak")
    end = clock.now + dt.timedelta(hours=settings.session_max_hours)
    while clock.now + dt.timedelta(minutes=20) < end:
        clock.now += dt.timedelta(minutes=20)
        assert anna.get("/sprawy").status_code == 200
    clock.now = end + dt.timedelta(seconds=1)
    assert anna.get("/sprawy").status_code == 303


def test_sessions_past_their_limits_are_swept_at_the_next_login(
    anna: Clerk, desk: OfficeServer, clock: Clock, store: CaseStore, settings: OfficeSettings
) -> None:
    anna.login("anna.nowak")
    clock.now += dt.timedelta(minutes=settings.session_idle_min, seconds=1)
    assert Clerk(desk.url).login("anna.nowak").status_code == 303
    with store.sql().reading() as sql:
        assert sql.rows("SELECT count(*) FROM clerk_sessions") == [(1,)]


def test_a_password_typed_into_the_login_field_is_not_logged(
    anna: Clerk, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    anna.login("Tajne-hasło-99", "")
    anna.login("anna.nowak", "Tajne-hasło-99")
    assert "failed login for an unknown account" in caplog.text
    assert "failed login for anna.nowak" in caplog.text
    assert "Tajne" not in caplog.text
