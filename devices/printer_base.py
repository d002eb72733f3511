"""What every receipt printer offers: print a receipt, say its status, one job at a time.

A print that cannot happen raises `PrinterError` carrying the `PrinterStatus`, so the
kiosk can show the submission code and QR on screen instead and flag the fault. The
ESC/POS printers (USB, network, device file) share one flow: render the job, connect,
ask the status, refuse to print when the printer said it cannot, send the bytes.
"""

from __future__ import annotations

import logging
import threading
from abc import ABC, abstractmethod
from typing import NotRequired, Protocol, TypedDict

from devices.escpos_render import RenderMode, render_escpos
from devices.paper import Paper
from devices.printer_status import PrinterStatus, read_status
from devices.receipt import Receipt
from devices.receipt_image import ReceiptImageRenderer

log = logging.getLogger(__name__)


class PrinterError(Exception):
    """The receipt was not printed (or not completely); `status` says why."""

    def __init__(self, status: PrinterStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


class ReceiptPrinter(ABC):
    """A receipt printer. `print` and `status` are thread-safe and run one at a time."""

    kind: str  # "usb", "network", "file" or "virtual", for the admin screen and metrics

    def __init__(self, paper: Paper) -> None:
        self.paper = paper
        self._lock = threading.Lock()

    @property
    @abstractmethod
    def name(self) -> str:
        """The printer in a technician's words, e.g. "network printer 10.0.0.5:9100"."""

    def print(self, receipt: Receipt) -> None:
        """Print `receipt`, or raise PrinterError with the status that stopped it."""
        with self._lock:
            try:
                self._print(receipt)
            except PrinterError as exc:
                log.warning("receipt not printed (%s): %s", exc.status.value, exc)
                raise

    def status(self) -> PrinterStatus:
        """What the printer says about itself now; UNKNOWN when it says nothing."""
        with self._lock:
            return self._status()

    @abstractmethod
    def _print(self, receipt: Receipt) -> None: ...

    @abstractmethod
    def _status(self) -> PrinterStatus: ...


class Connection(Protocol):
    """An open line to an ESC/POS printer, for one job or one status check."""

    def write(self, data: bytes) -> None:
        """Send all of `data` or raise OSError / PrinterError within the time limit."""

    def ask(self, request: int) -> int | None:
        """Send DLE EOT `request`; the reply byte, or None when nothing came in time."""

    def close(self) -> None: ...


class EscposOptions(TypedDict):
    """What every ESC/POS printer takes besides where it is (see EscposPrinter)."""

    paper: Paper
    timeout_s: NotRequired[float]
    status_timeout_s: NotRequired[float]
    mode: NotRequired[RenderMode]
    images: NotRequired[ReceiptImageRenderer | None]


class EscposPrinter(ReceiptPrinter):
    """A printer that speaks ESC/POS over some connection: `timeout_s` for a job,
    `status_timeout_s` for the answer to a status request."""

    def __init__(
        self,
        paper: Paper,
        *,
        timeout_s: float = 5.0,
        status_timeout_s: float = 0.5,
        mode: RenderMode = RenderMode.AUTO,
        images: ReceiptImageRenderer | None = None,
    ) -> None:
        super().__init__(paper)
        self.timeout_s, self.status_timeout_s = timeout_s, status_timeout_s
        self._mode = mode
        self._images = images or ReceiptImageRenderer()

    @abstractmethod
    def _connect(self) -> Connection:
        """Open the line, or raise PrinterError(OFFLINE, why) when the printer is not there."""

    def _print(self, receipt: Receipt) -> None:
        job = render_escpos(receipt, self.paper, mode=self._mode, images=self._images)
        connection = self._connect()
        try:
            status = read_status(connection.ask)
            if not status.can_print:
                raise PrinterError(status, f"{self.name}: {status.value}. {status.advice}")
            connection.write(job)
        except OSError as exc:
            raise PrinterError(
                PrinterStatus.OFFLINE, f"{self.name}: the connection failed while printing ({exc})"
            ) from exc
        finally:
            connection.close()
        log.info("receipt printed on %s (%d bytes, status %s)", self.name, len(job), status.value)

    def _status(self) -> PrinterStatus:
        try:
            connection = self._connect()
        except PrinterError as exc:
            log.warning("%s", exc)
            return exc.status
        try:
            return read_status(connection.ask)
        except OSError as exc:
            log.warning("%s: status request failed (%s)", self.name, exc)
            return PrinterStatus.UNKNOWN
        finally:
            connection.close()
