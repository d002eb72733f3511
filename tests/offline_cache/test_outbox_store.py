"""The outbox file: enqueue, states, retry, purge, collisions, permissions, schema."""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import sqlite3
import stat
from pathlib import Path

import pytest

from offline_cache.outbox import NotRetryable, Outbox, OutboxWriteError, SubmissionNotFound
from offline_cache.submission_code import check_character, display, new_code
from tests.outbox_factories import ANSWERS, FakeClock, new_submission


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def outbox(tmp_path: Path, clock: FakeClock) -> Outbox:
    return Outbox(tmp_path / "outbox.sqlite", clock=clock)


def test_enqueue_is_on_disk_before_it_returns(tmp_path: Path, outbox: Outbox) -> None:
    filed = outbox.enqueue(new_submission())
    # A second connection (another process would do the same) sees it committed.
    other = sqlite3.connect(tmp_path / "outbox.sqlite")
    row = other.execute("SELECT code, state, answers FROM submissions").fetchone()
    assert row[0] == filed.code
    assert row[1] == "queued"
    assert "Łucja Żółkiewska-Wójcik" in row[2]
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_file_is_configured_for_durability(outbox: Outbox) -> None:
    conn = outbox._conn
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_a_filed_submission_reads_back_whole(outbox: Outbox, clock: FakeClock) -> None:
    filed = outbox.enqueue(new_submission())
    got = outbox.get(display(filed.code).lower())
    assert got is not None
    assert (got.code, got.filed_at, got.state, got.attempts) == (
        filed.code,
        clock.now,
        "queued",
        0,
    )
    assert got.answers == ANSWERS
    assert got.answer_labels["pesel"] == "PESEL"
    assert got.service_name == "Wniosek o udostępnienie informacji publicznej"
    assert got.next_attempt_at == clock.now
    assert outbox.get("23456789AC") is None


def test_counts_and_the_age_of_the_oldest_waiting(outbox: Outbox, clock: FakeClock) -> None:
    assert outbox.counts() == {"queued": 0, "delivered": 0, "rejected": 0}
    assert outbox.oldest_queued_age() is None
    first = outbox.enqueue(new_submission())
    clock.advance(60)
    second = outbox.enqueue(new_submission(service_id="gl-skarga"))
    clock.advance(60)
    third = outbox.enqueue(new_submission())
    outbox.mark_delivered(first.code, "UM-1")
    outbox.mark_rejected(third.code, "HTTP 400")
    assert outbox.counts() == {"queued": 1, "delivered": 1, "rejected": 1}
    clock.advance(30)
    assert outbox.oldest_queued_age() == dt.timedelta(seconds=90)
    assert [s.code for s in outbox.list("queued")] == [second.code]
    assert [s.code for s in outbox.list()] == [first.code, second.code, third.code]


def test_due_honours_the_next_attempt_time_and_filing_order(
    outbox: Outbox, clock: FakeClock
) -> None:
    codes = [outbox.enqueue(new_submission()).code for _ in range(3)]
    assert [s.code for s in outbox.due()] == codes
    later = clock.now + dt.timedelta(seconds=30)
    outbox.mark_try_later(codes[0], "HTTP 503", later)
    assert [s.code for s in outbox.due()] == codes[1:]
    assert outbox.next_attempt_at() == clock.now
    outbox.mark_delivered(codes[1], "A")
    outbox.mark_delivered(codes[2], "B")
    assert outbox.next_attempt_at() == later
    clock.advance(30)
    waiting = outbox.due()
    assert [(s.code, s.attempts, s.last_error) for s in waiting] == [(codes[0], 1, "HTTP 503")]


def test_rejected_then_retried_is_due_again_with_backoff_restarted(
    outbox: Outbox, clock: FakeClock
) -> None:
    code = outbox.enqueue(new_submission()).code
    outbox.mark_try_later(code, "HTTP 500", clock.now)
    outbox.mark_rejected(code, "HTTP 400: missing field adres")
    assert outbox.due() == []
    clock.advance(5)
    again = outbox.retry(display(code))
    assert (again.state, again.attempts, again.next_attempt_at) == ("queued", 0, clock.now)
    assert again.last_error == "HTTP 400: missing field adres"  # kept for the technician
    assert [s.code for s in outbox.due()] == [code]


def test_retry_refuses_unknown_and_delivered_submissions(outbox: Outbox) -> None:
    code = outbox.enqueue(new_submission()).code
    outbox.mark_delivered(code, "UM-7")
    with pytest.raises(NotRetryable, match=rf"{display(code)} was delivered already \(case UM-7\)"):
        outbox.retry(code)
    with pytest.raises(SubmissionNotFound, match="no submission 23456-789AC in the outbox"):
        outbox.retry("23456-789ac")


