"""The kiosk image boots in QEMU to the kiosk's home screen (docs/image.md).

Runs only when INFOMAT_IMAGE names a built image (`./dev test-image` builds nothing and sets
it to build/work/image/infomat-kiosk.img): booting a VM takes minutes, so the everyday
`./dev test` skips it with that reason.
"""

from __future__ import annotations

import shutil
import time

import pytest

from tests.image.vm import ImageVM
from tests.image.watch import SerialWatch, boot_allowance, failure, wait_for_home

pytestmark = [pytest.mark.image, pytest.mark.slow]

MARK_GOOD_LINES = (
    "Finished infomat-mark-good.service",
    "Failed to start infomat-mark-good.service",
)


def test_the_image_boots_to_home_and_marks_its_slot_good(vm: ImageVM) -> None:
    started = time.monotonic()
    deadline = started + boot_allowance(vm)
    home = wait_for_home(vm, deadline)
    print(f"home screen {time.monotonic() - started:.0f} s after QEMU started (kvm={vm.kvm})")
    # The picture for docs/image.md (`./dev test-image` copies it there).
    shutil.copyfile(home, vm.image.parent / "vm-home.png")
    # Once the kiosk is up, RAUC is told the slot is good (GRUB stops counting its tries).
    outcome = SerialWatch(vm).wait(MARK_GOOD_LINES, deadline)
    assert outcome == MARK_GOOD_LINES[0], failure(vm, started, f"mark-good: {outcome}")
