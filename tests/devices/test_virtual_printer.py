"""The virtual printer: receipts as PNG files, a simulated fault, an unusable folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from devices.paper import PAPER_58, PAPER_80, Paper
from devices.printers import PrinterError, PrinterStatus, VirtualPrinter
from tests.devices.samples import polish_receipt


@pytest.mark.parametrize("paper", [PAPER_58, PAPER_80], ids=["58mm", "80mm"])
def test_a_receipt_becomes_a_png_in_the_folder(tmp_path: Path, paper: Paper) -> None:
    printer = VirtualPrinter(tmp_path / "receipts", paper=paper)
    assert printer.status() is PrinterStatus.READY
    printer.print(polish_receipt())
    (path,) = (tmp_path / "receipts").iterdir()
    assert path == printer.last_path
    with Image.open(path) as image:
        assert (image.format, image.width) == ("PNG", paper.dots)


def test_only_the_newest_receipts_are_kept(tmp_path: Path) -> None:
    printer = VirtualPrinter(tmp_path, paper=PAPER_58, keep=3)
    paths = []
    for _ in range(5):
        printer.print(polish_receipt())
        paths.append(printer.last_path)
    assert sorted(tmp_path.iterdir()) == paths[-3:]


def test_a_simulated_paper_out_refuses_the_print(tmp_path: Path) -> None:
    printer = VirtualPrinter(tmp_path, paper=PAPER_58, simulated=PrinterStatus.PAPER_OUT)
    assert printer.status() is PrinterStatus.PAPER_OUT
    with pytest.raises(PrinterError, match="paper out") as caught:
        printer.print(polish_receipt())
    assert caught.value.status is PrinterStatus.PAPER_OUT
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_exist_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    printer = VirtualPrinter(tmp_path / "file" / "receipts", paper=PAPER_58)
    assert printer.status() is PrinterStatus.ERROR
    with pytest.raises(PrinterError) as caught:
        printer.print(polish_receipt())
    assert caught.value.status is PrinterStatus.ERROR


def test_a_refused_print_is_logged_for_the_technician(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    printer = VirtualPrinter(tmp_path, paper=PAPER_58, simulated=PrinterStatus.COVER_OPEN)
    with pytest.raises(PrinterError):
        printer.print(polish_receipt())
    (record,) = caplog.records
    assert record.levelname == "WARNING"
    assert "receipt not printed (cover open)" in record.getMessage()
    assert "Kowalski" not in record.getMessage()
