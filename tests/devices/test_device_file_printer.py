"""The device-file printer: a plain file, a FIFO (read, unread, stalled), a missing device,
and a character device that answers status requests (a pseudo-terminal)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.escpos_render import RenderMode
from devices.paper import PAPER_58, PAPER_80
from devices.printers import DeviceFilePrinter, PrinterError, PrinterStatus
from devices.receipt import Cut, Line, Receipt
from devices.receipt_image import ReceiptImageRenderer
from tests.devices.escpos_decoder import decode
from tests.devices.samples import POLISH, polish_receipt
from tests.peers import escpos_printer as replies
from tests.peers.escpos_printer import PtyPrinter


@pytest.fixture(scope="module")
def images() -> ReceiptImageRenderer:
    return ReceiptImageRenderer()


def printer_on(path: Path, images: ReceiptImageRenderer) -> DeviceFilePrinter:
    return DeviceFilePrinter(
        path, paper=PAPER_58, images=images, timeout_s=2.0, status_timeout_s=0.2
    )


def test_a_plain_file_gets_the_job_and_cannot_answer(
    tmp_path: Path, images: ReceiptImageRenderer
) -> None:
    spool = tmp_path / "lp0"
    spool.write_bytes(b"")
    printer = printer_on(spool, images)
    assert printer.status() is PrinterStatus.UNKNOWN
    printer.print(polish_receipt())
    printer.print(polish_receipt())  # appended, as a printer takes one job after another
    job = decode(spool.read_bytes())
    assert job.events.count("cut") == 2
    assert POLISH in job.text.replace("\n", "")


def test_a_missing_device_is_offline(tmp_path: Path, images: ReceiptImageRenderer) -> None:
    printer = printer_on(tmp_path / "lp0", images)
    assert printer.status() is PrinterStatus.OFFLINE
    with pytest.raises(PrinterError, match="does not exist: is the printer plugged in"):
        printer.print(polish_receipt())


def test_a_fifo_that_is_read_gets_the_job(tmp_path: Path, images: ReceiptImageRenderer) -> None:
    fifo = tmp_path / "printer.fifo"
    os.mkfifo(fifo)
    received = bytearray()
    ready = threading.Event()

    def read_all() -> None:
        with open(fifo, "rb") as reader:  # blocks until the printer opens it for writing
            ready.set()
            received.extend(reader.read())

    reader = threading.Thread(target=read_all, daemon=True)
    reader.start()
    deadline = time.monotonic() + 5
    while True:  # the reader thread must be inside open() before a non-blocking open works
        try:
            printer_on(fifo, images).print(polish_receipt())
            break
        except PrinterError:
            assert time.monotonic() < deadline
            time.sleep(0.01)
    reader.join(timeout=5)
    assert decode(bytes(received)).events[-1] == "cut"


def test_a_fifo_nobody_reads_is_offline(tmp_path: Path, images: ReceiptImageRenderer) -> None:
    fifo = tmp_path / "printer.fifo"
    os.mkfifo(fifo)
    with pytest.raises(PrinterError, match="nothing is reading this FIFO") as caught:
        printer_on(fifo, images).print(polish_receipt())
    assert caught.value.status is PrinterStatus.OFFLINE


@pytest.fixture
def stalled_fifo(tmp_path: Path) -> Iterator[Path]:
    """A FIFO whose reader opened it and then stopped reading, like a printer out of paper."""
    fifo = tmp_path / "printer.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    yield fifo
    os.close(reader)


def test_a_device_that_stops_taking_data_times_out(
    stalled_fifo: Path, images: ReceiptImageRenderer
) -> None:
    long_receipt = Receipt((*[Line(f"Wiersz {n}: {POLISH}") for n in range(80)], Cut()))
    printer = DeviceFilePrinter(
        stalled_fifo, paper=PAPER_80, images=images, timeout_s=0.3, mode=RenderMode.RASTER
    )
    started = time.monotonic()
    with pytest.raises(PrinterError, match="stopped taking data") as caught:
        printer.print(long_receipt)  # well over the 64 KiB a pipe buffers
    assert 0.3 <= time.monotonic() - started < 2
    assert caught.value.status is PrinterStatus.UNKNOWN


@pytest.fixture
def pty_printer() -> Iterator[PtyPrinter]:
    peer = PtyPrinter(replies.READY)
    yield peer
    peer.close()


def test_a_character_device_answers_status_and_prints(
    pty_printer: PtyPrinter, images: ReceiptImageRenderer
) -> None:
    printer = printer_on(Path(pty_printer.path), images)
    assert printer.status() is PrinterStatus.READY
    printer.print(polish_receipt())
    job = decode(pty_printer.wait_for(b"\x1dV\x00"))
    assert job.status_requests == [1, 2, 3, 4, 1, 2, 3, 4]
    assert POLISH in job.text.replace("\n", "")


@pytest.mark.parametrize(
    ("answers", "status"),
    [(replies.PAPER_OUT, PrinterStatus.PAPER_OUT), (replies.COVER_OPEN, PrinterStatus.COVER_OPEN)],
)
def test_a_character_device_out_of_paper_refuses_the_print(
    answers: dict[int, int], status: PrinterStatus, images: ReceiptImageRenderer
) -> None:
    peer = PtyPrinter(answers)
    try:
        with pytest.raises(PrinterError) as caught:
            printer_on(Path(peer.path), images).print(polish_receipt())
        assert caught.value.status is status
        time.sleep(0.05)
        assert bytes(peer.received) == b"".join(b"\x10\x04" + bytes([n]) for n in (1, 2, 3, 4))
    finally:
        peer.close()


def test_a_silent_character_device_is_unknown(images: ReceiptImageRenderer) -> None:
    peer = PtyPrinter(None)
    try:
        assert printer_on(Path(peer.path), images).status() is PrinterStatus.UNKNOWN
    finally:
        peer.close()
