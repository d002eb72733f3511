"""Walk-in tickets and calling, on SQLite and PostgreSQL: tickets numbered per queue and
day with the people ahead and a wait; a clerk's "wezwij następnego" takes the booking due
first, then the tickets; "nie przyszedł" and "obsłużony"; audit rows; two desks calling at
once never call one person twice; administrators close days."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from office.desk_store import DeskStore
from office.kiosk_tokens import new_token, token_hash
from office.open_store import open_store
from office.settings import OfficeSettings
from office.store import CaseStore
from office.visit_queue import QueueStore
from tests.office.conftest import ID_CARD, KIOSK, LANCUT, REGISTRATION, RZESZOW, SetClock
from tests.office.desk import Clerk, add_clerk, csrf_of
from tests.office.office_server import OfficeServer
from tests.office.visit_client import VisitKiosk

THURSDAY = dt.datetime(2026, 11, 19, 12, 0, tzinfo=dt.UTC)
FRIDAY_1055 = dt.datetime(2026, 11, 20, 9, 55, tzinfo=dt.UTC)  # Polish time 10:55
DESK = "Stanowisko 1"


@pytest.fixture
def visit_store(visit_settings: OfficeSettings) -> Iterator[CaseStore]:
    opened = open_store(visit_settings)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> SetClock:
    return SetClock(FRIDAY_1055)


@pytest.fixture
def server(
    visit_settings: OfficeSettings, visit_store: CaseStore, clock: SetClock
) -> Iterator[OfficeServer]:
    add_clerk(visit_store, "anna.nowak", [LANCUT])
    add_clerk(visit_store, "ewa.rzeszow", [RZESZOW])
    add_clerk(visit_store, "admin", [], admin=True)
    office = OfficeServer(visit_settings, visit_store, clock)
    yield office
    office.stop()


@pytest.fixture
def kiosk(server: OfficeServer, visit_store: CaseStore) -> VisitKiosk:
    token = new_token()
    visit_store.add_kiosk(KIOSK, [LANCUT], token_hash(token), THURSDAY)
    return VisitKiosk(server.url, token)


def signed_in(server: OfficeServer, login: str) -> Clerk:
    clerk = Clerk(server.url)
    assert clerk.login(login).status_code == 303
    return clerk


def press(clerk: Clerk, action: str, **fields: str) -> dict[str, list[str]]:
    """Post a form of the desk page as its button does; the query it leads back to."""
    page = clerk.get(f"/wizyty?urzad={LANCUT}&stanowisko={DESK}")
    answer = clerk.post(action, csrf_of(page.text), urzad=LANCUT, stanowisko=DESK, **fields)
    assert answer.status_code == 303, answer.text
    return parse_qs(urlsplit(answer.headers["location"]).query)


def test_tickets_are_numbered_per_queue_with_the_people_ahead_and_a_wait(
    kiosk: VisitKiosk,
) -> None:
    first = kiosk.ticket(ID_CARD, "t-1")
    assert first.status_code == 201
    assert {k: first.json()[k] for k in ("number", "queue", "ahead", "wait_min")} == {
        "number": "A001", "queue": "A", "ahead": 0, "wait_min": 0}  # fmt: skip
    answers = [kiosk.ticket(ID_CARD).json() for _ in range(2)]
    # Two desks serve queue A at 15 minutes a visit: two people ahead wait 15 minutes.
    assert [(a["number"], a["ahead"], a["wait_min"]) for a in answers] == [
        ("A002", 1, 8), ("A003", 2, 15)]  # fmt: skip
    other = kiosk.ticket(REGISTRATION).json()
    assert (other["number"], other["ahead"], other["wait_min"]) == ("B001", 0, 0)
    again = kiosk.ticket(ID_CARD, "t-1")  # a resend: the same ticket
    assert (again.status_code, again.json()["number"]) == (200, "A001")


def test_numbering_starts_again_each_day(kiosk: VisitKiosk, clock: SetClock) -> None:
    assert kiosk.ticket(ID_CARD).json()["number"] == "A001"
    clock.now = FRIDAY_1055 + dt.timedelta(days=3)  # Monday
    assert kiosk.ticket(ID_CARD).json()["number"] == "A001"


@pytest.mark.parametrize(
    ("moment", "error"),
    [
        (dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC), "the office takes no visitors today"),
        (dt.datetime(2026, 11, 11, 9, 0, tzinfo=dt.UTC), "the office takes no visitors today"),
        (dt.datetime(2026, 11, 20, 15, 5, tzinfo=dt.UTC), "the office has closed for today"),
    ],
)
def test_no_ticket_when_the_office_is_closed(
    kiosk: VisitKiosk, clock: SetClock, moment: dt.datetime, error: str
) -> None:
    clock.now = moment
    answer = kiosk.ticket(ID_CARD)
    assert (answer.status_code, answer.json()) == (409, {"error": f"service_id: {error}"})


def test_call_next_takes_the_due_booking_first_then_the_tickets(
    server: OfficeServer, kiosk: VisitKiosk, clock: SetClock, visit_store: CaseStore
) -> None:
    clock.now = THURSDAY
    booking = kiosk.book(service_id=ID_CARD, starts_at="2026-11-20T11:00:00+01:00",
                         desk=DESK, name="Zofia Żółkiewska")  # fmt: skip
    later = kiosk.book(service_id=ID_CARD, starts_at="2026-11-20T11:30:00+01:00", desk=DESK)
    assert (booking.status_code, later.status_code) == (201, 201)
    clock.now = FRIDAY_1055
    assert [kiosk.ticket(ID_CARD).json()["number"] for _ in range(2)] == ["A001", "A002"]
    anna = signed_in(server, "anna.nowak")
    page = anna.get(f"/wizyty?urzad={LANCUT}&stanowisko={DESK}").text
    assert "Zofia Żółkiewska" in page and "A001" in page and "Nikt nie jest wezwany" in page

    press(anna, "/wizyty/wezwij")
    page = anna.get(f"/wizyty?urzad={LANCUT}&stanowisko={DESK}").text
    assert 'Wezwany: <b class="ticket">11:00</b>' in page  # the booking, not A001
    press(anna, "/wizyty/wezwij")  # the booking served, A001 called
    call = QueueStore(visit_store.sql()).open_call(LANCUT, DESK)
    assert call is not None and call.label == "A001"
    press(anna, "/wizyty/zakoncz", wezwanie=str(call.call_id), wynik="nie_przyszedl")
    press(anna, "/wizyty/wezwij")
    press(anna, "/wizyty/zakoncz", wezwanie=str(call.call_id + 1), wynik="obsluzony")
    assert press(anna, "/wizyty/wezwij") == {"urzad": [LANCUT], "stanowisko": [DESK],
                                             "info": ["nikt"]}  # fmt: skip  # 11:30 not due

    entries = [
        (e.actor, e.action, e.detail) for e in reversed(DeskStore(visit_store.sql()).audit_log())
    ]
    assert [e for e in entries if e[1] != "login"] == [
        ("anna.nowak", "call", f"{LANCUT}: 11:00 -> {DESK}"),
        ("anna.nowak", "served", f"{LANCUT}: 11:00"),
        ("anna.nowak", "call", f"{LANCUT}: A001 -> {DESK}"),
        ("anna.nowak", "no_show", f"{LANCUT}: A001"),
        ("anna.nowak", "call", f"{LANCUT}: A002 -> {DESK}"),
        ("anna.nowak", "served", f"{LANCUT}: A002"),
    ]
    states = [(c.label, c.outcome) for c in QueueStore(visit_store.sql()).recent_calls(LANCUT)]
    assert states == [("A002", "served"), ("A001", "no_show"), ("11:00", "served")]


def test_two_desks_calling_at_once_never_call_one_person_twice(
    visit_store: CaseStore, kiosk: VisitKiosk
) -> None:
    numbers = [kiosk.ticket(ID_CARD).json()["number"] for _ in range(12)]
    queue = QueueStore(visit_store.sql())
    called: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(12)

    def call(n: int) -> None:
        start.wait(30)
        got = queue.call_next(LANCUT, f"Stanowisko {n % 2 + 1}", ["A"], due_by=FRIDAY_1055,
                              now=FRIDAY_1055, clerk=f"clerk-{n}")  # fmt: skip
        with lock:
            called.append(got.label if got else "-")

    threads = [threading.Thread(target=call, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(called) == numbers


def test_a_clerk_without_visits_and_forged_posts_are_refused(
    server: OfficeServer, kiosk: VisitKiosk, visit_store: CaseStore
) -> None:
    kiosk.ticket(ID_CARD)
    ewa = signed_in(server, "ewa.rzeszow")
    assert ewa.get("/wizyty").status_code == 404  # Rzeszów books no visits
    anna = signed_in(server, "anna.nowak")
    forged = anna.post("/wizyty/wezwij", "not-the-token", urzad=LANCUT, stanowisko=DESK)
    assert forged.status_code == 403
    assert QueueStore(visit_store.sql()).recent_calls(LANCUT) == []
    assert anna.get("/wizyty").status_code == 200


def test_an_administrator_closes_a_day_and_opens_it_again(
    server: OfficeServer, kiosk: VisitKiosk, visit_store: CaseStore
) -> None:
    monday = "2026-11-23"

    def monday_slots() -> int:
        slots = kiosk.slots(ID_CARD, days="4").json()["slots"]
        return sum(1 for s in slots if s["day"] == monday)

    assert kiosk.book(service_id=ID_CARD, starts_at=f"{monday}T09:00:00+01:00").status_code == 201
    assert monday_slots() == 63
    anna = signed_in(server, "anna.nowak")
    refused = anna.post("/wizyty/dzien-wolny", csrf_of(anna.get("/wizyty").text),
                        urzad=LANCUT, dzien=monday)  # fmt: skip
    assert refused.status_code == 403
    admin = signed_in(server, "admin")
    back = press(admin, "/wizyty/dzien-wolny", dzien=monday, powod="inwentaryzacja")
    assert monday_slots() == 0
    page = admin.get("/wizyty?" + urlencode(back, doseq=True)).text
    assert "Dzień 2026-11-23 zamknięty dla nowych wizyt i numerków." in page
    assert "Umówione na ten dzień wizyty (1) nie zostały odwołane: zawiadom te osoby." in page
    assert "23.11.2026 ✕" in page
    press(admin, "/wizyty/dzien-wolny", dzien=monday, otworz="1")
    assert monday_slots() == 63
    entries = [(e.action, e.detail) for e in DeskStore(visit_store.sql()).audit_log()]
    assert entries[:2] == [
        ("day_reopened", f"{LANCUT} {monday}"),
        ("day_off", f"{LANCUT} {monday}"),
    ]


def test_calling_with_nobody_waiting_says_so(server: OfficeServer, kiosk: VisitKiosk) -> None:
    anna = signed_in(server, "anna.nowak")
    back = press(anna, "/wizyty/wezwij")
    page = anna.get("/wizyty?" + urlencode(back, doseq=True)).text
    assert "Nikt nie czeka na to stanowisko" in page
    assert 'id="nav-visits"' in page
