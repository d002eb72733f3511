"""Waiting for what a booting VM shows: its screen (QMP screendumps) and its serial console."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.image.screen import looks_like_home
from tests.image.vm import ImageVM

# Boot to the kiosk's first frame: seconds under KVM; software emulation (TCG) is many times
# slower, so it is given its own allowance.
KVM_BOOT_SECONDS = 240
TCG_BOOT_SECONDS = 1200


def boot_allowance(vm: ImageVM) -> float:
    return KVM_BOOT_SECONDS if vm.kvm else TCG_BOOT_SECONDS


def wait_for_home(vm: ImageVM, deadline: float, name: str = "screen") -> Path:
    shot, verdict, started = 0, "no screendump yet", time.monotonic()
    while time.monotonic() < deadline and vm.running():
        time.sleep(3)
        shot += 1
        path = vm.screendump(f"{name}-{shot:03d}")
        home, verdict = looks_like_home(path)
        if home:
            return path
    pytest.fail(failure(vm, started, f"no home screen: {verdict}"))


class SerialWatch:
    """Reads the serial log forward: each wait looks only past what the last one found."""

    def __init__(self, vm: ImageVM) -> None:
        self._vm = vm
        self._offset = 0

    def text(self) -> str:
        return self._vm.serial_log.read_text(encoding="utf-8", errors="replace")

    @property
    def position(self) -> int:
        return self._offset

    def expect_since(self, position: int, line: str, deadline: float, started: float) -> None:
        """Wait for `line` anywhere past `position`, without moving the reading position."""
        while time.monotonic() < deadline and self._vm.running():
            if self.text().find(line, position) >= 0:
                return
            time.sleep(2)
        pytest.fail(failure(self._vm, started, f"the serial console never said {line!r}"))

    def skip_to_end(self) -> None:
        self._offset = len(self.text())

    def wait(self, lines: tuple[str, ...], deadline: float) -> str:
        """The first of `lines` to appear after the last find, or "" at the deadline."""
        while time.monotonic() < deadline and self._vm.running():
            text = self.text()
            found = [(text.find(line, self._offset), line) for line in lines]
            found = [(at, line) for at, line in found if at >= 0]
            if found:
                at, line = min(found)
                self._offset = at + len(line)
                return line
            time.sleep(2)
        return ""

    def expect(self, line: str, deadline: float, started: float) -> None:
        if self.wait((line,), deadline) != line:
            pytest.fail(failure(self._vm, started, f"the serial console never said {line!r}"))


def failure(vm: ImageVM, started: float, what: str) -> str:
    return (
        f"{what} after {time.monotonic() - started:.0f} s (kvm={vm.kvm})\n"
        f"screendumps and serial log in {vm.folder}\n--- serial (last lines) ---\n"
        + vm.serial_tail()
    )
