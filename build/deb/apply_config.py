#!/usr/bin/python3
"""apply-config: the parts of /etc/infomat/kiosk.toml that live outside the kiosk app.

Installed as /usr/lib/infomat/apply-config and run by the package's postinst and by a
technician after editing the config; on the kiosk image also at every boot (`--boot`, by
infomat-apply-config.service). It writes
  - /etc/udev/rules.d/70-infomat-printer.rules: the USB receipt printer of `[printer]`
    (usb_vendor_id, usb_product_id) for the kiosk user, and nothing else;
  - the screen timers' drop-ins from `[display]` off_at/on_at (in
    /etc/systemd/system/infomat-screen-*.timer.d/), and enables or disables the timers;
  - where /etc is read-only (the kiosk image's root), both go to the runtime folders udev and
    systemd read as well, /run/udev/rules.d and /run/systemd/system (timers enabled with
    `--runtime`): /run is empty after a reboot, which is why the image runs this at boot;
  - /etc/infomat/metrics-agent.yml, the config of the local Prometheus agent that pushes this
    kiosk's metrics to `[metrics]` remote_write_url (removed when that is empty), and
    restarts or stops infomat-metrics-agent.service. On the kiosk image /etc/infomat is on
    the writable data partition, so this part works there although the root is read-only.
Standard library only (the system's Python 3.11 reads TOML), so it runs without the bundle.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

RULES = Path("etc/udev/rules.d/70-infomat-printer.rules")
RUNTIME_RULES = Path("run/udev/rules.d/70-infomat-printer.rules")
TIMERS = Path("etc/systemd/system")
RUNTIME_TIMERS = Path("run/systemd/system")
TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
AGENT_CONFIG = Path("etc/infomat/metrics-agent.yml")
AGENT_UNIT = "infomat-metrics-agent.service"
SECRET_FILES = ("remote_write_token_file", "remote_write_password_file")


class ConfigProblem(ValueError):
    """Something in the config this script needs is wrong; the message says what."""


class SetupProblem(RuntimeError):
    """The system around the config is wrong (a file in /etc hides the one written); the
    message says which file and what to do."""


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


def metrics_push(config: dict[str, Any]) -> dict[str, Any]:
    """`[metrics]` with its defaults, checked as the app checks it; {} when the push is off."""
    metrics: dict[str, Any] = {
        "enabled": True, "bind": "127.0.0.1", "port": 9101, "remote_write_url": "",
        "remote_write_token_file": "", "remote_write_user": "",
        "remote_write_password_file": "", "remote_write_interval_s": 30,
    }  # fmt: skip
    metrics.update(config.get("metrics", {}))
    url = metrics["remote_write_url"]
    if not url:
        return {}
    if not isinstance(url, str) or not re.fullmatch(r"https?://\S+", url):
        raise ConfigProblem(f"'metrics.remote_write_url' must be an https:// address (got {url!r})")
    port, interval = metrics["port"], metrics["remote_write_interval_s"]
    if metrics["enabled"] is not True or not isinstance(port, int) or not 0 < port <= 65535:
        raise ConfigProblem(
            "'metrics.remote_write_url' needs 'metrics.enabled' = true and a fixed "
            f"'metrics.port' (the agent scrapes it; got {port!r})"
        )
    if not isinstance(interval, int) or not 5 <= interval <= 3600:
        raise ConfigProblem(
            f"'metrics.remote_write_interval_s' must be 5 to 3600 seconds (got {interval!r})"
        )
    for key in SECRET_FILES:
        if metrics[key] and not str(metrics[key]).startswith("/"):
            raise ConfigProblem(f"'metrics.{key}' must be an absolute path (got {metrics[key]!r})")
    if bool(metrics["remote_write_user"]) != bool(metrics["remote_write_password_file"]):
        raise ConfigProblem(
            "'metrics.remote_write_user' and 'metrics.remote_write_password_file' go together"
        )
    if metrics["remote_write_user"] and metrics["remote_write_token_file"]:
        raise ConfigProblem(
            "set 'metrics.remote_write_token_file' or 'metrics.remote_write_user', not both"
        )
    return metrics


def scrape_address(bind: str, port: int) -> str:
    """Where the agent finds the kiosk's endpoint: loopback when it listens everywhere."""
    host = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "::1"}.get(bind, bind)  # noqa: S104
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def metrics_agent_config(config: dict[str, Any]) -> str | None:
    """The Prometheus agent's config, or None when the push is off. JSON is YAML too (and
    needs no YAML library): quoting a URL or a name can never go wrong."""
    metrics = metrics_push(config)
    if not metrics:
        return None
    kiosk_id = config.get("kiosk_id", "demo-kiosk")
    group = config.get("fleet", {}).get("group", "")
    interval = metrics["remote_write_interval_s"]
    remote: dict[str, Any] = {"url": metrics["remote_write_url"]}
    if metrics["remote_write_token_file"]:
        remote["authorization"] = {"credentials_file": metrics["remote_write_token_file"]}
    if metrics["remote_write_user"]:
        remote["basic_auth"] = {
            "username": metrics["remote_write_user"],
            "password_file": metrics["remote_write_password_file"],
        }
    document = {
        "global": {
            "scrape_interval": f"{interval}s",
            "scrape_timeout": f"{min(interval, 10)}s",
            "external_labels": {"kiosk_id": kiosk_id, "group": group},
        },
        "scrape_configs": [
            {
                "job_name": "infomat-kiosk",
                # instance = the kiosk's name: the alerts name it rather than 127.0.0.1:9101.
                "static_configs": [
                    {
                        "targets": [scrape_address(metrics["bind"], metrics["port"])],
                        "labels": {"instance": kiosk_id},
                    }
                ],
            }
        ],
        "remote_write": [remote],
    }
    head = "# Written by /usr/lib/infomat/apply-config from /etc/infomat/kiosk.toml; do not edit.\n"
    return head + json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def apply_metrics_agent(config: dict[str, Any], root: Path) -> list[str]:
    """Write or remove the agent's config; the step that starts or stops the agent. The
    secret files are looked for where the agent will read them, not under `root`."""
    text = metrics_agent_config(config)
    target = root / AGENT_CONFIG
    if text is None:
        target.unlink(missing_ok=True)
        return [f"systemctl stop {AGENT_UNIT}"]
    metrics = config["metrics"]
    for key in SECRET_FILES:
        if metrics.get(key) and not Path(metrics[key]).is_file():
            raise ConfigProblem(
                f"'metrics.{key}': no file {metrics[key]}; write the secret there, readable by "
                "the kiosk user alone (root:kiosk, 0640)"
            )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    target.chmod(0o640)
    if root == Path("/") and os.geteuid() == 0:
        shutil.chown(target, group="kiosk")  # the agent runs as the kiosk user
    return [f"systemctl restart {AGENT_UNIT}"]


