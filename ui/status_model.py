"""The quiet offline indicator: shown when the network is down, with the catalogue's age."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot

if TYPE_CHECKING:
    from kiosk.sync_status import SyncStatus


def local_time(iso: str) -> str:
    """ "2026-11-22T08:00:00+00:00" as the kiosk's local "22.11.2026 09:00" ("" if unknown)."""
    try:
        moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return ""
    return moment.astimezone().strftime("%d.%m.%Y %H:%M")


class StatusModel(QObject):
    changed = Signal()
    syncReported = Signal(object)  # emitted from the sync thread; handled on the UI thread

    def __init__(self, last_update: Callable[[], str], parent: QObject | None = None) -> None:
        """`last_update` reads when the catalogue in use was loaded (ISO time); it is asked
        on the UI thread only, at start and after each sync."""
        super().__init__(parent)
        self._read_last_update = last_update
        self._offline = False
        self._last_update = local_time(last_update())
        self.syncReported.connect(self._on_sync_reported)

    @Slot(object)
    def _on_sync_reported(self, status: SyncStatus) -> None:
        self._offline = status.outcome == "failed" and status.kind == "network"
        self._last_update = local_time(self._read_last_update())
        self.changed.emit()

    def _is_offline(self) -> bool:
        return self._offline

    def _get_last_update(self) -> str:
        return self._last_update

    offline = Property(bool, _is_offline, notify=changed)
    lastUpdate = Property(str, _get_last_update, notify=changed)
