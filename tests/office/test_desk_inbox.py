"""The inbox on both stores: newest first, counts per state, filters, search, pages."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest

from office.desk_store import DeskStore
from office.settings import OfficeSettings
from office.store import CaseState, CaseStore
from tests.office.conftest import LANCUT, RZESZOW
from tests.office.desk import RECEIVED, Clerk, add_clerk, file_case
from tests.office.office_server import OfficeServer
from tests.outbox_factories import ANSWERS

_NUMBER = re.compile(r'class="case-link">([^<]+)<')


@pytest.fixture
def anna(settings: OfficeSettings, store: CaseStore) -> Iterator[Clerk]:
    add_clerk(store, "anna.nowak", [LANCUT])
    server = OfficeServer(settings, store)
    clerk = Clerk(server.url)
    assert clerk.login("anna.nowak").status_code == 303
    yield clerk
    clerk.close()
    server.stop()


def listed(clerk: Clerk, query: str = "") -> list[str]:
    page = clerk.get("/sprawy" + query)
    assert page.status_code == 200
    return _NUMBER.findall(page.text)


def later(minutes: int) -> dt.datetime:
    return RECEIVED + dt.timedelta(minutes=minutes)


def test_newest_first_with_counts_per_state(anna: Clerk, store: CaseStore) -> None:
    numbers = [file_case(store, later(n))[1] for n in range(3)]
    file_case(store, tenant_id=RZESZOW, office_name="Urząd Miasta Rzeszowa")
    case = DeskStore(store.sql()).case_file(file_case(store, later(5))[0])
    assert case is not None
    DeskStore(store.sql()).move(case.case_id, "received", "in_progress", actor="anna.nowak",
                                message="", at=later(6))  # fmt: skip
    assert listed(anna) == [case.case_number, *reversed(numbers)]  # not Rzeszów's
    page = anna.get("/sprawy").text
    assert "Wszystkie <b>4</b>" in page
    assert "Przyjęta <b>3</b>" in page
    assert "W toku <b>1</b>" in page
    assert listed(anna, "?stan=in_progress") == [case.case_number]


def test_filters_by_service_and_kiosk(anna: Clerk, store: CaseStore) -> None:
    _, plain = file_case(store, later(0))
    _, other_service = file_case(store, later(1), service_id="gl-dowod-osobisty")
    _, other_kiosk = file_case(store, later(2), kiosk_id="lancut-mosir-2")
    assert listed(anna, "?usluga=gl-dowod-osobisty") == [other_service]
    assert listed(anna, "?kiosk=lancut-mosir-2") == [other_kiosk]
    assert listed(anna, "?kiosk=lancut-ratusz-1&usluga=gl-informacja-publiczna") == [plain]
    assert listed(anna, "?stan=nonsense") == [other_kiosk, other_service, plain]


def test_search_by_code_case_number_or_surname(anna: Clerk, store: CaseStore) -> None:
    code, number = file_case(store, later(0))
    answers = {**ANSWERS, "imie_nazwisko": "Jan Kowalski"}
    _, other = file_case(store, later(1), answers=answers)
    spaced = f"{code[:5].lower()} {code[5:].lower()}"
    assert listed(anna, f"?szukaj={spaced}") == [number]
    assert listed(anna, f"?szukaj={number.lower()}") == [number]
    assert listed(anna, "?szukaj=żółkiewska") == [number]  # Polish capitals folded
    assert listed(anna, "?szukaj=KOWALSKI") == [other]
    assert listed(anna, "?szukaj=Nowak") == []
    assert "Brak spraw" in anna.get("/sprawy?szukaj=Nowak").text


def test_pages_of_fifty(anna: Clerk, store: CaseStore) -> None:
    numbers = [file_case(store, later(n))[1] for n in range(53)]
    first = listed(anna)
    assert first == list(reversed(numbers))[:50]
    assert "strona 1 z 2" in anna.get("/sprawy").text
    assert listed(anna, "?strona=2") == list(reversed(numbers))[50:]
    assert listed(anna, "?strona=x") == first
    assert listed(anna, "?strona=9") == []
    assert len(listed(anna, "?szukaj=Żółkiewska&strona=2")) == 3


def test_overdue_cases_are_marked_counted_and_filtered(anna: Clerk, store: CaseStore) -> None:
    # The server's clock says RECEIVED; Łańcut's processing time is the default 30 days.
    _, late = file_case(store, RECEIVED - dt.timedelta(days=32))
    settled_code, _ = file_case(store, RECEIVED - dt.timedelta(days=40))
    _, fresh = file_case(store, RECEIVED - dt.timedelta(days=29))
    desk_store = DeskStore(store.sql())
    settled = desk_store.case_file(settled_code)
    assert settled is not None
    steps: list[tuple[CaseState, CaseState]] = [
        ("received", "in_progress"),
        ("in_progress", "ready"),
    ]
    for seen, to in steps:
        desk_store.move(settled.case_id, seen, to, actor="anna.nowak", message="", at=RECEIVED)
    page = anna.get("/sprawy").text
    assert "Po terminie <b>1</b>" in page
    assert page.count('<tr class="late">') == 1
    assert '18.11.2026 <span class="late-mark">po terminie</span>' in page  # 32 days ago + 30
    assert listed(anna, "?po_terminie=1") == [late]
    assert fresh not in listed(anna, "?po_terminie=1")
    late_code = file_case(store, RECEIVED - dt.timedelta(days=31))[0]
    assert "po terminie</span></dd>" in anna.get(f"/sprawy/{late_code}").text
    fresh_code = file_case(store, RECEIVED - dt.timedelta(days=1))[0]
    assert '<dd id="due">19.12.2026</dd>' in anna.get(f"/sprawy/{fresh_code}").text
