"""sd_notify over a real unix datagram socket, in the abstract namespace and as a file."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.sd_notify import SystemdNotifier


@pytest.fixture
def abstract_socket() -> Iterator[tuple[str, socket.socket]]:
    name = f"infomat-test-{uuid.uuid4().hex}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.settimeout(2)
        yield "@" + name, sock


def test_ready_watchdog_and_stopping_reach_an_abstract_socket(
    abstract_socket: tuple[str, socket.socket],
) -> None:
    address, sock = abstract_socket
    notifier = SystemdNotifier.from_environment({"NOTIFY_SOCKET": address})
    assert notifier.enabled
    assert notifier.ready("kiosk łańcut-1 on screen")
    assert notifier.watchdog()
    assert notifier.stopping()
    received = [sock.recv(4096).decode("utf-8") for _ in range(3)]
    assert received == ["READY=1\nSTATUS=kiosk łańcut-1 on screen", "WATCHDOG=1", "STOPPING=1"]


def test_a_socket_file_works_too(tmp_path: Path) -> None:
    path = tmp_path / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(path))
        sock.settimeout(2)
        assert SystemdNotifier(str(path)).ready()
        assert sock.recv(100) == b"READY=1"


def test_watchdog_interval_is_half_of_what_systemd_asks() -> None:
    env = {"NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "30000000"}
    assert SystemdNotifier.from_environment(env).watchdog_interval_s == 15.0
    mine = {**env, "WATCHDOG_PID": str(os.getpid())}
    assert SystemdNotifier.from_environment(mine).watchdog_interval_s == 15.0
    # The variables were meant for another process (a parent that forgot to unset them).
    other = {**env, "WATCHDOG_PID": str(os.getpid() + 1)}
    assert SystemdNotifier.from_environment(other).watchdog_interval_s is None
    assert SystemdNotifier.from_environment({"WATCHDOG_USEC": "30000000"}).enabled is False


def test_outside_systemd_every_call_is_a_quiet_no_op(caplog: pytest.LogCaptureFixture) -> None:
    notifier = SystemdNotifier.from_environment({})
    assert not notifier.ready()
    assert not notifier.watchdog()
    assert notifier.watchdog_interval_s is None
    assert caplog.records == []


def test_a_vanished_socket_is_logged_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    notifier = SystemdNotifier(str(tmp_path / "gone"))
    assert not notifier.watchdog()
    assert not notifier.watchdog()
    assert [r.getMessage() for r in caplog.records] == [
        "cannot tell systemd WATCHDOG=1 (No such file or directory)"
    ]
