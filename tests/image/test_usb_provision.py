"""A first config from a USB stick in the VM (docs/image.md, "Provisioning from a USB stick"):
a kiosk of the image as it comes takes infomat/kiosk.toml from a FAT stick, restarts with it,
gives its heartbeat key back to the stick, refuses a second stick, and after a power cut
comes back with the config applied again at boot (the printer's udev rule and the screen
timers live in /run on the read-only root).

Part of ./dev test-image. Alone, on an image built from this tree (the package too: its
apply-config has --boot, so `./dev deb` before `./dev image`):
    INFOMAT_IMAGE=build/work/image/infomat-kiosk.img .venv/bin/pytest -p no:xdist -m image \\
        tests/image/test_usb_provision.py -v -s
"""

from __future__ import annotations

import base64
import subprocess
import time
from pathlib import Path

import pytest

from tests.image.test_update import boot_to_home
from tests.image.vm import ImageVM
from tests.image.watch import SerialWatch, boot_allowance, wait_for_home

pytestmark = [pytest.mark.image, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CONFIG = (REPO / "build" / "deb" / "kiosk.toml").read_text(encoding="utf-8")
KIOSK_ID = "vm-ratusz-1"
CONFIG = "/etc/infomat/kiosk.toml"
RULES = "/run/udev/rules.d/70-infomat-printer.rules"
DROPIN = "/run/systemd/system/infomat-screen-off.timer.d/schedule.conf"


def stick_config(kiosk_id: str) -> str:
    """The package's default config made this kiosk's: its id, a USB printer's ids (the
    printer itself stays virtual: the rule is what is checked) and a screen schedule."""
    config = DEFAULT_CONFIG.replace('kiosk_id = "kiosk-1"', f'kiosk_id = "{kiosk_id}"')
    assert config != DEFAULT_CONFIG, "the package's default kiosk_id changed"
    config = config.replace(
        '# off_at = "22:00"\non_at = "07:00"', 'off_at = "03:17"\non_at = "03:18"'
    )
    assert 'off_at = "03:17"' in config, "the package's default [display] changed"
    return config + "\n[printer]\nusb_vendor_id = 0x0416\nusb_product_id = 0x5011\n"


def fat_stick(path: Path, config: str) -> Path:
    """A FAT stick with infomat/kiosk.toml, as a technician copies it."""
    source = path.with_suffix(".toml")
    source.write_text(config, encoding="utf-8")
    subprocess.run(["mkfs.vfat", "-n", "INFOMAT", "-C", str(path), "8192"],
                   check=True, capture_output=True)  # fmt: skip
    subprocess.run(["mmd", "-i", str(path), "::/infomat"], check=True)
    subprocess.run(["mcopy", "-i", str(path), str(source), "::/infomat/kiosk.toml"], check=True)
    return path


def stick_file(stick: Path, name: str) -> str | None:
    done = subprocess.run(["mtype", "-i", str(stick), f"::/{name}"],
                          capture_output=True, text=True, check=False)  # fmt: skip
    return done.stdout if done.returncode == 0 else None


def in_guest(vm: ImageVM, script: str) -> str:
    done = vm.guest.run("/bin/sh", "-c", script, timeout=120)
    assert done.exit_code == 0, f"{script}: {done.err}"
    return done.out


def wait_for_kiosk_status(vm: ImageVM, status: str, deadline: float) -> None:
    """The restarted kiosk's READY status names its new id (until the attract loop, 120 s)."""
    shown = ""
    while time.monotonic() < deadline:
        shown = in_guest(vm, "systemctl show -p StatusText --value infomat-kiosk.service")
        if status in shown:
            return
        time.sleep(2)
    pytest.fail(f"the kiosk's status never said {status!r} (last: {shown!r})")


def assert_applied_for_this_boot(vm: ImageVM) -> None:
    """What apply-config wrote to /run on the read-only root, and the timers it enabled."""
    assert 'ATTRS{idVendor}=="0416", ATTRS{idProduct}=="5011"' in in_guest(vm, f"cat {RULES}")
    assert "OnCalendar=*-*-* 03:17:00" in in_guest(vm, f"cat {DROPIN}")
    enabled = in_guest(vm, "systemctl is-enabled infomat-screen-off.timer infomat-screen-on.timer")
    assert enabled.split() == ["enabled-runtime", "enabled-runtime"]
    calendar = in_guest(vm, "systemctl show -p TimersCalendar --value infomat-screen-off.timer")
    assert "03:17:00" in calendar, calendar


def test_a_new_kiosk_takes_its_config_from_a_stick_and_keeps_it(
    vm: ImageVM, tmp_path: Path
) -> None:
    started = time.monotonic()
    serial = SerialWatch(vm)
    boot_to_home(vm, serial, started, "A")
    budget = boot_allowance(vm)
    vm.guest.wait_ready(time.monotonic() + budget)
    assert in_guest(vm, f"cat {CONFIG}") == DEFAULT_CONFIG
    assert "Finished infomat-apply-config.service" in serial.text()

    stick = fat_stick(tmp_path / "stick.img", stick_config(KIOSK_ID))
    vm.plug_usb_stick(stick, "config", writable=True)
    serial.expect(f"infomat: provisioned as {KIOSK_ID}", time.monotonic() + budget, started)
    # The unit then looks for a bundle and unmounts the stick.
    serial.expect("infomat: no update bundle", time.monotonic() + budget, started)
    wait_for_kiosk_status(vm, f"kiosk {KIOSK_ID} on screen", time.monotonic() + budget)
    wait_for_home(vm, time.monotonic() + budget, name="home-provisioned")
    vm.unplug_usb_stick("config")
    assert in_guest(vm, f"cat {CONFIG}") == stick_config(KIOSK_ID)
    assert in_guest(vm, f"stat -c '%a %U %G' {CONFIG}").strip() == "640 root kiosk"
    assert KIOSK_ID in in_guest(vm, "cat /etc/infomat/provisioned")
    assert_applied_for_this_boot(vm)
    key = in_guest(vm, "cat /var/lib/infomat/heartbeat.pub")
    # The kiosk's heartbeat public key: Ed25519's 32 bytes in base64 (kiosk heartbeat keygen).
    assert len(base64.b64decode(key.strip(), validate=True)) == 32, key
    assert stick_file(stick, f"infomat/keys/{KIOSK_ID}.pub") == key

    # A resident's stick on the provisioned kiosk: refused, nothing changes.
    other = fat_stick(tmp_path / "other.img", stick_config("someone-elses"))
    vm.plug_usb_stick(other, "other", writable=True)
    serial.expect("this kiosk is provisioned already", time.monotonic() + budget, started)
    serial.expect("infomat: no update bundle", time.monotonic() + budget, started)
    vm.unplug_usb_stick("other")
    assert in_guest(vm, f"cat {CONFIG}") == stick_config(KIOSK_ID)
    assert stick_file(other, "infomat/keys/someone-elses.pub") is None

    # A power cut: /run is gone; infomat-apply-config.service writes it again before the
    # kiosk starts, and the installed config survived (temp file, fsync, rename).
    rebooted = serial.position
    vm.power_cycle()
    boot_to_home(vm, serial, started, "A")
    vm.guest.wait_ready(time.monotonic() + budget)
    text = serial.text()
    applied = text.find("Finished infomat-apply-config.service", rebooted)
    kiosk = text.find("Starting infomat-kiosk.service", rebooted)
    assert 0 <= applied < kiosk, "apply-config did not run before the kiosk at boot"
    assert in_guest(vm, f"cat {CONFIG}") == stick_config(KIOSK_ID)
    assert_applied_for_this_boot(vm)
