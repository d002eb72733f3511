"""The X server, the D-Bus session and the accessibility bus a kiosk window needs, each a process."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

from tests.peers.processes import KILLED_WAIT_S
from tests.window.atspi import name_has_owner, poll

XVFB = "Xvfb"
DBUS_DAEMON = "dbus-daemon"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
XKBCOMP = "xkbcomp"
TOOLS = (XVFB, XKBCOMP, DBUS_DAEMON, BUS_LAUNCHER, "xdotool")
POLISH_KEYMAP = Path(__file__).with_name("polish-letters.xkb")


def missing_tools() -> list[str]:
    """The programs the window tests need that this machine lacks (Makefile: DEB_TEST_PACKAGES)."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def stop_group(process: subprocess.Popen[bytes], grace_s: float = 5.0) -> None:
    """SIGTERM to the process and what it started (its own process group), then SIGKILL."""
    if process.stdout is not None:
        process.stdout.close()
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(grace_s)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(KILLED_WAIT_S)


def first_line(process: subprocess.Popen[bytes], what: str) -> str:
    """The first line `process` writes to its stdout (a display number, a bus address)."""
    assert process.stdout is not None
    line = process.stdout.readline().decode().strip()
    if not line:
        stop_group(process)
        raise RuntimeError(f"{what} did not start (exit code {process.poll()})")
    return line


class Xvfb:
    """A virtual X screen of `width` x `height`; it picks a free display number itself.

    `-noreset` keeps the keymap loaded here (the server would reset it when its last client
    leaves); the keymap has the Polish letters (polish-letters.xkb).
    """

    def __init__(self, width: int, height: int) -> None:
        screen = f"{width}x{height}x24"
        self.process = subprocess.Popen(
            [XVFB, "-displayfd", "1", "-screen", "0", screen, "-noreset", "-nolisten", "tcp"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            self.display = ":" + first_line(self.process, "Xvfb")
            subprocess.run(
                [XKBCOMP, "-w", "0", str(POLISH_KEYMAP), self.display],
                check=True, capture_output=True, timeout=30,
            )  # fmt: skip
        except BaseException:
            self.stop()  # a screen without its keymap is of no use: not left running
            raise

    def stop(self) -> None:
        stop_group(self.process)


class SessionBus:
    """A private D-Bus session bus (the kiosk, the accessibility bus launcher and the tests)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [DBUS_DAEMON, "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.address = first_line(self.process, "dbus-daemon")

    def stop(self) -> None:
        stop_group(self.process)


class AccessibilityBus:
    """at-spi2-core's bus launcher: org.a11y.Bus on the session bus, and the bus it names.

    Qt's AT-SPI bridge connects only if org.a11y.Bus already has an owner when the app starts
    (it does not ask D-Bus to start one), so this runs first and is waited for.
    """

    def __init__(self, session: SessionBus, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [BUS_LAUNCHER, "--launch-immediately", "--a11y=1"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        if not poll(lambda: True if name_has_owner(session.address, "org.a11y.Bus") else None, 10):
            self.stop()
            raise RuntimeError("at-spi-bus-launcher did not take org.a11y.Bus")

    def stop(self) -> None:
        stop_group(self.process)


def log_tail(path: Path, lines: int = 30) -> str:
    if not path.exists():
        return ""
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
