"""apply-config on a read-only /etc, as on the kiosk image's root: the printer's udev rules and
the screen timers go to /run, where udev and systemd read runtime files, and the timers are
enabled for this boot only. The /etc of the test root is a real read-only bind mount."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.build.deb_parts import load

ROOT = Path(__file__).resolve().parents[2]
apply_config = load("apply_config", ROOT / "build" / "deb" / "apply_config.py")

CONFIG = (
    "[printer]\nusb_vendor_id = 0x04b8\nusb_product_id = 0x0e15\n"
    '[display]\noff_at = "21:30"\non_at = "06:45"\n'
)


@contextlib.contextmanager
def read_only_etc(root: Path) -> Iterator[Path]:
    """`root`/etc mounted read-only (root's own writes fail there with EROFS), with a
    writable etc/infomat bind-mounted over it, as the image mounts the data partition's."""
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root (the tests run as root here)")
    etc, infomat, data = root / "etc", root / "etc" / "infomat", root.parent / "data-etc"
    infomat.mkdir(parents=True, exist_ok=True)
    data.mkdir()
    subprocess.run(["mount", "--bind", etc, etc], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", etc], check=True)
        subprocess.run(["mount", "--bind", data, infomat], check=True)
        try:
            yield root
        finally:
            subprocess.run(["umount", infomat], check=True)
    finally:
        subprocess.run(["umount", etc], check=True)


@pytest.fixture
def image_root(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "root"
    for folder in ("etc/udev/rules.d", "etc/systemd/system", "run"):
        (root / folder).mkdir(parents=True)
    with read_only_etc(root):
        yield root


def run_on(root: Path, text: str, *extra: str) -> int:
    config = root.parent / "kiosk.toml"
    config.write_text(text, encoding="utf-8")
    result: int = apply_config.main(
        ["--config", str(config), "--root", str(root), "--no-reload", *extra]
    )
    return result


def test_a_read_only_etc_sends_the_rules_and_timers_to_run(image_root: Path) -> None:
    with pytest.raises(OSError, match="Read-only file system"):
        (image_root / "etc" / "probe").write_text("x")
    assert run_on(image_root, CONFIG) == 0
    rules = (image_root / "run/udev/rules.d/70-infomat-printer.rules").read_text()
    assert 'ATTRS{idVendor}=="04b8", ATTRS{idProduct}=="0e15"' in rules
    dropins = image_root / "run/systemd/system"
    off = (dropins / "infomat-screen-off.timer.d/schedule.conf").read_text()
    assert off == "[Timer]\nOnCalendar=\nOnCalendar=*-*-* 21:30:00\n"
    assert "06:45:00" in (dropins / "infomat-screen-on.timer.d/schedule.conf").read_text()
    assert list((image_root / "etc").rglob("*.rules")) == []


def test_the_steps_enable_the_timers_for_this_boot_only(image_root: Path) -> None:
    config = apply_config.tomllib.loads(CONFIG)
    steps = apply_config.apply(config, image_root)
    assert "systemctl enable --runtime --now infomat-screen-off.timer" in steps
    assert steps.index("systemctl daemon-reload") < steps.index(
        "systemctl enable --runtime --now infomat-screen-on.timer"
    )
    # Nothing changed since: no daemon-reload. At boot the units start without waiting and
    # the metrics agent (ordered after the boot unit) is left to start by itself.
    again = apply_config.apply(config, image_root, boot=True)
    assert "systemctl daemon-reload" not in again
    assert "systemctl --no-block enable --runtime --now infomat-screen-off.timer" in again
    assert not any("metrics-agent" in step for step in again)
    # The schedule taken out: the runtime drop-ins go, the timers are disabled for the boot.
    off = apply_config.apply(apply_config.tomllib.loads('[display]\non_at = "06:45"\n'), image_root)
    assert not (image_root / "run/systemd/system/infomat-screen-off.timer.d/schedule.conf").exists()
    assert off[:3] == [
        "udevadm control --reload",
        "udevadm trigger --subsystem-match=usb",
        "systemctl daemon-reload",
    ]
    assert "systemctl disable --runtime --now infomat-screen-off.timer" in off


def test_a_leftover_rule_in_the_read_only_etc_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "root"
    (root / "etc/udev/rules.d").mkdir(parents=True)
    (root / "etc/udev/rules.d/70-infomat-printer.rules").write_text("# from the build\n")
    (root / "etc/systemd/system").mkdir(parents=True)
    with read_only_etc(root):
        assert run_on(root, CONFIG) == 1
    err = capsys.readouterr().err
    assert "/etc/udev/rules.d/70-infomat-printer.rules on the read-only root hides" in err
    assert "/run/udev/rules.d/70-infomat-printer.rules" in err


def test_a_writable_etc_is_written_as_before(tmp_path: Path) -> None:
    root = tmp_path / "root"
    assert run_on(root, CONFIG) == 0
    assert (root / "etc/udev/rules.d/70-infomat-printer.rules").is_file()
    assert (root / "etc/systemd/system/infomat-screen-on.timer.d/schedule.conf").is_file()
    assert not (root / "run").exists()
    steps = apply_config.apply(apply_config.tomllib.loads(CONFIG), root)
    assert "systemctl enable --now infomat-screen-off.timer" in steps
