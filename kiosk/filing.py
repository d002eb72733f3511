"""Filing an application: the form a service names, checked answers, the outbox first.

The order is the promise made to the resident: the application is written to the outbox
(and fsynced) before anything is printed or sent. If that write fails, `file` raises
`OutboxWriteError` and nothing else happens: no code, no receipt.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from kiosk.catalogue_service import CatalogueService, Service, Text, in_language
from kiosk.forms.filling import FormFilling
from kiosk.receipts import OfficeHours
from kiosk.session import FormInProgress
from kiosk.status_url import status_url
from offline_cache.outbox import NewSubmission, Outbox, OutboxWriteError
from offline_cache.submission_code import check_character, display

log = logging.getLogger(__name__)


EXAMPLE_CODE_BODY = "K7P4MX9RC"


class NoKioskForm(LookupError):
    """The service cannot be filed at the kiosk (no kiosk channel, or its form is missing)."""


@dataclass(frozen=True)
class FiledApplication:
    """What the receipt and the receipt screen show; no answers, no personal data."""

    code: str  # as stored and in the status URL: K7P4MX9RCA
    shown_code: str  # as printed and shown: K7P4M-X9RCA
    filed_at: dt.datetime
    service_id: str
    service_name: str  # in the resident's language
    office_name: str  # in the resident's language
    status_url: str
    language: str
    deadline: str = ""  # the service's time to handle it, in the resident's language
    office_phone: str = ""
    office_hours: tuple[OfficeHours, ...] = ()  # of the first office the service names


class FilingService:
    """Starts forms for services and files finished ones into the outbox."""

    def __init__(
        self,
        catalogue: CatalogueService,
        outbox: Callable[[], Outbox],
        on_filed: Callable[[], None],
        kiosk_id: str,
        status_url_base: str,
    ) -> None:
        self._catalogue = catalogue
        self._outbox = outbox  # opened on the first filing, not at the kiosk's start
        self._on_filed = on_filed
        self._kiosk_id = kiosk_id
        self._status_url_base = status_url_base

    def start(self, service_id: str) -> FormInProgress:
        """A blank form for one resident, with the service and office as they see them now.

        Raises OutboxWriteError when the outbox cannot be opened (nothing the resident typed
        could be saved, so they are told before they start) and NoKioskForm when the service
        cannot be filed here (any more).
        """
        self._outbox()
        found = self._catalogue.service_with_form(service_id)
        if found is None:
            raise NoKioskForm(f"service {service_id!r} has no form to fill in at the kiosk")
        service, form = found
        office = self._catalogue.authority_name(service["authority"])
        return FormInProgress(service_id, FormFilling(form), service, office)

    def file(self, started: FormInProgress, language: str) -> FiledApplication:
        """Write the application to the outbox; raises OutboxWriteError when it is not saved.

        The service, office and form are those the resident started with, not the catalogue's
        of now: a sync may have changed or removed them meanwhile.
        """
        service, office, filling = started.service, started.office, started.filling
        filled = filling.filled()
        form = filling.form
        submission = NewSubmission(
            kiosk_id=self._kiosk_id,
            tenant_id=service["authority"],
            office_name=in_language(office, "pl"),
            service_id=service["id"],
            service_name=in_language(service["name"], "pl"),
            form_id=filled.form_id,
            form_version=filled.form_version,
            language=language,
            consent_version=filled.consent_version,
            answers=filled.answers,
            answer_labels={f.id: in_language(f.label, "pl") for f in form.fields()},
        )
        filed = self._outbox().enqueue(submission)
        self._on_filed()
        return self._application(service, office, filed.code, filed.filed_at, language)

    def example(self, service_id: str, language: str) -> FiledApplication:
        """A made-up application for screenshots and docs; nothing is written anywhere."""
        service = self._catalogue.service(service_id)
        if service is None:
            raise NoKioskForm(f"service {service_id!r} is not in the catalogue")
        code = EXAMPLE_CODE_BODY + check_character(EXAMPLE_CODE_BODY)
        office = self._catalogue.authority_name(service["authority"])
        return self._application(service, office, code, dt.datetime.now(dt.UTC), language)

    def _application(
        self, service: Service, office: Text, code: str, filed_at: dt.datetime, language: str
    ) -> FiledApplication:
        return FiledApplication(
            code=code,
            shown_code=display(code),
            filed_at=filed_at,
            service_id=service["id"],
            service_name=in_language(service["name"], language),
            office_name=in_language(office, language),
            status_url=status_url(self._status_url_base, code),
            language=language,
            deadline=processing_time(service, language),
            office_phone=self._catalogue.authority_phone(service["authority"]),
            office_hours=office_hours(service),
        )


def processing_time(service: Service, language: str) -> str:
    """How long the office has to handle the service, as the catalogue words it ("" if unsaid)."""
    time = service.get("processing_time")
    return in_language(time["text"], language) if isinstance(time, dict) else ""


def office_hours(service: Service) -> tuple[OfficeHours, ...]:
    """The opening hours of the first place where the service is handled in person."""
    places = [c for c in service["channels"] if c.get("type") == "in_person"]
    hours = cast(list[dict[str, Any]], places[0].get("opening_hours", [])) if places else []
    return tuple(OfficeHours(tuple(h["days"]), h["opens"], h["closes"]) for h in hours)


__all__ = ["FiledApplication", "FilingService", "NoKioskForm", "OutboxWriteError"]
