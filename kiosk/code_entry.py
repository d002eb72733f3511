"""A submission code as a resident enters it at the kiosk: typed on the screen's keyboard, or
"typed" by a USB barcode scanner reading the receipt's QR (the whole status address).

The check character is verified as soon as the tenth character is in, so a typo is caught
before anyone is asked; letters the codes never use are named at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from offline_cache.submission_code import ALPHABET, LENGTH, display, is_valid, normalise

__all__ = ["LENGTH", "CodeEntry", "Problem", "read_entry"]

Problem = Literal["", "incomplete", "foreign_character", "too_long", "mismatch"]


@dataclass(frozen=True)
class CodeEntry:
    code: str  # compact, upper case, what was read so far (at most a few characters more)
    problem: Problem
    foreign: str = ""  # the first character the codes never use

    @property
    def complete(self) -> bool:
        return self.problem == ""

    @property
    def shown(self) -> str:
        """As printed on the receipt (`K7P4M-X9RCA`) once there are more than five."""
        return display(self.code) if len(self.code) > LENGTH // 2 else self.code


def read_entry(typed: str) -> CodeEntry:
    """What the field holds now, judged: complete, still short, or wrong (and how)."""
    code = normalise(_code_part(typed.strip()))[: LENGTH + 5]
    foreign = next((symbol for symbol in code if symbol not in ALPHABET), "")
    if foreign:
        return CodeEntry(code, "foreign_character", foreign)
    if len(code) < LENGTH:
        return CodeEntry(code, "incomplete")
    if len(code) > LENGTH:
        return CodeEntry(code, "too_long")
    return CodeEntry(code, "" if is_valid(code) else "mismatch")


def _code_part(typed: str) -> str:
    """A scanned status address (`https://gmina.pl/s/K7P4MX9RCA`) gives its last segment."""
    if "://" not in typed:
        return typed
    path = urlsplit(typed).path.rstrip("/")
    return path.rsplit("/", 1)[-1]