def test_retry_all_rejected(outbox: Outbox) -> None:
    codes = [outbox.enqueue(new_submission()).code for _ in range(3)]
    outbox.mark_rejected(codes[0], "HTTP 422")
    outbox.mark_rejected(codes[2], "HTTP 403")
    assert outbox.retry_all_rejected() == [codes[0], codes[2]]
    assert outbox.counts()["queued"] == 3


def test_a_taken_code_is_drawn_again(tmp_path: Path) -> None:
    taken = new_code()
    fresh = new_code()
    draws = itertools.chain([taken, taken, fresh])
    outbox = Outbox(tmp_path / "outbox.sqlite", make_code=lambda: next(draws))
    assert outbox.enqueue(new_submission()).code == taken
    assert outbox.enqueue(new_submission()).code == fresh
    assert outbox.counts()["queued"] == 2


def test_no_free_code_is_a_clear_error(tmp_path: Path) -> None:
    body = "23456789A"
    code = body + check_character(body)
    outbox = Outbox(tmp_path / "outbox.sqlite", make_code=lambda: code)
    outbox.enqueue(new_submission())
    with pytest.raises(OutboxWriteError, match="no free submission code after 20 draws"):
        outbox.enqueue(new_submission())


def test_malformed_submissions_are_refused_before_writing(outbox: Outbox) -> None:
    with pytest.raises(ValueError, match="service_id must be a non-empty text"):
        outbox.enqueue(new_submission(service_id=""))
    with pytest.raises(ValueError, match="answers must map text to text"):
        outbox.enqueue(new_submission(answers={"wiek": 42}))
    assert outbox.list() == []


def test_purge_drops_answers_of_old_deliveries_and_keeps_the_rest(
    tmp_path: Path, outbox: Outbox, clock: FakeClock
) -> None:
    old = outbox.enqueue(new_submission(answers={"uwagi": "SEKRET-STARY"})).code
    recent = outbox.enqueue(new_submission()).code
    waiting = outbox.enqueue(new_submission()).code
    outbox.mark_delivered(old, "UM-2026/00001")
    clock.advance(20 * 86400)
    outbox.mark_delivered(recent, "UM-2026/00002")
    clock.advance(11 * 86400)  # old: 31 days since delivery; recent: 11 days
    assert outbox.purge_personal_data() == 1
    purged = outbox.get(old)
    assert purged is not None and purged.purged
    assert (purged.code, purged.state, purged.case_number, purged.service_id) == (
        old,
        "delivered",
        "UM-2026/00001",
        "gl-informacja-publiczna",
    )
    assert purged.delivered_at is not None and purged.purged_at == clock.now
    assert outbox.get(recent).answers == ANSWERS  # type: ignore[union-attr]
    assert outbox.get(waiting).answers == ANSWERS  # type: ignore[union-attr]
    assert outbox.purge_personal_data() == 0
    # Nothing of the purged answers is left in the file or its WAL.
    for path in tmp_path.iterdir():
        assert b"SEKRET-STARY" not in path.read_bytes(), path.name


def test_purge_retention_is_configurable(outbox: Outbox, clock: FakeClock) -> None:
    code = outbox.enqueue(new_submission()).code
    outbox.mark_delivered(code, "UM-1")
    clock.advance(2 * 86400)
    assert outbox.purge_personal_data(retention=dt.timedelta(days=3)) == 0
    assert outbox.purge_personal_data(retention=dt.timedelta(days=1)) == 1


def test_state_changes_are_logged_without_answers(
    outbox: Outbox, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    code = outbox.enqueue(new_submission()).code
    outbox.mark_try_later(code, "HTTP 503", outbox._clock())
    outbox.mark_rejected(code, "HTTP 400")
    outbox.retry(code)
    outbox.mark_delivered(code, "UM-9")
    text = caplog.text
    for state in ("queued", "rejected", "delivered"):
        assert f"outbox {code} (gl-informacja-publiczna): {state}" in text
    assert "case UM-9" in text
    for value in ANSWERS.values():
        assert value not in text


def test_the_file_is_private(tmp_path: Path, outbox: Outbox) -> None:
    outbox.enqueue(new_submission())
    for name in ("outbox.sqlite", "outbox.sqlite-wal"):
        mode = stat.S_IMODE((tmp_path / name).stat().st_mode)
        assert mode & 0o077 == 0, f"{name} is {oct(mode)}"


def test_reopening_keeps_everything_and_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite"
    first = Outbox(path)
    code = first.enqueue(new_submission()).code
    first.close()
    assert Outbox(path).get(code) is not None
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(OutboxWriteError, match=r"newer than this program.*upgrade Infomat"):
        Outbox(path)


def test_an_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with pytest.raises(OutboxWriteError, match="cannot open the outbox"):
        Outbox(blocker / "outbox.sqlite")
