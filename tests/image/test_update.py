"""Updates A/B in the VM: a signed RAUC bundle on a USB stick, the reboot into the other slot,
the fallback when the new slot's kiosk does not come up, and a bundle of an untrusted signer
refused (docs/image.md, "Updates").

The bundles are made from the built image's slot (make-bundle.sh) with a version of their
own; the broken one has a kiosk session that exits at once, as a bad build would. Each test
boots a fresh overlay of the image; under TCG each takes several minutes.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.image.conftest import built_image
from tests.image.disk import StoppedDisk
from tests.image.vm import ImageVM
from tests.image.watch import SerialWatch, boot_allowance, wait_for_home

pytestmark = [pytest.mark.image, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
MAKE_BUNDLE = REPO / "build" / "image" / "make-bundle.sh"
VERSION_FILE = "/usr/lib/infomat-image/version"
SESSION = "/usr/lib/infomat/kiosk-session"


@dataclass(frozen=True)
class Sticks:
    base_version: str
    good_version: str
    broken_version: str
    good: Path
    broken: Path
    untrusted: Path


def run(*command: str | Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        check=True,
        capture_output=True,
        text=True,
        env=None if env is None else {**os.environ, **env},
    )
    return result.stdout


def signing_keys() -> tuple[Path, Path]:
    folder = REPO / "build" / "work" / "image-keys"
    cert = Path(os.environ.get("INFOMAT_RAUC_CERT", folder / "cert.pem"))
    key = Path(os.environ.get("INFOMAT_RAUC_KEY", folder / "key.pem"))
    if not cert.is_file() or not key.is_file():
        pytest.skip(f"no signing key {key} / {cert}: ./dev image makes the development one")
    return cert, key


def make_bundle(rootfs: Path, version: str, out: Path, cert: Path, key: Path) -> Path:
    # A fast zstd level: the bundle is a little bigger, made in a fraction of the time.
    env = {"INFOMAT_RAUC_CERT": str(cert), "INFOMAT_RAUC_KEY": str(key),
           "INFOMAT_BUNDLE_ZSTD_LEVEL": "3"}  # fmt: skip
    print(run(MAKE_BUNDLE, rootfs, version, out, env=env).strip())
    return out


def make_stick(bundle: Path, stick: Path) -> Path:
    """A FAT stick with the bundle in infomat/, as a technician would copy it."""
    size_kib = bundle.stat().st_size // 1024 + 32 * 1024
    run("mkfs.vfat", "-n", "INFOMAT", "-C", stick, str(size_kib))
    run("mmd", "-i", stick, "::/infomat")
    run("mcopy", "-i", stick, bundle, "::/infomat/update.raucb")
    return stick


def broken_rootfs(rootfs: Path, folder: Path) -> Path:
    """A copy of the slot whose kiosk session exits at once: the kiosk never shows a frame."""
    copy = folder / "rootfs-broken.ext4"
    run("cp", "--sparse=always", rootfs, copy)
    script = folder / "kiosk-session"
    script.write_text("#!/bin/sh\necho 'infomat: a broken build (test)' >&2\nexit 1\n")
    commands = f"rm {SESSION}\nwrite {script} {SESSION}\nsif {SESSION} mode 0100755\n"
    subprocess.run(["debugfs", "-w", "-f", "-", str(copy)], input=commands, text=True,
                   check=True, capture_output=True)  # fmt: skip
    return copy


@pytest.fixture(scope="module")
def sticks(tmp_path_factory: pytest.TempPathFactory) -> Sticks:
    image = built_image()
    rootfs = image.parent / "rootfs-a.ext4"
    if not rootfs.is_file():
        pytest.skip(f"no {rootfs}: ./dev image leaves the slot's file system beside the image")
    cert, key = signing_keys()
    folder = tmp_path_factory.mktemp("bundles")
    base = run("debugfs", "-R", f"cat {VERSION_FILE}", rootfs).strip()
    good_version, broken_version = f"{base}+t2", f"{base}+broken"
    good = make_bundle(rootfs, good_version, folder / "good.raucb", cert, key)
    broken = make_bundle(
        broken_rootfs(rootfs, folder), broken_version, folder / "broken.raucb", cert, key
    )
    # The same content signed by a key the kiosks do not trust.
    stranger = folder / "stranger"
    stranger.mkdir()
    run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-days", "30", "-subj", "/O=Not Infomat/CN=stranger",
        "-keyout", stranger / "key.pem", "-out", stranger / "cert.pem")  # fmt: skip
    untrusted = folder / "untrusted.raucb"
    run("rauc", "resign", "--keyring", cert, "--signing-keyring", stranger / "cert.pem",
        "--cert", stranger / "cert.pem", "--key", stranger / "key.pem", good, untrusted)  # fmt: skip
    return Sticks(
        base, good_version, broken_version,
        make_stick(good, folder / "good.img"),
        make_stick(broken, folder / "broken.img"),
        make_stick(untrusted, folder / "untrusted.img"),
    )  # fmt: skip


def boot_to_home(vm: ImageVM, serial: SerialWatch, started: float, slot: str) -> None:
    deadline = time.monotonic() + boot_allowance(vm)
    serial.expect(f"infomat: booting slot {slot}", deadline, started)
    wait_for_home(vm, deadline, name=f"home-{slot}-{int(time.monotonic() - started)}")
    serial.expect("Finished infomat-mark-good.service", deadline, started)


def test_a_signed_update_from_a_stick_boots_the_other_slot_and_keeps_the_data(
    vm: ImageVM, sticks: Sticks
) -> None:
    started = time.monotonic()
    serial = SerialWatch(vm)
    boot_to_home(vm, serial, started, "A")
    budget = boot_allowance(vm)

    # A bundle signed by a stranger: RAUC refuses it before writing; the kiosk stays on A.
    vm.plug_usb_stick(sticks.untrusted, "untrusted")
    outcome = serial.wait(("infomat: update refused", "infomat: installing"), started + budget * 2)
    assert outcome == "infomat: update refused", serial.text()[-3000:]
    serial.expect("not accepted", time.monotonic() + 60, started)
    vm.unplug_usb_stick("untrusted")

    vm.plug_usb_stick(sticks.good, "good")
    installed = f"infomat: installed {sticks.good_version} into slot B; rebooting"
    serial.expect(installed, time.monotonic() + budget, started)
    update_started, rebooted = time.monotonic(), serial.position
    boot_to_home(vm, serial, started, "B")
    serial.expect_since(rebooted, f"infomat: now running {sticks.good_version} from slot B",
                        time.monotonic() + 120, started)  # fmt: skip
    print(f"update: reboot to the new slot's home {time.monotonic() - update_started:.0f} s")
    # The stick is still in: the version running now is not installed again.
    serial.expect(f"this kiosk already runs {sticks.good_version}", time.monotonic() + 120, started)
    text = serial.text()
    vm.stop()

    disk = StoppedDisk(vm.folder / "disk.qcow2")
    env = disk.grubenv()
    assert env["ORDER"].split()[0] == "B", env
    assert (env["B_OK"], env["B_TRY"]) == ("1", "0"), env
    assert (disk.slot_file("B", VERSION_FILE) or "").strip() == sticks.good_version
    assert (disk.slot_file("A", VERSION_FILE) or "").strip() == sticks.base_version
    state = json.loads(disk.data_file("/image-update.json") or "{}")
    assert (state["state"], state["slot"], state["version"]) == (
        "updated", "B", sticks.good_version,
    )  # fmt: skip
    # The data partition was kept: the heartbeat key of the first boot is still the only one.
    assert "PRIVATE KEY" in (disk.data_file("/heartbeat.pem") or "")
    assert text.count("Finished infomat-first-boot.service") == 1, "the first boot ran twice"


def test_an_update_whose_kiosk_does_not_start_falls_back_after_three_tries(
    vm: ImageVM, sticks: Sticks
) -> None:
    started = time.monotonic()
    serial = SerialWatch(vm)
    boot_to_home(vm, serial, started, "A")
    budget = boot_allowance(vm)

    vm.plug_usb_stick(sticks.broken, "broken")
    installed = f"infomat: installed {sticks.broken_version} into slot B; rebooting"
    serial.expect(installed, time.monotonic() + budget, started)
    fallback_started = time.monotonic()
    for attempt in range(1, 4):
        deadline = time.monotonic() + budget
        serial.expect("infomat: booting slot B", deadline, started)
        serial.expect("the kiosk did not start from slot B; rebooting", deadline, started)
        print(f"try {attempt} of slot B failed {time.monotonic() - started:.0f} s in")
    back_on_a = serial.position
    boot_to_home(vm, serial, started, "A")
    rolled_back = f"infomat: update {sticks.broken_version} in slot B did not come up"
    serial.expect_since(back_on_a, rolled_back, time.monotonic() + 120, started)
    print(f"rollback: {time.monotonic() - fallback_started:.0f} s from the install to home on A")
    # The stick is still in: the version that failed is not installed again.
    refused = f"update refused: {sticks.broken_version} did not start on this kiosk before"
    serial.expect(refused, time.monotonic() + 120, started)
    vm.stop()

    disk = StoppedDisk(vm.folder / "disk.qcow2")
    env = disk.grubenv()
    assert env["ORDER"].split()[0] == "A", env
    assert (env["A_OK"], env["A_TRY"], env["B_OK"]) == ("1", "0", "0"), env
    state = json.loads(disk.data_file("/image-update.json") or "{}")
    assert (state["state"], state["slot"], state["version"]) == (
        "rolled-back", "B", sticks.broken_version,
    )  # fmt: skip
    failed = (disk.data_file("/image-failed-versions") or "").split()
    assert failed == [sticks.broken_version]
