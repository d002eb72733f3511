"""The virtual printer: writes each receipt as a PNG into a folder (the demo's printer).

It lets the whole filing flow run with no printer attached, and its `simulated` status
lets a demo or a test show what the kiosk does when paper runs out. Only the newest
`keep` receipts stay in the folder.
"""

from __future__ import annotations

import itertools
import logging
import os
import time
from pathlib import Path

from devices.paper import Paper
from devices.printer_base import PrinterError, ReceiptPrinter
from devices.printer_status import PrinterStatus
from devices.receipt import Receipt
from devices.receipt_image import ReceiptImageRenderer

log = logging.getLogger(__name__)


class VirtualPrinter(ReceiptPrinter):
    kind = "virtual"

    def __init__(
        self,
        folder: Path,
        *,
        paper: Paper,
        images: ReceiptImageRenderer | None = None,
        keep: int = 100,
        simulated: PrinterStatus = PrinterStatus.READY,
    ) -> None:
        super().__init__(paper)
        self.folder = folder
        self.simulated = simulated
        self.last_path: Path | None = None
        self._images = images or ReceiptImageRenderer()
        self._keep = keep
        self._numbers = itertools.count(1)

    @property
    def name(self) -> str:
        return f"virtual printer writing PNGs to {self.folder}"

    def _print(self, receipt: Receipt) -> None:
        status = self._status()
        if not status.can_print:
            raise PrinterError(status, f"{self.name}: {status.value}. {status.advice}")
        png = self._images.png(receipt, self.paper)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = self.folder / f"receipt-{stamp}-{os.getpid()}-{next(self._numbers):04d}.png"
        partial = path.with_suffix(".partial")
        try:
            partial.write_bytes(png)
            partial.replace(path)
        except OSError as exc:
            raise PrinterError(PrinterStatus.ERROR, f"{self.name}: cannot write ({exc})") from exc
        self.last_path = path
        self._prune()
        log.info("receipt printed on the virtual printer: %s", path.name)

    def _status(self) -> PrinterStatus:
        if self.simulated is not PrinterStatus.READY:
            return self.simulated
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("%s: cannot create the folder (%s)", self.name, exc)
            return PrinterStatus.ERROR
        return PrinterStatus.READY if os.access(self.folder, os.W_OK) else PrinterStatus.ERROR

    def _prune(self) -> None:
        receipts = sorted(self.folder.glob("receipt-*.png"))  # names start with the time
        for old in receipts[: max(0, len(receipts) - self._keep)]:
            old.unlink(missing_ok=True)
