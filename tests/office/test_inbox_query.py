"""The inbox's query string read into filters: any text gives a query, never an error."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from office.desk_inbox import inbox_query
from office.desk_records import Clerk

ANNA = Clerk("anna.nowak", "-", is_admin=False, offices=frozenset({"gmina-miasto-lancut"}))
KEYS = st.sampled_from(["stan", "usluga", "kiosk", "szukaj", "strona", "po_terminie", "x"])


@given(st.dictionaries(KEYS, st.text(max_size=300)))
def test_any_query_string_gives_a_bounded_query(params: dict[str, str]) -> None:
    query = inbox_query(ANNA, params)
    assert query.offices == ANNA.offices
    assert query.page >= 1
    assert len(query.surname) <= 100
    assert sum(bool(v) for v in (query.code, query.case_number, query.surname)) <= 1
    assert query.state in ("", "received", "in_progress", "needs_more", "ready", "closed")


def test_the_search_box_tells_codes_numbers_and_surnames_apart() -> None:
    assert inbox_query(ANNA, {"szukaj": " k7p4m-x9rca "}).code == "K7P4MX9RCA"
    assert inbox_query(ANNA, {"szukaj": "um-2026/00017"}).case_number == "UM-2026/00017"
    assert inbox_query(ANNA, {"szukaj": "Żółkiewska"}).surname == "Żółkiewska"
    assert inbox_query(ANNA, {"szukaj": "K7P4MX9RC"}).surname == "K7P4MX9RC"  # 9 symbols
