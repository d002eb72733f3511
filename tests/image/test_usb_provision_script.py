"""A first config from a USB stick (build/image/rootfs/usr/lib/infomat-image/usb-provision,
run by usb-update), outside the VM: the real scripts on a real FAT stick image attached to a
loop device and mounted by the script itself (ext4: this machine's kernel has no vfat), the kiosk's real config loader (the `kiosk`
command of this checkout) and the real apply-config on a temporary root, with a stand-in
for `systemctl` only. The whole path in the VM is tests/image/test_usb_provision.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = REPO / "build" / "image" / "rootfs" / "usr" / "lib" / "infomat-image"
UNITS = REPO / "build" / "image" / "rootfs" / "etc" / "systemd" / "system"
APPLY_CONFIG = REPO / "build" / "deb" / "apply_config.py"
DEFAULT_CONFIG = REPO / "build" / "deb" / "kiosk.toml"
KEY = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAheartbeat-of-this-kiosk\n-----END PUBLIC KEY-----\n"
GOOD = (
    'kiosk_id = "lancut-ratusz-1"\ndata_dir = "/var/lib/infomat"\n'
    "[printer]\nusb_vendor_id = 0x0416\nusb_product_id = 0x5011\n"
    '[display]\noff_at = "21:00"\non_at = "07:00"\n'
)

pytestmark = pytest.mark.root

FAKE_SYSTEMCTL = '#!/bin/bash\necho "systemctl $*" >> "$FAKES/calls.log"\n'
# apply-config as the script calls it, under a temporary root instead of /: the config file
# of the kiosk's folder when none is named, and no udevadm/systemctl steps.
FAKE_APPLY_CONFIG = f"""#!/bin/bash
echo "apply-config $*" >> "$FAKES/calls.log"
case " $* " in *" --config "*) ;; *) set -- --config "$CONFIG_DIR/kiosk.toml" "$@" ;; esac
case " $* " in *" --root "*) ;; *) set -- "$@" --root "$FAKES/root" --no-reload ;; esac
exec {sys.executable} {APPLY_CONFIG} "$@"
"""


@dataclass
class Kiosk:
    root: Path

    @property
    def config_dir(self) -> Path:
        return self.root / "etc-infomat"

    @property
    def fakes(self) -> Path:
        return self.root / "fakes"

    def config(self) -> str:
        return (self.config_dir / "kiosk.toml").read_text(encoding="utf-8")

    def calls(self) -> list[str]:
        log = self.fakes / "calls.log"
        return log.read_text(encoding="utf-8").splitlines() if log.exists() else []

    def plug(self, stick: Path) -> str:
        """Runs usb-update for the stick on a loop device, as udev's unit would; its output."""
        device = subprocess.run(
            ["losetup", "--find", "--show", str(stick)], check=True, capture_output=True, text=True
        ).stdout.strip()
        env = {
            "PATH": f"{self.fakes}:{Path(sys.executable).parent}:{os.environ['PATH']}",
            "FAKES": str(self.fakes),
            "CONFIG_DIR": str(self.config_dir),
            "INFOMAT_TEST_DEV_DIR": "/dev",
            "INFOMAT_TEST_MOUNT_DIR": str(self.root / "mounts"),
            "INFOMAT_TEST_DATA_DIR": str(self.root / "data"),
            "INFOMAT_TEST_IMAGE_LIB": str(self.root / "lib"),
            "INFOMAT_TEST_CMDLINE": str(self.root / "cmdline"),
            "INFOMAT_TEST_CONFIG_DIR": str(self.config_dir),
            "INFOMAT_TEST_KIOSK": str(Path(sys.executable).parent / "kiosk"),
            "INFOMAT_TEST_APPLY_CONFIG": str(self.fakes / "apply-config"),
            "INFOMAT_TEST_KIOSK_USER": "root",
        }
        try:
            done = subprocess.run(
                [str(SCRIPTS / "usb-update"), Path(device).name],
                env=env, capture_output=True, text=True, timeout=120, check=False,
            )  # fmt: skip
        finally:
            subprocess.run(["losetup", "--detach", device], check=True)
        assert done.returncode == 0, done.stdout + done.stderr
        assert not (self.root / "mounts" / Path(device).name).exists(), "left mounted"
        return done.stdout


