"""A case for a clerk on both stores: who may see it, every move with its audit row, the
message for the resident, notes, assignment, the print page and the JSON download."""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from office.desk_store import DeskStore
from office.settings import OfficeSettings
from office.store import CaseStore
from tests.office.conftest import LANCUT, RZESZOW
from tests.office.desk import Clerk, add_clerk, file_case
from tests.office.office_server import OfficeServer
from tests.outbox_factories import ANSWERS, LABELS


@pytest.fixture
def desk(settings: OfficeSettings, store: CaseStore) -> Iterator[OfficeServer]:
    add_clerk(store, "anna.nowak", [LANCUT])
    add_clerk(store, "jan.kowalski", [LANCUT])
    add_clerk(store, "ewa.rzeszow", [RZESZOW])
    add_clerk(store, "admin", [], admin=True)
    server = OfficeServer(settings, store)
    yield server
    server.stop()


def clerk(desk: OfficeServer, login: str) -> Clerk:
    signed = Clerk(desk.url)
    assert signed.login(login).status_code == 303
    return signed


def history(store: CaseStore, code: str) -> list[tuple[str, str, str]]:
    case = DeskStore(store.sql()).case_file(code)
    assert case is not None
    return [(h.state, h.actor, h.message) for h in case.history]


def audit(store: CaseStore) -> list[tuple[str, str, str, str]]:
    rows = reversed(DeskStore(store.sql()).audit_log())
    return [(e.actor, e.action, e.case_number, e.detail) for e in rows if e.action != "login"]


def test_the_case_page_shows_the_application_with_its_labels(
    desk: OfficeServer, store: CaseStore
) -> None:
    code, number = file_case(store)
    page = clerk(desk, "anna.nowak").get(f"/sprawy/{code}")
    assert page.status_code == 200
    for label, value in zip(LABELS.values(), ANSWERS.values(), strict=True):
        assert f"<dt>{label}</dt><dd>{value}</dd>" in page.text
    for fact in (number, code, "Wniosek o udostępnienie informacji publicznej",
                 "Urząd Miasta Łańcut", "lancut-ratusz-1", "20.11.2026 10:58",
                 "20.11.2026 11:00", "rodo-2026-01", "Przyjęta"):  # fmt: skip
        assert fact in page.text
    # The code as the receipt prints it, for the clerk to compare with the resident's slip.
    assert f'<dd class="code">{code[:5]}-{code[5:]}</dd>' in page.text
    assert audit(store) == [("anna.nowak", "view", number, "")]


def test_every_move_is_in_the_history_and_the_audit_log(
    desk: OfficeServer, store: CaseStore
) -> None:
    code, number = file_case(store)
    anna = clerk(desk, "anna.nowak")
    path = f"/sprawy/{code}/stan"
    steps = [("needs_more", "Proszę dołączyć pełnomocnictwo."), ("in_progress", ""),
             ("ready", "Odpowiedź do odbioru w pokoju 12."), ("closed", "")]  # fmt: skip
    for to, message in steps:
        answer = anna.post(path, to=to, message=message)
        assert answer.status_code == 303
        assert answer.headers["location"] == f"/sprawy/{code}"
    assert history(store, code) == [
        ("received", "kiosk:lancut-ratusz-1", ""),
        *[(to, "clerk:anna.nowak", message) for to, message in steps],
    ]
    moves = [row for row in audit(store) if row[1] == "move"]
    assert moves == [
        ("anna.nowak", "move", number, "received -> needs_more"),
        ("anna.nowak", "move", number, "needs_more -> in_progress"),
        ("anna.nowak", "move", number, "in_progress -> ready"),
        ("anna.nowak", "move", number, "ready -> closed"),
    ]
    assert anna.post(path, to="in_progress").status_code == 409  # closed stays closed


def test_received_goes_straight_to_in_progress_but_never_skips_to_closed(
    desk: OfficeServer, store: CaseStore
) -> None:
    code, _ = file_case(store)
    anna = clerk(desk, "anna.nowak")
    assert anna.post(f"/sprawy/{code}/stan", to="closed").status_code == 409
    assert anna.post(f"/sprawy/{code}/stan", to="ready").status_code == 409
    assert anna.post(f"/sprawy/{code}/stan", to="nonsense").status_code == 409
    assert anna.post(f"/sprawy/{code}/stan", to="in_progress").status_code == 303
    assert [state for state, _, _ in history(store, code)] == ["received", "in_progress"]


