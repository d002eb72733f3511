"""docs/receipts.md is tested: its example runs as written, every option is in it."""

from __future__ import annotations

import doctest
from pathlib import Path

from kiosk.config import describe

DOC = Path(__file__).resolve().parents[2] / "docs" / "receipts.md"


def test_the_example_in_the_doc_gives_what_it_shows() -> None:
    result = doctest.testfile(str(DOC), module_relative=False, verbose=False)
    assert result.attempted >= 5
    assert result.failed == 0


def test_every_printer_and_receipt_option_is_in_the_doc() -> None:
    text = DOC.read_text(encoding="utf-8")
    options = [o.key for o in describe() if o.key.startswith(("printer.", "receipt."))]
    assert len(options) == 13
    missing = [key for key in options if f"\n{key.split('.')[1]} = " not in text]
    assert missing == []
