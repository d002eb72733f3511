"""What the status tests share: offices with phones, a server over them, a filed case."""

from __future__ import annotations

import dataclasses

import requests

from office.settings import Office, OfficeSettings
from office.store import CaseStore
from tests.office.conftest import LANCUT, RZESZOW
from tests.office.documents import body, document, headers
from tests.office.office_server import OfficeServer

PHONE = "+48 17 225 22 13"
OFFICES_WITH_PHONES = [
    Office(LANCUT, "Urząd Miasta Łańcut", "UM", PHONE),
    Office(RZESZOW, "Urząd Miasta Rzeszowa", "UMR"),
]
SERVICE = "Wniosek o udostępnienie informacji publicznej"


def with_phones(settings: OfficeSettings, **changes: object) -> OfficeSettings:
    return dataclasses.replace(settings, offices=OFFICES_WITH_PHONES, **changes)  # type: ignore[arg-type]


def status_server(settings: OfficeSettings, store: CaseStore, **changes: object) -> OfficeServer:
    return OfficeServer(with_phones(settings, **changes), store)


def file_case(office: OfficeServer, http: requests.Session, token: str) -> str:
    """One application filed through the intake, as a kiosk files it; its code."""
    doc = document()
    reply = http.post(
        office.url + "/intake", data=body(doc), headers=headers(token, doc), timeout=10
    )
    assert reply.status_code == 201, reply.text
    return str(doc["code"])
