"""E-mail to the resident on both stores, through a real SMTP server on loopback (aiosmtpd):
a clerk's message is queued with the move, sent by the background sender in the language
the resident filed in, with nothing personal but the address; a server that cannot be
reached keeps it queued and the clerk sees so; a refusal fails it; two senders at once
send each e-mail once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest

from office.desk_store import DeskStore
from office.mail_sender import ResidentMailSender, retry_after_s
from office.open_store import open_store
from office.settings import OfficeSettings
from office.settings_file import load_settings
from office.store import CaseStore
from tests.office.desk import Clerk, add_clerk, file_case
from tests.office.office_server import (
    RECEIVED,
    OfficeProcess,
    OfficeServer,
    free_port,
    write_config,
)
from tests.outbox_factories import ANSWERS
from tests.peers.mail_server import MailServer

ADDRESS = "lucja.wojcik@example.pl"
MESSAGE = "Зайдіть, будь ласка, до кабінету 12 з паспортом."
PUBLIC = "https://wnioski.lancut.pl"


def mail_settings(settings: OfficeSettings, port: int) -> OfficeSettings:
    return dataclasses.replace(
        settings, smtp_host="127.0.0.1", smtp_port=port, smtp_starttls=False,
        smtp_from="wnioski@lancut.pl", public_url=PUBLIC, smtp_timeout_s=5,
    )  # fmt: skip


@dataclasses.dataclass
class Desk:
    url: str
    settings: OfficeSettings
    store: CaseStore

    def sender(self) -> ResidentMailSender:
        return ResidentMailSender(self.store.sql(), self.settings, "", lambda: RECEIVED)

    def clerk(self) -> Clerk:
        anna = Clerk(self.url)
        assert anna.login("anna.nowak").status_code == 303
        return anna


@pytest.fixture
def desk_for(settings: OfficeSettings, store: CaseStore) -> Iterator[Callable[[int], Desk]]:
    """A desk whose mail goes to `port` (a mailbox, or a port where nothing listens)."""
    add_clerk(store, "anna.nowak")
    servers: list[OfficeServer] = []

    def start(port: int) -> Desk:
        configured = mail_settings(settings, port)
        servers.append(OfficeServer(configured, store, lambda: RECEIVED))
        return Desk(servers[-1].url, configured, store)

    yield start
    for server in servers:
        server.stop()


def ukrainian_case(store: CaseStore, **answers: str) -> str:
    code, _ = file_case(store, language="uk", answers={**ANSWERS, "email": ADDRESS, **answers})
    return code


def mails_of(store: CaseStore, code: str) -> list[tuple[str, int, str]]:
    case = DeskStore(store.sql()).case_file(code)
    assert case is not None
    return [(m.state, m.attempts, m.last_error) for m in case.mails]


def test_the_clerks_message_reaches_the_resident_in_their_language(
    desk_for: Callable[[int], Desk], store: CaseStore, mailbox: MailServer
) -> None:
    desk: Desk = desk_for(mailbox.port)
    code = ukrainian_case(store)
    anna = desk.clerk()
    page = anna.get(f"/sprawy/{code}").text
    assert "wysłana też e-mailem na adres z wniosku" in page
    assert anna.post(f"/sprawy/{code}/stan", to="in_progress", message=MESSAGE).status_code == 303
    assert "e-mail oczekuje" in anna.get(f"/sprawy/{code}").text
    assert mails_of(store, code) == [("queued", 0, "")]
    assert desk.sender().send_due().sent == 1
    [mail] = mailbox.messages
    assert "e-mail wysłany 20.11.2026 11:00" in anna.get(f"/sprawy/{code}").text
    assert_the_resident_reads(mail, code)
    assert desk.sender().send_due().sent == 0  # sent once


def assert_the_resident_reads(mail: EmailMessage, code: str) -> None:
    assert mail["To"] == ADDRESS and mail["From"] == "wnioski@lancut.pl"
    assert mail["Subject"] == "Повідомлення від установи щодо справи UM-2026/00001"
    assert mail["Content-Language"] == "uk" and mail["Auto-Submitted"] == "auto-generated"
    body = mail.get_content()
    assert isinstance(body, str)
    for shown in ("Добрий день,", "Urząd Miasta Łańcut, справа UM-2026/00001",
                  "Стан справи: Вашу заяву розглядають.", MESSAGE,
                  f"{PUBLIC}/s/{code}?lang=uk"):  # fmt: skip
        assert shown in body
    for private in (*ANSWERS.values(), "Łucja", "PESEL"):
        assert private not in body and private not in str(mail["Subject"])


def test_an_unreachable_mail_server_keeps_it_queued_and_the_clerk_sees_so(
    desk_for: Callable[[int], Desk], store: CaseStore
) -> None:
    desk: Desk = desk_for(free_port())
    code = ukrainian_case(store)
    anna = desk.clerk()
    assert anna.post(f"/sprawy/{code}/stan", to="needs_more", message=MESSAGE).status_code == 303
    report = desk.sender().send_due()
    assert (report.sent, report.retried, report.failed) == (0, 1, 0)
    reason = "cannot reach the mail server (ConnectionRefusedError)"
    assert mails_of(store, code) == [("queued", 1, reason)]
    page = anna.get(f"/sprawy/{code}").text
    assert "e-mail oczekuje (prób: 1, następna 20.11.2026 11:01)" in page
    assert f"dla administratora: {reason}" in page
    assert desk.sender().send_due().retried == 0  # not due again before its back-off
    later = ResidentMailSender(store.sql(), desk.settings, "",
                               lambda: RECEIVED + dt.timedelta(seconds=retry_after_s(1)))  # fmt: skip
    assert later.send_due().retried == 1
    assert mails_of(store, code) == [("queued", 2, reason)]


def test_a_refused_mail_fails_and_says_why_without_the_address(
    desk_for: Callable[[int], Desk], store: CaseStore, mailbox: MailServer
) -> None:
    desk: Desk = desk_for(mailbox.port)
    code = ukrainian_case(store)
    anna = desk.clerk()
    anna.post(f"/sprawy/{code}/stan", to="in_progress", message=MESSAGE)
    mailbox.script("550")
    assert desk.sender().send_due().failed == 1
    assert mails_of(store, code) == [("failed", 1, "the mail server refused it (SMTP 550)")]
    page = anna.get(f"/sprawy/{code}").text
    assert "e-mail nie wysłany</b>: serwer poczty go nie przyjął" in page
    assert "dla administratora: the mail server refused it (SMTP 550)" in page
    assert desk.sender().send_due().failed == 0  # never tried again


def test_no_mail_without_a_message_an_address_or_a_mail_server(
    desk_for: Callable[[int], Desk], settings: OfficeSettings, store: CaseStore, mailbox: MailServer
) -> None:
    desk: Desk = desk_for(mailbox.port)
    anna = desk.clerk()
    silent = ukrainian_case(store)
    anna.post(f"/sprawy/{silent}/stan", to="in_progress", message="")
    nowhere, _ = file_case(store)  # answers without an e-mail field
    assert "wysłana też e-mailem" not in anna.get(f"/sprawy/{nowhere}").text
    anna.post(f"/sprawy/{nowhere}/stan", to="in_progress", message=MESSAGE)
    assert mails_of(store, silent) == [] and mails_of(store, nowhere) == []
    off = OfficeServer(settings, store, lambda: RECEIVED)  # smtp_host = ""
    try:
        unsent = ukrainian_case(store)
        clerk = Clerk(off.url)
        clerk.login("anna.nowak")
        clerk.post(f"/sprawy/{unsent}/stan", to="in_progress", message=MESSAGE)
    finally:
        off.stop()
    assert mails_of(store, unsent) == []


def test_two_senders_at_once_send_each_mail_once(
    desk_for: Callable[[int], Desk], settings: OfficeSettings, store: CaseStore, mailbox: MailServer
) -> None:
    desk: Desk = desk_for(mailbox.port)
    anna = desk.clerk()
    for _ in range(8):
        code = ukrainian_case(store)
        anna.post(f"/sprawy/{code}/stan", to="in_progress", message=MESSAGE)
    other = open_store(settings)
    start = threading.Barrier(2)
    sent: list[int] = []

    def send(on: CaseStore) -> None:
        sender = ResidentMailSender(on.sql(), desk.settings, "", lambda: RECEIVED)
        start.wait()
        sent.append(sender.send_due().sent)

    try:
        threads = [threading.Thread(target=send, args=(s,)) for s in (store, other)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        other.close()
    assert sum(sent) == 8
    assert len(mailbox.messages) == 8
    assert len(mailbox.by_message_id()) == 8


def test_the_back_off_doubles_up_to_six_hours() -> None:
    assert [retry_after_s(n) for n in (1, 2, 3, 9, 10, 30)] == [
        60, 120, 240, 15360, 6 * 3600, 6 * 3600,
    ]  # fmt: skip


@pytest.mark.slow
def test_office_serve_sends_the_mail_in_the_background(
    settings: OfficeSettings, tmp_path: Path, mailbox: MailServer
) -> None:
    config = write_config(
        tmp_path, settings.database_url, smtp_host="127.0.0.1", smtp_port=mailbox.port,
        smtp_from="wnioski@lancut.pl", public_url=PUBLIC, mail_check_s=1,
    )  # fmt: skip
    config.write_text(
        config.read_text().replace("[[offices]]", "smtp_starttls = false\n[[offices]]", 1)
    )
    served = load_settings(config)
    store = open_store(served)
    try:
        add_clerk(store, "anna.nowak")
        code = ukrainian_case(store)
    finally:
        store.close()
    office = OfficeProcess(config)
    office.start()
    try:
        anna = Clerk(office.url)
        assert anna.login("anna.nowak").status_code == 303
        assert (
            anna.post(f"/sprawy/{code}/stan", to="in_progress", message=MESSAGE).status_code == 303
        )
        deadline = time.monotonic() + 20
        while not mailbox.messages and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        office.stop()
    [mail] = mailbox.messages
    assert_the_resident_reads(mail, code)
    log = office.log.read_text(encoding="utf-8")
    assert "mail: the message of UM-2026/00001 to its resident was sent" in log
    assert ADDRESS not in log and MESSAGE not in log
