"""Receipt layout -> image (PNG) at the paper's width in dots, for the screen, docs and tests.

The image copies the printer: DejaVu Sans Mono scaled to the printer's character cells
(font A 12x24, font B 9x17 dots; large and huge are 2x and 3x), the same wrapping, and a
QR code drawn module by module from qrcode's matrix with whole pixels, so it stays crisp
at any zoom. Receipts the printer cannot print as text (Ukrainian) are printed as this
image (see escpos_render).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path

import qrcode
import qrcode.constants
from PIL import Image, ImageDraw, ImageFont

from devices.paper import Paper, wrap
from devices.receipt import Align, Element, Feed, Line, QrCode, Receipt, Separator, Size, Title

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {False: "DejaVuSansMono.ttf", True: "DejaVuSansMono-Bold.ttf"}
MONO_ADVANCE = 1233 / 2048  # DejaVu Sans Mono: every glyph is this many ems wide
GLYPH_FILL = 0.97  # a hair smaller than the cell, so W and M at the line's end stay whole
LINE_DOTS = 30  # a printer's default line feed (about 1/6 inch)
MARGIN = 12  # white above and below the receipt in the image
WHITE, BLACK = 255, 0

Painter = Callable[[ImageDraw.ImageDraw, int], None]  # draws one row with its top at y


class FontsMissingError(RuntimeError):
    """The DejaVu fonts are not installed, so receipts cannot be drawn."""


class ReceiptImageRenderer:
    """Draws receipts; loads each font once and keeps it."""

    def __init__(self, font_dir: Path = FONT_DIR) -> None:
        self._font_dir = font_dir
        self._fonts: dict[tuple[bool, Size], ImageFont.FreeTypeFont] = {}

    def png(self, receipt: Receipt, paper: Paper) -> bytes:
        """The whole receipt as PNG bytes."""
        out = io.BytesIO()
        # Fast compression: half the time of the default for a quarter more bytes.
        self.image(receipt, paper).save(out, format="PNG", compress_level=1)
        return out.getvalue()

    def image(self, receipt: Receipt, paper: Paper) -> Image.Image:
        """The whole receipt as a greyscale image `paper.dots` wide, with a margin."""
        return self._draw(receipt.elements, paper, MARGIN)

    def block(self, elements: Sequence[Element], paper: Paper) -> Image.Image:
        """A run of elements without margins: what a printer prints as one raster image."""
        return self._draw(elements, paper, 0)

    def _draw(self, elements: Sequence[Element], paper: Paper, margin: int) -> Image.Image:
        rows = [row for element in elements for row in self._rows(element, paper)]
        height = margin * 2 + sum(h for h, _ in rows)
        image = Image.new("L", (paper.dots, max(1, height)), WHITE)
        draw = ImageDraw.Draw(image)
        y = margin
        for row_height, paint in rows:
            paint(draw, y)
            y += row_height
        return image

    def _rows(self, element: Element, paper: Paper) -> list[tuple[int, Painter]]:
        if isinstance(element, Title):
            return self._text_rows(Line(element.text, True, Size.LARGE, Align.CENTER), paper)
        if isinstance(element, Line):
            return self._text_rows(element, paper)
        if isinstance(element, Separator):
            return self._text_rows(Line("-" * paper.columns()), paper)
        if isinstance(element, QrCode):
            return [_qr_row(element.payload, paper)]
        if isinstance(element, Feed):
            return [(LINE_DOTS * element.lines, _nothing)]
        return [_cut_row(paper)]  # Cut

    def _text_rows(self, line: Line, paper: Paper) -> list[tuple[int, Painter]]:
        size = paper.size_for(line.text, line.size)
        font = self._font(line.bold, size, paper)
        cell_height = paper.cell(size)[1]
        row_height = max(LINE_DOTS, cell_height + 6)
        rows = []
        for text in wrap(line.text, paper.columns(size)):
            x = 0
            if line.align is Align.CENTER:
                x = max(0, round((paper.dots - font.getlength(text)) / 2))
            rows.append((row_height, _text_painter(text, x, font, row_height - cell_height)))
        return rows

    def _font(self, bold: bool, size: Size, paper: Paper) -> ImageFont.FreeTypeFont:
        font = self._fonts.get((bold, size))
        if font is None:
            path = self._font_dir / FONT_FILES[bold]
            if not path.is_file():
                raise FontsMissingError(
                    f"receipt font {path} is missing: install the Debian package "
                    "fonts-dejavu-core (apt-get install fonts-dejavu-core)"
                )
            font = ImageFont.truetype(str(path), font_px(paper.cell(size)[0]))
            self._fonts[(bold, size)] = font
        return font


def font_px(cell_width: int) -> float:
    """DejaVu Sans Mono's size in pixels for characters `cell_width` dots apart."""
    return cell_width / MONO_ADVANCE * GLYPH_FILL


def _text_painter(text: str, x: int, font: ImageFont.FreeTypeFont, gap: int) -> Painter:
    def paint(draw: ImageDraw.ImageDraw, y: int) -> None:
        draw.text((x, y + gap // 2), text, fill=BLACK, font=font)

    return paint


def _nothing(draw: ImageDraw.ImageDraw, y: int) -> None:
    """A row of blank paper."""


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR code of `payload` at error correction M with a 4-module quiet zone."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(payload)
    code.make(fit=True)
    return code.get_matrix()


def _qr_row(payload: str, paper: Paper) -> tuple[int, Painter]:
    matrix = qr_matrix(payload)
    module = paper.qr_module(len(matrix) - 8)
    side = module * len(matrix)
    left = (paper.dots - side) // 2

    def paint(draw: ImageDraw.ImageDraw, y: int) -> None:
        for row, cells in enumerate(matrix):
            top = y + row * module
            for col, dark in enumerate(cells):
                if dark:
                    x = left + col * module
                    draw.rectangle((x, top, x + module - 1, top + module - 1), fill=BLACK)

    return side, paint


def _cut_row(paper: Paper) -> tuple[int, Painter]:
    """A dashed line where the printer cuts, below the feed a printer gives before cutting."""

    def paint(draw: ImageDraw.ImageDraw, y: int) -> None:
        middle = y + LINE_DOTS
        for x in range(0, paper.dots, 16):
            draw.line((x, middle, x + 7, middle), fill=160, width=2)

    return LINE_DOTS * 2, paint
