"""Receipt benchmark: render time of a filed application's receipt, to ESC/POS and to PNG.

Run: ./dev bench-receipts   (or .venv/bin/python -m tests.perf.bench_receipts [--runs N])
Prints a table and writes tests/perf/results-receipts.json. Not a test: no pass/fail.
Each run builds the layout from kiosk/receipts.py with a fresh submission code (so the QR
payload changes every time) and renders it as the printer or the screen would; both steps
are timed.
Polish and German print as CP852 text with a native QR; Ukrainian prints as raster images
of its text, so it is measured on its own.
"""

from __future__ import annotations

import argparse
import random
import string
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from devices.escpos_render import render_escpos
from devices.paper import PAPER_58, PAPER_80, Paper
from devices.receipt import Receipt
from devices.receipt_image import ReceiptImageRenderer
from kiosk.config import Language
from kiosk.receipts import application_receipt
from tests.perf.bench_catalogue import percentile
from tests.perf.report import report

RESULTS = Path(__file__).with_name("results-receipts.json")
TARGETS = {"escpos_pl_80mm_p99_ms": "<= 20", "escpos_pl_58mm_p99_ms": "<= 20"}
CODE_LETTERS = "".join(c for c in string.ascii_uppercase + string.digits if c not in "0O1I")


def random_receipt(rng: random.Random, language: Language) -> Receipt:
    code = "".join(rng.choices(CODE_LETTERS, k=4)) + "-" + "".join(rng.choices(CODE_LETTERS, k=5))
    return application_receipt(
        language=language,
        office="Urząd Miasta Łańcuta",
        service="Wniosek o udostępnienie informacji publicznej",
        code=code,
        filed_at=datetime.now(UTC),
        status_url_base="https://infomat.example.pl/s/",
    )


Render = Callable[[Receipt, Paper], object]


def timings_ms(runs: int, render: Render, language: Language, paper: Paper) -> list[float]:
    """Milliseconds per receipt: building the layout (with a new code) and rendering it."""
    rng = random.Random(7)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        render(random_receipt(rng, language), paper)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def run(runs: int) -> dict[str, Any]:
    images = ReceiptImageRenderer()
    images.png(random_receipt(random.Random(1), "pl"), PAPER_80)  # fonts loaded once, first
    figures: dict[str, Any] = {"runs": runs}
    cases: list[tuple[str, Language, Paper, Render]] = [
        ("escpos_pl", "pl", PAPER_80, lambda r, p: render_escpos(r, p, images=images)),
        ("escpos_pl", "pl", PAPER_58, lambda r, p: render_escpos(r, p, images=images)),
        ("escpos_uk_raster", "uk", PAPER_80, lambda r, p: render_escpos(r, p, images=images)),
        ("png_pl", "pl", PAPER_80, images.png),
        ("png_pl", "pl", PAPER_58, images.png),
    ]
    for name, language, paper, render in cases:
        samples = timings_ms(runs, render, language, paper)
        key = f"{name}_{paper.width_mm}mm"
        figures[f"{key}_p50_ms"] = percentile(samples, 0.50)
        figures[f"{key}_p99_ms"] = percentile(samples, 0.99)
    sample = random_receipt(random.Random(2), "pl")
    figures["escpos_pl_80mm_bytes"] = len(render_escpos(sample, PAPER_80))
    figures["escpos_uk_80mm_bytes"] = len(
        render_escpos(random_receipt(random.Random(2), "uk"), PAPER_80, images=images)
    )
    figures["png_pl_80mm_bytes"] = len(images.png(sample, PAPER_80))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=1000)
    args = parser.parse_args()
    report(run(args.runs), TARGETS, RESULTS)


if __name__ == "__main__":
    main()
