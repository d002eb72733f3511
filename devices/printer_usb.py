"""A USB receipt printer, driven directly through pyusb (libusb) by vendor and product id.

python-escpos's `Usb` writes with timeout=0, which libusb takes as "wait forever"
(docs/platform-notes.md): a printer out of paper would hang the kiosk. Here every transfer
has a real time limit in milliseconds, and the bulk endpoints are read from the device's own
descriptors instead of assuming 0x01/0x82. Permission to open the device comes from a
udev rule (build/); libusb itself from the Debian package libusb-1.0-0.
"""

from __future__ import annotations

from typing import Any, Unpack

from devices.printer_base import EscposOptions, EscposPrinter, PrinterError
from devices.printer_status import PrinterStatus, request

CHUNK = 4096
DRAIN_PACKETS = 64
DRAIN_TIMEOUT_MS = 1  # pending bytes come at once; 0 would mean "wait forever" to libusb


class UsbPrinter(EscposPrinter):
    kind = "usb"

    def __init__(self, vendor_id: int, product_id: int, **options: Unpack[EscposOptions]) -> None:
        super().__init__(**options)
        self.vendor_id, self.product_id = vendor_id, product_id

    @property
    def name(self) -> str:
        return f"USB printer {self.vendor_id:04x}:{self.product_id:04x}"

    def _connect(self) -> UsbConnection:
        import usb.core  # noqa: PLC0415 - libusb is loaded only for a USB printer

        try:
            device = usb.core.find(idVendor=self.vendor_id, idProduct=self.product_id)
        except usb.core.NoBackendError as exc:
            raise PrinterError(
                PrinterStatus.OFFLINE,
                f"{self.name}: USB support is missing (install the Debian package libusb-1.0-0)",
            ) from exc
        if device is None:
            raise PrinterError(
                PrinterStatus.OFFLINE,
                f"{self.name} not found: is it plugged in and switched on? `lsusb` lists the "
                "ids of connected devices; compare with printer.usb_vendor_id/usb_product_id",
            )
        try:
            return UsbConnection(device, _ms(self.timeout_s), _ms(self.status_timeout_s))
        except usb.core.USBError as exc:
            raise PrinterError(
                PrinterStatus.OFFLINE,
                f"{self.name} cannot be opened ({exc}): permission (udev rule) or in use?",
            ) from exc


class UsbConnection:
    def __init__(self, device: Any, timeout_ms: int, status_timeout_ms: int) -> None:
        import usb.core  # noqa: PLC0415
        import usb.util  # noqa: PLC0415

        self._device = device
        self._timeout_ms, self._status_timeout_ms = timeout_ms, status_timeout_ms
        if device.is_kernel_driver_active(0):
            device.detach_kernel_driver(0)  # usblp holds the printer as /dev/usb/lp0
        try:
            configuration = device.get_active_configuration()
        except usb.core.USBError:  # not configured yet: take its first configuration
            device.set_configuration()
            configuration = device.get_active_configuration()
        interface = configuration[(0, 0)]
        self._out = usb.util.find_descriptor(interface, custom_match=_direction(usb.util, False))
        self._in = usb.util.find_descriptor(interface, custom_match=_direction(usb.util, True))
        if self._out is None:
            raise usb.core.USBError("the printer has no bulk OUT endpoint")

    def write(self, data: bytes) -> None:
        import usb.core  # noqa: PLC0415

        for start in range(0, len(data), CHUNK):
            try:
                self._out.write(data[start : start + CHUNK], timeout=self._timeout_ms)
            except usb.core.USBTimeoutError as exc:
                raise PrinterError(
                    PrinterStatus.UNKNOWN,
                    f"the USB printer stopped taking data after {start} of {len(data)} bytes",
                ) from exc
            except usb.core.USBError as exc:
                raise OSError(f"USB write failed: {exc}") from exc

    def ask(self, n: int) -> int | None:
        import usb.core  # noqa: PLC0415

        if self._in is None:
            return None  # a one-way printer cannot answer
        self._drain()
        self.write(request(n))
        try:
            reply = self._in.read(self._in.wMaxPacketSize, timeout=self._status_timeout_ms)
        except usb.core.USBTimeoutError:
            return None
        except usb.core.USBError as exc:
            raise OSError(f"USB read failed: {exc}") from exc
        return int(reply[-1]) if len(reply) else None

    def _drain(self) -> None:
        """Discard what the printer sent unasked (automatic status, an answer that came too
        late): otherwise the first read after the request returns those stale bytes, and
        every later answer is one question behind. A chatty printer is cut off after
        DRAIN_PACKETS packets."""
        import usb.core  # noqa: PLC0415

        for _ in range(DRAIN_PACKETS):
            try:
                self._in.read(self._in.wMaxPacketSize, timeout=DRAIN_TIMEOUT_MS)
            except usb.core.USBTimeoutError:
                return
            except usb.core.USBError as exc:
                raise OSError(f"USB read failed: {exc}") from exc

    def close(self) -> None:
        import usb.util  # noqa: PLC0415

        usb.util.dispose_resources(self._device)


def _direction(util: Any, inward: bool) -> Any:
    wanted = util.ENDPOINT_IN if inward else util.ENDPOINT_OUT

    def match(endpoint: Any) -> bool:
        return bool(util.endpoint_direction(endpoint.bEndpointAddress) == wanted)

    return match


def _ms(seconds: float) -> int:
    """pyusb's timeouts are whole milliseconds; 0 would mean "wait forever"."""
    return max(1, round(seconds * 1000))
