"""Finding words on a screendump of the VM the way a person does: by reading them (Tesseract).

The VM has no accessibility bus (the image is a kiosk, not a desktop), so the tests that
drive a journey inside it find a control by the words drawn on it. Debian's `tesseract-ocr`
with its Polish data reads the kiosk's large sans-serif text reliably; white text on the dark
"selected" buttons is not always read, so journeys aim at words on light backgrounds.
"""

from __future__ import annotations

import csv
import io
import subprocess
from dataclasses import dataclass
from pathlib import Path

MIN_CONFIDENCE = 40.0


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    line: tuple[int, int, int]  # Tesseract's block, paragraph and line numbers

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


@dataclass(frozen=True)
class Box:
    """Where a phrase stands on the screen, in screen pixels."""

    left: int
    top: int
    right: int
    bottom: int

    @property
    def centre(self) -> tuple[int, int]:
        return (self.left + self.right) // 2, (self.top + self.bottom) // 2


def read_words(screendump: Path, sparse: bool = False) -> list[Word]:
    """Every word Tesseract reads with some confidence, in reading order; `sparse` for
    scattered single letters such as a keyboard's keys."""
    layout = ["--psm", "11"] if sparse else []
    result = subprocess.run(
        ["tesseract", str(screendump), "-", "-l", "pol", *layout, "tsv"],
        check=True,
        capture_output=True,
        text=True,
    )
    words = []
    for row in csv.DictReader(io.StringIO(result.stdout), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if not text or float(row["conf"]) < MIN_CONFIDENCE:
            continue
        line = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        words.append(
            Word(
                text, int(row["left"]), int(row["top"]), int(row["width"]), int(row["height"]), line
            )
        )
    return words


def find_phrase(words: list[Word], phrase: str) -> Box | None:
    """The first place where the words of `phrase` stand one after another on one line.

    Compared without case and trailing punctuation, as a reader would ("Dalej ›" is "Dalej").
    """
    wanted = [_plain(part) for part in phrase.split()]
    for start in range(len(words) - len(wanted) + 1):
        run = words[start : start + len(wanted)]
        if len({word.line for word in run}) != 1:
            continue
        if all(_plain(word.text) == part for word, part in zip(run, wanted, strict=True)):
            return Box(
                min(w.left for w in run),
                min(w.top for w in run),
                max(w.right for w in run),
                max(w.bottom for w in run),
            )
    return None


def text_of(words: list[Word]) -> str:
    """The screen's words as lines, for failure messages."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word.text)
    return "\n".join(" ".join(parts) for parts in lines.values())


def _plain(text: str) -> str:
    return text.strip(".,:;!?›‹»«()").casefold()
