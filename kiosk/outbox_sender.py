"""Delivers the outbox to the office in the background, off the UI thread.

One pass takes the due submissions in filing order and hands each to the intake:
delivered and refused ones are recorded; the first "try later" records its backoff
(exponential with jitter, per submission) and ends the pass, because the office is most
likely unreachable for the ones behind it too. They wait until that submission is due
again, or until `wake()` (a new application, a technician's retry).

Logic emits, the UI subscribes: each result goes to the `on_change` listeners (the
admin screen and metrics), on the sender's thread. Clock and waiting are injectable so a
test can live through an hour offline in milliseconds. Once a day the sender also purges
the personal data of submissions delivered longer ago than the retention period.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass

from offline_cache.intake.outcomes import Delivered, Intake, Outcome, Refused, TryLater
from offline_cache.outbox import DEFAULT_RETENTION, Clock, Outbox
from offline_cache.outbox_records import State, Submission
from offline_cache.outbox_rows import utc_now

log = logging.getLogger(__name__)

PURGE_EVERY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Backoff:
    """Delay before attempt n+1 after n failed ones: first_s doubling up to max_s, +-jitter."""

    first_s: float = 30.0
    max_s: float = 3600.0
    jitter: float = 0.2

    def delay_s(self, failed_attempts: int, rng: random.Random) -> float:
        base = min(self.max_s, self.first_s * 2.0 ** max(0, failed_attempts - 1))
        # Jitter spreads a fleet's retries so kiosks do not hit a recovering office in step.
        return min(self.max_s, base * (1 + rng.uniform(-self.jitter, self.jitter)))


@dataclass(frozen=True)
class DeliveryEvent:
    """What one delivery attempt did to one submission (no personal data)."""

    code: str
    service_id: str
    state: State
    reason: str
    case_number: str
    attempts: int
    next_attempt_at: dt.datetime | None


Listener = Callable[[DeliveryEvent], None]
Waiter = Callable[[threading.Event, float], object]


def wait_on_event(event: threading.Event, seconds: float) -> object:
    return event.wait(seconds)


class OutboxSender:
    def __init__(
        self,
        outbox: Outbox,
        intake: Intake,
        *,
        backoff: Backoff = Backoff(),
        retention: dt.timedelta = DEFAULT_RETENTION,
        clock: Clock = utc_now,
        wait: Waiter = wait_on_event,
        rng: random.Random | None = None,
        idle_poll_s: float = 60.0,
    ) -> None:
        self.outbox = outbox
        self.intake = intake
        self._backoff = backoff
        self._retention = retention
        self._clock = clock
        self._wait = wait
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not secrecy
        # Another process (`kiosk outbox retry`) may queue work we are not told about.
        self._idle_poll_s = idle_poll_s
        self._listeners: list[Listener] = []
        self._paused_until: dt.datetime | None = None
        self._next_purge: dt.datetime | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name="outbox-sender", daemon=True)

    def on_change(self, listener: Listener) -> None:
        """Call `listener` after every delivery attempt (on the sender's thread)."""
        self._listeners.append(listener)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        """Try now: a submission was just filed or a technician asked for a retry."""
        self._paused_until = None
        self._wake.set()

    def stop(self, timeout_s: float = 5.0) -> None:
        """Finish the delivery in progress (at most its timeout) and end the thread."""
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout_s)

    # -- one pass -------------------------------------------------------------------------

    def deliver_due_now(self) -> list[DeliveryEvent]:
        """Deliver every due submission in order; stop at the first "try later"."""
        events: list[DeliveryEvent] = []
        if self._paused_until is not None and self._clock() < self._paused_until:
            return events
        self._paused_until = None
        seen: set[str] = set()
        while not self._stop.is_set():
            batch = [s for s in self.outbox.due(self._clock()) if s.code not in seen]
            if not batch:
                break
            for submission in batch:
                seen.add(submission.code)
                event = self._deliver_one(submission)
                events.append(event)
                if event.state == "queued" or self._stop.is_set():
                    return events
        return events

    def _deliver_one(self, submission: Submission) -> DeliveryEvent:
        outcome = self._attempt(submission)
        now = self._clock()
        if isinstance(outcome, Delivered):
            if outcome.note:
                log.info("outbox %s: %s", submission.code, outcome.note)
            after = self.outbox.mark_delivered(submission.code, outcome.case_number, now)
            reason = f"delivered by {self.intake.name}"
        elif isinstance(outcome, Refused):
            after = self.outbox.mark_rejected(submission.code, outcome.reason, now)
            reason = outcome.reason
        else:
            retry_at = now + dt.timedelta(seconds=self._retry_delay_s(submission, outcome))
            after = self.outbox.mark_try_later(submission.code, outcome.reason, retry_at, now)
            self._paused_until = retry_at
            reason = outcome.reason
        event = DeliveryEvent(
            after.code,
            after.service_id,
            after.state,
            reason,
            after.case_number,
            after.attempts,
            after.next_attempt_at,
        )
        self._notify(event)
        return event

    def _attempt(self, submission: Submission) -> Outcome:
        try:
            return self.intake.deliver(submission)
        except Exception as exc:
            # A bug in an intake must not lose the submission: it stays queued.
            log.exception("outbox %s: the %s intake crashed", submission.code, self.intake.name)
            return TryLater(f"the {self.intake.name} intake crashed: {type(exc).__name__}")

    def _retry_delay_s(self, submission: Submission, outcome: TryLater) -> float:
        delay = self._backoff.delay_s(submission.attempts + 1, self._rng)
        if outcome.retry_after_s is not None:
            delay = min(self._backoff.max_s, max(delay, outcome.retry_after_s))
        return delay

    def _notify(self, event: DeliveryEvent) -> None:
        for listener in self._listeners:
            try:
                listener(event)
            except Exception:
                log.exception("an outbox listener failed")

    # -- retention and scheduling ---------------------------------------------------------

    def purge_if_due(self) -> int:
        """Run the retention purge if a day has passed since the last one (or never ran)."""
        now = self._clock()
        if self._next_purge is not None and now < self._next_purge:
            return 0
        self._next_purge = now + PURGE_EVERY
        return self.outbox.purge_personal_data(now, self._retention)

    def seconds_until_next_work(self) -> float:
        """How long the thread may sleep: until the next due attempt, purge or idle poll."""
        now = self._clock()
        waits = [self._idle_poll_s]
        due = self.outbox.next_attempt_at()
        if due is not None:
            if self._paused_until is not None:
                due = max(due, self._paused_until)
            waits.append((due - now).total_seconds())
        if self._next_purge is not None:
            waits.append((self._next_purge - now).total_seconds())
        return max(0.0, min(waits))

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self.deliver_due_now()
                self.purge_if_due()
                delay = self.seconds_until_next_work()
            except Exception:
                log.exception("outbox sender pass failed; trying again shortly")
                delay = self._idle_poll_s
            if self._stop.is_set():
                break
            self._wait(self._wake, delay)


__all__ = ["Backoff", "DeliveryEvent", "Listener", "OutboxSender"]