def test_a_move_made_meanwhile_by_another_clerk_wins(desk: OfficeServer, store: CaseStore) -> None:
    code, _ = file_case(store)
    anna, jan = clerk(desk, "anna.nowak"), clerk(desk, "jan.kowalski")
    seen = DeskStore(store.sql()).case_file(code)
    assert seen is not None
    assert jan.post(f"/sprawy/{code}/stan", to="in_progress").status_code == 303
    assert not DeskStore(store.sql()).move(
        seen.case_id, "received", "needs_more", actor="anna.nowak", message="", at=seen.received_at
    )
    assert anna.post(f"/sprawy/{code}/stan", to="needs_more").status_code == 303  # from in_progress
    assert [s for s, _, _ in history(store, code)] == ["received", "in_progress", "needs_more"]


def test_forged_posts_change_nothing(desk: OfficeServer, store: CaseStore) -> None:
    code, _ = file_case(store)
    anna = clerk(desk, "anna.nowak")
    for action, fields in (("stan", {"to": "in_progress"}), ("notatka", {"note": "x"}),
                           ("przydzial", {"assignee": "anna.nowak"})):  # fmt: skip
        assert anna.post(f"/sprawy/{code}/{action}", csrf="podrobiony", **fields).status_code == 403
    case = DeskStore(store.sql()).case_file(code)
    assert case is not None
    assert (case.state, case.notes, case.assignee) == ("received", [], "")


def test_a_clerk_of_another_office_is_told_the_case_does_not_exist(
    desk: OfficeServer, store: CaseStore
) -> None:
    code, _ = file_case(store)
    ewa = clerk(desk, "ewa.rzeszow")
    missing = ewa.get("/sprawy/K7P4MX9RCA")
    assert missing.status_code == 404
    for path in (f"/sprawy/{code}", f"/sprawy/{code}/druk", f"/sprawy/{code}/wniosek.json"):
        answer = ewa.get(path)
        assert (answer.status_code, answer.text) == (404, missing.text)
    token = ewa.get("/sprawy").text.split('name="csrf" value="')[1].split('"')[0]
    for action in ("stan", "notatka", "przydzial"):
        answer = ewa.post(f"/sprawy/{code}/{action}", csrf=token, to="in_progress", note="x")
        assert (answer.status_code, answer.text) == (404, missing.text)
    assert code not in ewa.get("/sprawy").text
    assert [s for s, _, _ in history(store, code)] == ["received"]
    admin = clerk(desk, "admin")
    assert admin.get(f"/sprawy/{code}").status_code == 200
    assert code in admin.get("/sprawy").text


def test_notes_stay_inside_and_assignment_is_audited(desk: OfficeServer, store: CaseStore) -> None:
    code, number = file_case(store)
    anna = clerk(desk, "anna.nowak")
    assert (
        anna.post(f"/sprawy/{code}/notatka", note="Zadzwonić do wnioskodawcy.").status_code == 303
    )
    assert anna.post(f"/sprawy/{code}/przydzial", assignee="jan.kowalski").status_code == 303
    assert anna.post(f"/sprawy/{code}/przydzial", assignee="ewa.rzeszow").status_code == 400
    assert anna.post(f"/sprawy/{code}/notatka", note="  ").status_code == 400
    page = anna.get(f"/sprawy/{code}").text
    assert "Zadzwonić do wnioskodawcy." in page
    assert '<dd id="assignee">jan.kowalski</dd>' in page
    assert "jan.kowalski" in anna.get("/sprawy").text
    assert [m for _, _, m in history(store, code)] == [""]  # a note is no message
    assert [row for row in audit(store) if row[1] in ("note", "assign")] == [
        ("anna.nowak", "note", number, ""),
        ("anna.nowak", "assign", number, "jan.kowalski"),
    ]


