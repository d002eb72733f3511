"""DLE EOT replies -> PrinterStatus: bit meanings, refusal of non-status bytes, silence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.printer_status import PrinterStatus, is_status_byte, read_status
from tests.peers import escpos_printer as replies


@pytest.mark.parametrize(
    ("answers", "status"),
    [
        (replies.READY, PrinterStatus.READY),
        (replies.PAPER_NEAR_END, PrinterStatus.PAPER_NEAR_END),
        (replies.PAPER_OUT, PrinterStatus.PAPER_OUT),
        (replies.COVER_OPEN, PrinterStatus.COVER_OPEN),
        (replies.OFFLINE, PrinterStatus.OFFLINE),
        (replies.CUTTER_ERROR, PrinterStatus.ERROR),
        # One near-end sensor bit (Citizen) is near end; bit 6 alone (a presenter) is not out.
        ({1: 0x12, 2: 0x12, 3: 0x12, 4: 0x16}, PrinterStatus.PAPER_NEAR_END),
        ({1: 0x12, 2: 0x12, 3: 0x12, 4: 0x52}, PrinterStatus.READY),
        ({1: 0x12, 2: 0x12, 3: 0x52, 4: 0x12}, PrinterStatus.ERROR),  # head overheated
    ],
)
def test_replies_add_up_to_a_status(answers: dict[int, int], status: PrinterStatus) -> None:
    asked: list[int] = []

    def ask(n: int) -> int | None:
        asked.append(n)
        return answers[n]

    assert read_status(ask) is status
    assert asked == [1, 2, 3, 4]


def test_silence_is_unknown_and_stops_asking() -> None:
    asked: list[int] = []

    def ask(n: int) -> int | None:
        asked.append(n)
        return None

    assert read_status(ask) is PrinterStatus.UNKNOWN
    assert asked == [1]


def test_silence_after_a_good_first_answer_is_still_unknown() -> None:
    assert read_status(lambda n: 0x12 if n == 1 else None) is PrinterStatus.UNKNOWN


@given(st.integers(0, 255))
def test_a_byte_without_the_fixed_bits_is_refused(reply: int) -> None:
    valid = reply & 0x93 == 0x12
    assert is_status_byte(reply) is valid
    status = read_status(lambda n: reply)
    assert (status is PrinterStatus.UNKNOWN) is not valid


def test_only_can_print_statuses_let_a_print_through() -> None:
    allowed = {s for s in PrinterStatus if s.can_print}
    assert allowed == {PrinterStatus.READY, PrinterStatus.PAPER_NEAR_END, PrinterStatus.UNKNOWN}
    assert all(s.advice for s in PrinterStatus)