def writable(path: Path) -> bool:
    """Whether `path` can be written: its nearest existing folder is writable. A read-only
    file system says no to root too (EROFS), a folder's mode only to other users."""
    folder = path.parent
    while not folder.exists():
        folder = folder.parent
    return os.access(folder, os.W_OK)


def write_if_changed(path: Path, text: str) -> bool:
    """Writes `text` to `path` unless it holds that already; True when it wrote."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def hidden_by_etc(root: Path, etc_file: Path, runtime_file: Path) -> None:
    """udev and systemd take a file of /etc over one of the same name in /run: with /etc
    read-only, a leftover there would silently win over what this script writes."""
    if (root / etc_file).exists():
        raise SetupProblem(
            f"/{etc_file} on the read-only root hides /{runtime_file}, which this config "
            "needs: build the image without it (build/image/customize.sh removes it)"
        )


def apply_printer_rules(config: dict[str, Any], root: Path) -> list[str]:
    """The printer's udev rules in /etc, or in /run where /etc is read-only."""
    text = printer_rules(config)
    target = root / RULES
    if not writable(target):
        hidden_by_etc(root, RULES, RUNTIME_RULES)
        target = root / RUNTIME_RULES
    write_if_changed(target, text)
    return ["udevadm control --reload", "udevadm trigger --subsystem-match=usb"]


def apply_screen_timers(config: dict[str, Any], root: Path, systemctl: str) -> list[str]:
    """The screen timers' drop-ins and their enabling: in /etc, or in /run (`--runtime`)
    where /etc is read-only. systemd reads drop-ins only at a daemon-reload, so one is asked
    for when a drop-in changed."""
    times = screen_times(config)
    runtime = not writable(root / TIMERS / "infomat-screen-off.timer.d" / "schedule.conf")
    folder, how = (RUNTIME_TIMERS, " --runtime") if runtime else (TIMERS, "")
    changed, steps = False, []
    for state in ("off", "on"):
        name = f"infomat-screen-{state}.timer"
        dropin = Path(f"{name}.d") / "schedule.conf"
        if runtime:
            hidden_by_etc(root, TIMERS / dropin, RUNTIME_TIMERS / dropin)
        if times:
            changed |= write_if_changed(root / folder / dropin, timer_dropin(times[state]))
            steps.append(f"{systemctl} enable{how} --now {name}")
        else:
            changed |= (root / folder / dropin).is_file()
            (root / folder / dropin).unlink(missing_ok=True)
            steps.append(f"{systemctl} disable{how} --now {name}")
    return (["systemctl daemon-reload"] if changed else []) + steps


def apply(config: dict[str, Any], root: Path, boot: bool = False) -> list[str]:
    """Write every file under `root`; the systemctl/udevadm steps to take afterwards.

    `boot`: run by the image's infomat-apply-config.service, ordered before the kiosk and the
    metrics agent. Units are then started without waiting (`--no-block`: a start job waiting
    for one that waits for this unit would hang the boot), and the agent is left to start by
    itself with the config written here."""
    agent_steps = apply_metrics_agent(config, root)
    systemctl = "systemctl --no-block" if boot else "systemctl"
    steps = apply_printer_rules(config, root) + apply_screen_timers(config, root, systemctl)
    return steps if boot else steps + agent_steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="apply-config", description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path("/etc/infomat/kiosk.toml"))
    parser.add_argument("--root", type=Path, default=Path("/"), help="write under this root")
    parser.add_argument("--no-reload", action="store_true", help="write files only")
    parser.add_argument(
        "--boot", action="store_true", help="at boot, before the kiosk: start units without waiting"
    )
    args = parser.parse_args(argv)
    try:
        config = tomllib.loads(args.config.read_text(encoding="utf-8"))
        steps = apply(config, args.root, boot=args.boot)
    except (OSError, tomllib.TOMLDecodeError, ConfigProblem, SetupProblem) as exc:
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
