"""'Internet Wi-Fi' for QML: a slip with the hotspot's join QR and a voucher, one per resident.

The slip is made and printed on a worker thread (the printer may take seconds); the voucher
stays on the screen, so a resident whose slip did not come out can copy it from there.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.config import WifiConfig
from ui.session_model import SessionModel

if TYPE_CHECKING:
    from kiosk.wifi_slip import WifiSlip

log = logging.getLogger(__name__)
SPELT_GAP = ", "


class WifiModel(QObject):
    changed = Signal()
    _done = Signal(int, object, bool)  # request number, WifiSlip or None, printed

    def __init__(
        self,
        wifi: WifiConfig,
        make_and_print: Callable[[str], tuple[WifiSlip, bool]],
        session: SessionModel,
        say: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ssid, self._hours = wifi.ssid, wifi.voucher_hours
        self._make_and_print = make_and_print
        self._session = session
        self._say = say
        self._request = 0  # a slip finished for an earlier resident is not shown to the next
        self._busy = False
        self._slip: WifiSlip | None = None
        self._printed = False
        self._failed = False
        self._done.connect(self._on_done)
        session.wasReset.connect(self.clear)

    def _available(self) -> bool:
        return bool(self._ssid)

    def _get_ssid(self) -> str:
        return self._ssid

    def _get_hours(self) -> int:
        return self._hours

    def _get_busy(self) -> bool:
        return self._busy

    def _has_slip(self) -> bool:
        return self._slip is not None

    def _get_printed(self) -> bool:
        return self._printed

    def _get_failed(self) -> bool:
        return self._failed

    def _voucher(self) -> str:
        return self._slip.voucher if self._slip else ""

    def _join_text(self) -> str:
        return self._slip.join if self._slip else ""

    def _valid_until(self) -> str:
        if self._slip is None:
            return ""
        from kiosk.receipts import local_time  # noqa: PLC0415 (the receipts load when used)

        return local_time(self._slip.valid_until).strftime("%d.%m.%Y %H:%M")

    available = Property(bool, _available, constant=True)
    ssid = Property(str, _get_ssid, constant=True)
    hours = Property(int, _get_hours, constant=True)
    busy = Property(bool, _get_busy, notify=changed)
    hasSlip = Property(bool, _has_slip, notify=changed)
    printed = Property(bool, _get_printed, notify=changed)
    failed = Property(bool, _get_failed, notify=changed)
    voucher = Property(str, _voucher, notify=changed)
    validUntil = Property(str, _valid_until, notify=changed)
    joinText = Property(str, _join_text, notify=changed)

    @Slot()
    def printSlip(self) -> None:
        """One slip per resident: a second press shows the same voucher again."""
        if self._busy or self._slip is not None or not self._ssid:
            return
        self._request += 1
        self._busy, self._failed = True, False
        self.changed.emit()
        language = self._session.session.language
        threading.Thread(
            target=self._work, args=(self._request, language), name="wifi-slip", daemon=True
        ).start()

    def _work(self, request: int, language: str) -> None:
        try:
            slip, printed = self._make_and_print(language)
        except Exception:  # a bug must still end the "Printing…" on the screen
            log.exception("the Wi-Fi slip failed")
            self._done.emit(request, None, False)
            return
        self._done.emit(request, slip, printed)

    @Slot(int, object, bool)
    def _on_done(self, request: int, slip: object, printed: bool) -> None:
        if request != self._request:
            return
        self._busy = False
        self._slip = slip if slip is not None else None  # type: ignore[assignment]
        self._printed, self._failed = printed, slip is None
        self.changed.emit()
        if self._session.session.accessibility.read_aloud:
            self._say(self._spoken())

    def _spoken(self) -> str:
        if self._slip is None:
            return self.tr("The slip could not be made. Please ask at the office.")
        taken = (
            self.tr("Take the slip from the printer.")
            if self._printed
            else self.tr("The printer did not print the slip. Copy the code from the screen.")
        )
        code = SPELT_GAP.join(self._slip.voucher.replace("-", ""))
        return f"{taken} {self.tr('Voucher code')}: {code}." if code else taken

    @Slot()
    def clear(self) -> None:
        self._request += 1
        self._busy, self._slip, self._printed, self._failed = False, None, False, False
        self.changed.emit()
