"""Due dates in Polish calendar days, and when a case is overdue."""

from __future__ import annotations

import datetime as dt

from office.due_dates import due_date, is_overdue, overdue_before

WARSAW_EVENING = dt.datetime(2026, 11, 20, 22, 30, tzinfo=dt.UTC)  # 23:30 in Łańcut


def test_days_count_from_the_polish_day_of_receipt() -> None:
    assert due_date(WARSAW_EVENING, 30) == dt.date(2026, 12, 20)
    assert due_date(WARSAW_EVENING + dt.timedelta(hours=1), 30) == dt.date(2026, 12, 21)


def test_overdue_from_the_day_after_the_due_date_unless_settled() -> None:
    last_day = dt.datetime(2026, 12, 20, 22, 59, tzinfo=dt.UTC)  # 23:59 on 20 December
    next_day = dt.datetime(2026, 12, 20, 23, 0, tzinfo=dt.UTC)  # 00:00 on 21 December
    assert not is_overdue("in_progress", WARSAW_EVENING, 30, last_day)
    assert is_overdue("in_progress", WARSAW_EVENING, 30, next_day)
    assert is_overdue("needs_more", WARSAW_EVENING, 30, next_day)
    assert not is_overdue("ready", WARSAW_EVENING, 30, next_day)
    assert not is_overdue("closed", WARSAW_EVENING, 30, next_day)


def test_overdue_before_agrees_with_is_overdue() -> None:
    now = dt.datetime(2026, 12, 21, 9, 0, tzinfo=dt.UTC)
    cutoff = overdue_before(now, 30)
    assert cutoff == dt.datetime(2026, 11, 20, 23, 0, tzinfo=dt.UTC)  # midnight in Warsaw
    for received in (cutoff - dt.timedelta(microseconds=1), cutoff):
        assert is_overdue("received", received, 30, now) == (received < cutoff)
