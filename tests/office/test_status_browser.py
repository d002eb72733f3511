"""The status page in Debian's headless Chromium at a phone's size (390×844), Polish and
Ukrainian: what the browser renders, and a screenshot each (looked at; one in the docs)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import requests

from office.settings import OfficeSettings
from office.store import CaseStore
from tests.captive_portal.test_screenshot import CHROMIUM, png_rows, screenshot
from tests.office.case_moves import move_case
from tests.office.office_server import RECEIVED
from tests.office.status_helpers import file_case, status_server

DOCS_IMAGE = Path(__file__).resolve().parents[2] / "docs" / "img" / "office-status-phone-pl.png"
MESSAGE = "Odpowiedź wyślemy e-mailem do 20 grudnia. Prosimy o cierpliwość."

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (make test-debs)"),
    pytest.mark.slow,
]


def rendered_text(url: str, profile: Path) -> str:
    """The DOM after Chromium loaded the page, the browser set to Polish (Accept-Language)."""
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", "--window-size=390,844", "--accept-lang=pl-PL,pl",
        "--dump-dom", url,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.parametrize("settings", ["sqlite"], indirect=True)
def test_the_status_page_renders_on_a_phone_in_polish_and_ukrainian(
    settings: OfficeSettings, store: CaseStore, kiosk_token: str, tmp_path: Path
) -> None:
    office = status_server(settings, store)
    try:
        with requests.Session() as http:
            http.trust_env = False
            code = file_case(office, http, kiosk_token)
        move_case(settings, code, "in_progress", RECEIVED + dt.timedelta(days=1), MESSAGE)
        pictures = {}
        for language in ("pl", "uk"):
            url = f"{office.url}/s/{code}?lang={language}"
            pictures[language] = tmp_path / f"status-{language}.png"
            screenshot(url, pictures[language], tmp_path / f"profile-{language}")
        polish = rendered_text(f"{office.url}/s/{code}", tmp_path / "profile-dom")
    finally:
        office.stop()
    assert "Twój wniosek jest rozpatrywany." in polish
    assert MESSAGE in polish
    assert "<script" not in polish
    for picture in pictures.values():
        width, height, rows = png_rows(picture)
        assert (width, height) == (390, 844)
        assert len({bytes(row[1:]) for row in rows}) > 50, "the page looks blank"
    keep = os.environ.get("INFOMAT_STATUS_SCREENSHOTS")  # a folder to look at them in
    if keep:
        for picture in pictures.values():
            shutil.copy(picture, Path(keep) / picture.name)
    if os.environ.get("INFOMAT_UPDATE_DOCS_IMAGES") == "1":  # refresh the picture in the docs
        shutil.copyfile(pictures["pl"], DOCS_IMAGE)
