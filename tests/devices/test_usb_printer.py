"""The USB printer: pyusb finds no printer here, and that must read clearly."""

from __future__ import annotations

import pytest

from devices.paper import PAPER_58
from devices.printers import PrinterError, PrinterStatus, UsbPrinter
from tests.devices.samples import polish_receipt

# With libusb installed pyusb looks and finds nothing; without it there is no backend.
NOT_THERE = r"USB printer 0416:5011 (not found: is it plugged in|.*install .*libusb-1\.0-0)"


def test_a_usb_printer_that_is_not_there_is_offline() -> None:
    printer = UsbPrinter(0x0416, 0x5011, paper=PAPER_58, timeout_s=1)
    assert printer.status() is PrinterStatus.OFFLINE
    with pytest.raises(PrinterError, match=NOT_THERE) as caught:
        printer.print(polish_receipt())
    assert caught.value.status is PrinterStatus.OFFLINE


def test_the_usb_printer_names_its_ids_as_lsusb_does() -> None:
    assert UsbPrinter(0x0416, 0x5011, paper=PAPER_58).name == "USB printer 0416:5011"
