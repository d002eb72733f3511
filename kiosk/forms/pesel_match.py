"""A PESEL number says when its holder was born and their sex: the other answers must agree.

Applies to the fields with the roles `pesel`, `birth_date` and `sex`. The problem is put on
whichever of the two fields comes later in the form, so the step that completes the pair
is the one that says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kiosk.forms.polish_ids import pesel_details
from kiosk.forms.problems import Problem
from offline_cache.records import FormField


def pesel_mismatches(fields: Sequence[FormField], values: Mapping[str, str]) -> dict[str, Problem]:
    """field id -> Problem for a date of birth or sex that the valid PESEL contradicts."""
    by_role = {f.role: f for f in fields if f.role and f.id in values}
    pesel = by_role.get("pesel")
    if pesel is None or not values[pesel.id]:
        return {}
    details = pesel_details(values[pesel.id])
    if details is None:
        return {}
    order = [f.id for f in fields]
    problems: dict[str, Problem] = {}
    birth = by_role.get("birth_date")
    born = details.birth_date.isoformat()
    if birth and values[birth.id] and values[birth.id] != born:
        later = max(pesel.id, birth.id, key=order.index)
        problems[later] = Problem("pesel.not_birth_date", {"birth_date": born})
    sex = by_role.get("sex")
    if sex and values[sex.id] and values[sex.id] != details.sex:
        problems[max(pesel.id, sex.id, key=order.index)] = Problem("pesel.not_sex")
    return problems
