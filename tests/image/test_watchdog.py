"""The kiosk comes back by itself in the VM: killed, it is restarted; hung, systemd's watchdog
restarts it (infomat-kiosk.service: Restart=always, WatchdogSec=30; the app pings from its
event loop). Commands in the guest go through the QEMU guest agent (tests/image/guest.py).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.image.conftest import built_image
from tests.image.vm import ImageVM
from tests.image.watch import SerialWatch, boot_allowance, failure, wait_for_home

pytestmark = [pytest.mark.image, pytest.mark.slow]

UNIT = "infomat-kiosk.service"
# RestartSec=2, then the app's start to its first frame: seconds on hardware, tens under TCG.
BACK_SECONDS = 180
WATCHDOG_SECONDS = 30


@pytest.fixture(scope="module")
def kiosk_vm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ImageVM]:
    machine = ImageVM(built_image(), tmp_path_factory.mktemp("watchdog") / "vm")
    machine.start()
    started = time.monotonic()
    deadline = started + boot_allowance(machine)
    wait_for_home(machine, deadline, name="boot")
    SerialWatch(machine).expect("Finished infomat-mark-good.service", deadline, started)
    machine.guest.wait_ready(deadline)
    yield machine
    machine.stop()


def restarts(vm: ImageVM) -> int:
    shown = vm.guest.run("/bin/systemctl", "show", "--property=NRestarts", "--value", UNIT)
    return int(shown.out.strip())


# The image has no procps: the unit's processes come from its cgroup, the app by its command
# line (weston runs /usr/lib/infomat/kiosk-session, which execs the bundle).
FIND_APP = (
    "for p in $(cat /sys/fs/cgroup/system.slice/infomat-kiosk.service/cgroup.procs); do "
    "tr '\\0' ' ' < /proc/$p/cmdline 2>/dev/null | grep -q '^/opt/infomat/kiosk ' && echo $p; "
    "done"
)


def app_pid(vm: ImageVM) -> int:
    """The kiosk app (weston's child, the PyInstaller bundle), not weston itself."""
    found = vm.guest.run("/bin/sh", "-c", FIND_APP)
    pids = found.out.split()
    assert pids, f"no kiosk app runs in the VM: {found.err}"
    return int(pids[0])


def back_on_home(vm: ImageVM, before: int, since: float, name: str) -> tuple[float, Path]:
    """Seconds until systemd restarted the kiosk and its home screen shows again."""
    deadline = since + BACK_SECONDS + WATCHDOG_SECONDS
    while restarts(vm) == before:
        if time.monotonic() > deadline:
            pytest.fail(failure(vm, since, f"{UNIT} was not restarted"))
        time.sleep(1)
    while vm.guest.run("/bin/systemctl", "is-active", "--quiet", UNIT).exit_code != 0:
        if time.monotonic() > deadline:
            pytest.fail(failure(vm, since, f"{UNIT} did not become active again"))
        time.sleep(1)
    home = wait_for_home(vm, deadline, name=name)
    return time.monotonic() - since, home


def test_a_killed_kiosk_is_back_on_home(kiosk_vm: ImageVM) -> None:
    before, pid = restarts(kiosk_vm), app_pid(kiosk_vm)
    killed = time.monotonic()
    assert kiosk_vm.guest.run("/bin/sh", "-c", f"kill -KILL {pid}").exit_code == 0
    seconds, _ = back_on_home(kiosk_vm, before, killed, "after-kill")
    assert app_pid(kiosk_vm) != pid
    print(f"kill -9 of the app -> home again in {seconds:.0f} s (kvm={kiosk_vm.kvm})")


def test_a_hung_kiosk_is_restarted_by_the_watchdog(kiosk_vm: ImageVM) -> None:
    serial = SerialWatch(kiosk_vm)
    serial.skip_to_end()  # what the hang makes systemd say comes after this
    before, pid = restarts(kiosk_vm), app_pid(kiosk_vm)
    hung = time.monotonic()
    # SIGSTOP: the process lives on but its event loop no longer runs, so no WATCHDOG=1.
    assert kiosk_vm.guest.run("/bin/sh", "-c", f"kill -STOP {pid}").exit_code == 0
    seconds, _ = back_on_home(kiosk_vm, before, hung, "after-hang")
    serial.expect("Watchdog timeout", time.monotonic() + 30, hung)
    assert seconds >= WATCHDOG_SECONDS - 2, "restarted before the watchdog could have fired"
    print(f"hung app -> watchdog -> home again in {seconds:.0f} s (kvm={kiosk_vm.kvm})")
