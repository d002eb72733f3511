"""The application as the office receives it: one JSON document and a readable Polish text.

The same JSON goes into the HTTP body, the e-mail attachment and the spool file, so an
office can switch intakes without changing its import.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from offline_cache.outbox_records import Submission
from offline_cache.submission_code import display

DOCUMENT_FORMAT = "infomat-submission/1"
_LANGUAGE_NAMES = {"pl": "polski", "en": "angielski", "uk": "ukraiński", "de": "niemiecki"}


def submission_document(submission: Submission) -> dict[str, Any]:
    """The JSON object describing one application (documented in docs/outbox.md)."""
    if submission.answers is None:
        raise ValueError(f"{submission.code}: personal data was purged; nothing to deliver")
    return {
        "format": DOCUMENT_FORMAT,
        "code": submission.code,
        "filed_at": submission.filed_at.isoformat(timespec="seconds"),
        "kiosk_id": submission.kiosk_id,
        "office": {"tenant_id": submission.tenant_id, "name": submission.office_name},
        "service": {"id": submission.service_id, "name": submission.service_name},
        "form": {"id": submission.form_id, "version": submission.form_version},
        "language": submission.language,
        "consent_version": submission.consent_version,
        "answers": dict(submission.answers),
        "answer_labels": dict(submission.answer_labels),
    }


def document_bytes(submission: Submission) -> bytes:
    """The document as UTF-8 JSON, Polish letters kept readable."""
    text = json.dumps(submission_document(submission), ensure_ascii=False, indent=1)
    return (text + "\n").encode("utf-8")


def local_time(moment: dt.datetime) -> str:
    """Polish local time for people ("20.11.2026 11:00"), or UTC if the zone data is missing."""
    try:
        local = moment.astimezone(ZoneInfo("Europe/Warsaw"))
    except ZoneInfoNotFoundError:
        return moment.astimezone(dt.UTC).strftime("%d.%m.%Y %H:%M UTC")
    return local.strftime("%d.%m.%Y %H:%M")


def readable_text(submission: Submission) -> str:
    """The application as plain Polish text for a clerk (the e-mail body)."""
    answers = submission.answers or {}
    language = _LANGUAGE_NAMES.get(submission.language, submission.language)
    lines = [
        f"Wniosek złożony w infomacie {submission.kiosk_id}",
        "",
        f"Kod wniosku: {display(submission.code)}",
        f"Usługa: {submission.service_name} ({submission.service_id})",
        f"Urząd: {submission.office_name}",
        f"Formularz: {submission.form_id}, wersja {submission.form_version}",
        f"Złożono: {local_time(submission.filed_at)}",
        f"Język mieszkańca: {language}",
        f"Klauzula informacyjna przyjęta w wersji: {submission.consent_version}",
        "",
        "Odpowiedzi:",
    ]
    for field_id, value in answers.items():
        label = submission.answer_labels.get(field_id, field_id)
        lines.append(f"- {label}: {value}")
    lines += [
        "",
        f"Ten sam wniosek jest w załączniku jako JSON ({attachment_name(submission)}).",
        "Ponowna wysyłka tego wniosku ma ten sam Message-ID i ten sam kod zgłoszenia.",
    ]
    return "\n".join(lines) + "\n"


def attachment_name(submission: Submission) -> str:
    return f"wniosek-{submission.code}.json"
