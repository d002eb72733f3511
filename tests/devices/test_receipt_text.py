"""Layout -> text for logs: everything but the private lines."""

from __future__ import annotations

from devices.receipt import Line, Receipt
from devices.receipt_text import PRIVATE_MARKER, render_text
from tests.devices.samples import POLISH, STATUS_URL, polish_receipt


def test_the_log_text_leaves_out_personal_data() -> None:
    text = render_text(polish_receipt())
    assert "Kowalski" not in text and "Długa" not in text
    assert PRIVATE_MARKER in text


def test_the_log_text_keeps_the_rest() -> None:
    lines = render_text(polish_receipt()).splitlines()
    assert lines[0] == "# Potwierdzenie złożenia wniosku"
    assert f"Litery: {POLISH}" in lines
    assert f"[QR {STATUS_URL}]" in lines
    assert "K7Q4-MX9R3" in lines
    assert lines[-1] == "[cut]"


def test_control_characters_do_not_reach_the_log() -> None:
    assert render_text(Receipt((Line("a\x1b[31mb\nc"),))) == "a[31mb c"
