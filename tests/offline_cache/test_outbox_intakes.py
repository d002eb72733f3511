"""The three intakes against real peers: an HTTP office on loopback, aiosmtpd, a folder."""

from __future__ import annotations

import json
import os
import re
import stat
import time
from pathlib import Path

import pytest
import requests

from offline_cache.intake.document import DOCUMENT_FORMAT, submission_document
from offline_cache.intake.http_intake import HttpIntake, HttpIntakeSettings
from offline_cache.intake.outcomes import Delivered, Refused, TryLater
from offline_cache.intake.smtp_intake import SmtpIntake, SmtpIntakeSettings
from offline_cache.intake.spool_intake import SpoolIntake
from offline_cache.outbox import Outbox
from offline_cache.outbox_records import Submission
from offline_cache.submission_code import display
from tests.outbox_factories import ANSWERS, new_submission
from tests.peers.intake_server import IntakeServer
from tests.peers.mail_server import MailServer, free_port


@pytest.fixture
def submission(tmp_path: Path) -> Submission:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    found = outbox.get(outbox.enqueue(new_submission()).code)
    assert found is not None
    return found


def http_intake(office: IntakeServer, http: requests.Session, **options: object) -> HttpIntake:
    settings = HttpIntakeSettings(office.url, **options)  # type: ignore[arg-type]
    return HttpIntake(settings, http)


# -- HTTP ---------------------------------------------------------------------------------


def test_http_posts_the_documented_body_with_the_idempotency_key(
    office: IntakeServer, http: requests.Session, submission: Submission
) -> None:
    outcome = http_intake(office, http, token="sekret-urzedu").deliver(submission)
    assert outcome == Delivered("UM-2026/00001")
    (request,) = office.received
    assert request.path == "/wnioski"
    assert request.headers["Idempotency-Key"] == submission.code
    assert request.headers["Authorization"] == "Bearer sekret-urzedu"
    assert request.headers["Content-Type"] == "application/json; charset=utf-8"
    body = request.body
    assert body["format"] == DOCUMENT_FORMAT
    assert body["code"] == submission.code
    assert body["kiosk_id"] == "lancut-ratusz-1"
    assert body["service"] == {
        "id": "gl-informacja-publiczna",
        "name": "Wniosek o udostępnienie informacji publicznej",
    }
    assert body["office"] == {"tenant_id": "gmina-miasto-lancut", "name": "Urząd Miasta Łańcut"}
    assert body["form"] == {"id": "informacja-publiczna", "version": "2026-01"}
    assert (body["language"], body["consent_version"]) == ("pl", "rodo-2026-01")
    assert body["answers"] == ANSWERS
    assert body["answer_labels"]["adres"] == "Adres do korespondencji"
    assert body["filed_at"] == submission.filed_at.isoformat(timespec="seconds")


def test_without_a_token_no_authorization_is_sent(
    office: IntakeServer, http: requests.Session, submission: Submission
) -> None:
    http_intake(office, http).deliver(submission)
    assert "Authorization" not in office.received[0].headers


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (500, TryLater("the intake answered HTTP 500")),
        (503, TryLater("the intake answered HTTP 503")),
        (409, TryLater("the intake answered HTTP 409")),
        (429, TryLater("the intake answered HTTP 429")),
        (400, Refused('the intake answered HTTP 400: {"error": "scripted 400"}')),
        (404, Refused('the intake answered HTTP 404: {"error": "scripted 404"}')),
        (301, Refused('the intake answered HTTP 301: {"error": "scripted 301"}')),
    ],
)
def test_http_answers_sorted_into_retry_and_refusal(
    office: IntakeServer,
    http: requests.Session,
    submission: Submission,
    answer: int,
    expected: object,
) -> None:
    office.script(answer)
    assert http_intake(office, http).deliver(submission) == expected
    assert office.applications == {}


def test_http_500_then_201_files_one_application(
    office: IntakeServer, http: requests.Session, submission: Submission
) -> None:
    office.script(500)
    intake = http_intake(office, http)
    assert isinstance(intake.deliver(submission), TryLater)
    assert intake.deliver(submission) == Delivered("UM-2026/00001")
    assert intake.deliver(submission) == Delivered("UM-2026/00001")  # a resend: same case
    assert len(office.received) == 3
    assert office.applications == {submission.code: "UM-2026/00001"}


