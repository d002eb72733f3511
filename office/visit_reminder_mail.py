"""`office visits remind`: the e-mail the day before each visit whose resident asked for
one, through the office's mail server, in the language of the page they asked on.

The mail says what the visit's page says (the office, the service, the time, the desk,
the code) and links to the page to cancel; never the resident's name. Logs name the
booking's row and the office, never the address or the code (the code cancels).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import smtplib
from dataclasses import dataclass

from office.intake import Clock
from office.mail_sender import Letter, Undeliverable, deliver, smtp_reason
from office.settings import OfficeSettings
from office.sql_access import SqlDatabase
from office.status_texts import LANGUAGES, Language, day_and_time
from office.visit_calendar import day_bounds, polish_day
from office.visit_reminder_texts import REMINDER_TEXTS
from office.visit_reminders import DueReminder, ReminderStore
from office.visits import find_service
from offline_cache.submission_code import display

log = logging.getLogger("office.visits")


@dataclass(frozen=True)
class ReminderReport:
    day: dt.date  # the visits' day (tomorrow in Poland)
    sent: int = 0
    later: int = 0  # the mail server could not be reached: the next run tries again
    refused: int = 0  # the mail server refused the address for good


def compose(reminder: DueReminder, settings: OfficeSettings) -> Letter:
    language: Language = next((k for k in LANGUAGES if k == reminder.language), "pl")
    texts = REMINDER_TEXTS[language]
    office = settings.office(reminder.tenant_id)
    service = find_service(office, reminder.service_id) if office else None
    when = day_and_time(language, reminder.starts_at)
    link = f"{settings.public_url.rstrip('/')}/v/{reminder.tenant_id}/{reminder.code}"
    lines = [
        texts["hello"], "", texts["about"].format(office=office.name if office else ""),
        texts["service"].format(service=service.name if service else reminder.service_id),
        texts["when"].format(when=when), texts["desk"].format(desk=reminder.desk),
        texts["code"].format(code=display(reminder.code)), "",
        texts["cancel"].format(link=f"{link}?lang={language}"),
    ]  # fmt: skip
    if office and office.phone:
        lines.append(texts["phone"].format(phone=office.phone))
    lines += ["", texts["why"], texts["footer"]]
    # One Message-ID per booking, so a resend after a lost record is seen as the same mail.
    digest = hashlib.sha256(f"{reminder.tenant_id}/{reminder.code}".encode()).hexdigest()[:24]
    domain = settings.smtp_from.rpartition("@")[2]
    return Letter(
        recipient=reminder.email, language=language,
        subject=texts["subject"].format(when=when), body="\n".join(lines) + "\n",
        message_id=f"<wizyta-{digest}@{domain}>",
    )  # fmt: skip


class VisitReminders:
    def __init__(
        self, db: SqlDatabase, settings: OfficeSettings, password: str, clock: Clock
    ) -> None:
        self._store = ReminderStore(db)
        self._settings, self._password, self._clock = settings, password, clock

    def send_for_tomorrow(self) -> ReminderReport:
        """Remind every resident of tomorrow's visits who asked (blocking)."""
        day = polish_day(self._clock()) + dt.timedelta(days=1)
        start, end = day_bounds(day)
        sent = later = refused = 0
        while not later and (claimed := self._store.claim(start, end, self._clock())):
            for reminder in claimed:
                if later:  # the server is failing: the rest wait for the next run untried
                    self._store.later(reminder)
                    later += 1
                    continue
                outcome = self._send(reminder)
                sent, later = sent + (outcome == "sent"), later + (outcome == "later")
                refused += outcome == "refused"
        return ReminderReport(day, sent, later, refused)

    def _send(self, reminder: DueReminder) -> str:
        where = f"booking #{reminder.booking_id} of {reminder.tenant_id}"
        try:
            deliver(self._settings, self._password, compose(reminder, self._settings),
                    self._clock())  # fmt: skip
        except Undeliverable as exc:
            self._store.refused(reminder)
            log.warning("reminder of %s not sent: %s", where, exc)
            return "refused"
        except (smtplib.SMTPException, OSError, UnicodeError) as exc:
            self._store.later(reminder)
            log.warning("reminder of %s not sent (%s); the next run tries again",
                        where, smtp_reason(exc))  # fmt: skip
            return "later"
        self._store.sent(reminder, self._clock())
        log.info("reminder of %s sent", where)
        return "sent"
