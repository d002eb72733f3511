"""Receipt layout -> ESC/POS bytes (python-escpos's `Dummy` printer) for 58 or 80 mm paper.

Text goes out in code page CP852, which holds every Polish letter and German's ä ö ü ß.
python-escpos 3.1 does not send the code page again after ESC @ (docs/platform-notes.md), and
some of its printer profiles switch code pages on their own, so every job starts with ESC @ once
and then forces CP852 (ESC t 18) before any text.

Text CP852 cannot hold (Ukrainian Cyrillic, Greek, emoji) would print as "?". Cyrillic
code pages are numbered differently from one printer make to the next and often missing,
while every ESC/POS printer prints raster images (GS v 0). So such a receipt is printed
as images of its text, drawn by receipt_image exactly as on the screen, with the QR code
and the cut still native commands. `RenderMode.RASTER` does the same for any receipt, for
printers whose CP852 table is wrong.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy
from PIL import Image

from devices.paper import Paper, wrap
from devices.receipt import (
    Align,
    Element,
    Feed,
    Line,
    QrCode,
    Receipt,
    Separator,
    Size,
    Title,
)
from devices.receipt_image import ReceiptImageRenderer

CODE_PAGE = "cp852"
RASTER_BAND = 256  # rows per GS v 0 command: small enough for any printer's buffer
_GS_V_0 = b"\x1dv0\x00"  # raster bit image, normal density


class RenderMode(Enum):
    AUTO = "auto"  # text in CP852; images of the text when CP852 cannot hold it
    RASTER = "raster"  # always images of the text


def fits_code_page(receipt: Receipt) -> bool:
    """Whether every title and line can be printed as text in CP852."""
    try:
        "".join(receipt.texts()).encode(CODE_PAGE)
    except UnicodeEncodeError:
        return False
    return True


def render_escpos(
    receipt: Receipt,
    paper: Paper,
    *,
    mode: RenderMode = RenderMode.AUTO,
    images: ReceiptImageRenderer | None = None,
) -> bytes:
    """The ESC/POS job that prints `receipt` on `paper`."""
    printer = Dummy()
    printer.hw("INIT")  # ESC @ once, first: it would forget the code page (docs/platform-notes.md)
    printer.charcode(CODE_PAGE.upper())  # forced: sent now, never switched by the profile
    if mode is RenderMode.RASTER or not fits_code_page(receipt):
        _raster_job(printer, receipt, paper, images or ReceiptImageRenderer())
    else:
        for element in receipt.elements:
            _element(printer, element, paper)
    output: bytes = printer.output
    return output


def _element(printer: Any, element: Element, paper: Paper) -> None:
    if isinstance(element, Title):
        _line(printer, Line(element.text, True, Size.LARGE, Align.CENTER), paper)
    elif isinstance(element, Line):
        _line(printer, element, paper)
    elif isinstance(element, Separator):
        _line(printer, Line("-" * paper.columns()), paper)
    elif isinstance(element, QrCode):
        _qr(printer, element, paper)
    elif isinstance(element, Feed):
        printer.ln(element.lines)
    else:  # Cut
        _cut(printer)


def _line(printer: Any, line: Line, paper: Paper) -> None:
    size = paper.size_for(line.text, line.size)
    scale = size.scale
    printer.set(
        align=line.align.value,
        bold=line.bold,
        font="b" if size is Size.SMALL else "a",
        custom_size=True,
        width=scale,
        height=scale,
    )
    for text in wrap(line.text, paper.columns(size)):
        printer.textln(text)


def _qr(printer: Any, qr: QrCode, paper: Paper) -> None:
    modules = 17 + 4 * qr.version
    printer.set(align="center", custom_size=True, width=1, height=1)
    printer.ln()  # the quiet zone above the code
    printer.qr(qr.payload, ec=QR_ECLEVEL_M, size=paper.qr_module(modules), native=True)
    printer.ln()
    printer.set(align="left")


def _cut(printer: Any) -> None:
    printer.set(align="left", bold=False, font="a", custom_size=True, width=1, height=1)
    printer.cut()  # feeds the receipt past the blade first


def _raster_job(printer: Any, receipt: Receipt, paper: Paper, images: ReceiptImageRenderer) -> None:
    """Runs of text become raster images; QR codes, feeds and cuts stay commands."""
    run: list[Element] = []
    for element in receipt.elements:
        if isinstance(element, Title | Line | Separator):
            run.append(element)
            continue
        if run:
            _raster(printer, images.block(run, paper))
            run = []
        _element(printer, element, paper)
    if run:
        _raster(printer, images.block(run, paper))


def _raster(printer: Any, image: Image.Image) -> None:
    """GS v 0 in bands; a dot is burnt where the image is darker than mid grey (sharp text
    rather than dithered), and a set bit is a burnt dot."""
    dots = image.point(lambda grey: 255 if grey < 128 else 0, mode="1")
    width, height = dots.size
    for top in range(0, height, RASTER_BAND):
        band = dots.crop((0, top, width, min(height, top + RASTER_BAND)))
        header = _GS_V_0 + _low_high((width + 7) // 8) + _low_high(band.height)
        # python-escpos's image() prints a warning to stdout for profiles without a paper
        # width (the default one), so the command goes out through the raw channel.
        printer._raw(header + band.tobytes())


def _low_high(number: int) -> bytes:
    return number.to_bytes(2, "little")
