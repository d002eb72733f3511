"""Admin mode: five taps in the top-left corner within three seconds, then the PIN pad."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Property, QCoreApplication, QObject, Signal, Slot

from kiosk.admin_pin import AdminPin
from kiosk.sync_status import SyncStatus
from ui.admin_status import sync_result

TAPS = 5
TAP_WINDOW_S = 3.0


def tr(text: str) -> str:
    # pyside6-lupdate files module-level tr() calls under the empty context; match it.
    return QCoreApplication.translate("", text)


@dataclass(frozen=True)
class AdminActions:
    """What the admin screen can do; each is a plain callable from the composition root."""

    status: Callable[[], dict[str, str]]  # every line in the session's language
    sync_now: Callable[[], None]  # starts a sync; its result comes to syncReported
    can_sync: bool  # False: no catalogue address in the config, nothing to sync from
    reload: Callable[[], None]
    test_print: Callable[[], bool]  # may wait for the printer: run off the UI thread
    allow_exit: bool


class AdminModel(QObject):
    changed = Signal()
    exitRequested = Signal()
    _testPrinted = Signal(bool)  # emitted on the printing thread

    def __init__(
        self,
        pin: AdminPin,
        actions: AdminActions,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pin = pin
        self._actions = actions
        self._clock = clock
        self._taps: list[float] = []
        self._pad = self._open = False
        self._message: Callable[[], str] = str  # in the panel's language when read
        self._awaiting_sync = False
        self._status: dict[str, str] = {}
        self._testPrinted.connect(self._on_test_printed)

    @Slot()
    def cornerTapped(self) -> None:
        now = self._clock()
        self._taps = [t for t in self._taps if now - t <= TAP_WINDOW_S] + [now]
        if len(self._taps) >= TAPS:
            self._taps = []
            self._pad, self._message = True, str
            if not self._pin.configured:
                self._message = lambda: tr("Admin mode is not set up on this kiosk.")
            self.changed.emit()

    @Slot(str)
    def submitPin(self, pin: str) -> None:
        answer = self._pin.check(pin)
        if answer.accepted:
            self._pad, self._open, self._message = False, True, str
            self._status = self._actions.status()
        elif answer.locked_for_s:
            minutes = str((answer.locked_for_s + 59) // 60)
            self._message = lambda: tr("Too many wrong PINs. Try again in %1 min.").replace(
                "%1", minutes
            )
        else:
            left = str(answer.tries_left)
            self._message = lambda: tr("Wrong PIN. Tries left: %1").replace("%1", left)
        self.changed.emit()

    @Slot()
    def close(self) -> None:
        self._taps = []
        self._pad = self._open = False
        self._message = str
        self._awaiting_sync = False
        self.changed.emit()

    @Slot()
    def syncNow(self) -> None:
        if not self._actions.can_sync:
            self._message = lambda: tr("Sync is not set up: the config has no catalogue address.")
        else:
            self._awaiting_sync = True
            self._message = lambda: tr("Syncing…")
            self._actions.sync_now()
        self.changed.emit()

    @Slot(object)
    def syncReported(self, status: SyncStatus) -> None:
        """A sync finished (on the UI thread): after "Sync now", say how it went."""
        if self._awaiting_sync:
            self._awaiting_sync = False
            self._message = lambda: sync_result(status)
        if self._open:
            self._status = self._actions.status()
        self.changed.emit()

    @Slot()
    def retranslate(self) -> None:
        """The technician switched the language: every line again in the new one."""
        if self._open:
            self._status = self._actions.status()
        self.changed.emit()

    @Slot()
    def refreshStatus(self) -> None:
        self._status = self._actions.status()
        self.changed.emit()

    @Slot()
    def testPrint(self) -> None:
        self._message = lambda: tr("Printing a test receipt…")
        self.changed.emit()
        threading.Thread(target=self._test_print, daemon=True).start()

    def _test_print(self) -> None:
        try:
            printed = self._actions.test_print()
        except Exception:  # shown to the technician, logged with the trace
            logging.getLogger(__name__).exception("test print failed unexpectedly")
            printed = False
        self._testPrinted.emit(printed)

    @Slot(bool)
    def _on_test_printed(self, printed: bool) -> None:
        self._message = (
            (lambda: tr("Test receipt printed."))
            if printed
            else (lambda: tr("The test receipt was NOT printed."))
        )
        if self._open:
            self._status = self._actions.status()
        self.changed.emit()

    @Slot()
    def reload(self) -> None:
        self.close()
        self._actions.reload()

    @Slot()
    def exitApp(self) -> None:
        if self._open and self._actions.allow_exit:
            self.exitRequested.emit()

    def _pad_visible(self) -> bool:
        return self._pad

    def _admin_visible(self) -> bool:
        return self._open

    def _get_message(self) -> str:
        return self._message()

    def _get_status(self) -> dict[str, str]:
        return self._status

    def _exit_allowed(self) -> bool:
        return self._actions.allow_exit

    pinPadVisible = Property(bool, _pad_visible, notify=changed)
    adminVisible = Property(bool, _admin_visible, notify=changed)
    message = Property(str, _get_message, notify=changed)
    status = Property(dict, _get_status, notify=changed)
    exitAllowed = Property(bool, _exit_allowed, constant=True)
