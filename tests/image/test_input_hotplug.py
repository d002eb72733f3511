"""A kiosk that boots with no touchscreen, which is plugged in later (issue 14).

A kiosk's touchscreen is a USB device: it may come up after the compositor, be replugged by a
technician, or be swapped for a new one. weston takes input devices as they come (and
starts without any: `require-input=false`, build/deb/share/weston.ini). The VM boots with no
touchscreen and no USB keyboard (only the PC's emulated PS/2 keyboard and mouse, which QEMU's
q35 machine always has and nothing sends to), shows home, then a USB tablet
is plugged into its xHCI controller (QMP device_add): a tap opens a category and Start goes
home. Under TCG about 3 to 4 minutes, most of it the boot. A USB keyboard plugged in the same
way is not tested yet: QMP's send-key went to another keyboard (no letter showed, one run), and
sending to the plugged one alone needs it bound to the screen's console, which a hot-plugged
usb-kbd was not (`display=` on device_add did not bind it).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.image.conftest import built_image
from tests.image.journey import Journey
from tests.image.vm import ImageVM
from tests.image.watch import boot_allowance, wait_for_home

pytestmark = [pytest.mark.image, pytest.mark.slow]


@pytest.fixture
def bare_vm(tmp_path: Path) -> Iterator[ImageVM]:
    machine = ImageVM(built_image(), tmp_path / "vm", input_devices=False)
    machine.start()
    yield machine
    machine.stop()


def test_a_touchscreen_plugged_in_after_the_boot_works(bare_vm: ImageVM) -> None:
    vm = bare_vm
    wait_for_home(vm, time.monotonic() + boot_allowance(vm), name="boot")
    vm.execute("device_add", driver="usb-tablet", bus="xhci.0", id="late-touchscreen")
    time.sleep(3)  # the guest's USB enumeration and udev
    journey = Journey(vm, "hotplug")
    journey.wake()
    journey.tap("Informacja publiczna")  # a category: its list of services opens
    journey.wait_for("Wniosek o udostępnienie informacji publicznej")
    journey.tap("Start")  # and home again
    journey.wait_for("Kategorie")
