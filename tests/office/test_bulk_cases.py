"""bench-office's bulk loader writes cases the office reads as its own, on both stores
(a migration that changes the tables would show here before the benchmark breaks)."""

from __future__ import annotations

import datetime as dt

from office.settings import OfficeSettings
from office.store import CaseStore
from tests.office.desk import file_case
from tests.perf import office_cases


def test_bulk_loaded_cases_read_back_with_their_states_history_and_numbers(
    settings: OfficeSettings, store: CaseStore
) -> None:
    codes = office_cases.unique_codes(300)
    if settings.database_url:
        office_cases.load_postgres(settings.database_url, codes)
    else:
        office_cases.load_sqlite(str(settings.sqlite_file()), codes)
    first = store.status_of(codes[0])
    third = store.status_of(codes[2])
    assert first is not None and third is not None
    assert (first.case_number, first.state, first.message) == ("UM-2026/00001", "received", "")
    assert first.service_name == "Wniosek o udostępnienie informacji publicznej"
    assert (third.state, third.message) == ("in_progress", office_cases.MESSAGE)
    assert [h.state for h in third.history] == ["received", "in_progress"]
    assert store.cases_by_state() == {"received": 200, "in_progress": 100}
    # The counter follows the loaded numbers: the next application of 2026 is number 301.
    _, number = file_case(store, dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC))
    assert number == "UM-2026/00301"
