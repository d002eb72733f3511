"""'Umów wizytę' in speech mode, against the real office service on loopback: each step is
said with how many choices it has, and the result is spelt out."""

from __future__ import annotations

import time

import requests
from pytestqt.qtbot import QtBot

from kiosk.visits import VisitsClient
from tests.captive_portal.portal_process import free_port
from tests.kiosk.visit_office import OFFICE, REGISTRATION, VisitOffice
from ui.session_model import SessionModel
from ui.visits_model import VisitsModel


def test_every_step_is_spoken_in_speech_mode(qtbot: QtBot, visits_office: VisitOffice) -> None:
    http = requests.Session()
    http.trust_env = False
    client = VisitsClient(visits_office.url, OFFICE, visits_office.token, 5.0, lambda: http)
    session = SessionModel("pl")
    session.setOption("read_aloud", True)
    said: list[str] = []
    printed: list[object] = []

    def print_visit(visit: object, _language: str) -> bool:
        printed.append(visit)
        return True

    model = VisitsModel(lambda: client, print_visit, "1", session=session, say=said.append)
    model.start("book")
    qtbot.waitUntil(lambda: model.property("services") != [])
    assert model.property("officeHours") == "pn.-pt. 08:00-16:00", "the office's, as it gave them"
    model.chooseService(REGISTRATION)
    qtbot.waitUntil(lambda: model.property("stage") == "days")
    first_day = model.property("days")[0]["day"]
    model.chooseDay(first_day)
    model.chooseTime(model.property("times")[0]["index"])
    model.confirm()
    qtbot.waitUntil(lambda: model.property("stage") == "done")
    assert said[:4] == [
        "Choose the matter: 2 to choose from.",
        "Choose a day: 10 days with free times.",
        "Choose a time: 23 free times.",
        "Book Zameldowanie na pobyt stały on 24.11.2026 at 08:20? Choose Book and print.",
    ]
    code = model.property("result")["code"]
    assert said[-1].startswith("Visit booked: 24.11.2026 at 08:20. Visit code: ")
    assert said[-1].endswith(", ".join(code.replace("-", "")) + ".")  # spelt out
    assert len(printed) == 1
    session.reset()
    assert model.property("stage") == "services" and model.property("result") == {}


def test_an_office_that_cannot_be_reached_is_said_at_once_with_its_phone(qtbot: QtBot) -> None:
    http = requests.Session()
    http.trust_env = False
    nobody = f"http://127.0.0.1:{free_port()}/api/visits/"  # nothing listens there
    client = VisitsClient(nobody, OFFICE, "token", 2.0, lambda: http)
    session = SessionModel("pl")
    session.setOption("read_aloud", True)
    said: list[str] = []
    model = VisitsModel(lambda: client, lambda _visit, _lang: False, "1", session=session,
                        say=said.append, phone=lambda: "+48 17 225 22 13")  # fmt: skip
    began = time.monotonic()
    model.start("ticket")
    qtbot.waitUntil(lambda: model.property("problem") != "", timeout=5000)
    assert time.monotonic() - began < 3, "said at once, not after a long wait"
    assert model.property("officePhone") == "+48 17 225 22 13"
    assert said == ["The office cannot be reached now; nothing was booked. "
                    "Office phone: +48 17 225 22 13"]  # fmt: skip
    assert model.property("stage") == "services" and model.property("services") == []
