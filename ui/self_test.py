"""`kiosk self-test` (`kiosk --self-test` on the bundle): does this build work on this machine?

It starts offscreen in a throwaway data dir (the kiosk's real data is never touched), loads
the demo catalogue, renders the home screen and checks it is not blank, prints a test
receipt on a virtual printer when this build has receipt printers, and prints one line per
check. Exit status 0 means every check passed; 1 names what failed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from kiosk.composition import Services
from kiosk.config import CatalogueConfig, HeartbeatConfig, KioskConfig, MetricsConfig

Check = Callable[[], str]  # returns what it saw; raises SelfTestFailure (or anything) to fail


class SelfTestFailure(Exception):
    """A check saw something wrong; the message says what."""


def run_self_test(config: KioskConfig, out: TextIO) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QGuiApplication exists
    with tempfile.TemporaryDirectory(prefix="infomat-self-test-") as data:
        services = Services(_isolated(config, Path(data)))
        checks: list[tuple[str, Check]] = [
            ("catalogue", lambda: _check_catalogue(services)),
            ("home screen", lambda: _check_home(services)),
            ("translations", _check_translations),
            ("receipt", lambda: _check_receipt(Path(data), services.config.kiosk_id)),
            ("metrics", lambda: _check_metrics(services)),
        ]
        failed = [name for name, check in checks if not _run(name, check, out)]
    if failed:
        print(f"self-test: FAILED ({', '.join(failed)})", file=out)
        return 1
    print("self-test: ok", file=out)
    return 0


def _isolated(config: KioskConfig, data: Path) -> KioskConfig:
    """The config with a throwaway data dir, the demo catalogue and nothing on the network."""
    return dataclasses.replace(
        config,
        data_dir=str(data),
        catalogue=CatalogueConfig(),
        metrics=MetricsConfig(enabled=False),
        heartbeat=HeartbeatConfig(),
    )


def _run(name: str, check: Check, out: TextIO) -> bool:
    started = time.monotonic()
    try:
        seen = check()
    except Exception as exc:
        print(f"{name}: FAILED: {exc}", file=out)
        return False
    print(f"{name}: {seen} ({time.monotonic() - started:.2f} s)", file=out)
    return True


def _check_catalogue(services: Services) -> str:
    info = services.catalogue.info()
    found = services.catalogue.search("dowód osobisty", limit=3)
    if info.services == 0 or not found:
        raise SelfTestFailure(f"{info.services} services, nothing found for 'dowód osobisty'")
    return f"ok, {info.services} services, 'dowód osobisty' finds {found[0].id}"


def _check_home(services: Services) -> str:
    from ui.self_test_screen import render_home  # noqa: PLC0415 - Qt only for this check

    return render_home(services)


def _check_translations() -> str:
    from ui.i18n import TRANSLATED, qm_path  # noqa: PLC0415

    missing = [qm_path(language).name for language in TRANSLATED if not qm_path(language).is_file()]
    if missing:
        raise SelfTestFailure("missing " + ", ".join(missing) + " (run make translations)")
    return f"ok, {', '.join(TRANSLATED)} compiled"


def _check_receipt(data: Path, kiosk_id: str) -> str:
    """The printer path: a test receipt to ESC/POS bytes (python-escpos, CP852, QR) and onto
    a virtual printer as PNG, whatever printer the config names."""
    from devices.escpos_render import render_escpos  # noqa: PLC0415
    from devices.printers import PrinterSettings, make_printer  # noqa: PLC0415
    from kiosk.receipts import printer_test_receipt  # noqa: PLC0415

    printer = make_printer(PrinterSettings(kind="virtual", folder=data / "r"))
    receipt = printer_test_receipt(
        kiosk_id=kiosk_id,
        printer=printer.name,
        printed_at=dt.datetime.now(dt.UTC),
        status_url_base="https://example.invalid/s/",
        columns=printer.paper.columns(),
    )
    escpos = render_escpos(receipt, printer.paper)
    if not escpos.startswith(b"\x1b@"):
        raise SelfTestFailure("the ESC/POS job does not start with ESC @")
    printer.print(receipt)
    images = sorted((data / "r").glob("*.png"))
    if not images or images[-1].stat().st_size == 0:
        raise SelfTestFailure("the virtual printer wrote no receipt image")
    return f"ok, {len(escpos)} bytes of ESC/POS, {images[-1].stat().st_size} bytes of PNG"


def _check_metrics(services: Services) -> str:
    text = services.metrics.text().decode("utf-8")
    if "infomat_kiosk_up 1.0" not in text:
        raise SelfTestFailure("infomat_kiosk_up is missing from the metrics")
    return f"ok, {sum(1 for line in text.splitlines() if not line.startswith('#'))} samples"
