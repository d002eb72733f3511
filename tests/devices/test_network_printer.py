"""The network printer against a real TCP server on loopback that answers like a printer."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from devices.paper import PAPER_58
from devices.printers import NetworkPrinter, PrinterError, PrinterStatus
from devices.receipt_image import ReceiptImageRenderer
from tests.devices.escpos_decoder import decode
from tests.devices.samples import POLISH, STATUS_URL, polish_receipt
from tests.peers import escpos_printer as replies
from tests.peers.escpos_printer import Behaviour, network_printer


@pytest.fixture(scope="module")
def images() -> ReceiptImageRenderer:
    return ReceiptImageRenderer()


def printer_at(port: int, images: ReceiptImageRenderer) -> NetworkPrinter:
    return NetworkPrinter(
        "127.0.0.1", port, paper=PAPER_58, timeout_s=2, status_timeout_s=0.2, images=images
    )


@pytest.mark.parametrize(
    ("answers", "status"),
    [
        (replies.READY, PrinterStatus.READY),
        (replies.PAPER_NEAR_END, PrinterStatus.PAPER_NEAR_END),
        (replies.PAPER_OUT, PrinterStatus.PAPER_OUT),
        (replies.COVER_OPEN, PrinterStatus.COVER_OPEN),
        (replies.OFFLINE, PrinterStatus.OFFLINE),
        (replies.CUTTER_ERROR, PrinterStatus.ERROR),
    ],
)
def test_status_is_read_from_the_printer(
    answers: dict[int, int], status: PrinterStatus, images: ReceiptImageRenderer
) -> None:
    with network_printer(answers) as fake:
        assert printer_at(fake.port, images).status() is status
        assert fake.requests == [1, 2, 3, 4]


@pytest.mark.parametrize("behaviour", ["silent", "close", "garbage"])
def test_a_printer_that_does_not_answer_properly_is_unknown(
    behaviour: Behaviour, images: ReceiptImageRenderer
) -> None:
    with network_printer(behaviour=behaviour) as fake:
        started = time.monotonic()
        assert printer_at(fake.port, images).status() is PrinterStatus.UNKNOWN
        assert time.monotonic() - started < 1.5


def test_a_receipt_reaches_the_printer_whole(images: ReceiptImageRenderer) -> None:
    with network_printer() as fake:
        printer_at(fake.port, images).print(polish_receipt())
        job = decode(fake.wait_for_job())
    assert POLISH in job.text.replace("\n", "")
    assert job.qr_codes[0].payload == STATUS_URL.encode()
    assert job.events[:2] == ["init", "code_page:18"]
    assert job.events[-1] == "cut"


def test_a_printer_out_of_paper_refuses_the_print(images: ReceiptImageRenderer) -> None:
    with network_printer(replies.PAPER_OUT) as fake:
        with pytest.raises(PrinterError, match="paper out") as caught:
            printer_at(fake.port, images).print(polish_receipt())
        assert caught.value.status is PrinterStatus.PAPER_OUT
        time.sleep(0.1)
        assert fake.jobs == []


def test_a_silent_printer_still_gets_the_receipt(images: ReceiptImageRenderer) -> None:
    with network_printer(behaviour="silent") as fake:
        printer_at(fake.port, images).print(polish_receipt())
        assert decode(fake.wait_for_job()).qr_codes


def test_no_printer_at_the_address_is_offline(images: ReceiptImageRenderer) -> None:
    with socket.create_server(("127.0.0.1", 0)) as placeholder:
        port = placeholder.getsockname()[1]
    printer = printer_at(port, images)  # nothing listens there any more
    assert printer.status() is PrinterStatus.OFFLINE
    with pytest.raises(PrinterError, match=f"127.0.0.1:{port} cannot be reached") as caught:
        printer.print(polish_receipt())
    assert caught.value.status is PrinterStatus.OFFLINE


def test_prints_from_many_threads_take_turns(images: ReceiptImageRenderer) -> None:
    # A silent printer makes every print wait 0.2 s for its first status answer: prints
    # taking turns need at least 4 x 0.2 s, prints side by side about 0.2 s.
    with network_printer(behaviour="silent") as fake:
        printer = printer_at(fake.port, images)
        threads = [
            threading.Thread(target=printer.print, args=(polish_receipt(),)) for _ in range(4)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        deadline = time.monotonic() + 5
        while len(fake.jobs) < 4 and time.monotonic() < deadline:
            time.sleep(0.01)
    assert elapsed >= 0.8
    assert [decode(job).events.count("cut") for job in fake.jobs] == [1, 1, 1, 1]
