"""Delivery by e-mail: the application as readable Polish text plus the JSON document.

E-mail has no reply channel, so the case number is the submission code itself. A resend
is the very same message: the Message-ID (`<wniosek-CODE@domain of mail_from>`), the Date
(the filing time) and the Subject depend only on the submission, so an office's mail
system or clerk sees a duplicate, not a second application.

SMTP answers: 5xx (refused sender or recipient, failed login, message refused) and a
server without the STARTTLS or AUTH the config asks for are refused (a technician must
fix the config or the address); 4xx, timeouts and connection errors are tried later.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime

from offline_cache.intake.document import attachment_name, document_bytes, readable_text
from offline_cache.intake.outcomes import Delivered, Outcome, Refused, TryLater
from offline_cache.outbox_records import Submission
from offline_cache.submission_code import display


@dataclass(frozen=True)
class SmtpIntakeSettings:
    host: str
    mail_from: str
    mail_to: str
    port: int = 587
    starttls: bool = True
    username: str = ""
    password: str = ""
    timeout_s: float = 30.0


def message_id(code: str, mail_from: str) -> str:
    """The same Message-ID for every send of one submission."""
    domain = mail_from.rpartition("@")[2] or "infomat.invalid"
    return f"<wniosek-{code}@{domain}>"


def build_message(submission: Submission, settings: SmtpIntakeSettings) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = settings.mail_to
    message["Subject"] = f"Wniosek {display(submission.code)}: {submission.service_name}"
    message["Date"] = format_datetime(submission.filed_at)
    message["Message-ID"] = message_id(submission.code, settings.mail_from)
    message["X-Infomat-Code"] = submission.code
    message["X-Infomat-Kiosk"] = submission.kiosk_id
    message.set_content(readable_text(submission))
    message.add_attachment(
        document_bytes(submission),
        maintype="application",
        subtype="json",
        filename=attachment_name(submission),
    )
    return message


class SmtpIntake:
    name = "smtp"

    def __init__(self, settings: SmtpIntakeSettings) -> None:
        self._settings = settings

    def deliver(self, submission: Submission) -> Outcome:
        message = build_message(submission, self._settings)
        try:
            self._send(message)
        except (smtplib.SMTPException, OSError, UnicodeEncodeError) as exc:
            return _outcome_of_failure(exc)
        return Delivered(submission.code, note="e-mail: the submission code is the case number")

    def _send(self, message: EmailMessage) -> None:
        cfg = self._settings
        with smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout_s) as smtp:
            if cfg.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if cfg.username:
                smtp.login(cfg.username, cfg.password)
            smtp.send_message(message)


def _outcome_of_failure(exc: Exception) -> Outcome:
    """5xx and configuration mismatches need a technician; the rest may pass later."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        reason = f"the mail server refused the recipient (SMTP {codes[0]})"
        return Refused(reason) if all(c >= 500 for c in codes) else TryLater(reason)
    if isinstance(exc, smtplib.SMTPResponseException):
        reason = f"the mail server answered SMTP {exc.smtp_code}: {_text(exc.smtp_error)}"
        return Refused(reason) if exc.smtp_code >= 500 else TryLater(reason)
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return Refused(f"the mail server does not support what the config asks: {exc}")
    if isinstance(exc, UnicodeEncodeError):
        # smtplib sends AUTH as ASCII only (CPython's smtplib.SMTP.auth encodes 'ascii').
        return Refused("the mail login or password has non-ASCII characters; smtplib cannot")
    if isinstance(exc, ssl.SSLCertVerificationError):
        return Refused(f"the mail server's certificate is not trusted: {exc.verify_message}")
    return TryLater(f"cannot send the e-mail: {type(exc).__name__}")


def _text(raw: bytes | str) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    return " ".join(text.split())[:160]
