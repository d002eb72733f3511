"""One resident's way through a form: answers kept as typed, checked step by step.

The wizard keeps one FormFilling per resident in the session; going back and forward never
loses what was typed, and the idle reset drops it whole. Only fields shown to the resident
(their show_if holds) are checked, reviewed and submitted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.forms.field_check import check_answer
from kiosk.forms.pesel_match import pesel_mismatches
from kiosk.forms.problems import Accepted, Checked, Problem
from kiosk.forms.shown import shown_answer
from offline_cache.records import Choice, FieldRole, Form, FormField, ShowIf, in_language


@dataclass(frozen=True)
class ReviewLine:
    """One answer on the review screen; step_index lets the resident go back to change it."""

    step_index: int
    field_id: str
    step_title: str
    label: str
    shown: str


@dataclass(frozen=True)
class FilledForm:
    """What the outbox stores: which form, which privacy notice was accepted, the answers."""

    form_id: str
    form_version: str
    consent_version: str
    answers: dict[str, str]


class FormNotReady(ValueError):
    """Submitting was asked for before every answer passed and the consent was accepted."""


class FormFilling:
    def __init__(self, form: Form, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.form = form
        self._today = today
        self._fields = {f.id: f for f in form.fields()}
        self._raw: dict[str, str] = {}
        self._consent: str | None = None

    # -- answers -----------------------------------------------------------------------

    def set_answer(self, field_id: str, raw: str) -> None:
        """Keep what the resident typed or picked (checked later, kept as typed)."""
        if field_id not in self._fields:
            raise KeyError(f"form {self.form.id!r} has no field {field_id!r}")
        self._raw[field_id] = raw

    def raw_answer(self, field_id: str) -> str:
        """What the resident typed, to fill the input again when they come back."""
        return self._raw.get(field_id, "")

    # -- what is shown -----------------------------------------------------------------

    def is_visible(self, field_id: str) -> bool:
        """Whether the field is asked: its condition holds and the field it looks at is asked."""
        return self._holds(self._fields[field_id].show_if)

    def offered_choices(self, field_id: str) -> list[Choice]:
        """The answers a choice field offers now: those whose condition holds."""
        return [c for c in self._fields[field_id].choices if self._holds(c.show_if)]

    def _holds(self, condition: ShowIf | None) -> bool:
        if condition is None:
            return True
        shown = self.is_visible(condition.field)
        return shown and self.raw_answer(condition.field).strip() == condition.equals

    def visible_fields(self, step_index: int) -> list[FormField]:
        return [f for f in self.form.steps[step_index].fields if self.is_visible(f.id)]

    def visible_steps(self) -> list[int]:
        """Steps with at least one question to ask; the wizard skips the others."""
        return [i for i in range(len(self.form.steps)) if self.visible_fields(i)]

    # -- checks ------------------------------------------------------------------------

    def check_step(self, step_index: int) -> dict[str, Problem]:
        """field id -> its Problem, for the fields shown in this step (empty: go on)."""
        ids = {f.id for f in self.visible_fields(step_index)}
        return {fid: p for fid, p in self._problems().items() if fid in ids}

    def check_all(self) -> dict[str, Problem]:
        return self._problems()

    def _problems(self) -> dict[str, Problem]:
        today = self._today()
        problems: dict[str, Problem] = {}
        values: dict[str, str] = {}
        for field in self._visible():
            checked = self._checked(field, today)
            if isinstance(checked, Problem):
                problems[field.id] = checked
            else:
                values[field.id] = checked.value
        for field_id, problem in pesel_mismatches(self._visible(), values).items():
            problems.setdefault(field_id, problem)
        return problems

    def _checked(self, field: FormField, today: dt.date) -> Checked:
        """The field's own checks, then: a choice the earlier answers no longer offer (the
        resident went back and changed one) is a problem, not a silent answer."""
        checked = check_answer(field, self.raw_answer(field.id), today)
        if not (isinstance(checked, Accepted) and field.choices and checked.value):
            return checked
        offered = {c.value for c in self.offered_choices(field.id)}
        return checked if checked.value in offered else Problem("choice.not_offered")

    def _visible(self) -> list[FormField]:
        return [f for f in self.form.fields() if self.is_visible(f.id)]

    def _values(self) -> dict[str, str]:
        """Normalised answers of the shown fields (call after the checks have passed)."""
        today = self._today()
        values: dict[str, str] = {}
        for field in self._visible():
            checked = self._checked(field, today)
            if isinstance(checked, Accepted) and checked.value:
                values[field.id] = checked.value
        return values

    # -- review, consent and submission ------------------------------------------------

    def review(self, language: str = "pl") -> list[ReviewLine]:
        """Every shown question with the answer as the resident will read it back."""
        values = self._values()
        return [
            ReviewLine(
                i,
                field.id,
                in_language(step.title, language),
                in_language(field.label, language),
                shown_answer(field, values.get(field.id, ""), language),
            )
            for i, step in enumerate(self.form.steps)
            for field in self.visible_fields(i)
        ]

    def accept_consent(self, version: str) -> None:
        """The resident accepted the privacy notice of `version` (the one on their screen)."""
        if version != self.form.consent.version:
            raise ValueError(
                f"consent version {version!r} was shown, the form asks for "
                f"{self.form.consent.version!r}: show the current notice again"
            )
        self._consent = version

    def withdraw_consent(self) -> None:
        """The resident unticked the privacy notice: submitting is refused again."""
        self._consent = None

    @property
    def consent_accepted(self) -> bool:
        return self._consent == self.form.consent.version

    def ready_to_submit(self) -> bool:
        return self.consent_accepted and not self._problems()

    def answers(self) -> dict[str, str]:
        """Normalised answers of the shown fields, optional ones left empty omitted."""
        problems = self._problems()
        if problems:
            raise FormNotReady(f"{len(problems)} answer(s) still need fixing: {sorted(problems)}")
        return self._values()

    def filled(self) -> FilledForm:
        """Everything the outbox needs; refuses until ready_to_submit()."""
        if not self.consent_accepted:
            raise FormNotReady("the privacy notice has not been accepted")
        form = self.form
        return FilledForm(form.id, form.version, form.consent.version, self.answers())

    def contact(self) -> dict[FieldRole, str]:
        """Answers of fields with a role (name, e-mail, ...) that passed, for the receipt."""
        values = self._values()
        return {f.role: values[f.id] for f in self._visible() if f.role and f.id in values}
