"""The kiosk image boots in QEMU to the kiosk's home screen (docs/image.md).

Runs only when INFOMAT_IMAGE names a built image (`./dev test-image` builds nothing and sets
it to build/work/image/infomat-kiosk.img): booting a VM takes minutes, so the everyday
`./dev test` skips it with that reason.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.image.screen import looks_like_home
from tests.image.vm import ImageVM, missing_tools

pytestmark = [pytest.mark.image, pytest.mark.slow]

# Boot to the kiosk's first frame: seconds under KVM; software emulation (TCG) is many times
# slower, so it is given its own allowance.
KVM_BOOT_SECONDS = 240
TCG_BOOT_SECONDS = 1200


@pytest.fixture
def vm(tmp_path: Path) -> Iterator[ImageVM]:
    image = os.environ.get("INFOMAT_IMAGE", "")
    if not image:
        pytest.skip("image boot tests run with ./dev test-image after ./dev image (docs/image.md)")
    if not Path(image).is_file():
        pytest.skip(f"INFOMAT_IMAGE={image} does not exist: run ./dev image first")
    missing = missing_tools()
    if missing:
        pytest.skip(f"image boot tests need {', '.join(missing)} (./dev image installs them)")
    machine = ImageVM(Path(image), tmp_path / "vm")
    machine.start()
    yield machine
    machine.stop()


def test_the_image_boots_to_home_and_marks_its_slot_good(vm: ImageVM) -> None:
    limit = KVM_BOOT_SECONDS if vm.kvm else TCG_BOOT_SECONDS
    started = time.monotonic()
    home = wait_for_home(vm, started + limit)
    print(f"home screen {time.monotonic() - started:.0f} s after QEMU started (kvm={vm.kvm})")
    # The picture for docs/image.md (`./dev test-image` copies it there).
    shutil.copyfile(home, vm.image.parent / "vm-home.png")
    # Once the kiosk is up, RAUC is told the slot is good (GRUB stops counting its tries).
    outcome = wait_for_serial(vm, MARK_GOOD_LINES, started + limit)
    assert outcome == MARK_GOOD_LINES[0], failure(vm, started, f"mark-good: {outcome}")


MARK_GOOD_LINES = (
    "Finished infomat-mark-good.service",
    "Failed to start infomat-mark-good.service",
)


def wait_for_home(vm: ImageVM, deadline: float) -> Path:
    shot, verdict, started = 0, "no screendump yet", time.monotonic()
    while time.monotonic() < deadline and vm.running():
        time.sleep(3)
        shot += 1
        path = vm.screendump(f"screen-{shot:03d}")
        home, verdict = looks_like_home(path)
        if home:
            return path
    pytest.fail(failure(vm, started, f"no home screen: {verdict}"))


def wait_for_serial(vm: ImageVM, lines: tuple[str, ...], deadline: float) -> str:
    """The first of `lines` the serial console shows, or "" at the deadline."""
    while time.monotonic() < deadline and vm.running():
        text = vm.serial_log.read_text(encoding="utf-8", errors="replace")
        for line in lines:
            if line in text:
                return line
        time.sleep(2)
    return ""


def failure(vm: ImageVM, started: float, what: str) -> str:
    return (
        f"{what} after {time.monotonic() - started:.0f} s (kvm={vm.kvm})\n"
        f"screendumps and serial log in {vm.folder}\n--- serial (last lines) ---\n"
        + vm.serial_tail()
    )
