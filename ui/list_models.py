"""Plain list models for QML: rows of named string fields."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Property as QtProperty
from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Signal,
)

# Qt::UserRole by its value: reading it from PySide builds the whole `Qt` namespace, ~20 ms
# of the kiosk's first frame (tests/ui/test_startup_imports.py).
_USER = 0x0100


class RowsModel(QAbstractListModel):
    """Rows of dicts with fixed keys; QML reads each key as a role (`model.name`)."""

    countChanged = Signal()

    def __init__(self, keys: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys = list(keys)
        self._rows: list[dict[str, str]] = []

    def set_rows(self, rows: Sequence[dict[str, str]]) -> None:
        self.beginResetModel()
        self._rows = [dict(row) for row in rows]
        self.endResetModel()
        self.countChanged.emit()

    def rows(self) -> list[dict[str, str]]:
        return [dict(row) for row in self._rows]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        key_index = role - _USER - 1
        if not index.isValid() or not 0 <= key_index < len(self._keys):
            return None
        return self._rows[index.row()].get(self._keys[key_index], "")

    def roleNames(self) -> dict[int, QByteArray]:
        return {_USER + 1 + i: QByteArray(key.encode()) for i, key in enumerate(self._keys)}

    def _count(self) -> int:
        return len(self._rows)

    count = QtProperty(int, _count, notify=countChanged)
