"""The background sender: nothing lost, nothing sent twice, backoff through an hour offline."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from hypothesis import given
from hypothesis import strategies as st

from kiosk.outbox_sender import Backoff, DeliveryEvent, OutboxSender
from offline_cache.intake.http_intake import HttpIntake, HttpIntakeSettings
from offline_cache.intake.outcomes import Outcome, TryLater
from offline_cache.intake.smtp_intake import SmtpIntake, SmtpIntakeSettings
from offline_cache.intake.spool_intake import SpoolIntake
from offline_cache.outbox import Outbox
from offline_cache.outbox_records import Submission
from tests.outbox_factories import FakeClock, new_submission
from tests.peers.intake_server import IntakeServer
from tests.peers.mail_server import MailServer
from tests.peers.processes import stopped_at_end

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def outbox(tmp_path: Path, clock: FakeClock) -> Outbox:
    return Outbox(tmp_path / "outbox.sqlite", clock=clock)


def http_sender(
    outbox: Outbox, office: IntakeServer, http: requests.Session, clock: FakeClock, **kw: object
) -> OutboxSender:
    intake = HttpIntake(HttpIntakeSettings(office.url, timeout_s=5), http)
    return OutboxSender(outbox, intake, clock=clock, rng=random.Random(7), **kw)  # type: ignore[arg-type]


def test_500_then_201_is_delivered_once_after_the_backoff(
    outbox: Outbox, office: IntakeServer, http: requests.Session, clock: FakeClock
) -> None:
    office.script(500)
    code = outbox.enqueue(new_submission()).code
    sender = http_sender(outbox, office, http, clock)
    (first,) = sender.deliver_due_now()
    assert (first.state, first.attempts, first.reason) == (
        "queued",
        1,
        "the intake answered HTTP 500",
    )
    assert first.next_attempt_at is not None
    wait = (first.next_attempt_at - clock.now).total_seconds()
    assert 24 <= wait <= 36  # first retry ~30 s, +-20 % jitter
    assert sender.deliver_due_now() == []  # not due yet
    clock.advance(wait + 0.001)
    (second,) = sender.deliver_due_now()
    assert (second.state, second.case_number, second.attempts) == ("delivered", "UM-2026/00001", 2)
    assert [r.headers["Idempotency-Key"] for r in office.received] == [code, code]
    assert office.applications == {code: "UM-2026/00001"}
    stored = outbox.get(code)
    assert stored is not None
    assert (stored.state, stored.case_number, stored.delivered_at) == (
        "delivered",
        "UM-2026/00001",
        clock.now,
    )


def test_an_hour_offline_backs_off_sanely_and_delivers_in_order_when_back(
    outbox: Outbox, http: requests.Session, clock: FakeClock
) -> None:
    office = IntakeServer()
    office.start()
    office.stop()  # the port is known and closed: connections are refused
    start = clock.now
    codes = [outbox.enqueue(new_submission()).code for _ in range(3)]
    events: list[DeliveryEvent] = []
    all_delivered = threading.Event()
    back = threading.Event()

    def listen(event: DeliveryEvent) -> None:
        events.append(event)
        if outbox.counts()["delivered"] == 3:
            all_delivered.set()

    def wait_in_simulated_time(wake: threading.Event, seconds: float) -> None:
        time.sleep(0.001)
        if wake.is_set():
            return
        clock.advance(seconds)
        if clock.now - start >= dt.timedelta(hours=1) and not back.is_set():
            back.set()
            office.start()  # back on the same port after an hour

    sender = http_sender(outbox, office, http, clock, wait=wait_in_simulated_time)
    sender.on_change(listen)
    sender.start()
    try:
        assert all_delivered.wait(20), [e.reason for e in events]
    finally:
        sender.stop()
        office.stop()
    failed = [e for e in events if e.state == "queued"]
    # Only the first in line was tried while the office was down: one attempt each wait.
    assert {e.code for e in failed} == {codes[0]}
    assert all(e.reason == "cannot reach the intake: ConnectionError" for e in failed)
    times = [start] + [e.next_attempt_at for e in failed if e.next_attempt_at is not None]
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(times)]
    assert 5 <= len(gaps) <= 8, gaps  # 30, 60, 120 ... s: about seven attempts in an hour
    for number, gap in enumerate(gaps):
        base = min(3600.0, 30.0 * 2**number)
        assert 0.8 * base <= gap <= min(3600.0, 1.2 * base), (number, gap)
    # When the office is back, all three go in filing order, each exactly once.
    assert [r.body["code"] for r in office.received[-3:]] == codes
    assert sorted(office.applications) == sorted(codes)
    delivered_at = [s.delivered_at for s in outbox.list("delivered")]
    assert all(d is not None and d - start <= dt.timedelta(hours=2) for d in delivered_at)


def test_4xx_is_rejected_then_a_retry_delivers_it(
    outbox: Outbox, office: IntakeServer, http: requests.Session, clock: FakeClock
) -> None:
    office.script(400)
    code = outbox.enqueue(new_submission()).code
    sender = http_sender(outbox, office, http, clock)
    heard: list[DeliveryEvent] = []
    sender.on_change(heard.append)
    (rejected,) = sender.deliver_due_now()
    assert rejected.state == "rejected"
    assert rejected.reason.startswith("the intake answered HTTP 400")
    assert outbox.counts() == {"queued": 0, "delivered": 0, "rejected": 1}
    clock.advance(86400)
    assert sender.deliver_due_now() == []  # rejected stays put until a technician acts
    outbox.retry(code)
    sender.wake()
    (delivered,) = sender.deliver_due_now()
    assert (delivered.state, delivered.case_number) == ("delivered", "UM-2026/00001")
    assert [e.state for e in heard] == ["rejected", "delivered"]
    assert office.applications == {code: "UM-2026/00001"}


def test_retry_after_from_the_office_is_honoured(
    outbox: Outbox, office: IntakeServer, http: requests.Session, clock: FakeClock
) -> None:
    class Busy:
        name = "busy"

        def deliver(self, submission: Submission) -> Outcome:
            return TryLater("office busy", retry_after_s=600)

    outbox.enqueue(new_submission())
    (event,) = OutboxSender(outbox, Busy(), clock=clock).deliver_due_now()
    assert event.next_attempt_at == clock.now + dt.timedelta(seconds=600)


def test_a_crashing_intake_loses_nothing(outbox: Outbox, clock: FakeClock) -> None:
    class Broken:
        name = "broken"

        def deliver(self, submission: Submission) -> Outcome:
            raise KeyError("bug")

    code = outbox.enqueue(new_submission()).code
    (event,) = OutboxSender(outbox, Broken(), clock=clock).deliver_due_now()
    assert (event.state, event.reason) == ("queued", "the broken intake crashed: KeyError")
    assert outbox.get(code) is not None


def test_a_failing_listener_does_not_stop_delivery(tmp_path: Path, outbox: Outbox) -> None:
    sender = OutboxSender(outbox, SpoolIntake(tmp_path / "spool"))

    def broken(event: DeliveryEvent) -> None:
        raise RuntimeError("UI gone")

    sender.on_change(broken)
    outbox.enqueue(new_submission())
    outbox.enqueue(new_submission())
    assert [e.state for e in sender.deliver_due_now()] == ["delivered", "delivered"]


def test_the_thread_wakes_at_an_enqueue_and_stops_cleanly(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    sender = OutboxSender(outbox, SpoolIntake(tmp_path / "spool"), idle_poll_s=3600)
    delivered = threading.Event()
    sender.on_change(lambda event: delivered.set())
    sender.start()
    try:
        time.sleep(0.05)  # the first pass found nothing; the thread now sleeps for an hour
        code = outbox.enqueue(new_submission()).code
        sender.wake()
        assert delivered.wait(5)
    finally:
        sender.stop()
    assert not sender._thread.is_alive()
    assert (tmp_path / "spool" / f"{code}.json").exists()


def test_the_purge_runs_once_a_day(outbox: Outbox, clock: FakeClock, tmp_path: Path) -> None:
    sender = OutboxSender(outbox, SpoolIntake(tmp_path / "spool"), clock=clock)
    outbox.enqueue(new_submission())
    sender.deliver_due_now()
    assert sender.purge_if_due() == 0  # the first purge: nothing is old enough
    clock.advance(31 * 86400)
    assert sender.purge_if_due() == 1
    outbox.enqueue(new_submission())
    sender.deliver_due_now()
    clock.advance(29.5 * 86400)
    assert sender.purge_if_due() == 0  # a day since the last purge, but delivered 29.5 days ago
    clock.advance(0.75 * 86400)
    assert sender.purge_if_due() == 0  # 30.25 days old now, but the last purge was 18 h ago
    clock.advance(0.25 * 86400)
    assert sender.purge_if_due() == 1


def test_sleep_lasts_until_the_next_due_attempt_or_the_idle_poll(
    outbox: Outbox, clock: FakeClock, tmp_path: Path
) -> None:
    sender = OutboxSender(outbox, SpoolIntake(tmp_path / "spool"), clock=clock, idle_poll_s=60)
    assert sender.seconds_until_next_work() == 60
    code = outbox.enqueue(new_submission()).code
    assert sender.seconds_until_next_work() == 0
    outbox.mark_try_later(code, "HTTP 503", clock.now + dt.timedelta(seconds=20))
    assert sender.seconds_until_next_work() == 20


@given(st.integers(1, 40), st.integers(0, 2**32))
def test_backoff_doubles_from_the_first_delay_to_the_cap(attempts: int, seed: int) -> None:
    backoff = Backoff(first_s=30, max_s=3600, jitter=0.2)
    delay = backoff.delay_s(attempts, random.Random(seed))
    base = min(3600.0, 30.0 * 2 ** (attempts - 1))
    assert 0.8 * base <= delay <= min(3600.0, 1.2 * base)


# -- killed between the office receiving it and the outbox recording it --------------------


def killed_sender(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.peers.outbox_process", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_sigkill_after_the_office_got_the_post_resends_with_the_same_key(
    tmp_path: Path, office: IntakeServer, http: requests.Session
) -> None:
    db = tmp_path / "outbox.sqlite"
    code = Outbox(db).enqueue(new_submission()).code
    office.script("hold")  # file it, then keep the kiosk waiting for the answer
    with stopped_at_end(killed_sender("send-http", str(db), office.url)) as sender:
        assert office.hold_reached.wait(30)
        sender.send_signal(signal.SIGKILL)
        sender.communicate(timeout=30)
    office.release()
    outbox = Outbox(db)
    stored = outbox.get(code)
    assert stored is not None
    assert (stored.state, stored.attempts) == ("queued", 0)  # the answer never arrived
    (event,) = OutboxSender(
        outbox, HttpIntake(HttpIntakeSettings(office.url), http)
    ).deliver_due_now()
    assert (event.state, event.case_number) == ("delivered", "UM-2026/00001")
    assert [r.headers["Idempotency-Key"] for r in office.received] == [code, code]
    assert office.applications == {code: "UM-2026/00001"}  # one application at the office


def test_sigkill_after_the_mail_server_got_the_message_resends_the_same_message(
    tmp_path: Path,
) -> None:
    mailbox = MailServer()
    mailbox.start()
    try:
        db = tmp_path / "outbox.sqlite"
        code = Outbox(db).enqueue(new_submission()).code
        mailbox.script("hold")
        with stopped_at_end(killed_sender("send-mail", str(db), str(mailbox.port))) as sender:
            assert mailbox.hold_reached.wait(30)
            sender.send_signal(signal.SIGKILL)
            sender.communicate(timeout=30)
        mailbox.release()
        outbox = Outbox(db)
        settings = SmtpIntakeSettings(
            "127.0.0.1", "infomat@lancut.pl", "kancelaria@lancut.pl", mailbox.port, starttls=False
        )
        (event,) = OutboxSender(outbox, SmtpIntake(settings)).deliver_due_now()
    finally:
        mailbox.stop()
    assert (event.state, event.case_number) == ("delivered", code)
    assert len(mailbox.messages) == 2
    grouped = mailbox.by_message_id()
    assert list(grouped) == [f"<wniosek-{code}@lancut.pl>"]  # the clerk sees one application
