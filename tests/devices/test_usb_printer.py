"""The USB printer: missing, it reads clearly; present (a fake at the pyusb level), its\nstatus is true and the receipt arrives."""

from __future__ import annotations

import array
from collections import deque
from collections.abc import Callable

import pytest
import usb.core

from devices.paper import PAPER_58
from devices.printers import PrinterError, PrinterStatus, UsbPrinter
from tests.devices.escpos_decoder import decode
from tests.devices.samples import polish_receipt
from tests.peers.escpos_printer import PAPER_OUT, READY

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


class FakeUsbPrinter:
    """A receipt printer at the pyusb level: a usb.core.Device-like object whose bulk
    endpoints record what the kiosk writes and answer each DLE EOT n with one packet, as a
    real printer's real-time command handling does. `unasked` packets wait in the IN
    endpoint before the kiosk asks anything (automatic status back, an old answer)."""

    def __init__(self, replies: dict[int, int], unasked: list[bytes]) -> None:
        self.replies = replies
        self.received = bytearray()
        self.pending: deque[bytes] = deque(unasked)
        self.out = FakeEndpoint(0x01, self)
        self.inward = FakeEndpoint(0x82, self)
        self._ctx = self  # usb.util.dispose_resources(device) calls device._ctx.dispose
        self.disposed = False

    # -- what pyusb's Device offers ----------------------------------------------------
    def is_kernel_driver_active(self, interface: int) -> bool:
        return False

    def get_active_configuration(self) -> dict[tuple[int, int], list[FakeEndpoint]]:
        return {(0, 0): [self.out, self.inward]}

    def dispose(self, device: object) -> None:
        self.disposed = True

    # -- the printer's side ------------------------------------------------------------
    def take(self, data: bytes) -> None:
        self.received += data
        for at in range(len(self.received) - len(data), len(self.received)):
            if self.received[at - 2 : at] == b"\x10\x04" and at >= 2:
                self.pending.append(bytes([self.replies[self.received[at]]]))


class FakeEndpoint:
    wMaxPacketSize = 64

    def __init__(self, address: int, printer: FakeUsbPrinter) -> None:
        self.bEndpointAddress = address
        self._printer = printer

    def write(self, data: bytes, timeout: int) -> int:
        assert timeout > 0  # 0 is "wait forever" to libusb
        self._printer.take(bytes(data))
        return len(data)

    def read(self, size: int, timeout: int) -> array.array[int]:
        assert timeout > 0
        if not self._printer.pending:
            raise usb.core.USBTimeoutError("Operation timed out", errno=110)
        return array.array("B", self._printer.pending.popleft()[:size])


@pytest.fixture
def plugged_in(monkeypatch: pytest.MonkeyPatch) -> Callable[..., FakeUsbPrinter]:
    def plug(replies: dict[int, int], unasked: list[bytes]) -> FakeUsbPrinter:
        device = FakeUsbPrinter(replies, unasked)
        monkeypatch.setattr(
            usb.core, "find", lambda idVendor, idProduct: device if idVendor == 0x0416 else None
        )
        return device

    return plug


def test_stale_bytes_from_the_printer_are_drained_before_asking(
    plugged_in: Callable[..., FakeUsbPrinter],
) -> None:
    # The roll ran out earlier and the printer said so unasked; it has a new roll now.
    stale = [bytes([PAPER_OUT[4]]), bytes([PAPER_OUT[1], PAPER_OUT[2]])]
    device = plugged_in(READY, stale)
    printer = UsbPrinter(0x0416, 0x5011, paper=PAPER_58, timeout_s=1, status_timeout_s=0.05)
    assert printer.status() is PrinterStatus.READY
    assert decode(bytes(device.received)).status_requests == [1, 2, 3, 4]
    assert not device.pending  # every answer was read for the question it answered
    assert device.disposed


def test_a_receipt_reaches_the_usb_printer_after_a_true_status(
    plugged_in: Callable[..., FakeUsbPrinter],
) -> None:
    device = plugged_in(READY, [bytes([PAPER_OUT[1]])])
    printer = UsbPrinter(0x0416, 0x5011, paper=PAPER_58, timeout_s=1, status_timeout_s=0.05)
    printer.print(polish_receipt())
    job = decode(bytes(device.received))
    assert job.status_requests[:4] == [1, 2, 3, 4]
    assert "Łańcut" in job.text
