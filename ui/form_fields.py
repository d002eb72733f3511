"""The questions of one wizard step as a list model: one row per shown field.

A row changes in place (dataChanged) when its problem or value changes, so the input the
resident is typing into is never rebuilt under their fingers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
)

# Qt::UserRole by its value: reading it from PySide builds the whole `Qt` namespace, ~20 ms
# of the kiosk's first frame (tests/ui/test_startup_imports.py).
_USER = 0x0100


@dataclass(frozen=True)
class QuestionRow:
    """One question as QML reads it; texts already in the resident's language."""

    fieldId: str
    kind: str
    label: str
    help: str
    required: bool
    value: str
    problem: str
    maxLength: int
    choices: list[dict[str, str]] = field(default_factory=list)


_ROLES = tuple(QuestionRow.__dataclass_fields__)


class QuestionsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[QuestionRow] = []

    def set_rows(self, rows: Sequence[QuestionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[QuestionRow]:
        return list(self._rows)

    def field_ids(self) -> list[str]:
        return [row.fieldId for row in self._rows]

    def update(self, field_id: str, **changes: str) -> None:
        """Change one row's value or problem in place."""
        for index, row in enumerate(self._rows):
            if row.fieldId == field_id:
                changed = replace(row, **changes)  # type: ignore[arg-type]
                if changed != row:
                    self._rows[index] = changed
                    at = self.index(index)
                    self.dataChanged.emit(at, at)
                return

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        key = role - _USER - 1
        if not index.isValid() or not 0 <= key < len(_ROLES):
            return None
        return getattr(self._rows[index.row()], _ROLES[key])

    def roleNames(self) -> dict[int, QByteArray]:
        return {_USER + 1 + i: QByteArray(name.encode()) for i, name in enumerate(_ROLES)}
