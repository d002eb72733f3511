"""Printer status from the ESC/POS real-time status requests DLE EOT n, parsed here.

DLE EOT 1..4 ask for the printer, offline-cause, error-cause and paper-roll status; the
printer answers each with one byte whose bits 0, 1, 4 and 7 are fixed (0, 1, 1, 0). A
byte without that pattern is not a status (noise, an automatic status message, another
device) and is refused. No answer is `UNKNOWN`, never "ready": python-escpos's
paper_status() reports paper present when the printer says nothing (docs/platform-notes.md).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

DLE_EOT = b"\x10\x04"
PRINTER, OFFLINE_CAUSE, ERROR_CAUSE, PAPER_SENSOR = 1, 2, 3, 4
_FIXED_MASK, _FIXED_BITS = 0b1001_0011, 0b0001_0010

# Bit meanings from the ESC/POS reference (Epson; Citizen, Bixolon, Star in ESC/POS mode).
_OFFLINE = 0x08  # DLE EOT 1, bit 3
_COVER_OPEN = 0x04  # DLE EOT 2, bit 2
_STOPPED_BY_PAPER_END = 0x20  # DLE EOT 2, bit 5
_ERROR = 0x40  # DLE EOT 2, bit 6
_CUTTER_ERROR, _UNRECOVERABLE, _AUTO_RECOVERABLE = 0x08, 0x20, 0x40  # DLE EOT 3
# DLE EOT 4: near-end is bits 2-3 and paper end bits 5-6, both set together on Epson; some
# printers set one bit per sensor, and on kiosk printers bit 6 is the presenter sensor, so
# paper end is read from bit 5 alone and near-end from either of bits 2-3.
_NEAR_END = 0x0C
_PAPER_END = 0x20


class PrinterStatus(Enum):
    """What the printer said, in the order a technician would fix it."""

    READY = "ready"
    PAPER_NEAR_END = "paper near end"
    PAPER_OUT = "paper out"
    COVER_OPEN = "cover open"
    OFFLINE = "offline"
    ERROR = "error"
    UNKNOWN = "unknown"

    @property
    def can_print(self) -> bool:
        """Whether a print is worth trying: the printer may well print when it is silent."""
        return self in (PrinterStatus.READY, PrinterStatus.PAPER_NEAR_END, PrinterStatus.UNKNOWN)

    @property
    def advice(self) -> str:
        """What a technician should do about it."""
        return _ADVICE[self]


_ADVICE = {
    PrinterStatus.READY: "Nothing to do.",
    PrinterStatus.PAPER_NEAR_END: "The roll is nearly used up: put a new roll in soon.",
    PrinterStatus.PAPER_OUT: "No paper: put in a new roll (thermal side out) and close the cover.",
    PrinterStatus.COVER_OPEN: "The cover is open: close it until it clicks.",
    PrinterStatus.OFFLINE: "The printer is off, unplugged or unreachable: check power and cable.",
    PrinterStatus.ERROR: "Paper jam, cutter or mechanical error: clear it, then power-cycle.",
    PrinterStatus.UNKNOWN: (
        "The printer does not answer status requests: check the cable and that the printer "
        "speaks ESC/POS; receipts are still sent."
    ),
}

Ask = Callable[[int], int | None]  # sends DLE EOT n, returns the reply byte or None


def is_status_byte(reply: int) -> bool:
    """Whether `reply` has the fixed bits every DLE EOT answer has."""
    return 0 <= reply <= 0xFF and reply & _FIXED_MASK == _FIXED_BITS


def read_status(ask: Ask) -> PrinterStatus:
    """Ask the four status requests and say what they add up to.

    `ask(n)` sends DLE EOT n and returns the byte that came back, or None on silence.
    Silence or a reply that is not a status byte, at any step, is `UNKNOWN`.
    """
    replies = {}
    for request in (PRINTER, OFFLINE_CAUSE, ERROR_CAUSE, PAPER_SENSOR):
        reply = ask(request)
        if reply is None or not is_status_byte(reply):
            return PrinterStatus.UNKNOWN
        replies[request] = reply
    return status_from_replies(
        replies[PRINTER], replies[OFFLINE_CAUSE], replies[ERROR_CAUSE], replies[PAPER_SENSOR]
    )


def status_from_replies(printer: int, offline: int, error: int, paper: int) -> PrinterStatus:
    """The status that four valid reply bytes add up to, the most urgent first."""
    if offline & _COVER_OPEN:
        return PrinterStatus.COVER_OPEN
    if paper & _PAPER_END or offline & _STOPPED_BY_PAPER_END:
        return PrinterStatus.PAPER_OUT
    if offline & _ERROR or error & (_CUTTER_ERROR | _UNRECOVERABLE | _AUTO_RECOVERABLE):
        return PrinterStatus.ERROR
    if printer & _OFFLINE:
        return PrinterStatus.OFFLINE
    if paper & _NEAR_END:
        return PrinterStatus.PAPER_NEAR_END
    return PrinterStatus.READY


def request(n: int) -> bytes:
    """The bytes of DLE EOT n."""
    return DLE_EOT + bytes([n])
