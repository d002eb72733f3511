"""The real infomat-captive-portal package, built once for the tests that need it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def built_portal_deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """build/portal-deb/make_portal_deb.py's package, version 9.8.7 (~1 min: pip fills a
    real venv from the package index), only with INFOMAT_PORTAL_DEB=1 (./dev test-deb-portal)."""
    if os.environ.get("INFOMAT_PORTAL_DEB") != "1":
        pytest.skip("builds the real package (~1 min, PyPI): INFOMAT_PORTAL_DEB=1")
    out = tmp_path_factory.mktemp("portal-dist")
    builder = ROOT / "build" / "portal-deb" / "make_portal_deb.py"
    done = subprocess.run(
        [sys.executable, str(builder), "--out", str(out), "--version", "9.8.7"],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return out / "infomat-captive-portal_9.8.7_amd64.deb"
