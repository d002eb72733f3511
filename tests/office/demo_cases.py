"""The demo's applications and what its clerk does with them (./dev office-demo).

Each application is filed through the real POST /intake with a kiosk's token, as a kiosk's
outbox sends it; the clerk then moves some of them along on the real clerks' pages (login,
the case page's CSRF token, the move form), so the inbox and the status pages show several
states, each with the message a resident would read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import requests

from tests.office.desk import Clerk
from tests.office.documents import body, document, headers

DEMO_OFFICE = "gmina-miasto-lancut"
DEMO_KIOSK = "lancut-ratusz-demo"


@dataclass(frozen=True)
class DemoCase:
    """One demo application: who files what, and the clerk's moves with their messages."""

    service_id: str
    service_name: str
    resident: str
    moves: tuple[tuple[str, str], ...] = ()


DEMO_CASES = (
    DemoCase("gl-informacja-publiczna", "Wniosek o udostępnienie informacji publicznej",
             "Łucja Żółkiewska-Wójcik"),
    DemoCase("gl-wycinka-drzew", "Zgłoszenie zamiaru usunięcia drzewa", "Grzegorz Bąk",
             (("in_progress", "Oględziny drzewa zaplanowaliśmy na przyszły tydzień."),)),
    DemoCase("gl-karta-duzej-rodziny", "Wniosek o Kartę Dużej Rodziny", "Małgorzata Kęsik",
             (("in_progress", ""), ("ready", "Karta czeka w pokoju 12, pn.–pt. 8:00–15:00."))),
    DemoCase("gl-zaswiadczenie-o-niezaleganiu",
             "Zaświadczenie o niezaleganiu w podatkach lokalnych", "Jerzy Źrebiec",
             (("needs_more", "Prosimy o numer decyzji podatkowej; zadzwoń do nas."),)),
    DemoCase("gl-informacja-publiczna", "Wniosek o udostępnienie informacji publicznej",
             "Ołena Szewczenko"),
)  # fmt: skip


@dataclass(frozen=True)
class FiledCase:
    code: str
    case_number: str
    state: str


def demo_document(case: DemoCase, filed_at: dt.datetime) -> dict[str, Any]:
    answers = {
        "imie_nazwisko": case.resident,
        "pesel": "02270803628",
        "adres": "ul. Źródlana 7/3, 37-100 Łańcut",
        "tresc": f"{case.service_name}: proszę o załatwienie sprawy.",
    }
    doc = document(kiosk_id=DEMO_KIOSK, service_id=case.service_id,
                   service_name=case.service_name, answers=answers)  # fmt: skip
    doc["filed_at"] = filed_at.isoformat(timespec="seconds")
    return doc


def file_demo_case(url: str, token: str, case: DemoCase) -> FiledCase:
    """POST /intake as a kiosk does; the case's code and number."""
    doc = demo_document(case, dt.datetime.now(dt.UTC))
    reply = requests.post(url + "/intake", data=body(doc), headers=headers(token, doc), timeout=30)
    if reply.status_code != 201:
        raise RuntimeError(f"the intake answered {reply.status_code}: {reply.text}")
    return FiledCase(doc["code"], reply.json()["case_number"], "received")


def move_demo_case(clerk: Clerk, filed: FiledCase, case: DemoCase) -> FiledCase:
    """The clerk's moves on the case page, as a browser posts the form."""
    state = filed.state
    for to, message in case.moves:
        reply = clerk.post(f"/sprawy/{filed.code}/stan", to=to, message=message)
        if reply.status_code != 303:
            raise RuntimeError(f"moving {filed.case_number} to {to}: HTTP {reply.status_code}")
        state = to
    return FiledCase(filed.code, filed.case_number, state)
