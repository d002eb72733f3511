"""The splash page in a real headless Chromium at a phone's size (390×844)."""

from __future__ import annotations

import os
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

from tests.captive_portal.portal_server import PortalServer

CHROMIUM = Path("/usr/bin/chromium")
DOCS_IMAGE = Path(__file__).resolve().parents[2] / "docs" / "img" / "portal-splash-pl.png"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (make test-debs)"
)


def screenshot(url: str, out: Path, profile: Path) -> None:
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}",
        "--window-size=390,844", f"--screenshot={out}", url,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]


def png_rows(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and the filtered scanlines of an 8-bit RGB(A) PNG (enough to see colour)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, b"", b""
    while position < len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks += body
        position += 12 + length
    width, height = int.from_bytes(header[:4], "big"), int.from_bytes(header[4:8], "big")
    raw = zlib.decompress(chunks)
    stride = len(raw) // height
    return width, height, [raw[row * stride : (row + 1) * stride] for row in range(height)]


@pytest.mark.slow
def test_the_splash_renders_on_a_phone_and_is_not_blank(tmp_path: Path) -> None:
    server = PortalServer(tmp_path / "data", eservices_url="https://e-uslugi.gmina.example.pl/")
    try:
        out = tmp_path / "splash.png"
        screenshot(server.url + "/?lang=pl", out, tmp_path / "profile")
    finally:
        server.stop()
    width, height, rows = png_rows(out)
    assert (width, height) == (390, 844)
    distinct = {bytes(row[1:]) for row in rows}
    assert len(distinct) > 50, "the page looks blank"
    if os.environ.get("INFOMAT_UPDATE_DOCS_IMAGES") == "1":  # refresh the picture in the docs
        DOCS_IMAGE.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out, DOCS_IMAGE)
