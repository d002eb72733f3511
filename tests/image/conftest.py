"""The VM of the kiosk image, for the tests that boot it (`./dev test-image`, docs/image.md)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.image.vm import ImageVM, missing_tools


def built_image() -> Path:
    """INFOMAT_IMAGE, or a skip saying how to get one (the everyday ./dev test has none)."""
    image = os.environ.get("INFOMAT_IMAGE", "")
    if not image:
        pytest.skip("image boot tests run with ./dev test-image after ./dev image (docs/image.md)")
    if not Path(image).is_file():
        pytest.skip(f"INFOMAT_IMAGE={image} does not exist: run ./dev image first")
    missing = missing_tools()
    if missing:
        pytest.skip(f"image boot tests need {', '.join(missing)} (./dev image installs them)")
    return Path(image)


@pytest.fixture
def vm(tmp_path: Path) -> Iterator[ImageVM]:
    machine = ImageVM(built_image(), tmp_path / "vm")
    machine.start()
    yield machine
    machine.stop()