@pytest.fixture
def kiosk(tmp_path: Path) -> Kiosk:
    """A kiosk of the image as it comes: the package's default config and no marker."""
    if os.geteuid() != 0 or not shutil.which("losetup") or not shutil.which("debugfs"):
        pytest.skip("mounting a stick image needs root, losetup and e2fsprogs")
    kiosk = Kiosk(tmp_path)
    for folder in ("fakes", "data", "lib", "etc-infomat", "mounts"):
        (tmp_path / folder).mkdir()
    for name, text in (("systemctl", FAKE_SYSTEMCTL), ("apply-config", FAKE_APPLY_CONFIG)):
        (kiosk.fakes / name).write_text(text, encoding="utf-8")
        (kiosk.fakes / name).chmod(0o755)
    shutil.copy(DEFAULT_CONFIG, tmp_path / "lib" / "default-kiosk.toml")
    shutil.copy(DEFAULT_CONFIG, kiosk.config_dir / "kiosk.toml")
    (tmp_path / "lib" / "version").write_text("0.1.0\n", encoding="utf-8")
    (tmp_path / "cmdline").write_text("BOOT_IMAGE=/vmlinuz ro rauc.slot=A\n", encoding="utf-8")
    (tmp_path / "data" / "heartbeat.pub").write_text(KEY, encoding="utf-8")
    return kiosk


def make_stick(path: Path, files: dict[str, str]) -> Path:
    """A stick image holding `files` (path on the stick: text), as a technician makes it.
    ext4, which the script mounts as it mounts FAT: this machine's kernel has no vfat (the
    VM test's stick is FAT)."""
    source = path.with_suffix(".files")
    source.mkdir()
    for name, text in files.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text(text, encoding="utf-8")
    subprocess.run(["mkfs.ext4", "-q", "-L", "INFOMAT", "-d", str(source), str(path), "4M"],
                   check=True, capture_output=True)  # fmt: skip
    return path


