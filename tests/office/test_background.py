"""The background jobs' runner: a job runs at start and then every so often; a failing
one is logged and tried again, and never stops the others or the service."""

from __future__ import annotations

import logging
import threading
import time

import pytest

from office.background import Periodic
from office.store import StoreError


def test_a_job_runs_at_start_then_again_until_stopped() -> None:
    runs: list[int] = []
    third = threading.Event()

    def job() -> None:
        runs.append(len(runs))
        if len(runs) == 3:
            third.set()

    periodic = Periodic("test job", job, every_s=0.02)
    periodic.start()
    assert third.wait(5)
    periodic.stop()
    after_stop = len(runs)
    assert after_stop >= 3
    time.sleep(0.1)
    assert len(runs) == after_stop  # nothing runs after stop()


def test_a_failing_job_is_logged_and_tried_again(caplog: pytest.LogCaptureFixture) -> None:
    failures = iter([StoreError("database is down"), RuntimeError("a bug"), None])
    done = threading.Event()

    def job() -> None:
        failure = next(failures, None)
        if failure is not None:
            raise failure
        done.set()

    periodic = Periodic("flaky job", job, every_s=0.01)
    with caplog.at_level(logging.INFO, logger="office.background"):
        periodic.start()
        assert done.wait(5)
        periodic.stop()
    messages = [r.getMessage() for r in caplog.records]
    assert any("flaky job: the case register did not answer" in m for m in messages)
    assert any("flaky job failed; tried again" in m for m in messages)
