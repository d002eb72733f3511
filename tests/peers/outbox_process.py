"""A separate process that uses the outbox, so tests can SIGKILL it or limit its disk.

python -m tests.peers.outbox_process enqueue-many DB COUNT
    files COUNT large submissions, printing each code once enqueue has returned
python -m tests.peers.outbox_process enqueue-limited DB BYTES
    files one large submission with files limited to BYTES (RLIMIT_FSIZE): the disk
    is "full" for this process only; prints "saved CODE" or "refused: MESSAGE"
python -m tests.peers.outbox_process send-http DB URL
python -m tests.peers.outbox_process send-mail DB PORT
    one sender pass through the real intake (the test kills it mid-delivery)
"""

from __future__ import annotations

import resource
import signal
import sys
from pathlib import Path

import requests

from kiosk.outbox_sender import OutboxSender
from offline_cache.intake.http_intake import HttpIntake, HttpIntakeSettings
from offline_cache.intake.outcomes import Intake
from offline_cache.intake.smtp_intake import SmtpIntake, SmtpIntakeSettings
from offline_cache.outbox import Outbox, OutboxWriteError
from tests.outbox_factories import new_submission

FIELDS = 12


def numbered_answers(number: int) -> dict[str, str]:
    """Large answers whose every value names the submission's number (checked whole)."""
    return {f"pole_{i:02d}": f"{number}:{i}:" + "żółć " * 400 for i in range(FIELDS)}


def enqueue_many(db: Path, count: int) -> None:
    outbox = Outbox(db)
    for number in range(count):
        filed = outbox.enqueue(new_submission(answers=numbered_answers(number)))
        print(f"{number} {filed.code}", flush=True)


def enqueue_limited(db: Path, limit: int) -> None:
    outbox = Outbox(db)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    try:
        filed = outbox.enqueue(new_submission(answers=numbered_answers(99)))
    except OutboxWriteError as exc:
        print(f"refused: {exc}", flush=True)
        return
    print(f"saved {filed.code}", flush=True)


def send(db: Path, intake: Intake) -> None:
    events = OutboxSender(Outbox(db), intake).deliver_due_now()
    print(" ".join(f"{e.code}:{e.state}" for e in events), flush=True)


def main(argv: list[str]) -> None:
    command, db, value = argv[0], Path(argv[1]), argv[2]
    if command == "enqueue-many":
        enqueue_many(db, int(value))
    elif command == "enqueue-limited":
        enqueue_limited(db, int(value))
    elif command == "send-http":
        send(db, HttpIntake(HttpIntakeSettings(value, timeout_s=30), requests.Session()))
    elif command == "send-mail":
        settings = SmtpIntakeSettings(
            "127.0.0.1", "infomat@lancut.pl", "kancelaria@lancut.pl", int(value), starttls=False
        )
        send(db, SmtpIntake(settings))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
