"""What the kiosk's first frame does not wait for: parts read only when first needed.

Each was found in the cold start (`./dev bench-taps`; docs/platform-notes.md, "Qt (PySide6)"):
PySide's `Qt` namespace is built whole at its first read (~20 ms on a quiet machine, 40 ms on
a busy one), the combining-marks table of the whole Unicode plane took ~50 ms, `subprocess`
~5 ms. The kiosk is started in a fresh interpreter (this one has Qt's namespace already) and
asked, at its first frame, what it has loaded.

PySide 6.11 makes its types when first read and shows them in the module's namespace then
(PYSIDE6_OPTION_LAZY, on by default); if a release changes that, the first assertion fails
and says so.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import json, sys
import PySide6.QtCore as core
assert "Qt" not in core.__dict__, "PySide built Qt's namespace at import: lazy types are off"
from PySide6.QtGui import QGuiApplication
from kiosk.admin_pin import DEMO_PIN_HASH
from kiosk.composition import Services
from kiosk.config import config_from
from ui.kiosk_app import KioskApp, UiOptions, prepare_environment

prepare_environment()
app = QGuiApplication([])
# Read and checked as a config file is (a status URL and a Wi-Fi network to check).
config = config_from({
    "data_dir": sys.argv[1], "admin": {"pin_hash": DEMO_PIN_HASH},
    "receipt": {"status_url": "https://gmina.example.pl/s/"}, "wifi": {"ssid": "Gmina WiFi"},
}, "probe.toml")
kiosk = KioskApp(app, Services(config), UiOptions(windowed=False, demo=False))
seen = {}

def first_frame():
    if seen:
        return
    seen["qt_namespace"] = "Qt" in core.__dict__
    seen["modules"] = sorted(sys.modules)
    seen["folded_marks"] = len(sys.modules["offline_cache.folding"]._COMBINING_MARKS)
    kiosk.hide_cursor()  # what `kiosk run` does next (ui/kiosk_lifecycle.py)
    seen["cursor"] = kiosk.window.cursor().shape().name
    app.quit()

kiosk.window.frameSwapped.connect(first_frame)
kiosk.window.update()
app.exec()
print(json.dumps(seen))
"""
LATER = (
    "subprocess", "kiosk.receipt_desk", "kiosk.filing", "kiosk.background_sync", "qrcode",
    "kiosk.fleet_status", "kiosk.image_status",
)  # fmt: skip


def first_frame(tmp_path: Path) -> dict[str, object]:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path / "c")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return seen


@pytest.fixture(scope="module")
def data_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One kiosk's folder: the first start in it (the catalogue imported), then the later."""
    return tmp_path_factory.mktemp("startup")


@pytest.fixture(scope="module")
def first_start(data_folder: Path) -> dict[str, object]:
    return first_frame(data_folder)


def test_the_first_frame_waits_for_no_part_it_does_not_show(
    first_start: dict[str, object],
) -> None:
    seen = first_start
    assert seen["qt_namespace"] is False, "something read PySide's Qt namespace before the frame"
    modules = seen["modules"]
    assert isinstance(modules, list)
    assert [m for m in LATER if m in modules] == []
    # Home folds the search suggestions: the table holds the characters met, not the plane.
    folded = seen["folded_marks"]
    assert isinstance(folded, int) and 0 < folded < 2000
    # Fullscreen hides the pointer once the frame is up (the shape comes from Qt's namespace).
    assert seen["cursor"] == "BlankCursor"


# Parts a start needs only the first time (the bundled catalogue imported into an empty data
# folder: its loader checks hashes and schemas) or only when a technician or a resident acts.
LATER_ON_LATER_STARTS = (
    *LATER, "hashlib", "offline_cache.catalogue_load", "jsonschema", "zoneinfo", "kiosk.receipts",
    "kiosk.wifi_voucher", "importlib.resources",
)  # fmt: skip


def test_a_later_start_with_its_catalogue_in_place_waits_for_less(
    first_start: dict[str, object], data_folder: Path
) -> None:
    """Every start but the first: the catalogue is in the data folder already, and OpenSSL's
    hashlib (~5 ms; the admin PIN's check, a new submission code and a Wi-Fi voucher key
    import it), the receipts' layout and time zones (~20 ms, once read by the config's
    check of the status URL), and importlib.resources (~11 ms with PySide's scan of each
    module's source, once asked for the demo catalogue's path) stay out."""
    modules = first_frame(data_folder)["modules"]
    assert isinstance(modules, list)
    assert [m for m in LATER_ON_LATER_STARTS if m in modules] == []
