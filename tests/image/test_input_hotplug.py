"""A kiosk that boots with no touchscreen and no keyboard, which are plugged in later (issue 14).

A kiosk's touchscreen and keypad or keyboard are USB devices: they may come up after the
compositor, be replugged by a technician, or be swapped for new ones. weston takes input
devices as they come (and starts without any: `require-input=false`,
build/deb/share/weston.ini). The VM boots with no input device at all (no virtio tablet or
keyboard, and `i8042=off`: q35's PS/2 keyboard and mouse are gone too), shows home, then a
USB tablet is plugged into its xHCI controller (QMP device_add): a tap opens a category and
Start goes home. Then a USB keyboard is plugged in the same way, the search field is tapped
and "dowod" typed: after a touch on the header the letters show in the field (typed at
rest they are drawn only at the next touch: test_keypad.py). With the PS/2 keyboard left
in, QMP's send-key went to it rather than to the plugged one: QEMU gives keys to one
keyboard. Under TCG about 3 to 4 minutes, most of it the boot.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.image.conftest import built_image
from tests.image.journey import Journey
from tests.image.test_keypad import TICKER_AFTER_TOUCH_S
from tests.image.vm import ImageVM
from tests.image.watch import boot_allowance, wait_for_home

pytestmark = [pytest.mark.image, pytest.mark.slow]


@pytest.fixture
def bare_vm(tmp_path: Path) -> Iterator[ImageVM]:
    machine = ImageVM(built_image(), tmp_path / "vm", input_devices=False)
    machine.start()
    yield machine
    machine.stop()


def wait_until_weston_took(vm: ImageVM, device: str, timeout_s: float = 90.0) -> None:
    """Until the compositor's log says it configured the plugged device (under TCG the
    kernel and weston take from a few to more than ten seconds after the plug)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        log = vm.guest.run("journalctl", "-b", "--no-pager", "-t", "kiosk-compositor").out
        if f'libinput: configuring device "QEMU {device}"' in log:
            return
        time.sleep(2)
    raise AssertionError(f"weston did not take the plugged {device} within {timeout_s:.0f} s")


def test_a_touchscreen_and_a_keyboard_plugged_in_after_the_boot_work(bare_vm: ImageVM) -> None:
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
    vm.execute("device_add", driver="usb-kbd", bus="xhci.0", id="late-keyboard")
    wait_until_weston_took(vm, "QEMU USB Keyboard")
    journey.tap("szukasz? np. dowód")
    # After the frame ticker's seconds that follow a touch (test_keypad.py says why).
    time.sleep(TICKER_AFTER_TOUCH_S + 3)
    journey.touch.type("dowod")
    journey.settle()
    # Typed at rest, the letters are drawn only at the next touch (test_keypad.py's
    # test_letters_typed_at_rest_show_without_a_touch): the touch shows what the field holds.
    journey.tap("Gmina Miasto")
    look = journey.look()
    assert look.find("dowod") is not None, (
        f"letters typed on the USB keyboard plugged in after the boot are not in the search "
        f"field ({look.path})"
    )
