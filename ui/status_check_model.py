"""'Sprawdź stan sprawy' for QML: the code as typed (or scanned), checked as it grows; the
question to the office on a worker thread; the answer in the resident's language."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.case_status import CaseStatus
from kiosk.code_entry import read_entry
from ui.session_model import SessionModel
from ui.status_words import StatusWords

if TYPE_CHECKING:
    from kiosk.case_status import CaseStatusLookup

log = logging.getLogger(__name__)


class StatusCheckModel(QObject):
    changed = Signal()
    answered = Signal()  # a result is on the screen (speech mode reads it)
    _heard = Signal(int, object)  # question number, CaseStatus; emitted on the worker thread

    def __init__(
        self,
        lookup: Callable[[], CaseStatusLookup],
        session: SessionModel,
        say: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._lookup = lookup  # built when first asked (HTTP is no part of the start)
        self._session = session
        self._say = say
        self._words = StatusWords(self)
        self._typed = ""
        self._entry = read_entry("")  # the typed code, judged once per change
        self._question = 0  # a late answer to an older question (or resident) is dropped
        self._busy = False
        self._status: CaseStatus | None = None
        self._heard.connect(self._on_heard)
        session.wasReset.connect(self.clear)
        session.languageChanged.connect(self.changed)

    # -- what QML shows ----------------------------------------------------------------

    def _get_typed(self) -> str:
        return self._typed

    def _hint(self) -> str:
        return self._words.entry_hint(self._entry) if self._typed else ""

    def _problem(self) -> bool:
        return self._entry.problem not in ("", "incomplete")

    def _can_check(self) -> bool:
        return self._entry.complete and not self._busy

    def _get_busy(self) -> bool:
        return self._busy

    def _has_result(self) -> bool:
        return self._status is not None

    def _headline(self) -> str:
        if self._busy:
            return self._words.checking()
        return self._words.headline(self._status) if self._status else ""

    def _details(self) -> list[str]:
        return self._words.details(self._status) if self._status and not self._busy else []

    def _message(self) -> str:
        return self._words.message(self._status) if self._status and not self._busy else ""

    def _source(self) -> str:
        return self._words.source(self._status) if self._status and not self._busy else ""

    def _shown_code(self) -> str:
        return read_entry(self._status.code).shown if self._status else ""

    typed = Property(str, _get_typed, notify=changed)
    hint = Property(str, _hint, notify=changed)
    problem = Property(bool, _problem, notify=changed)
    canCheck = Property(bool, _can_check, notify=changed)
    busy = Property(bool, _get_busy, notify=changed)
    hasResult = Property(bool, _has_result, notify=changed)
    headline = Property(str, _headline, notify=changed)
    details = Property(list, _details, notify=changed)
    message = Property(str, _message, notify=changed)
    source = Property(str, _source, notify=changed)
    code = Property(str, _shown_code, notify=changed)

    # -- what the resident does ----------------------------------------------------------

    @Slot(str)
    def setTyped(self, text: str) -> None:
        """The field's text, typed or scanned (a scanner "types" the receipt's address)."""
        if text == self._typed:
            return
        self._typed, self._entry = text, read_entry(text)
        self._status = None
        self.changed.emit()

    @Slot()
    def check(self) -> None:
        entry = self._entry
        if not entry.complete or self._busy:
            return
        self._question += 1
        self._busy, self._status = True, CaseStatus(entry.code, "nowhere", "not_asked")
        self.changed.emit()
        question, lookup = self._question, self._lookup
        threading.Thread(
            target=self._ask, args=(question, lookup, entry.code), name="case-status", daemon=True
        ).start()

    def _ask(self, question: int, lookup: Callable[[], CaseStatusLookup], code: str) -> None:
        try:
            status = lookup().look_up(code)
        except Exception:  # a bug here must still end the "Checking…" on the screen
            log.exception("status of %s: the lookup failed", code)
            status = CaseStatus(code, "nowhere", "unreachable")
        self._heard.emit(question, status)

    @Slot(int, object)
    def _on_heard(self, question: int, status: object) -> None:
        if question != self._question or not isinstance(status, CaseStatus):
            return
        self._busy, self._status = False, status
        self.changed.emit()
        self.answered.emit()
        if self._session.session.accessibility.read_aloud:
            said = (self._headline(), *self._details(), self._message())
            self._say(". ".join(text for text in said if text))

    def show_example(self, status: CaseStatus) -> None:
        """An answer as if the office had given it (`kiosk screenshot`; nothing is asked)."""
        self._typed, self._entry = status.code, read_entry(status.code)
        self._on_heard(self._question, status)

    @Slot()
    def clear(self) -> None:
        self._question += 1  # an answer still on its way is for nobody now
        self._typed, self._entry = "", read_entry("")
        self._busy, self._status = False, None
        self.changed.emit()
