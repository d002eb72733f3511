"""The status address on a receipt's QR code: the configured base URL plus the code.

A QR code at error correction M holds 42 bytes in 29x29 modules (docs/platform-notes.md),
which prints large and scans easily, so base URL + code must stay within 42 bytes. Kept
apart from the receipts (kiosk/receipts.py) so the config's check of the base URL does not
load the receipt layout and its time zones at every start.
"""

from __future__ import annotations

import re

QR_BUDGET_BYTES = 42
MAX_CODE_LENGTH = 10  # submission codes look like K7Q4-MX9R3
_CODE = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")


def status_url_problem(base: str) -> str | None:
    """Why `base` cannot start the receipt's status URL, or None when it can."""
    if not base.startswith(("https://", "http://")):
        return f"must start with https:// (got {base!r})"
    size = len(base.encode("utf-8"))
    if size + MAX_CODE_LENGTH > QR_BUDGET_BYTES:
        return (
            f"is {size} bytes; with a {MAX_CODE_LENGTH}-character code it must fit "
            f"{QR_BUDGET_BYTES} bytes, so use at most {QR_BUDGET_BYTES - MAX_CODE_LENGTH} "
            f"bytes, e.g. https://gmina.pl/s/ (got {base!r})"
        )
    return None


def status_url(base: str, code: str) -> str:
    """The address a resident's phone opens to see the state of submission `code`."""
    problem = status_url_problem(base)
    if problem:
        raise ValueError(f"status URL base {problem}")
    if len(code) > MAX_CODE_LENGTH or not _CODE.fullmatch(code):
        raise ValueError(
            f"submission code must be 1 to {MAX_CODE_LENGTH} letters and digits, "
            f"maybe grouped with '-' (got {code!r})"
        )
    return base + code
