"""The kiosk image boots in QEMU to the kiosk's home screen (docs/image.md).

Runs only when INFOMAT_IMAGE names a built image (`./dev test-image` builds nothing and sets
it to build/work/image/infomat-kiosk.img): booting a VM takes minutes, so the everyday
`./dev test` skips it with that reason.
"""

from __future__ import annotations

import shutil
import time

import pytest

from tests.image.guest import Finished
from tests.image.vm import DISK_GIB, ImageVM
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
    # The screens' QML was compiled when the image was built (customize.sh), for this Qt:
    # loading every file again with Qt's disk-cache log on, none is missing or refused.
    vm.guest.wait_ready(deadline)
    built = load_qml(vm, QML_CACHE)
    assert built.exit_code == 0, built.err
    assert "from disk cache" not in built.err, built.err
    # The same load on an empty cache folder: Qt logs a miss per file (the check above hears).
    empty = load_qml(vm, "/tmp/empty-qml-cache")
    assert empty.exit_code == 0, empty.err
    assert empty.err.count("from disk cache") > 10, empty.err
    # The data partition and its file system grew to the end of the larger disk at this
    # first boot (systemd-repart, then systemd-growfs), with the data on it still there.
    data = data_partition(vm)
    print(
        f"data partition {data['partition'] / GIB:.2f} GiB, file system {data['fs'] / GIB:.2f} GiB"
    )
    assert data["partition"] > (DISK_GIB - 4.1) * GIB, data
    assert data["fs"] > (DISK_GIB - 4.3) * GIB, data
    kept = vm.guest.run(
        "/bin/sh", "-c", "test -s /var/lib/infomat/heartbeat.pub && ls /etc/infomat"
    )
    assert kept.exit_code == 0, kept.err


GIB = 1024**3


def data_partition(vm: ImageVM) -> dict[str, int]:
    """Sizes in bytes of the data partition (the kernel's view) and of its mounted file system."""
    command = (
        "lsblk -bno SIZE /dev/disk/by-partlabel/infomat-data;"
        " df -B1 --output=size /var/lib/infomat | tail -1"
    )
    done = vm.guest.run("/bin/sh", "-c", command)
    assert done.exit_code == 0, done.err
    partition, fs = (int(word) for word in done.out.split())
    return {"partition": partition, "fs": fs}


QML_CACHE = "/usr/lib/infomat-image/qml-cache"  # QML_DISK_CACHE_PATH of the kiosk's unit


def load_qml(vm: ImageVM, cache: str) -> Finished:
    """`kiosk compile-qml` on that folder: loads every QML file of the kiosk through it."""
    logged = "QT_LOGGING_RULES=qt.qml.diskcache.debug=true QT_QPA_PLATFORM=offscreen"
    command = f"{logged} /opt/infomat/kiosk compile-qml {cache}"
    return vm.guest.run("/bin/sh", "-c", command, timeout=180)
