"""Layout -> ESC/POS bytes, read back with our own decoder."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import ImageChops

from devices.escpos_render import RenderMode, fits_code_page, render_escpos
from devices.paper import PAPER_58, PAPER_80, Paper
from devices.receipt import Cut, Line, QrCode, Receipt, Size, Title, printable
from devices.receipt_image import ReceiptImageRenderer
from tests.devices.escpos_decoder import DecodeError, decode
from tests.devices.samples import POLISH, STATUS_URL, polish_receipt, ukrainian_receipt

PAPERS = [PAPER_58, PAPER_80]


@pytest.fixture(scope="module")
def images() -> ReceiptImageRenderer:
    return ReceiptImageRenderer()


@pytest.mark.parametrize("paper", PAPERS, ids=["58mm", "80mm"])
def test_polish_letters_come_back_through_cp852(paper: Paper) -> None:
    job = decode(render_escpos(polish_receipt(), paper))
    assert POLISH in job.text.replace("\n", "")
    assert "Źdźbło, żółw, gęśla jaźń." in " ".join(line.text for line in job.lines)
    assert job.rasters == []


def test_init_once_then_the_code_page_before_any_text() -> None:
    job = decode(render_escpos(polish_receipt(), PAPER_58))
    assert job.events[:2] == ["init", "code_page:18"]
    assert job.events.count("init") == 1
    assert job.events.count("code_page:18") == 1
    assert not job.text_before_code_page


@pytest.mark.parametrize("paper", PAPERS, ids=["58mm", "80mm"])
def test_the_qr_code_is_native_with_ecc_m_and_a_size_for_the_paper(paper: Paper) -> None:
    (qr,) = decode(render_escpos(polish_receipt(), paper)).qr_codes
    assert qr.payload == STATUS_URL.encode()
    assert (qr.model, qr.ecc, qr.printed) == (2, "M", True)
    side = qr.module * 29  # 39 bytes: version 3
    assert paper.dots * 0.35 <= side <= paper.dots * 0.6


def test_the_receipt_ends_with_a_cut() -> None:
    job = decode(render_escpos(polish_receipt(), PAPER_80))
    assert job.events[-1] == "cut"
    assert job.events.count("cut") == 1


@pytest.mark.parametrize("paper", PAPERS, ids=["58mm", "80mm"])
def test_lines_wrap_within_the_columns_without_cutting_words(paper: Paper) -> None:
    job = decode(render_escpos(polish_receipt(), paper))
    for line in job.lines:
        cell = 9 if line.font else 12
        assert len(line.text) * cell * line.width <= paper.dots, line
    words = polish_receipt().elements[2].text.split()  # type: ignore[union-attr]
    printed = [word for line in job.lines for word in line.text.split()]
    assert all(word in printed for word in words)


def test_emphasis_reaches_the_printer() -> None:
    job = decode(render_escpos(polish_receipt(), PAPER_58))
    title = job.lines[0]
    assert (title.bold, title.width, title.height, title.align) == (True, 2, 2, 1)
    code = next(line for line in job.lines if line.text == "K7Q4-MX9R3")
    assert (code.bold, code.width, code.height) == (True, 3, 3)
    small = next(line for line in job.lines if line.text.startswith("drobny"))
    assert (small.font, small.width, small.bold) == (1, 1, False)


def test_huge_type_that_needs_two_lines_steps_down_to_large() -> None:
    receipt = Receipt((Line("ABCD EFGH JK", size=Size.HUGE),))
    (line,) = decode(render_escpos(receipt, PAPER_58)).lines
    assert (line.text, line.width) == ("ABCD EFGH JK", 2)


def test_large_type_steps_down_rather_than_break_a_word() -> None:
    receipt = Receipt((Title("Eingangsbestätigung"), Title("Potwierdzenie złożenia")))
    german, polish, rest = decode(render_escpos(receipt, PAPER_58)).lines
    assert (german.text, german.width, german.bold) == ("Eingangsbestätigung", 1, True)
    assert (polish.text, polish.width, rest.text) == ("Potwierdzenie", 2, "złożenia")


def test_german_prints_as_text_too() -> None:
    receipt = Receipt((Line("Eingangsbestätigung: Größe, Übung, Ärger"),))
    job = decode(render_escpos(receipt, PAPER_80))
    assert job.lines[0].text == "Eingangsbestätigung: Größe, Übung, Ärger"


@pytest.mark.parametrize("paper", PAPERS, ids=["58mm", "80mm"])
def test_ukrainian_prints_as_raster_with_the_qr_still_native(
    paper: Paper, images: ReceiptImageRenderer
) -> None:
    receipt = ukrainian_receipt()
    assert not fits_code_page(receipt)
    job = decode(render_escpos(receipt, paper, images=images))
    assert job.lines == [] or all(not line.text.strip() for line in job.lines)
    assert job.qr_codes[0].payload == STATUS_URL.encode()
    assert job.events[-1] == "cut"
    # The first raster run is the title and the first line, drawn like the screen's copy.
    expected = images.block(receipt.elements[:2], paper).point(lambda g: 255 if g >= 128 else 0)
    assert job.rasters[0].size == (paper.dots, expected.height)
    assert ImageChops.difference(job.rasters[0], expected.convert("L")).getbbox() is None


def test_raster_mode_prints_polish_as_images(images: ReceiptImageRenderer) -> None:
    job = decode(render_escpos(polish_receipt(), PAPER_58, mode=RenderMode.RASTER, images=images))
    assert job.rasters and job.qr_codes and job.events[-1] == "cut"
    assert all(not line.text.strip() for line in job.lines)
    assert all(r.height <= 256 for r in job.rasters)  # bands a printer's buffer takes


def test_the_decoder_refuses_a_stray_control_byte() -> None:
    with pytest.raises(DecodeError, match="raw control byte 0x07"):
        decode(b"\x1b@\x1bt\x12abc\x07")


any_text = st.text(
    st.characters(codec="utf-8")
    | st.sampled_from("\x1b\x1d\x10\x04\x00\n\r\t\x7f\x85\u200b\u202e\u2028😀ЇїҐґ"),
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(text=any_text, bold=st.booleans(), size=st.sampled_from(Size))
def test_any_text_renders_and_no_control_byte_reaches_the_printer(
    text: str, bold: bool, size: Size
) -> None:
    receipt = Receipt((Line(text, bold=bold, size=size), QrCode("https://x.pl/s/A"), Cut()))
    for paper in PAPERS:
        job = decode(render_escpos(receipt, paper))  # DecodeError on any raw control byte
        assert job.qr_codes[0].payload == b"https://x.pl/s/A"
        if fits_code_page(receipt):
            printed = "".join(line.text for line in job.lines).replace(" ", "")
            assert printed == printable(text).replace(" ", "")
        else:
            assert job.rasters
