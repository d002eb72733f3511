"""Outbox benchmark: enqueue latency with synchronous=FULL, and delivery throughput.

Run: ./dev bench-outbox   (or .venv/bin/python -m tests.perf.bench_outbox [--enqueues N])
Prints a table and writes tests/perf/results-outbox.json. Not a test: no pass/fail.
Enqueues go to a scratch folder inside the kiosk's data dir (its file system is what a
resident waits on); deliveries go through the real HTTP intake to a loopback office, and
through the spool intake into the same file system.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import requests

from kiosk.config import KioskConfig
from kiosk.outbox_sender import OutboxSender
from offline_cache.intake.http_intake import HttpIntake, HttpIntakeSettings
from offline_cache.intake.outcomes import Intake
from offline_cache.intake.spool_intake import SpoolIntake
from offline_cache.outbox import Outbox
from tests.outbox_factories import new_submission
from tests.peers.intake_server import IntakeServer
from tests.perf.bench_catalogue import percentile
from tests.perf.report import report

RESULTS = Path(__file__).with_name("results-outbox.json")
TARGETS = {"enqueue_p99_ms": "<= 30", "http_delivery_per_s": ">= 50"}


def realistic_answers(number: int) -> dict[str, str]:
    """About 1 KB of answers, like a filled request for public information."""
    return {
        "imie_nazwisko": f"Łucja Żółkiewska-Wójcik {number}",
        "pesel": "02270803628",
        "adres": "ul. Źródlana 7/3, 37-100 Łańcut",
        "email": "lucja@example.pl",
        "telefon": "600 100 200",
        "tresc": "Proszę o udostępnienie uchwał rady w sprawie opłat za odpady. " * 12,
        "sposob": "e-mail",
    }


def bench_enqueue(folder: Path, count: int) -> dict[str, float]:
    outbox = Outbox(folder / "enqueue.sqlite")
    for number in range(50):  # warm the page cache and the file's first pages
        outbox.enqueue(new_submission(answers=realistic_answers(number)))
    samples = []
    for number in range(count):
        submission = new_submission(answers=realistic_answers(number))
        start = time.perf_counter()
        outbox.enqueue(submission)
        samples.append((time.perf_counter() - start) * 1000)
    outbox.close()
    return {
        "enqueues": count,
        "enqueue_p50_ms": statistics.median(samples),
        "enqueue_p99_ms": percentile(samples, 0.99),
        "enqueue_max_ms": max(samples),
    }


def bench_delivery(folder: Path, name: str, intake: Intake, count: int) -> float:
    """Submissions per second for one sender pass over `count` queued submissions."""
    outbox = Outbox(folder / f"deliver-{name}.sqlite")
    for number in range(count):
        outbox.enqueue(new_submission(answers=realistic_answers(number)))
    sender = OutboxSender(outbox, intake)
    start = time.perf_counter()
    events = sender.deliver_due_now()
    elapsed = time.perf_counter() - start
    delivered = outbox.counts()["delivered"]
    outbox.close()
    if len(events) != count or delivered != count:
        raise RuntimeError(f"{name}: delivered {delivered} of {count}")
    return count / elapsed


def run(data_dir: Path, enqueues: int, deliveries: int) -> dict[str, Any]:
    data_dir.mkdir(parents=True, exist_ok=True)
    office = IntakeServer()
    office.start()
    try:
        with (
            tempfile.TemporaryDirectory(prefix="bench-outbox-", dir=data_dir) as tmp,
            requests.Session() as http,
        ):
            folder = Path(tmp)
            figures: dict[str, Any] = {"data_dir": str(data_dir)}
            figures.update(bench_enqueue(folder, enqueues))
            intake = HttpIntake(HttpIntakeSettings(office.url), http)
            figures["deliveries"] = deliveries
            figures["http_delivery_per_s"] = bench_delivery(folder, "http", intake, deliveries)
            if len(office.applications) != deliveries:
                raise RuntimeError(f"the office filed {len(office.applications)} applications")
            spool = SpoolIntake(folder / "spool")
            figures["spool_delivery_per_s"] = bench_delivery(folder, "spool", spool, deliveries)
    finally:
        office.stop()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--enqueues", type=int, default=2000)
    parser.add_argument("--deliveries", type=int, default=500)
    parser.add_argument("--data-dir", type=Path, default=None, help="default: the kiosk's data dir")
    args = parser.parse_args()
    data_dir = args.data_dir or KioskConfig().data_path()
    report(run(data_dir, args.enqueues, args.deliveries), TARGETS, RESULTS)


if __name__ == "__main__":
    main()
