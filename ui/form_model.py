"""The application wizard for QML: steps of questions, review, consent, send, receipt.

Everything the resident typed lives in the resident session (kiosk.session.FormInProgress),
so the idle reset drops it with the rest. Filing and printing are services of kiosk/; the
receipt is printed on a worker thread and the result comes back as a queued signal.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.catalogue_service import FormField, in_language
from kiosk.session import FiledReceipt, FormInProgress, FormRefused
from ui.form_fields import QuestionRow, QuestionsModel
from ui.form_problems import optional_label, problem_text
from ui.session_model import SessionModel

if TYPE_CHECKING:
    from kiosk.filing import FiledApplication, FilingService
    from kiosk.forms.problems import Problem

log = logging.getLogger(__name__)
PrintReceipt = Callable[["FiledApplication"], bool]
"""Prints the receipt of a filed application; False when the printer could not."""


class FormModel(QObject):
    changed = Signal()
    submitted = Signal()
    _printed = Signal(str, bool)  # code, printed; emitted on the printing thread

    def __init__(
        self,
        filing: Callable[[], FilingService],
        print_receipt: PrintReceipt,
        session: SessionModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._filing = filing  # built on the first application (forms, outbox)
        self._print_receipt = print_receipt
        self._session = session
        self._questions = QuestionsModel(self)
        self._printed.connect(self._on_printed)
        session.languageChanged.connect(self._show_step)
        session.wasReset.connect(self._show_step)

    # -- the resident's steps --------------------------------------------------------------

    @Slot(str, result=bool)
    def start(self, service_id: str) -> bool:
        """Open the form of a service; coming back to the same service keeps the answers.

        False when it cannot be filed now: the card then says why (`startMessage`).
        """
        from kiosk.filing import NoKioskForm, OutboxWriteError  # noqa: PLC0415

        state = self._session.session
        state.form_refused = None
        if state.form is None or state.form.service_id != service_id:
            try:
                form = self._filing().start(service_id)
            except OutboxWriteError as exc:
                log.error("form of %s not opened: %s", service_id, exc)
                return self._refuse(service_id, "outbox.unavailable")
            except NoKioskForm as exc:
                log.warning("form not opened: %s", exc)
                return self._refuse(service_id, "form.unavailable")
            form.step = _first(form.filling.visible_steps())
            state.form = form
        state.form.reviewing = False
        self._show_step()
        return True

    def _refuse(self, service_id: str, reason: str) -> bool:
        self._session.session.form_refused = FormRefused(service_id, reason)
        self.changed.emit()
        return False

    @Slot(str, str)
    def setAnswer(self, field_id: str, value: str) -> None:
        form = self._form()
        if form is None:
            return
        before = _shape(form)
        form.filling.set_answer(field_id, value)
        form.problems.pop(field_id, None)
        if _shape(form) != before:
            self._show_step()  # a yes/no or a choice showed or hid a question or an answer
        else:
            self._questions.update(field_id, value=value, problem="")

    @Slot(result=bool)
    def next(self) -> bool:
        """To the next step (or the review) when this step's answers pass; else show why."""
        form = self._form()
        if form is None:
            return False
        form.problems = form.filling.check_step(form.step)
        if form.problems:
            self._show_step()
            return False
        later = [i for i in form.filling.visible_steps() if i > form.step]
        if later:
            form.step = later[0]
        else:
            form.reviewing = True
        self._show_step()
        return True

    @Slot(result=bool)
    def back(self) -> bool:
        """One step back; False on the first step (the screen then returns to the card)."""
        form = self._form()
        if form is None:
            return False
        steps = form.filling.visible_steps()
        if form.reviewing:
            form.reviewing, form.step = False, steps[-1]
        else:
            earlier = [i for i in steps if i < form.step]
            if not earlier:
                return False
            form.step = earlier[-1]
        form.problems = {}
        self._show_step()
        return True

    @Slot(int)
    def editStep(self, step: int) -> None:
        form = self._form()
        if form is not None and step in form.filling.visible_steps():
            form.step, form.reviewing, form.problems = step, False, {}
            self._show_step()

    @Slot(bool)
    def setConsent(self, accepted: bool) -> None:
        form = self._form()
        if form is None:
            return
        if accepted:
            form.filling.accept_consent(form.filling.form.consent.version)
        else:
            form.filling.withdraw_consent()
        self.changed.emit()

    @Slot()
    def submit(self) -> None:
        """File the application; on success the receipt screen follows and printing starts."""
        from kiosk.filing import OutboxWriteError  # noqa: PLC0415

        form = self._form()
        if form is None or not form.filling.consent_accepted:
            return
        problems = form.filling.check_all()
        if problems:  # a step was skipped
            self._back_to_problem(form, problems)
            return
        state = self._session.session
        try:
            application = self._filing().file(form, state.language)
        except OutboxWriteError:
            form.not_saved = True  # the outbox logged the reason for the technician
            self.changed.emit()
            return
        state.form = None  # sent: Back or a second tap can never send it again
        state.filed = FiledReceipt(application)
        self.changed.emit()
        self.submitted.emit()
        threading.Thread(target=self._print, args=(application,), daemon=True).start()

    def show_example_receipt(self, *, printed: bool) -> None:
        """For `kiosk screenshot`: the receipt screen of a made-up application."""
        state = self._session.session
        service_id = state.form.service_id if state.form else ""
        example = self._filing().example(service_id, state.language)
        state.form = None
        state.filed = FiledReceipt(example, "printed" if printed else "failed")
        self.changed.emit()
        self.submitted.emit()

    def _back_to_problem(self, form: FormInProgress, problems: dict[str, Problem]) -> None:
        """To the first step with something to fix, showing what."""
        for step in form.filling.visible_steps():
            here = {f.id for f in form.filling.visible_fields(step)} & problems.keys()
            if here:
                form.step, form.reviewing = step, False
                form.problems = {field_id: problems[field_id] for field_id in here}
                break
        self._show_step()

    def _print(self, application: FiledApplication) -> None:
        try:
            printed = self._print_receipt(application)
        except Exception:  # a printer bug must not hide the code the resident needs
            log.exception("receipt %s: printing failed unexpectedly", application.code)
            printed = False
        self._printed.emit(application.code, printed)

    @Slot(str, bool)
    def _on_printed(self, code: str, printed: bool) -> None:
        filed = self._session.session.filed
        if filed is not None and filed.application.code == code:
            filed.print_state = "printed" if printed else "failed"
            self.changed.emit()

    # -- what QML reads --------------------------------------------------------------------

    def _form(self) -> FormInProgress | None:
        return self._session.session.form

    @Slot()
    def _show_step(self) -> None:
        form = self._form()
        if form is None or form.reviewing:
            self._questions.set_rows([])
        else:
            language = self._session.session.language
            self._questions.set_rows(
                [
                    _question(field, form.filling.raw_answer(field.id), form, language)
                    for field in form.filling.visible_fields(form.step)
                ]
            )
        self.changed.emit()

    def _title(self) -> str:
        form = self._form()
        return in_language(form.filling.form.title, self._language()) if form else ""

    def _language(self) -> str:
        return self._session.session.language

    def _step_index(self) -> int:
        form = self._form()
        return form.filling.visible_steps().index(form.step) if form and not form.reviewing else 0

    def _step_count(self) -> int:
        form = self._form()
        return len(form.filling.visible_steps()) if form else 0

    def _step_title(self) -> str:
        form = self._form()
        if form is None:
            return ""
        return in_language(form.filling.form.steps[form.step].title, self._language())

    def _step_intro(self) -> str:
        form = self._form()
        if form is None or form.reviewing:
            return ""
        intro = form.filling.form.steps[form.step].intro
        if form.step == _first(form.filling.visible_steps()) and form.filling.form.intro:
            intro = form.filling.form.intro if intro is None else intro
        return in_language(intro, self._language()) if intro else ""

    def _reviewing(self) -> bool:
        form = self._form()
        return form is not None and form.reviewing

    def _review(self) -> list[dict[str, Any]]:
        form = self._form()
        if form is None or not form.reviewing:
            return []
        groups: dict[int, dict[str, Any]] = {}
        for line in form.filling.review(self._language()):
            group = groups.setdefault(
                line.step_index,
                {"stepIndex": line.step_index, "step": line.step_title, "answers": []},
            )
            group["answers"].append({"label": line.label, "shown": line.shown})
        return list(groups.values())

    def _consent_text(self) -> str:
        form = self._form()
        return in_language(form.filling.form.consent.clause, self._language()) if form else ""

    def _consent_statement(self) -> str:
        form = self._form()
        return in_language(form.filling.form.consent.statement, self._language()) if form else ""

    def _consent_accepted(self) -> bool:
        form = self._form()
        return form is not None and form.filling.consent_accepted

    def _message(self) -> str:
        form = self._form()
        if form is None or not form.not_saved:
            return ""
        return problem_text("outbox.not_saved", {})

    def _start_message(self) -> str:
        """Why the form of the open service did not open ("" when it did, or was not tried)."""
        state = self._session.session
        refused = state.form_refused
        if refused is None or refused.service_id != state.open_service:
            return ""
        return problem_text(refused.reason, {})

    def _result(self) -> dict[str, str]:
        filed = self._session.session.filed
        if filed is None:
            return {}
        app = filed.application
        return {
            "code": app.shown_code,
            "codeSpoken": ", ".join(app.code),  # spelt, a pause after each character
            "service": app.service_name,
            "office": app.office_name,
            "statusUrl": app.status_url,
            "printState": filed.print_state,
        }

    def _questions_model(self) -> QuestionsModel:
        return self._questions

    title = Property(str, _title, notify=changed)
    stepIndex = Property(int, _step_index, notify=changed)
    stepCount = Property(int, _step_count, notify=changed)
    stepTitle = Property(str, _step_title, notify=changed)
    stepIntro = Property(str, _step_intro, notify=changed)
    fields = Property(QObject, _questions_model, constant=True)
    reviewing = Property(bool, _reviewing, notify=changed)
    review = Property(list, _review, notify=changed)
    consentText = Property(str, _consent_text, notify=changed)
    consentStatement = Property(str, _consent_statement, notify=changed)
    consentAccepted = Property(bool, _consent_accepted, notify=changed)
    message = Property(str, _message, notify=changed)
    startMessage = Property(str, _start_message, notify=changed)
    result = Property(dict, _result, notify=changed)


def _first(steps: list[int]) -> int:
    return steps[0] if steps else 0


def _question(field: FormField, raw: str, form: FormInProgress, language: str) -> QuestionRow:
    problem = form.problems.get(field.id)
    label = in_language(field.label, language)
    return QuestionRow(
        fieldId=field.id,
        kind=field.type,
        label=label if field.required else optional_label(label),
        help=in_language(field.help, language),
        required=field.required,
        value=raw,
        problem=problem_text(problem.code, problem.params) if problem else "",
        maxLength=field.max_length or 0,
        choices=[
            {"value": c.value, "label": in_language(c.label, language)}
            for c in form.filling.offered_choices(field.id)
        ],
    )


def _shape(form: FormInProgress) -> list[tuple[str, list[str]]]:
    """The questions of the step and the answers each offers, to see when an answer changes
    what is asked."""
    filling = form.filling
    return [
        (f.id, [c.value for c in filling.offered_choices(f.id)])
        for f in filling.visible_fields(form.step)
    ]
