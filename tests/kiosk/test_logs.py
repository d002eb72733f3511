"""Log lines: one per event, on stderr, with personal data masked as a safety net."""

from __future__ import annotations

import logging
import re

import pytest

from kiosk.logs import mask_personal_data, setup_logging


@pytest.mark.parametrize(
    ("line", "masked"),
    [
        ("wniosek od 44051401359 przyjęty", "wniosek od [pesel] przyjęty"),
        ("mail jan.kowalski@example.pl", "mail [e-mail]"),
        ("klient AA:bb:CC:00:11:22 wpuszczony", "klient [mac] wpuszczony"),
        ("tel. +48 601 234 567", "tel. [phone]"),
        ("tel. 601234567 lub (17) 225 21 14", "tel. [phone] lub [phone]"),
        ("at 2026-11-22 04:36:56 sync took 1234 ms", "at 2026-11-22 04:36:56 sync took 1234 ms"),
        ("catalogue gen-000012.sqlite: 64 services", "catalogue gen-000012.sqlite: 64 services"),
    ],
)
def test_personal_data_is_masked(line: str, masked: str) -> None:
    assert mask_personal_data(line) == masked


def test_one_line_per_event_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging("INFO")
    try:
        logging.getLogger("kiosk.test").warning("first line\nsecond line for %s", "44051401359")
        logging.getLogger("kiosk.test").debug("not shown")
    finally:
        logging.getLogger().handlers.clear()
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert lines[0].endswith("WARNING kiosk.test: first line | second line for [pesel]")
    assert re.match(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} WARNING", lines[0]), lines[0]