def test_print_page_and_json_download(desk: OfficeServer, store: CaseStore) -> None:
    code, number = file_case(store)
    anna = clerk(desk, "anna.nowak")
    printed = anna.get(f"/sprawy/{code}/druk")
    assert printed.status_code == 200
    for text in ("Urząd Miasta Łańcut", number, code, "czytelny podpis wnioskodawcy",
                 "/static/print.css", *ANSWERS.values(), *LABELS.values()):  # fmt: skip
        assert text in printed.text
    assert "@page { size: A4" in anna.get("/static/print.css").text
    download = anna.get(f"/sprawy/{code}/wniosek.json")
    assert download.headers["content-disposition"] == (
        f'attachment; filename="{number.replace("/", "_")}.json"'
    )
    document = json.loads(download.content)
    assert (document["code"], document["answers"]) == (code, ANSWERS)
    assert [row[1] for row in audit(store)] == ["print", "download"]


def test_pages_escape_what_residents_typed(desk: OfficeServer, store: CaseStore) -> None:
    code, _ = file_case(store, answers={"imie_nazwisko": "<script>alert(1)</script>"})
    page = clerk(desk, "anna.nowak").get(f"/sprawy/{code}").text
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_no_personal_data_reaches_the_log(
    desk: OfficeServer, store: CaseStore, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    code, number = file_case(store)
    anna = clerk(desk, "anna.nowak")
    anna.get("/sprawy?szukaj=Żółkiewska")
    anna.get(f"/sprawy/{code}")
    anna.post(f"/sprawy/{code}/stan", to="in_progress", message="Pani Łucjo, zajmujemy się tym.")
    log = caplog.text
    assert f"anna.nowak moved {number} from received to in_progress" in log
    for secret in (*ANSWERS.values(), "Żółkiewska", "Łucjo"):
        assert secret not in log


@pytest.fixture
def ezd_desk(settings: OfficeSettings, store: CaseStore, tmp_path: Path) -> Iterator[OfficeServer]:
    """The desk with Łańcut forwarding to an EZD export folder."""
    (tmp_path / "ezd").mkdir()
    offices = [dataclasses.replace(o, export_dir=str(tmp_path / "ezd")) if o.tenant_id == LANCUT
               else o for o in settings.offices]  # fmt: skip
    add_clerk(store, "anna.nowak", [LANCUT])
    add_clerk(store, "ewa.rzeszow", [RZESZOW])
    server = OfficeServer(dataclasses.replace(settings, offices=offices), store)
    yield server
    server.stop()


def test_forwarding_writes_the_application_into_the_ezd_folder(
    ezd_desk: OfficeServer, store: CaseStore, tmp_path: Path
) -> None:
    code, number = file_case(store)
    anna = clerk(ezd_desk, "anna.nowak")
    assert "Przekaż do EZD" in anna.get(f"/sprawy/{code}").text
    assert anna.post(f"/sprawy/{code}/ezd").status_code == 303
    exported = tmp_path / "ezd" / f"{number.replace('/', '_')}.json"
    assert json.loads(exported.read_text(encoding="utf-8"))["answers"] == ANSWERS
    assert oct(exported.stat().st_mode & 0o777) == "0o640"
    assert sorted(p.name for p in (tmp_path / "ezd").iterdir()) == [exported.name]
    page = anna.get(f"/sprawy/{code}").text
    assert 'id="forwarded">Przekazano: 20.11.2026 11:00' in page
    assert "Przekaż ponownie" in page
    assert ("anna.nowak", "forward", number, "folder") in audit(store)
    assert anna.post(f"/sprawy/{code}/ezd", csrf="podrobiony").status_code == 403


def test_forwarding_needs_a_folder_that_exists(
    ezd_desk: OfficeServer, store: CaseStore, tmp_path: Path
) -> None:
    code, _ = file_case(store)
    other_code, _ = file_case(store, tenant_id=RZESZOW, office_name="Urząd Miasta Rzeszowa")
    (tmp_path / "ezd").rmdir()
    anna = clerk(ezd_desk, "anna.nowak")
    assert anna.post(f"/sprawy/{code}/ezd").status_code == 503
    assert "forward" not in [row[1] for row in audit(store)]
    ewa = clerk(ezd_desk, "ewa.rzeszow")  # Rzeszów forwards nowhere
    assert "Przekaż do EZD" not in ewa.get(f"/sprawy/{other_code}").text
    assert ewa.post(f"/sprawy/{other_code}/ezd").status_code == 404
