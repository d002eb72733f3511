"""Layout -> PNG: paper widths, crisp QR modules, text that fits, a clear error without fonts."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageFont

from devices.paper import PAPER_58, PAPER_80, Paper
from devices.receipt import Line, QrCode, Receipt, Size
from devices.receipt_image import (
    FONT_DIR,
    FONT_FILES,
    FontsMissingError,
    ReceiptImageRenderer,
    font_px,
    qr_matrix,
)
from tests.devices.samples import POLISH, STATUS_URL, polish_receipt, ukrainian_receipt

PAPERS = [PAPER_58, PAPER_80]


@pytest.fixture(scope="module")
def images() -> ReceiptImageRenderer:
    return ReceiptImageRenderer()


@pytest.mark.parametrize("paper", PAPERS, ids=["58mm", "80mm"])
def test_the_png_is_as_wide_as_the_paper(images: ReceiptImageRenderer, paper: Paper) -> None:
    png = Image.open(io.BytesIO(images.png(polish_receipt(), paper)))
    assert png.format == "PNG"
    assert png.width == paper.dots
    assert 600 < png.height < 2000


@pytest.mark.parametrize("paper", PAPERS, ids=["58mm", "80mm"])
def test_the_qr_code_is_drawn_module_by_module(images: ReceiptImageRenderer, paper: Paper) -> None:
    image = images.block([QrCode(STATUS_URL)], paper)
    matrix = qr_matrix(STATUS_URL)
    module = paper.qr_module(len(matrix) - 8)
    left = (paper.dots - module * len(matrix)) // 2
    assert image.height == module * len(matrix)
    assert {value for _, value in image.getcolors() or []} == {0, 255}  # no grey: crisp
    for row, cells in enumerate(matrix):
        for col, dark in enumerate(cells):
            for dx, dy in ((0, 0), (module - 1, module - 1)):  # both corners of each module
                pixel = image.getpixel((left + col * module + dx, row * module + dy))
                assert pixel == (0 if dark else 255), (row, col)


def test_qr_matrix_has_the_quiet_zone_and_fits_version_3() -> None:
    matrix = qr_matrix(STATUS_URL)
    assert len(matrix) == 29 + 8  # 39 bytes at ECC M: version 3, plus 4 modules each side
    assert not any(matrix[0]) and not any(row[0] for row in matrix)


@pytest.mark.parametrize(("paper", "size"), [(p, s) for p in PAPERS for s in Size])
def test_a_full_line_of_the_widest_letters_fits_the_paper(paper: Paper, size: Size) -> None:
    cell_width = paper.cell(size)[0]
    for bold in (False, True):
        font = ImageFont.truetype(str(FONT_DIR / FONT_FILES[bold]), font_px(cell_width))
        full = ("ŻŚĆĘŃWM" * 20)[: paper.columns(size)]
        assert font.getbbox(full)[2] <= paper.dots


def test_text_is_drawn_and_differs_by_letter(images: ReceiptImageRenderer) -> None:
    one = images.block([Line(POLISH)], PAPER_58)
    other = images.block([Line("acelnoszzACELNOSZZ")], PAPER_58)
    assert one.tobytes() != other.tobytes()
    assert one.getextrema()[0] == 0


def test_ukrainian_is_drawn(images: ReceiptImageRenderer) -> None:
    image = images.image(ukrainian_receipt(), PAPER_80)
    assert image.getextrema()[0] == 0


def test_missing_fonts_give_a_clear_error(tmp_path: Path) -> None:
    renderer = ReceiptImageRenderer(font_dir=tmp_path)
    with pytest.raises(FontsMissingError, match="fonts-dejavu-core"):
        renderer.png(polish_receipt(), PAPER_58)


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=80), size=st.sampled_from(Size), bold=st.booleans())
def test_any_text_renders_to_a_png(
    images: ReceiptImageRenderer, text: str, size: Size, bold: bool
) -> None:
    for paper in PAPERS:
        png = images.png(Receipt((Line(text, bold=bold, size=size),)), paper)
        assert Image.open(io.BytesIO(png)).width == paper.dots
