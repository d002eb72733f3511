"""Printing receipts for residents and technicians, and remembering what the printer said.

Every call may wait for the printer (timeouts from `[printer]`), so the app calls these
from a worker thread. The last known state feeds the admin screen and the metrics.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, get_args

from kiosk.config import Language
from kiosk.filing import FiledApplication

if TYPE_CHECKING:  # Pillow and python-escpos load on the first print, not at start-up
    from devices.printers import PrinterStatus, ReceiptPrinter
    from devices.receipt import Receipt
    from kiosk.catalogue_service import Service
    from kiosk.visits import Booking, Ticket
    from kiosk.wifi_slip import WifiSlip

log = logging.getLogger(__name__)


class ReceiptDesk:
    def __init__(
        self, printer: Callable[[], ReceiptPrinter], kiosk_id: str, status_url_base: str
    ) -> None:
        self._printer = printer
        self._kiosk_id = kiosk_id
        self._status_url_base = status_url_base
        self._lock = threading.Lock()
        self._last: PrinterStatus | None = None

    @property
    def last_status(self) -> PrinterStatus | None:
        """What the printer said last (None: not asked yet since the start)."""
        with self._lock:
            return self._last

    def state_name(self) -> str:
        """The last known state in words ("paper out"; "unknown" before the first answer)."""
        last = self.last_status
        return last.value if last is not None else "unknown"

    def watch(self, interval_s: float) -> Callable[[], None]:
        """Ask the printer every `interval_s` on a thread of its own; returns the stop call.

        A technician hears "paper out" from the metrics before a resident meets it.
        """
        stop = threading.Event()

        def run() -> None:
            while not stop.is_set():
                try:
                    self.check()
                except Exception:  # a printer bug must not end the watch
                    log.exception("printer status check failed")
                stop.wait(interval_s)

        threading.Thread(target=run, name="printer-watch", daemon=True).start()
        return stop.set

    def print_application(self, application: FiledApplication) -> bool:
        """The resident's receipt; False when it was not printed (the screen shows the code)."""
        from kiosk.receipts import application_receipt  # noqa: PLC0415

        language = application.language if application.language in get_args(Language) else "pl"
        receipt = application_receipt(
            language=language,  # type: ignore[arg-type]
            office=application.office_name,
            service=application.service_name,
            code=application.shown_code,
            filed_at=application.filed_at,
            status_url_base=self._status_url_base,
            deadline=application.deadline,
            phone=application.office_phone,
            hours=application.office_hours,
        )
        return self._print(receipt, f"receipt {application.code}")

    def print_wifi_slip(self, slip: WifiSlip, language: Language) -> bool:
        """The Wi-Fi slip; False when it was not printed (the screen shows the voucher)."""
        from kiosk.wifi_slip import slip_receipt  # noqa: PLC0415

        return self._print(slip_receipt(slip, language), "Wi-Fi slip")

    def print_visit(
        self, visit: Booking | Ticket, language: Language, to_bring: Service | None = None
    ) -> bool:
        """A booked visit's slip (with what to bring from `to_bring`, the service's record)
        or a walk-in ticket; False when it was not printed (the screen shows the code or
        the number)."""
        from kiosk.to_bring import slip_list  # noqa: PLC0415
        from kiosk.visit_slips import booking_slip, ticket_slip  # noqa: PLC0415
        from kiosk.visits import Booking  # noqa: PLC0415

        if isinstance(visit, Booking):
            bring, more = slip_list(to_bring, language)
            return self._print(booking_slip(visit, language, bring, more), "visit slip")
        return self._print(ticket_slip(visit, language), "queue ticket")

    def test_print(self) -> bool:
        """The admin screen's test print."""
        from kiosk.receipts import printer_test_receipt  # noqa: PLC0415

        printer = self._printer()
        receipt = printer_test_receipt(
            kiosk_id=self._kiosk_id,
            printer=printer.name,
            printed_at=dt.datetime.now(dt.UTC),
            status_url_base=self._status_url_base,
            columns=printer.paper.columns(),
        )
        return self._print(receipt, "test print")

    def check(self) -> PrinterStatus:
        """Ask the printer how it is (paper, cover, online) and remember the answer."""
        status = self._printer().status()
        self._remember(status)
        return status

    def _print(self, receipt: Receipt, what: str) -> bool:
        from devices.printers import PrinterError, PrinterStatus  # noqa: PLC0415

        printer = self._printer()
        try:
            printer.print(receipt)
        except PrinterError as exc:
            self._remember(exc.status)
            log.warning("%s NOT printed on %s: %s", what, printer.name, exc)
            return False
        self._remember(PrinterStatus.READY)
        log.info("%s printed on %s", what, printer.name)
        return True

    def _remember(self, status: PrinterStatus) -> None:
        with self._lock:
            changed, self._last = self._last != status, status
        if changed:
            log.info("printer state: %s (%s)", status.value, status.advice)
