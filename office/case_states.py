"""Where a clerk may move a case from each state, and the states' names on the pages."""

from __future__ import annotations

from office.store import CaseState

MOVES: dict[CaseState, tuple[CaseState, ...]] = {
    "received": ("in_progress", "needs_more"),
    "in_progress": ("ready", "needs_more"),
    "needs_more": ("in_progress",),
    "ready": ("closed",),
    "closed": (),
}

STATE_NAMES: dict[CaseState, str] = {
    "received": "Przyjęta",
    "in_progress": "W toku",
    "needs_more": "Potrzebne uzupełnienie",
    "ready": "Gotowa",
    "closed": "Zamknięta",
}

# The button that moves a case into the state.
MOVE_LABELS: dict[CaseState, str] = {
    "received": "Przyjmij",
    "in_progress": "Rozpocznij (w toku)",
    "needs_more": "Poproś o uzupełnienie",
    "ready": "Gotowa do odbioru",
    "closed": "Zamknij sprawę",
}


def may_move(state: CaseState, to: str) -> bool:
    return to in MOVES[state]
