"""./dev office-demo: the office service on loopback with a clerk, an admin, a kiosk and cases.

Run: ./dev office-demo  (= .venv/bin/python -m tests.office.office_demo [--port 8090])
Makes a fresh data dir (build/work/office-demo), adds a clerk and an administrator with
`office user add` (random passwords, printed here and kept nowhere else), registers a demo
kiosk with `office kiosk add`, starts `office serve`, files a few applications through the
real POST /intake and has the clerk move some of them along on the clerks' pages. Then it
prints the addresses and waits; Ctrl-C stops the service.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from tests.office.demo_cases import (
    DEMO_CASES,
    DEMO_KIOSK,
    DEMO_OFFICE,
    FiledCase,
    file_demo_case,
    move_demo_case,
)
from tests.office.desk import Clerk
from tests.office.office_server import ROOT, add_kiosk, free_port, office_command
from tests.peers.processes import stop

CLERK = "anna.nowak"
ADMIN = "admin"
CONFIG = """\
data_dir = "{data}"
port = {port}
metrics_port = {metrics_port}

[[offices]]
tenant_id = "{office}"
name = "Urząd Miasta Łańcut"
prefix = "UM"
phone = "+48 17 225 22 13"
processing_days = 30
"""


def write_demo_config(folder: Path, port: int) -> Path:
    """The demo's config in an empty folder (the last demo's is removed), this user's alone."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, mode=0o700)
    config = folder / "office.toml"
    config.write_text(
        CONFIG.format(
            data=folder / "data", port=port, metrics_port=free_port(), office=DEMO_OFFICE
        ),
        encoding="utf-8",
    )
    return config


def add_account(config: Path, login: str, *role: str) -> str:
    """`office user add` with a new random password on stdin; the password."""
    password = secrets.token_urlsafe(12)
    subprocess.run(
        office_command("user", "add", login, *role, "--config", str(config)),
        cwd=ROOT, input=password + "\n", text=True, check=True, timeout=60,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return password


def start_office(config: Path, url: str) -> subprocess.Popen[bytes]:
    """`office serve`, its log on this terminal's stderr; returns once /healthz answers."""
    # A session of its own: Ctrl-C reaches only the demo, which stops it (SIGTERM, graceful).
    server = subprocess.Popen(
        office_command("serve", "--config", str(config)), cwd=ROOT, stdout=sys.stderr,
        start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(
                f"office serve exited with status {server.returncode} (its reason is above;"
                " another port: ./dev office-demo ARGS='--port 8091')"
            )
        try:
            if requests.get(url + "/healthz", timeout=1).status_code == 204:
                return server
        except requests.ConnectionError:
            time.sleep(0.1)
    stop(server)
    raise RuntimeError("office serve did not answer /healthz within 30 s")


def file_and_move(url: str, token: str, clerk_password: str) -> list[FiledCase]:
    filed = [file_demo_case(url, token, case) for case in DEMO_CASES]
    clerk = Clerk(url)
    try:
        if clerk.login(CLERK, clerk_password).status_code != 303:
            raise RuntimeError(f"the demo clerk {CLERK} could not log in")
        return [move_demo_case(clerk, f, case) for f, case in zip(filed, DEMO_CASES, strict=True)]
    finally:
        clerk.close()


def print_addresses(url: str, passwords: dict[str, str], cases: list[FiledCase]) -> None:
    print(f"\nThe office service runs at {url}")
    print(f"Clerks' login: {url}/logowanie")
    for login, password in passwords.items():
        print(f"  {login:<12} password: {password}")
    print("Status pages (the receipt's QR code):")
    for case in cases:
        print(f"  {url}/s/{case.code}  {case.case_number}  {case.state}")
    print(f"Intake for kiosks: POST {url}/intake (kiosk {DEMO_KIOSK})")
    print("Ctrl-C stops the service.", flush=True)


def run(folder: Path, port: int) -> int:
    url = f"http://127.0.0.1:{port}"
    config = write_demo_config(folder, port)
    passwords = {CLERK: add_account(config, CLERK, "--office", DEMO_OFFICE)}
    passwords[ADMIN] = add_account(config, ADMIN, "--admin")
    token = add_kiosk(config, DEMO_KIOSK, DEMO_OFFICE)
    server = start_office(config, url)
    try:
        print_addresses(url, passwords, file_and_move(url, token, passwords[CLERK]))
        server.wait()
        print(f"office serve stopped by itself (status {server.returncode})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nstopping the office service", file=sys.stderr)
        return 0
    finally:
        stop(server)


def _stop(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8090, help="loopback port (default 8090)")
    parser.add_argument("--data", type=Path, default=ROOT / "build" / "work" / "office-demo",
                        help="the demo's folder, emptied first (default build/work/office-demo)")  # fmt: skip
    args = parser.parse_args(argv)
    os.umask(0o077)  # the demo's store and config are the demo user's alone
    # The service runs in a session of its own: a closed terminal or a kill stops it too.
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGHUP, _stop)
    try:
        return run(args.data, args.port)
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        print(f"office-demo: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # before the service ran: nothing to stop
        return 130


if __name__ == "__main__":
    sys.exit(main())
