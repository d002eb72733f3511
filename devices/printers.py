"""Receipt printers: one interface (`print`, `status`) and the factory that picks one.

Kinds: "usb" (pyusb, by vendor and product id), "network" (TCP port 9100), "file" (a
device file such as /dev/usb/lp0) and "virtual" (PNG files in a folder, the demo's).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from devices.escpos_render import RenderMode
from devices.paper import PAPER_80, Paper
from devices.printer_base import PrinterError, ReceiptPrinter
from devices.printer_device_file import DeviceFilePrinter
from devices.printer_network import NetworkPrinter
from devices.printer_status import PrinterStatus
from devices.printer_usb import UsbPrinter
from devices.printer_virtual import VirtualPrinter
from devices.receipt_image import ReceiptImageRenderer

PrinterKind = Literal["virtual", "usb", "network", "file"]


@dataclass(frozen=True)
class PrinterSettings:
    """Everything needed to open a printer; the kiosk fills it from its config."""

    kind: PrinterKind = "virtual"
    paper: Paper = PAPER_80
    mode: RenderMode = RenderMode.AUTO
    usb_vendor_id: int = 0
    usb_product_id: int = 0
    host: str = ""
    port: int = 9100
    device: Path = Path("/dev/usb/lp0")
    folder: Path = Path("receipts")  # the virtual printer's output
    timeout_s: float = 5.0
    status_timeout_s: float = 0.5


def make_printer(
    settings: PrinterSettings, images: ReceiptImageRenderer | None = None
) -> ReceiptPrinter:
    """The printer `settings` describe. Nothing is opened until the first print or status."""
    images = images or ReceiptImageRenderer()
    timeouts = {"timeout_s": settings.timeout_s, "status_timeout_s": settings.status_timeout_s}
    paper, mode = settings.paper, settings.mode
    if settings.kind == "usb":
        return UsbPrinter(
            settings.usb_vendor_id,
            settings.usb_product_id,
            paper=paper,
            mode=mode,
            images=images,
            **timeouts,
        )
    if settings.kind == "network":
        return NetworkPrinter(
            settings.host, settings.port, paper=paper, mode=mode, images=images, **timeouts
        )
    if settings.kind == "file":
        return DeviceFilePrinter(settings.device, paper=paper, mode=mode, images=images, **timeouts)
    return VirtualPrinter(settings.folder, paper=paper, images=images)


__all__ = [
    "DeviceFilePrinter",
    "NetworkPrinter",
    "PrinterError",
    "PrinterKind",
    "PrinterSettings",
    "PrinterStatus",
    "ReceiptPrinter",
    "UsbPrinter",
    "VirtualPrinter",
    "make_printer",
]
