"""Submissions for the outbox tests, with Polish letters and personal data like the real ones."""

from __future__ import annotations

import datetime as dt
from typing import Any

from offline_cache.outbox_records import NewSubmission

ANSWERS = {
    "imie_nazwisko": "Łucja Żółkiewska-Wójcik",
    "pesel": "02270803628",
    "adres": "ul. Źródlana 7/3, 37-100 Łańcut",
    "tresc": "Proszę o udostępnienie uchwały w sprawie opłat za śmieci.",
}
LABELS = {
    "imie_nazwisko": "Imię i nazwisko",
    "pesel": "PESEL",
    "adres": "Adres do korespondencji",
    "tresc": "Treść wniosku",
}


def new_submission(**overrides: Any) -> NewSubmission:
    fields: dict[str, Any] = {
        "kiosk_id": "lancut-ratusz-1",
        "tenant_id": "gmina-miasto-lancut",
        "office_name": "Urząd Miasta Łańcut",
        "service_id": "gl-informacja-publiczna",
        "service_name": "Wniosek o udostępnienie informacji publicznej",
        "form_id": "informacja-publiczna",
        "form_version": "2026-01",
        "language": "pl",
        "consent_version": "rodo-2026-01",
        "answers": dict(ANSWERS),
        "answer_labels": dict(LABELS),
    }
    fields.update(overrides)
    return NewSubmission(**fields)


class FakeClock:
    """A clock that moves only when told: hours pass in microseconds."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self.now = start or dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)
