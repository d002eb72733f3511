"""Words of the waiting-room display. A TV has no language switch, so each label shows
in Polish first and, smaller, in English, Ukrainian and German; the spoken call is Polish.
"""

from __future__ import annotations

from office.visit_records import Call

LABELS: dict[str, tuple[str, str, str, str]] = {
    "title": ("Zapraszamy", "Please come", "Запрошуємо", "Bitte kommen Sie"),
    # A ticket shows its number (A017), a booking its time (11:00): the heading names both.
    "number": ("Numer / godzina", "No. / time", "Номер / час", "Nr. / Uhrzeit"),
    "desk": ("Stanowisko", "Desk", "Робоче місце", "Schalter"),
    "earlier": ("Wcześniej", "Earlier", "Раніше", "Vorher"),
    "nobody": ("Za chwilę wezwiemy pierwszą osobę.", "The first person will be called soon.",
               "Незабаром ми запросимо першу особу.", "Gleich wird die erste Person aufgerufen."),
}  # fmt: skip


def spoken(call: Call) -> str:
    """The call read out in Polish: "Numer A 17, Stanowisko 2" or "Wizyta na 11:00, ..."."""
    if call.kind == "booking":
        return f"Wizyta na godzinę {call.label}, {call.desk}"
    letter, number = call.label[:1], call.label[1:].lstrip("0") or "0"
    return f"Numer {letter} {number}, {call.desk}"