def test_http_2xx_without_a_case_number_counts_as_delivered_under_the_code(
    office: IntakeServer, http: requests.Session, submission: Submission
) -> None:
    office.script("no-case")
    outcome = http_intake(office, http).deliver(submission)
    assert outcome == Delivered(
        submission.code, note="HTTP 201 without a case_number; the code stands in"
    )


def test_a_hanging_intake_times_out_and_is_tried_later(
    office: IntakeServer, http: requests.Session, submission: Submission
) -> None:
    office.script("hang")
    start = time.monotonic()
    outcome = http_intake(office, http, timeout_s=0.5).deliver(submission)
    assert outcome == TryLater("no answer from the intake within 0.5 s")
    assert time.monotonic() - start < 3


def test_an_intake_that_is_down_is_tried_later(
    http: requests.Session, submission: Submission
) -> None:
    settings = HttpIntakeSettings(f"http://127.0.0.1:{free_port()}/wnioski", timeout_s=2)
    outcome = HttpIntake(settings, http).deliver(submission)
    assert outcome == TryLater("cannot reach the intake: ConnectionError")


def test_retry_after_seconds_is_passed_on(
    office: IntakeServer, http: requests.Session, submission: Submission
) -> None:
    from offline_cache.intake.http_intake import _retry_after

    reply = requests.Response()
    reply.headers["Retry-After"] = "120"
    assert _retry_after(reply) == 120.0
    reply.headers["Retry-After"] = "Fri, 20 Nov 2026 10:00:00 GMT"
    assert _retry_after(reply) is None


# -- SMTP ---------------------------------------------------------------------------------


def smtp_settings(server: MailServer, **options: object) -> SmtpIntakeSettings:
    values: dict[str, object] = {
        "host": "127.0.0.1",
        "port": server.port,
        "mail_from": "infomat@lancut.pl",
        "mail_to": "kancelaria@lancut.pl",
        "starttls": False,
        "timeout_s": 5,
    }
    values.update(options)
    return SmtpIntakeSettings(**values)  # type: ignore[arg-type]


def test_the_e_mail_is_readable_polish_with_the_json_attached(
    mailbox: MailServer, submission: Submission
) -> None:
    outcome = SmtpIntake(smtp_settings(mailbox)).deliver(submission)
    assert outcome == Delivered(
        submission.code, note="e-mail: the submission code is the case number"
    )
    (message,) = mailbox.messages
    assert message["Message-ID"] == f"<wniosek-{submission.code}@lancut.pl>"
    assert message["Subject"] == (
        f"Wniosek {display(submission.code)}: Wniosek o udostępnienie informacji publicznej"
    )
    assert message["To"] == "kancelaria@lancut.pl"
    assert message["X-Infomat-Code"] == submission.code
    assert message["Date"].datetime == submission.filed_at.replace(microsecond=0)
    text_part = message.get_body(("plain",))
    assert text_part is not None
    text = text_part.get_content()
    assert f"Kod wniosku: {display(submission.code)}" in text
    assert "- Imię i nazwisko: Łucja Żółkiewska-Wójcik" in text
    assert "- Adres do korespondencji: ul. Źródlana 7/3, 37-100 Łańcut" in text
    assert "Złożono: " in text
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == f"wniosek-{submission.code}.json"
    document = json.loads(attachment.get_content())
    assert document["answers"] == ANSWERS


def test_a_resent_e_mail_is_recognisably_the_same(
    mailbox: MailServer, submission: Submission
) -> None:
    intake = SmtpIntake(smtp_settings(mailbox))
    intake.deliver(submission)
    intake.deliver(submission)
    first, second = mailbox.messages
    for header in ("Message-ID", "Date", "Subject"):
        assert first[header] == second[header]
    assert len(mailbox.by_message_id()) == 1