def stick_file(stick: Path, name: str) -> str | None:
    done = subprocess.run(["debugfs", "-R", f"cat /{name}", str(stick)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    if done.returncode != 0 or "not found" in done.stderr:
        return None
    return done.stdout


def test_a_new_kiosk_takes_the_sticks_config_and_gives_back_its_key(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    stick = make_stick(tmp_path / "stick.img", {"infomat/kiosk.toml": GOOD})
    out = kiosk.plug(stick)
    assert "infomat: provisioned as lancut-ratusz-1" in out, out
    assert kiosk.config() == GOOD
    installed = kiosk.config_dir / "kiosk.toml"
    assert installed.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in kiosk.config_dir.iterdir()) == ["kiosk.toml", "provisioned"]
    assert "as lancut-ratusz-1 at" in (kiosk.config_dir / "provisioned").read_text()
    # apply-config ran on the installed config: the printer's rule and the screen timers.
    rules = kiosk.fakes / "root/etc/udev/rules.d/70-infomat-printer.rules"
    assert 'ATTRS{idVendor}=="0416", ATTRS{idProduct}=="5011"' in rules.read_text()
    assert "systemctl --no-block restart infomat-kiosk.service" in kiosk.calls()
    assert stick_file(stick, "infomat/keys/lancut-ratusz-1.pub") == KEY
    assert "no update bundle" in out  # the stick is then looked at for a bundle as before


def test_a_provisioned_kiosk_refuses_a_stick(kiosk: Kiosk, tmp_path: Path) -> None:
    first = make_stick(tmp_path / "first.img", {"infomat/kiosk.toml": GOOD})
    kiosk.plug(first)
    calls = len(kiosk.calls())
    other = GOOD.replace("lancut-ratusz-1", "someone-elses")
    stick = make_stick(tmp_path / "resident.img", {"infomat/kiosk.toml": other})
    out = kiosk.plug(stick)
    assert "the stick's config is not used: this kiosk is provisioned already" in out
    assert kiosk.config() == GOOD
    assert kiosk.calls()[calls:] == []
    assert stick_file(stick, "infomat/keys/someone-elses.pub") is None


def test_a_kiosk_configured_by_hand_without_the_marker_refuses_a_stick(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    (kiosk.config_dir / "kiosk.toml").write_text(GOOD, encoding="utf-8")
    stick = make_stick(tmp_path / "stick.img", {"infomat/kiosk.toml": GOOD.replace("1", "2")})
    assert "provisioned already" in kiosk.plug(stick)
    assert kiosk.config() == GOOD
    assert not (kiosk.config_dir / "provisioned").exists()


def test_a_kiosk_never_configured_still_takes_a_stick_after_an_update_with_another_default(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    """The kiosk was written with an older image, whose default config it still has; the
    slot it runs now ships another default. It is still nobody's kiosk: the stick is heard."""
    older_default = "# an older image's default\n" + DEFAULT_CONFIG.read_text(encoding="utf-8")
    (kiosk.config_dir / "kiosk.toml").write_text(older_default, encoding="utf-8")
    (kiosk.config_dir / "kiosk.toml.image-default").write_text(older_default, encoding="utf-8")
    stick = make_stick(tmp_path / "stick.img", {"infomat/kiosk.toml": GOOD})
    out = kiosk.plug(stick)
    assert "infomat: provisioned as lancut-ratusz-1" in out, out
    assert kiosk.config() == GOOD


def test_a_kiosk_changed_from_its_first_default_refuses_a_stick_after_an_update(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    older_default = "# an older image's default\n" + DEFAULT_CONFIG.read_text(encoding="utf-8")
    (kiosk.config_dir / "kiosk.toml.image-default").write_text(older_default, encoding="utf-8")
    (kiosk.config_dir / "kiosk.toml").write_text(GOOD, encoding="utf-8")
    stick = make_stick(tmp_path / "stick.img", {"infomat/kiosk.toml": GOOD.replace("1", "2")})
    assert "provisioned already" in kiosk.plug(stick)
    assert kiosk.config() == GOOD


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (GOOD.replace('"21:00"', '"25:00"'),
         "infomat/kiosk.toml: 'display.off_at' must be a time like 22:00 (got '25:00')"),
        (GOOD + "[screen]\norientaton = 'portrait'\n", "infomat/kiosk.toml: "),
        (GOOD.replace("lancut-ratusz-1", "../../etc/x"), "'kiosk_id' must be letters, digits"),
        (GOOD.replace('"/var/lib/infomat"', '"/tmp"'), "'data_dir' must be \"/var/lib/infomat\""),
        (GOOD.replace("[printer]", "[metrics]\nremote_write_url = 'https://m.example/w'\n"
                      "remote_write_token_file = '/nonexistent/token'\n[printer]"),
         "'metrics.remote_write_token_file': no file /nonexistent/token"),
    ],
    ids=["loader: a bad time", "loader: an unknown key", "kiosk_id", "data_dir", "apply-config"],
)  # fmt: skip
def test_a_bad_config_changes_nothing_and_says_why(
    kiosk: Kiosk, tmp_path: Path, text: str, reason: str
) -> None:
    stick = make_stick(tmp_path / "stick.img", {"infomat/kiosk.toml": text})
    out = kiosk.plug(stick)
    assert "infomat: the stick's config was refused, nothing changed: infomat/kiosk.toml: " in out
    assert reason in out, out
    assert kiosk.config() == DEFAULT_CONFIG.read_text(encoding="utf-8")
    assert sorted(p.name for p in kiosk.config_dir.iterdir()) == ["kiosk.toml"]
    assert not any("restart" in call for call in kiosk.calls())
    assert stick_file(stick, "infomat/keys/lancut-ratusz-1.pub") is None


def test_one_stick_gives_each_new_kiosk_the_next_config_without_a_key(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    second = GOOD.replace("lancut-ratusz-1", "lancut-ratusz-2")
    stick = make_stick(
        tmp_path / "stick.img",
        {"infomat/configs/lancut-ratusz-1.toml": GOOD,
         "infomat/configs/lancut-ratusz-2.toml": second,
         "infomat/keys/lancut-ratusz-1.pub": "taken by the kiosk before\n"},
    )  # fmt: skip
    out = kiosk.plug(stick)
    assert "provisioning from the stick's infomat/configs/lancut-ratusz-2.toml" in out
    assert kiosk.config() == second
    assert stick_file(stick, "infomat/keys/lancut-ratusz-2.pub") == KEY


def test_a_config_named_for_another_kiosk_is_refused(kiosk: Kiosk, tmp_path: Path) -> None:
    stick = make_stick(tmp_path / "stick.img", {"infomat/configs/mosir-1.toml": GOOD})
    out = kiosk.plug(stick)
    assert (
        "its 'kiosk_id' is 'lancut-ratusz-1': name the file infomat/configs/lancut-ratusz-1.toml"
        in out
    )
    assert kiosk.config() == DEFAULT_CONFIG.read_text(encoding="utf-8")


def test_a_stick_without_a_config_leaves_the_kiosk_alone(kiosk: Kiosk, tmp_path: Path) -> None:
    out = kiosk.plug(make_stick(tmp_path / "stick.img", {}))
    assert "provision" not in out
    assert kiosk.calls() == []
    assert kiosk.config() == DEFAULT_CONFIG.read_text(encoding="utf-8")


def test_the_image_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    """The boot unit of apply-config and the stick's unit, their programs pointed here."""
    folder = tmp_path / "units"
    folder.mkdir()
    program = tmp_path / "apply-config"
    shutil.copy(APPLY_CONFIG, program)
    program.chmod(0o755)
    for name in ("infomat-apply-config.service", "infomat-usb-update@.service"):
        text = (UNITS / name).read_text(encoding="utf-8")
        text = text.replace("/usr/lib/infomat/apply-config", str(program))
        (folder / name).write_text(text.replace("/usr/lib/infomat-image/", f"{SCRIPTS}/"))
    done = subprocess.run(
        ["systemd-analyze", "verify", str(folder / "infomat-apply-config.service"),
         str(folder / "infomat-usb-update@sdb1.service")],
        env={"SYSTEMD_UNIT_PATH": f"{folder}:", "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    unit = (UNITS / "infomat-apply-config.service").read_text(encoding="utf-8")
    assert "Before=infomat-kiosk.service infomat-metrics-agent.service" in unit
    assert "RequiresMountsFor=/var/lib/infomat /etc/infomat" in unit
