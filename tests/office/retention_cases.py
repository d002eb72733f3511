"""Cases at the ends of their lives, for the retention tests: filed, moved by a clerk
through the real DeskStore to a state at a given time, with a message and a note."""

from __future__ import annotations

import datetime as dt
from typing import Any

from office.desk_store import DeskStore
from office.resident_mail import OutgoingMail
from office.store import CaseState, CaseStore
from tests.office.desk import file_case
from tests.outbox_factories import ANSWERS

FORGOTTEN = "Brzęczyszczykiewicz"  # the purged resident's surname: nowhere after the purge
MESSAGE = "Pani {surname}, odpowiedź wysłaliśmy pocztą."  # on the way to "ready"
NOTE = "Dzwoniła 600 100 200 w sprawie terminu."
PATHS: dict[CaseState, tuple[CaseState, ...]] = {
    "in_progress": ("in_progress",),
    "closed": ("in_progress", "ready", "closed"),
}


def case_at(
    store: CaseStore, state: CaseState, at: dt.datetime, *, surname: str = "Kowalska",
    **overrides: Any,
) -> str:  # fmt: skip
    """A case filed a day before `at` and moved to `state` at `at`; its code."""
    answers = {**ANSWERS, "imie_nazwisko": f"Grzegorzowa {surname}"}
    code, _ = file_case(store, at - dt.timedelta(days=1), answers=answers, **overrides)
    desk = DeskStore(store.sql())
    case = desk.case_file(code)
    assert case is not None
    seen: CaseState = "received"
    for to in PATHS[state]:
        message = MESSAGE.format(surname=surname) if to == "ready" else ""
        mail = OutgoingMail(f"{surname.lower()}@example.pl", "pl", "Sprawa", message,
                            f"<{surname}-{code}@lancut.pl>") if message else None  # fmt: skip
        assert desk.move(
            case.case_id, seen, to, actor="anna.nowak", message=message, at=at, mail=mail
        )
        seen = to
    desk.add_note(case.case_id, "anna.nowak", NOTE, at)
    return code