@pytest.mark.parametrize(
    ("answer", "kind"), [("451", TryLater), ("550", Refused)], ids=["4xx", "5xx"]
)
def test_smtp_errors_sorted_into_retry_and_refusal(
    mailbox: MailServer, submission: Submission, answer: str, kind: type
) -> None:
    mailbox.script(answer)
    outcome = SmtpIntake(smtp_settings(mailbox)).deliver(submission)
    assert isinstance(outcome, kind)
    assert f"SMTP {answer}" in str(outcome)
    assert mailbox.messages == []


def test_smtp_login_is_used_when_configured(submission: Submission) -> None:
    server = MailServer(username="kiosk", password="haslo-2026")
    server.start()
    try:
        good = SmtpIntake(smtp_settings(server, username="kiosk", password="haslo-2026"))
        assert isinstance(good.deliver(submission), Delivered)
        bad = SmtpIntake(smtp_settings(server, username="kiosk", password="zle"))
        outcome = bad.deliver(submission)
        assert isinstance(outcome, Refused)
        assert "SMTP 535" in outcome.reason
        polish = SmtpIntake(smtp_settings(server, username="kiosk", password="hasło"))
        assert polish.deliver(submission) == Refused(
            "the mail login or password has non-ASCII characters; smtplib cannot"
        )
    finally:
        server.stop()
    assert len(server.messages) == 1


def test_starttls_asked_but_not_offered_is_refused(
    mailbox: MailServer, submission: Submission
) -> None:
    outcome = SmtpIntake(smtp_settings(mailbox, starttls=True)).deliver(submission)
    assert isinstance(outcome, Refused)
    assert "STARTTLS" in outcome.reason


def test_a_mail_server_that_is_down_is_tried_later(submission: Submission) -> None:
    settings = SmtpIntakeSettings("127.0.0.1", "a@lancut.pl", "b@lancut.pl", port=free_port())
    outcome = SmtpIntake(settings).deliver(submission)
    assert outcome == TryLater("cannot send the e-mail: ConnectionRefusedError")


# -- spool folder -------------------------------------------------------------------------


def test_the_spool_file_is_named_by_the_code_and_complete(
    tmp_path: Path, submission: Submission
) -> None:
    folder = tmp_path / "spool"
    outcome = SpoolIntake(folder).deliver(submission)
    assert outcome == Delivered(
        submission.code, note="spool: the submission code is the case number"
    )
    assert [p.name for p in folder.iterdir()] == [f"{submission.code}.json"]
    document = json.loads((folder / f"{submission.code}.json").read_text(encoding="utf-8"))
    assert document["answers"] == ANSWERS
    assert stat.S_IMODE((folder / f"{submission.code}.json").stat().st_mode) & 0o007 == 0


def test_a_spool_resend_overwrites_the_same_file(tmp_path: Path, submission: Submission) -> None:
    folder = tmp_path / "spool"
    intake = SpoolIntake(folder)
    intake.deliver(submission)
    first = (folder / f"{submission.code}.json").read_bytes()
    intake.deliver(submission)
    assert [p.name for p in folder.iterdir()] == [f"{submission.code}.json"]
    assert (folder / f"{submission.code}.json").read_bytes() == first


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_spool_folder_is_tried_later(tmp_path: Path, submission: Submission) -> None:
    folder = tmp_path / "spool"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        outcome = SpoolIntake(folder).deliver(submission)
    finally:
        folder.chmod(0o700)
    assert isinstance(outcome, TryLater)
    assert list(folder.iterdir()) == []


def test_a_spool_path_that_is_a_file_is_tried_later(tmp_path: Path, submission: Submission) -> None:
    blocker = tmp_path / "spool"
    blocker.write_text("not a folder")
    outcome = SpoolIntake(blocker).deliver(submission)
    assert isinstance(outcome, TryLater)
    assert "cannot write to the spool folder" in outcome.reason


def test_the_documented_body_has_exactly_the_fields_sent(submission: Submission) -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "outbox.md").read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)```", doc, re.DOTALL)
    assert example is not None
    documented = json.loads(example.group(1))
    sent = submission_document(submission)
    assert documented.keys() == sent.keys()
    for key, value in sent.items():
        if isinstance(value, dict) and key not in ("answers", "answer_labels"):
            assert documented[key].keys() == value.keys(), key
