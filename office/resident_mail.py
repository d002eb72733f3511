"""The e-mail that tells a resident a clerk wrote to them: who to, in which language, what.

The application carries no field roles (docs/outbox.md), so the resident's address is
the answer of a field whose id names an e-mail (`email`, `e-mail`, `adres_email`...) and
whose value is one address; the kiosk validated it when the resident typed it. Without
one, nothing is sent. The mail says only what the status page says, in the language the
resident filed in: the office, the case number, the service, the state in plain words,
the clerk's message, and the link to `/s/CODE`; never the resident's name or answers.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from typing import Any

from office.mail_texts import MAIL_TEXTS
from office.settings import OfficeSettings
from office.status_texts import CATALOGUES, LANGUAGES, Language
from office.store import CaseState

ADDRESS = re.compile(r"[^@\s<>\"(),;:]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}")
_EMAIL_FIELD = re.compile(r"(^|[^a-z])e-?mail($|[^a-z])")


@dataclass(frozen=True)
class OutgoingMail:
    recipient: str
    language: Language
    subject: str
    body: str
    message_id: str


@dataclass(frozen=True)
class MailCase:
    """What the e-mail needs of a case."""

    case_number: str
    code: str
    tenant_id: str
    document: str


def _parsed(document: str) -> dict[str, Any]:
    try:
        data = json.loads(document)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def resident_address(document: str) -> str | None:
    """The address the resident gave in the application, or None."""
    answers = _parsed(document).get("answers")
    if not isinstance(answers, dict):
        return None
    for field_id in sorted(answers):
        value = answers[field_id]
        named = _EMAIL_FIELD.search(field_id.lower().replace("_", "-"))
        if named and isinstance(value, str) and ADDRESS.fullmatch(value.strip()):
            return value.strip()
    return None


def resident_language(document: str) -> Language:
    language = _parsed(document).get("language")
    return next((known for known in LANGUAGES if known == language), "pl")


def compose(
    case: MailCase, state: CaseState, message: str, settings: OfficeSettings
) -> OutgoingMail | None:
    """The e-mail for the clerk's `message` with the case now in `state`; None when e-mail
    is off or the resident gave no address."""
    recipient = resident_address(case.document)
    if not settings.smtp_host or recipient is None:
        return None
    language = resident_language(case.document)
    texts, page = MAIL_TEXTS[language], CATALOGUES[language]
    office = settings.office(case.tenant_id)
    service = _parsed(case.document).get("service")
    service_name = service.get("name", "") if isinstance(service, dict) else ""
    link = f"{settings.public_url.rstrip('/')}/s/{case.code}?lang={language}"
    lines = [
        texts["hello"], "",
        texts["about"].format(office=office.name if office else case.tenant_id,
                              case_number=case.case_number, service=service_name),
        texts["state"].format(state=page[f"state_{state}"]), "",
        f"{page['message']}:", message, "",
        texts["link"].format(link=link),
    ]  # fmt: skip
    if office and office.phone:
        lines.append(texts["phone"].format(phone=office.phone))
    lines += ["", texts["footer"]]
    domain = settings.smtp_from.rpartition("@")[2]
    return OutgoingMail(
        recipient=recipient,
        language=language,
        subject=texts["subject"].format(case_number=case.case_number),
        body="\n".join(lines) + "\n",
        message_id=f"<sprawa-{secrets.token_hex(12)}@{domain}>",
    )
