"""./dev office-demo as a newcomer runs it: what it prints answers, and Ctrl-C stops it."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from office.status_texts import CATALOGUES
from tests.office.demo_cases import DEMO_CASES
from tests.office.desk import Clerk
from tests.office.office_server import ROOT, free_port
from tests.peers.processes import stop

STATUS_LINE = re.compile(r"^\s+(http://\S+/s/([0-9A-Z]{10}))\s+(UM-\d{4}/\d{5})\s+(\w+)$")
ACCOUNT_LINE = re.compile(r"^\s+(\S+)\s+password: (\S+)$")


def read_until_ready(demo: subprocess.Popen[str]) -> list[str]:
    """The demo's lines up to 'Ctrl-C stops the service.'"""
    assert demo.stdout is not None
    lines: list[str] = []
    for line in demo.stdout:
        lines.append(line.rstrip("\n"))
        if line.startswith("Ctrl-C stops"):
            return lines
    raise AssertionError(f"the demo ended before it was ready: {lines}")


def stopped_within(demo: subprocess.Popen[str], seconds: float) -> int:
    """The demo's exit status once it has stopped by itself; killed if it has not."""
    assert demo.stdout is not None
    try:
        return demo.wait(seconds)
    finally:
        stop(demo)  # past the time: killed and waited for, and the test fails
        demo.stdout.close()


@pytest.mark.smoke
def test_the_demo_serves_its_cases_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    port = free_port()
    demo = subprocess.Popen(
        [sys.executable, "-m", "tests.office.office_demo", "--port", str(port),
         "--data", str(tmp_path / "demo")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        lines = read_until_ready(demo)
        statuses = [m.groups() for line in lines if (m := STATUS_LINE.match(line))]
        accounts = {m[1]: m[2] for line in lines if (m := ACCOUNT_LINE.match(line))}
        assert [s[3] for s in statuses] == [
            case.moves[-1][0] if case.moves else "received" for case in DEMO_CASES
        ]
        assert {"received", "in_progress", "ready", "needs_more"} <= {s[3] for s in statuses}
        for url, _, case_number, state in statuses:
            page = requests.get(url, timeout=10)
            assert page.status_code == 200, url
            assert CATALOGUES["pl"][f"state_{state}"] in page.text
            assert case_number in page.text
            assert "02270803628" not in page.text  # nothing personal: not the PESEL
        clerk = Clerk(f"http://127.0.0.1:{port}")
        assert clerk.login("anna.nowak", accounts["anna.nowak"]).status_code == 303
        inbox = clerk.get("/sprawy").text
        assert all(case_number in inbox for _, _, case_number, _ in statuses)
        clerk.close()
        stored = b"".join(p.read_bytes() for p in (tmp_path / "demo").rglob("*") if p.is_file())
        for password in accounts.values():
            assert password.encode() not in stored
    finally:
        demo.send_signal(signal.SIGINT)
        status = stopped_within(demo, 30)
    assert status == 0
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", port), 2):
        pass


@pytest.mark.smoke
def test_a_terminated_demo_stops_its_service_too(tmp_path: Path) -> None:
    port = free_port()
    demo = subprocess.Popen(
        [sys.executable, "-m", "tests.office.office_demo", "--port", str(port),
         "--data", str(tmp_path / "demo")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        read_until_ready(demo)
        assert requests.get(f"http://127.0.0.1:{port}/healthz", timeout=10).status_code == 204
    finally:
        demo.terminate()
        status = stopped_within(demo, 30)
    assert status == 0
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", port), 2):
        pass
