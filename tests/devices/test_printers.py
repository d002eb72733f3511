"""The printer factory builds the kind the settings name, and opens nothing while doing so."""

from __future__ import annotations

from pathlib import Path

import pytest

from devices.paper import PAPER_58
from devices.printers import (
    DeviceFilePrinter,
    NetworkPrinter,
    PrinterKind,
    PrinterSettings,
    ReceiptPrinter,
    UsbPrinter,
    VirtualPrinter,
    make_printer,
)


@pytest.mark.parametrize(
    ("kind", "cls", "name"),
    [
        ("virtual", VirtualPrinter, "virtual printer writing PNGs to"),
        ("usb", UsbPrinter, "USB printer 04b8:0202"),
        ("network", NetworkPrinter, "network printer 192.0.2.7:9100"),
        ("file", DeviceFilePrinter, "printer device /dev/usb/lp0"),
    ],
)
def test_each_kind_of_printer(
    tmp_path: Path, kind: PrinterKind, cls: type[ReceiptPrinter], name: str
) -> None:
    settings = PrinterSettings(
        kind=kind,
        paper=PAPER_58,
        usb_vendor_id=0x04B8,
        usb_product_id=0x0202,
        host="192.0.2.7",
        folder=tmp_path / "receipts",
    )
    printer = make_printer(settings)
    assert isinstance(printer, cls)
    assert printer.kind == kind
    assert printer.paper is PAPER_58
    assert printer.name.startswith(name)
    assert not (tmp_path / "receipts").exists()  # nothing opened or made yet
