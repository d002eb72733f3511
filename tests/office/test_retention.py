"""The retention purge on both stores: closed cases past `retention_days` lose the
resident's data (answers, messages, notes) and keep their number, dates and states; open
and recently closed ones keep everything; a second purge, or two at once, purge nothing
twice; the clerk's page says when; `office purge` and `office serve` run it."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from office.desk_store import DeskStore
from office.open_store import open_store
from office.retention import RetentionPurge, without_personal_data
from office.settings import OfficeSettings
from office.settings_file import load_settings
from office.store import CaseStore
from tests.office.conftest import OFFICES
from tests.office.desk import Clerk, add_clerk
from tests.office.office_server import (
    ROOT,
    OfficeProcess,
    OfficeServer,
    office_command,
    write_config,
)
from tests.office.retention_cases import FORGOTTEN, MESSAGE, NOTE, case_at

NOW = dt.datetime(2027, 3, 1, 8, 0, tzinfo=dt.UTC)
DAYS = 30


def traces(store: CaseStore, text: str) -> int:
    """Rows of the register that still hold `text` anywhere a resident's data was."""
    like = f"%{text}%"
    with store.sql().reading() as sql:
        return sum(
            int(sql.rows(query, (like,))[0][0])
            for query in (
                "SELECT count(*) FROM cases WHERE CAST(document AS TEXT) LIKE ?",
                "SELECT count(*) FROM case_history WHERE message LIKE ?",
                "SELECT count(*) FROM case_notes WHERE text LIKE ?",
                "SELECT count(*) FROM audit_log WHERE detail LIKE ?",
                "SELECT count(*) FROM resident_mail WHERE body LIKE ?",
            )
        )


def test_a_closed_case_past_retention_loses_its_personal_data_and_keeps_its_status(
    settings: OfficeSettings, store: CaseStore
) -> None:
    old = case_at(store, "closed", NOW - dt.timedelta(days=DAYS + 1), surname=FORGOTTEN)
    recent = case_at(store, "closed", NOW - dt.timedelta(days=DAYS - 1))
    still_open = case_at(store, "in_progress", NOW - dt.timedelta(days=300))
    before = store.status_of(old)
    assert before is not None and traces(store, FORGOTTEN) == 3  # answers, message, e-mail
    purge = RetentionPurge(store.sql(), DAYS)
    assert purge.due(NOW).purged == 1
    report = purge.purge(NOW)
    assert (report.purged, report.closed_before) == (1, NOW - dt.timedelta(days=DAYS))
    assert traces(store, FORGOTTEN) == 0 and traces(store, NOTE) == 2  # the other two's notes
    desk = DeskStore(store.sql())
    purged = desk.case_file(old)
    assert purged is not None
    assert purged.personal_data_purged_at == NOW
    assert json.loads(purged.document)["answers"] == {}
    assert "language" not in json.loads(purged.document)
    assert purged.notes == [] and purged.mails == []
    assert {h.message for h in purged.history} == {""}
    after = store.status_of(old)
    assert after is not None  # /s/CODE still answers: number, service, states and dates
    assert (after.case_number, after.state, after.service_name, after.filed_at) == (
        before.case_number, "closed", before.service_name, before.filed_at,
    )  # fmt: skip
    assert [(h.state, h.changed_at) for h in after.history] == [
        (h.state, h.changed_at) for h in before.history
    ]
    for kept in (recent, still_open):
        case = desk.case_file(kept)
        assert case is not None and case.personal_data_purged_at is None
        assert json.loads(case.document)["answers"]["imie_nazwisko"] == "Grzegorzowa Kowalska"
        assert [n.text for n in case.notes] == [NOTE]
        assert len(case.mails) == (1 if kept == recent else 0)
    # Twice is a no-op; one audit row for the one purge, with its count only.
    assert purge.purge(NOW).purged == 0 and purge.due(NOW).purged == 0
    purges = [e for e in desk.audit_log() if e.action == "purge"]
    assert [(e.actor, e.case_number, e.detail) for e in purges] == [
        ("system:retention", "", "1 cases closed before 2027-01-30")
    ]


def test_the_sqlite_file_keeps_no_copy_of_purged_answers(tmp_path: Path) -> None:
    settings = OfficeSettings(data_dir=str(tmp_path), offices=OFFICES)
    store = open_store(settings)
    files = [settings.sqlite_file(), settings.sqlite_file().with_name("office.sqlite3-wal")]
    gone = [FORGOTTEN, MESSAGE.format(surname=FORGOTTEN), NOTE]
    try:
        case_at(store, "closed", NOW - dt.timedelta(days=DAYS + 1), surname=FORGOTTEN)
        raw = b"".join(path.read_bytes() for path in files if path.exists())
        assert all(text.encode() in raw for text in gone)
        RetentionPurge(store.sql(), DAYS).purge(NOW)
        raw = b"".join(path.read_bytes() for path in files if path.exists())
    finally:
        store.close()
    assert [text for text in gone if text.encode() in raw] == []


