"""The Debian package's parts: units pass systemd-analyze verify, the config it ships loads,
apply-config writes udev rules and timers from the TOML, and the package holds what it must."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from captive_portal.settings_file import load_settings
from kiosk.config import load_config
from tests.build.deb_parts import load

ROOT = Path(__file__).resolve().parents[2]
DEB = ROOT / "build" / "deb"
VENV_BIN = Path(sys.executable).parent


apply_config = load("apply_config", DEB / "apply_config.py")
make_deb = load("make_deb", DEB / "make_deb.py")


def units_for_this_machine(folder: Path, broken: str = "") -> list[Path]:
    """The units with the package's paths pointed at this checkout (weston is the real one)."""
    folder.mkdir()
    for unit in sorted((DEB / "systemd").iterdir()):
        text = unit.read_text().replace("/usr/lib/infomat/", f"{DEB}/bin/")
        text = text.replace("/usr/bin/captive-portal", str(VENV_BIN / "captive-portal"))
        (folder / unit.name).write_text(text.replace("Restart=always", broken or "Restart=always"))
    return sorted(folder.iterdir())


def verify(units: list[Path]) -> subprocess.CompletedProcess[str]:
    env = {"SYSTEMD_UNIT_PATH": f"{units[0].parent}:", "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        ["systemd-analyze", "verify", *map(str, units)],
        env=env, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip


@pytest.mark.skipif(not shutil.which("weston"), reason="needs Debian's weston (make test-debs)")
def test_every_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    units = units_for_this_machine(tmp_path / "units")
    assert {u.name for u in units} >= {
        "infomat-kiosk.service",
        "infomat-kiosk-login.service",
        "infomat-kiosk-recovery.service",
        "infomat-screen-off.timer",
        "infomat-captive-portal.service",
        "infomat-metrics-agent.service",
    }
    done = verify(units)
    assert (done.returncode, done.stderr) == (0, "")
    broken = verify(units_for_this_machine(tmp_path / "broken", broken="Restart=alwayz"))
    assert "Failed to parse service restart specifier" in broken.stderr


def test_the_kiosk_unit_runs_weston_with_watchdog_recovery_and_notify() -> None:
    unit = (DEB / "systemd" / "infomat-kiosk.service").read_text().splitlines()
    for line in (
        "Type=notify",
        "NotifyAccess=all",
        "WatchdogSec=30",
        "Restart=always",
        "StartLimitBurst=5",
        "OnFailure=infomat-kiosk-recovery.service",
        "User=kiosk",
        "Requires=infomat-kiosk-login.service",
        "Environment=XDG_RUNTIME_DIR=/run/infomat-kiosk",
        "ExecStartPre=/usr/lib/infomat/wait-for-session kiosk",
        "ExecStart=/usr/lib/infomat/kiosk-compositor",
    ):
        assert line in unit
    # The login session is another unit's: pam_systemd would move weston and the app out of
    # this service, and READY=1 and the watchdog pings would go unheard.
    assert not [line for line in unit if line.startswith("PAMName=")]
    login = (DEB / "systemd" / "infomat-kiosk-login.service").read_text().splitlines()
    for line in (
        "PAMName=login",
        "TTYPath=/dev/tty1",
        "User=kiosk",
    ):
        assert line in login
    # One command only: each command of a unit with PAMName= opens a session of its own.
    assert [line.split("=")[0] for line in login if line.startswith("Exec")] == ["ExecStart"]
    # A restart of the kiosk keeps the session: weston takes it again (a new session would
    # still be opening while the old one closed, and weston failed on it).
    assert not [line for line in login if line.startswith(("PartOf=", "BindsTo="))]
    assert "Environment=XDG_SESSION_TYPE=wayland XDG_SESSION_CLASS=user XDG_SEAT=seat0" in login
    compositor = (DEB / "bin" / "kiosk-compositor").read_text()
    assert "--shell=kiosk-shell.so --use-pixman" in compositor
    ini = (DEB / "share" / "weston.ini").read_text().splitlines()
    for line in (
        "idle-time=0",
        "vt-switching=false",
        "path=/usr/lib/infomat/kiosk-session",
        "watch=true",
    ):
        assert line in ini
    portal = (DEB / "systemd" / "infomat-captive-portal.service").read_text()
    assert "WantedBy=multi-user.target" in portal  # enabled only by hand: postinst leaves it
    assert "LimitNOFILE=65536" in portal.splitlines()  # room for every phone's connections
    assert "UMask=0077" in portal.splitlines()


def test_the_shipped_configs_load(tmp_path: Path) -> None:
    config = load_config(DEB / "kiosk.toml")
    assert config.data_dir == "/var/lib/infomat"
    assert config.metrics.port == 9101
    assert load_settings(DEB / "captive-portal.toml").data_dir == "/var/lib/infomat/portal"


def test_udev_rules_give_only_the_configured_printer_to_the_kiosk_user() -> None:
    rules = apply_config.printer_rules(
        {"printer": {"usb_vendor_id": 0x0416, "usb_product_id": 0x5011}}
    )
    lines = [line for line in rules.splitlines() if not line.startswith("#")]
    assert lines == [
        'SUBSYSTEM=="usb", ENV{DEVTYPE}=="usb_device", ATTRS{idVendor}=="0416", '
        'ATTRS{idProduct}=="5011", MODE="0660", GROUP="kiosk"',
        'SUBSYSTEM=="usbmisc", KERNEL=="lp[0-9]*", ATTRS{idVendor}=="0416", '
        'ATTRS{idProduct}=="5011", MODE="0660", GROUP="kiosk"',
    ]
    for config in ({}, {"printer": {"kind": "virtual"}}, {"printer": {"usb_vendor_id": 0x0416}}):
        assert [
            x for x in apply_config.printer_rules(config).splitlines() if not x.startswith("#")
        ] == []
    with pytest.raises(apply_config.ConfigProblem, match=r"printer\.usb_product_id"):
        apply_config.printer_rules({"printer": {"usb_vendor_id": 1, "usb_product_id": "5011"}})


def test_apply_config_writes_the_rules_and_the_screen_timers(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        "[printer]\nusb_vendor_id = 0x04b8\nusb_product_id = 0x0e15\n"
        '[display]\noff_at = "21:30"\non_at = "06:45"\n'
    )
    assert apply_config.main(["--config", str(config), "--root", str(tmp_path), "--no-reload"]) == 0
    rules = (tmp_path / "etc/udev/rules.d/70-infomat-printer.rules").read_text()
    assert 'ATTRS{idVendor}=="04b8", ATTRS{idProduct}=="0e15"' in rules
    timers = tmp_path / "etc/systemd/system"
    off = (timers / "infomat-screen-off.timer.d/schedule.conf").read_text()
    assert off == "[Timer]\nOnCalendar=\nOnCalendar=*-*-* 21:30:00\n"
    assert "06:45:00" in (timers / "infomat-screen-on.timer.d/schedule.conf").read_text()
    # No off time any more: the schedule goes, and the timers are disabled.
    config.write_text('[display]\non_at = "06:45"\n')
    steps = apply_config.apply(apply_config.tomllib.loads(config.read_text()), tmp_path)
    assert not (timers / "infomat-screen-off.timer.d/schedule.conf").exists()
    assert "systemctl disable --now infomat-screen-off.timer" in steps


def test_apply_config_refuses_a_bad_time_with_file_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[display]\noff_at = "25:00"\n')
    assert apply_config.main(["--config", str(config), "--root", str(tmp_path), "--no-reload"]) == 1
    assert "'display.off_at' must be a time like 22:00 (got '25:00')" in capsys.readouterr().err


@given(st.integers(0, 23), st.integers(0, 59))
def test_every_clock_time_is_accepted_by_both_readers(hour: int, minute: int) -> None:
    at = f"{hour:02d}:{minute:02d}"
    assert apply_config.screen_times({"display": {"off_at": at, "on_at": at}}) == {
        "off": at,
        "on": at,
    }


def test_the_package_holds_the_bundle_units_config_and_scripts(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "kiosk").write_text("#!/bin/sh\n")
    (bundle / "kiosk").chmod(0o755)
    root = tmp_path / "root"
    make_deb.stage(bundle, root, "9.8.7")
    deb = tmp_path / "test.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Znone", "--build", str(root), str(deb)],
                   check=True, capture_output=True)  # fmt: skip
    info = subprocess.run(
        ["dpkg-deb", "--info", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    assert "Package: infomat-kiosk" in info and "Version: 9.8.7" in info
    assert "Depends: weston (>= 10), libpam-systemd, " in info
    assert "Suggests: prometheus\n" in info  # the metrics agent, only where it pushes
    conffiles = subprocess.run(
        ["dpkg-deb", "--ctrl-tarfile", str(deb)], capture_output=True, check=True
    ).stdout
    assert b"/etc/infomat/kiosk.toml" in conffiles
    for path in (
        "./opt/infomat/kiosk",
        "./lib/systemd/system/infomat-kiosk.service",
        "./lib/systemd/system/infomat-metrics-agent.service",
        "./usr/lib/infomat/apply-config",
        "./usr/lib/infomat/recover",
        "./usr/lib/infomat/kiosk-compositor",
        "./usr/share/infomat/weston.ini",
        "./lib/systemd/system/infomat-kiosk-login.service",
        "./etc/infomat/kiosk.toml",
        "./usr/bin/kiosk -> /opt/infomat/kiosk",
    ):
        assert path in listing, path
    for script in ("postinst", "prerm", "postrm"):
        subprocess.run(["sh", "-n", str(root / "DEBIAN" / script)], check=True)
