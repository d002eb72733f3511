"""Sending the queued e-mails to residents (table `resident_mail`), beside the requests.

Each turn claims the due ones in one short transaction (`UPDATE ... RETURNING`; on
PostgreSQL over `FOR UPDATE SKIP LOCKED`, so instances never claim the same row), sends
them outside it, then records each outcome. A claim lasts `LEASE`: an instance that dies
mid-send leaves the row to another after it (the Message-ID stays, so a resend is a
duplicate the mailbox can tell). A failure is retried with doubling back-off; a 5xx
refusal of the recipient or the message fails it for good, as does `MAX_ATTEMPTS`.
Only SMTP codes and exception names are kept and logged: a server's reply may quote the
address.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime

from office.intake import Clock
from office.settings import OfficeSettings
from office.sql_access import SqlDatabase

log = logging.getLogger("office.mail")
LEASE = dt.timedelta(minutes=5)
BATCH = 20
FIRST_RETRY_S = 60
MAX_RETRY_S = 6 * 3600
MAX_ATTEMPTS = 20  # about three days with the back-off above


@dataclass(frozen=True)
class ClaimedMail:
    mail_id: int
    message_id: str
    recipient: str
    language: str
    subject: str
    body: str
    attempts: int
    case_number: str


@dataclass(frozen=True)
class Letter:
    """One e-mail to one resident, as the mail server gets it."""

    recipient: str
    language: str
    subject: str
    body: str
    message_id: str


class Undeliverable(Exception):
    """The server refused this mail for good (5xx for the recipient or the message)."""


@dataclass(frozen=True)
class SendReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0


def retry_after_s(attempts: int) -> int:
    """Seconds before the next try after `attempts` tries: 60, 120, 240... at most 6 h."""
    return int(min(MAX_RETRY_S, FIRST_RETRY_S * 2 ** max(0, attempts - 1)))


class ResidentMailSender:
    def __init__(
        self, db: SqlDatabase, settings: OfficeSettings, password: str, clock: Clock
    ) -> None:
        self._db = db
        self._settings = settings
        self._password = password
        self._clock = clock

    def send_due(self) -> SendReport:
        """Send every due e-mail once (blocking: call it from a worker thread)."""
        sent = retried = failed = 0
        for mail in self._claim(self._clock()):
            try:
                self._send(mail)
            except Undeliverable as exc:
                self._fail(mail, str(exc))
                failed += 1
            except (smtplib.SMTPException, OSError, UnicodeError) as exc:
                if mail.attempts >= MAX_ATTEMPTS:
                    self._fail(mail, f"gave up after {mail.attempts} attempts: {smtp_reason(exc)}")
                    failed += 1
                else:
                    self._later(mail, smtp_reason(exc))
                    retried += 1
            else:
                self._done(mail)
                sent += 1
        return SendReport(sent, retried, failed)

    def _claim(self, now: dt.datetime) -> list[ClaimedMail]:
        lock = " FOR UPDATE SKIP LOCKED" if self._db.dialect == "postgresql" else ""
        with self._db.writing() as sql:
            rows = sql.rows(
                "UPDATE resident_mail SET claimed_until = ?, attempts = attempts + 1"  # noqa: S608
                " WHERE id IN (SELECT id FROM resident_mail WHERE state = 'queued'"
                " AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                f" ORDER BY id LIMIT ?{lock})"
                " RETURNING id, message_id, recipient, language, subject, body, attempts,"
                " (SELECT case_number FROM cases WHERE cases.id = resident_mail.case_id)",
                (now + LEASE, now, now, BATCH),
            )
        return [
            ClaimedMail(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]),
                        int(r[6]), str(r[7]))
            for r in rows
        ]  # fmt: skip

    def _send(self, mail: ClaimedMail) -> None:
        letter = Letter(mail.recipient, mail.language, mail.subject, mail.body, mail.message_id)
        deliver(self._settings, self._password, letter, self._clock())

    def _done(self, mail: ClaimedMail) -> None:
        self._record(mail, "state = 'sent', sent_at = ?, last_error = ''", (self._clock(),))
        log.info("mail: the message of %s to its resident was sent", mail.case_number)

    def _later(self, mail: ClaimedMail, reason: str) -> None:
        wait = dt.timedelta(seconds=retry_after_s(mail.attempts))
        self._record(mail, "next_attempt_at = ?, last_error = ?", (self._clock() + wait, reason))
        log.warning("mail: the message of %s not sent (%s); next try in %d s",
                    mail.case_number, reason, wait.total_seconds())  # fmt: skip

    def _fail(self, mail: ClaimedMail, reason: str) -> None:
        self._record(mail, "state = 'failed', last_error = ?", (reason,))
        log.error("mail: the message of %s cannot be sent: %s", mail.case_number, reason)

    def _record(self, mail: ClaimedMail, changes: str, params: tuple[object, ...]) -> None:
        with self._db.writing() as sql:
            sql.run(
                f"UPDATE resident_mail SET {changes}, claimed_until = NULL WHERE id = ?",  # noqa: S608
                (*params, mail.mail_id),
            )


def deliver(cfg: OfficeSettings, password: str, letter: Letter, date: dt.datetime) -> None:
    """Hand `letter` to the office's mail server (blocking). Undeliverable when the server
    refuses it for good (5xx); smtplib's errors or OSError when it may work later."""
    message = EmailMessage()
    message["From"] = cfg.smtp_from
    message["To"] = letter.recipient
    message["Subject"] = letter.subject
    message["Date"] = format_datetime(date)
    message["Message-ID"] = letter.message_id
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(letter.body)
    message["Content-Language"] = letter.language  # after set_content, which drops Content-*
    with smtplib.SMTP(cfg.smtp_host, cfg.smtp_port, timeout=cfg.smtp_timeout_s) as smtp:
        if cfg.smtp_starttls:
            smtp.starttls(context=ssl.create_default_context())
        if cfg.smtp_user:
            smtp.login(cfg.smtp_user, password)
        try:
            smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = sorted({code for code, _ in exc.recipients.values()})
            if all(code >= 500 for code in codes):
                raise Undeliverable(
                    f"the mail server refused the address (SMTP {codes[0]})"
                ) from None
            raise
        except smtplib.SMTPDataError as exc:
            if exc.smtp_code >= 500:
                raise Undeliverable(f"the mail server refused it (SMTP {exc.smtp_code})") from None
            raise


def smtp_reason(exc: BaseException) -> str:
    """What went wrong, without the server's text (it may quote the address)."""
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"SMTP {exc.smtp_code}"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _ in exc.recipients.values()})
        return f"SMTP {codes[0]}" if codes else "recipient refused"
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return "the mail server offers no STARTTLS or login"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return "the mail server's certificate is not trusted"
    if isinstance(exc, OSError):
        return f"cannot reach the mail server ({type(exc).__name__})"
    return type(exc).__name__