def test_two_instances_purging_at_once_purge_each_case_once(
    settings: OfficeSettings, store: CaseStore
) -> None:
    codes = [case_at(store, "closed", NOW - dt.timedelta(days=DAYS + 2)) for _ in range(12)]
    other = open_store(settings)
    counts: list[int] = []
    start = threading.Barrier(2)

    def purge(on: CaseStore) -> None:
        start.wait()
        counts.append(RetentionPurge(on.sql(), DAYS).purge(NOW).purged)

    try:
        threads = [threading.Thread(target=purge, args=(s,)) for s in (store, other)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        other.close()
    assert sorted(counts) in ([0, 12], *[[n, 12 - n] for n in range(1, 7)])
    audited = [e.detail for e in DeskStore(store.sql()).audit_log() if e.action == "purge"]
    assert sum(int(d.split()[0]) for d in audited) == 12
    desk = DeskStore(store.sql())
    assert all((c := desk.case_file(code)) and c.personal_data_purged_at for code in codes)


@pytest.fixture
def desk(settings: OfficeSettings, store: CaseStore) -> Iterator[OfficeServer]:
    add_clerk(store, "anna.nowak")
    server = OfficeServer(settings, store, lambda: NOW)
    yield server
    server.stop()


def test_the_clerk_sees_when_the_data_went_and_cannot_print_or_forward_it(
    desk: OfficeServer, store: CaseStore
) -> None:
    code = case_at(store, "closed", NOW - dt.timedelta(days=DAYS + 1), surname=FORGOTTEN)
    RetentionPurge(store.sql(), DAYS).purge(NOW)
    anna = Clerk(desk.url)
    assert anna.login("anna.nowak").status_code == 303
    page = anna.get(f"/sprawy/{code}")
    assert page.status_code == 200
    assert "dane osobowe usunięte 01.03.2027 09:00" in page.text
    assert FORGOTTEN not in page.text and "Drukuj wniosek" not in page.text
    for path in (f"/sprawy/{code}/druk", f"/sprawy/{code}/wniosek.json"):
        assert anna.get(path).status_code == 410
    assert f'action="/sprawy/{code}/notatka"' not in page.text
    assert anna.post(f"/sprawy/{code}/notatka", note="Dzwoniła znowu.").status_code == 410
    case = DeskStore(store.sql()).case_file(code)
    assert case is not None and case.notes == []
    status = anna.http.get(f"{desk.url}/s/{code}?lang=pl", timeout=10)
    assert status.status_code == 200 and "Sprawa jest zakończona." in status.text


def test_a_purged_document_keeps_only_what_names_the_case() -> None:
    kept = json.loads(without_personal_data(json.dumps({
        "format": "infomat-submission/1", "code": "K7P4MX9RCA", "language": "uk",
        "answers": {"pesel": "02270803628"}, "answer_labels": {"pesel": "PESEL"},
        "service": {"id": "s", "name": "Usługa"}, "extra": "?",
    })))  # fmt: skip
    assert kept == {"format": "infomat-submission/1", "code": "K7P4MX9RCA",
                    "service": {"id": "s", "name": "Usługa"}, "answers": {}}  # fmt: skip
    assert json.loads(without_personal_data("not json")) == {"answers": {}}


def closed_long_ago(settings: OfficeSettings, surname: str) -> str:
    """A case closed 40 real days ago (the command and the service read the real clock)."""
    store = open_store(settings)
    try:
        at = dt.datetime.now(dt.UTC) - dt.timedelta(days=DAYS + 10)
        return case_at(store, "closed", at, surname=surname)
    finally:
        store.close()


def purged_at(settings: OfficeSettings, code: str) -> dt.datetime | None:
    store = open_store(settings)
    try:
        case = DeskStore(store.sql()).case_file(code)
    finally:
        store.close()
    assert case is not None
    return case.personal_data_purged_at


def test_office_purge_counts_with_dry_run_then_purges_once(
    settings: OfficeSettings, tmp_path: Path
) -> None:
    config = write_config(tmp_path, settings.database_url, retention_days=DAYS)
    config_settings = load_settings(config)
    code = closed_long_ago(config_settings, FORGOTTEN)

    def purge(*flags: str) -> str:
        done = subprocess.run(
            office_command("purge", *flags, "--config", str(config)), cwd=ROOT,
            capture_output=True, text=True, check=True, timeout=60,
        )  # fmt: skip
        assert FORGOTTEN not in done.stdout + done.stderr
        return done.stdout.strip()

    assert purge("--dry-run").startswith("would remove personal data from 1 cases closed before")
    assert purged_at(config_settings, code) is None
    assert purge().startswith("removed personal data from 1 cases closed before")
    assert purged_at(config_settings, code) is not None
    assert purge().startswith("removed personal data from 0 cases")


@pytest.mark.slow
def test_office_serve_purges_at_start(settings: OfficeSettings, tmp_path: Path) -> None:
    config = write_config(tmp_path, settings.database_url, retention_days=DAYS)
    config_settings = load_settings(config)
    code = closed_long_ago(config_settings, FORGOTTEN)
    office = OfficeProcess(config)
    office.start()
    try:
        deadline = time.monotonic() + 20
        while purged_at(config_settings, code) is None and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        office.stop()
    assert purged_at(config_settings, code) is not None
    log = office.log.read_text(encoding="utf-8")
    assert "retention: personal data removed from 1 cases closed before" in log
    assert FORGOTTEN not in log
