#!/usr/bin/python3
"""apply-config: the parts of /etc/infomat/kiosk.toml that live outside the kiosk app.

Installed as /usr/lib/infomat/apply-config and run by the package's postinst and by a
technician after editing the config. It writes
  - /etc/udev/rules.d/70-infomat-printer.rules: the USB receipt printer of `[printer]`
    (usb_vendor_id, usb_product_id) for the kiosk user, and nothing else;
  - the screen timers' drop-ins from `[display]` off_at/on_at, and enables or disables them.
Standard library only (the system's Python 3.11 reads TOML), so it runs without the bundle.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

RULES = Path("etc/udev/rules.d/70-infomat-printer.rules")
TIMERS = Path("etc/systemd/system")
TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


class ConfigProblem(ValueError):
    """Something in the config this script needs is wrong; the message says what."""


def printer_rules(config: dict[str, Any], group: str = "kiosk") -> str:
    """udev rules for the configured USB printer: the raw device (pyusb) and usblp's lp."""
    printer = config.get("printer", {})
    vendor, product = printer.get("usb_vendor_id"), printer.get("usb_product_id")
    head = "# Written by /usr/lib/infomat/apply-config from /etc/infomat/kiosk.toml; do not edit.\n"
    if not vendor or not product:
        return head + "# No USB receipt printer in [printer]: no device is given to the kiosk.\n"
    for key, value in (("usb_vendor_id", vendor), ("usb_product_id", product)):
        if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= 0xFFFF:
            raise ConfigProblem(f"'printer.{key}' must be a USB id like 0x0416 (got {value!r})")
    match = f'ATTRS{{idVendor}}=="{vendor:04x}", ATTRS{{idProduct}}=="{product:04x}"'
    return head + (
        f'SUBSYSTEM=="usb", ENV{{DEVTYPE}}=="usb_device", {match}, MODE="0660", GROUP="{group}"\n'
        f'SUBSYSTEM=="usbmisc", KERNEL=="lp[0-9]*", {match}, MODE="0660", GROUP="{group}"\n'
    )


def screen_times(config: dict[str, Any]) -> dict[str, str]:
    """{"off": "22:00", "on": "07:00"}; a missing or empty off_at turns the schedule off."""
    display = config.get("display", {})
    times = {"off": display.get("off_at", ""), "on": display.get("on_at", "07:00")}
    for state, value in times.items():
        if value and (not isinstance(value, str) or not TIME.fullmatch(value)):
            raise ConfigProblem(f"'display.{state}_at' must be a time like 22:00 (got {value!r})")
    return times if times["off"] and times["on"] else {}


def timer_dropin(at: str) -> str:
    return f"[Timer]\nOnCalendar=\nOnCalendar=*-*-* {at}:00\n"


def apply(config: dict[str, Any], root: Path) -> list[str]:
    """Write every file under `root`; the systemctl/udevadm steps to take afterwards."""
    (root / RULES).parent.mkdir(parents=True, exist_ok=True)
    (root / RULES).write_text(printer_rules(config), encoding="utf-8")
    times = screen_times(config)
    steps = ["udevadm control --reload", "udevadm trigger --subsystem-match=usb"]
    steps.append("systemctl daemon-reload")
    for state in ("off", "on"):
        dropin = root / TIMERS / f"infomat-screen-{state}.timer.d" / "schedule.conf"
        if times:
            dropin.parent.mkdir(parents=True, exist_ok=True)
            dropin.write_text(timer_dropin(times[state]), encoding="utf-8")
            steps.append(f"systemctl enable --now infomat-screen-{state}.timer")
        else:
            dropin.unlink(missing_ok=True)
            steps.append(f"systemctl disable --now infomat-screen-{state}.timer")
    return steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="apply-config", description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path("/etc/infomat/kiosk.toml"))
    parser.add_argument("--root", type=Path, default=Path("/"), help="write under this root")
    parser.add_argument("--no-reload", action="store_true", help="write files only")
    args = parser.parse_args(argv)
    try:
        config = tomllib.loads(args.config.read_text(encoding="utf-8"))
        steps = apply(config, args.root)
    except (OSError, tomllib.TOMLDecodeError, ConfigProblem) as exc:
        print(f"apply-config: {args.config}: {exc}", file=sys.stderr)
        return 1
    if args.no_reload or not Path("/run/systemd/system").is_dir():
        return 0
    failed = [s for s in steps if subprocess.run(s.split(), check=False).returncode != 0]
    for step in failed:
        print(f"apply-config: '{step}' failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
