"""Logging for technicians: one line per event on stderr, where journald picks it up.

Code never logs personal data; as a safety net, anything that looks like a PESEL, a phone
number, an e-mail or a MAC address is masked before a line is written.
"""

from __future__ import annotations

import logging
import re
import sys
from typing import Any

_PERSONAL = [
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "[e-mail]"),
    (re.compile(r"\b(?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}\b"), "[mac]"),
    (re.compile(r"\b\d{11}\b"), "[pesel]"),
    # Polish phone numbers: 9 digits, maybe grouped 3-3-3 or 2-3-2-2, maybe after +48.
    (re.compile(r"(?<![\w-])(?:\+48[ -]?)?\d{3}[ -]?\d{3}[ -]?\d{3}\b"), "[phone]"),
    (re.compile(r"(?<![\w-])(?:\+48[ -]?)?\(?\d{2}\)?[ -]\d{3}[ -]\d{2}[ -]\d{2}\b"), "[phone]"),
]


def mask_personal_data(text: str) -> str:
    for pattern, replacement in _PERSONAL:
        text = pattern.sub(replacement, text)
    return text


class _OneLineFormatter(logging.Formatter):
    """Masks the message (not the time or the logger name) and folds it onto one line."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = mask_personal_data(record.message)
        return super().formatMessage(record)

    def formatException(self, ei: Any) -> str:
        return mask_personal_data(super().formatException(ei))

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace("\n", " | ")


def setup_logging(level: str = "INFO") -> None:
    """Send log lines to stderr: time, level, component, message; on one line each."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLineFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("urllib3").setLevel(logging.WARNING)
