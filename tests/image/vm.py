"""The kiosk image in QEMU: UEFI firmware, a virtio GPU, QMP for screendumps, serial to a file.

The image itself is never written: the VM boots a qcow2 overlay in its own folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.image.guest import GuestAgent

OVMF_CODE = Path("/usr/share/OVMF/OVMF_CODE_4M.fd")
OVMF_VARS = Path("/usr/share/OVMF/OVMF_VARS_4M.fd")
TOOLS = ("qemu-system-x86_64", "qemu-img", "tesseract")
SCREEN = (1080, 1920)  # the kiosk's design size, portrait
# The VM's disk: larger than the image (4.1 GiB), as a kiosk's is, so every boot test runs with
# the data partition grown to the disk's end (build/image/rootfs/usr/lib/repart.d).
DISK_GIB = 8
FORWARD = Path(__file__).with_name("forward.py")  # run by QEMU for each guest connection
HOST_ADDRESS = "10.0.2.100"  # in the guest's user network: forwarded to ImageVM.host_port


def missing_tools() -> list[str]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    return missing + [str(f) for f in (OVMF_CODE, OVMF_VARS) if not f.exists()]


def kvm_usable() -> bool:
    """/dev/kvm can answer even where /proc/cpuinfo shows no vmx/svm flag: worth a try.

    Some cloud machines offer KVM through kvm_pvm, which runs only guest kernels built for it:
    UEFI firmware stops there at once with "KVM internal error" (see ImageVM.start).
    """
    return os.access("/dev/kvm", os.R_OK | os.W_OK)


class QemuExited(RuntimeError):
    """QEMU stopped before its machine protocol answered."""


class Qmp:
    """QEMU's machine protocol over a Unix socket: one command, one answer; events skipped."""

    def __init__(
        self, path: Path, timeout: float = 30.0, alive: Callable[[], bool] = lambda: True
    ) -> None:
        """Waits for the socket up to `timeout`, or until `alive()` says QEMU is gone."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self._sock.connect(str(path))
                break
            except OSError:
                self._sock.close()
                if time.monotonic() > deadline or not alive():
                    raise
                time.sleep(0.1)
        self._sock.settimeout(timeout)
        self._file = self._sock.makefile("rwb")
        try:
            self._read()  # the greeting
            self.execute("qmp_capabilities")
        except OSError:  # QEMU went away between accepting and greeting (see ImageVM.start)
            self.close()
            raise

    def execute(self, command: str, **arguments: Any) -> Any:
        message: dict[str, Any] = {"execute": command}
        if arguments:
            message["arguments"] = arguments
        self._file.write(json.dumps(message).encode() + b"\n")
        self._file.flush()
        while True:
            answer = self._read()
            if "error" in answer:
                raise RuntimeError(f"QMP {command}: {answer['error']}")
            if "return" in answer:
                return answer["return"]

    def _read(self) -> dict[str, Any]:
        line = self._file.readline()
        if not line:
            raise ConnectionError("QEMU closed its QMP socket")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        self._file.close()
        self._sock.close()


class ImageVM:
    """One boot of the image; `folder` keeps the overlay, the serial log and the screendumps."""

    def __init__(
        self,
        image: Path,
        folder: Path,
        memory_mib: int = 1536,
        screen: tuple[int, int] = SCREEN,
        host_port: int = 0,
        *,
        input_devices: bool = True,
    ) -> None:
        """`host_port`: a server on the host's loopback the guest reaches as HOST_ADDRESS:80
        (QEMU's guestfwd); nothing else leaves the VM either way. `input_devices`: the
        virtio tablet and keyboard are there from the start (else a test plugs some in)."""
        self.image, self.folder, self.memory_mib, self.screen = image, folder, memory_mib, screen
        self.host_port = host_port
        self.input_devices = input_devices
        self.kvm = kvm_usable()
        self.serial_log = folder / "serial.log"
        self._process: subprocess.Popen[bytes] | None = None
        self._qmp: Qmp | None = None
        self._guest: GuestAgent | None = None

    def command(self) -> list[str]:
        accel = ["-accel", "kvm", "-cpu", "host"] if self.kvm else ["-accel", "tcg", "-cpu", "max"]
        folder = self.folder
        nic = "user,model=virtio-net-pci,restrict=on"
        if self.host_port:
            relay = f"{sys.executable} {FORWARD} {self.host_port}"
            nic += f",guestfwd=tcp:{HOST_ADDRESS}:80-cmd:{relay}"
        return [
            "qemu-system-x86_64",
            # Without input devices, without the PS/2 ones too (test_input_hotplug.py).
            "-machine", "q35" if self.input_devices else "q35,i8042=off", *accel, "-smp", "2", "-m", str(self.memory_mib),
            "-drive", f"if=pflash,format=raw,unit=0,readonly=on,file={OVMF_CODE}",
            "-drive", f"if=pflash,format=raw,unit=1,file={folder / 'efivars.fd'}",
            "-drive", f"if=virtio,format=qcow2,file={folder / 'disk.qcow2'}",
            # The screen's preferred mode (EDID), which weston takes: a kiosk's portrait panel.
            "-device", f"virtio-vga,xres={self.screen[0]},yres={self.screen[1]}",
            *(["-device", "virtio-tablet-pci", "-device", "virtio-keyboard-pci"]
              if self.input_devices else []),
            # A USB controller for the sticks a test plugs in (plug_usb_stick).
            "-device", "qemu-xhci,id=xhci",
            # The guest agent's port (tests/image/guest.py); a real kiosk has none.
            "-chardev", f"socket,path={folder / 'qga.sock'},server=on,wait=off,id=qga0",
            "-device", "virtio-serial",
            "-device", "virtserialport,chardev=qga0,name=org.qemu.guest_agent.0",
            # User networking with no way out: the kiosk sees a network, nothing leaves.
            "-nic", nic,
            "-display", "none", "-monitor", "none",
            # Appended to, so a power cycle (a new QEMU) keeps what the boots before wrote.
            "-chardev", f"file,id=serial0,path={self.serial_log},append=on",
            "-serial", "chardev:serial0",
            "-qmp", f"unix:{folder / 'qmp.sock'},server=on,wait=off",
        ]  # fmt: skip

    def start(self) -> None:
        """Boot under KVM when it can run the firmware, else under TCG (software)."""
        try:
            self._launch()
            kvm_failed = self.kvm and self._stopped_by_kvm()
        except QemuExited:
            if not self.kvm:
                raise
            kvm_failed = True
        if kvm_failed:
            self.stop()
            (self.folder / "qemu.log").rename(self.folder / "qemu-kvm-failed.log")
            self.kvm = False
            self._launch()

    def _stopped_by_kvm(self, seconds: float = 5.0) -> bool:
        """True when KVM could not run the firmware: QEMU halts the VM with an internal error."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            # Some hosts' KVM halts the VM ("KVM internal error"), others abort QEMU
            # itself ("failed to set MSR 0x10a": kvm_buf_set_msrs).
            if self._qmp is None or self._process is None or self._process.poll() is not None:
                return True
            try:
                if self._qmp.execute("query-status")["status"] == "internal-error":
                    return True
            except OSError:
                return True
            time.sleep(0.5)
        return False

    def _launch(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(OVMF_VARS, self.folder / "efivars.fd")
        subprocess.run(
            ["qemu-img", "create", "-q", "-f", "qcow2", "-F", "raw", "-b", str(self.image.resolve()),
             str(self.folder / "disk.qcow2"), f"{DISK_GIB}G"],
            check=True,
        )  # fmt: skip
        self._run_qemu()

    def _run_qemu(self) -> None:
        """QEMU on this VM's disk and firmware variables as they are."""
        log = (self.folder / "qemu.log").open("ab")
        process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT)
        self._process = process
        log.close()
        try:
            self._qmp = Qmp(self.folder / "qmp.sock", alive=lambda: process.poll() is None)
        except OSError as exc:
            # A QEMU that is aborting may close the socket a moment before it exits.
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)
            if process.poll() is None:
                raise
            raise QemuExited(
                f"QEMU exited ({process.returncode}) before its QMP socket answered:"
                f" {self.folder / 'qemu.log'}"
            ) from exc

    @property
    def guest(self) -> GuestAgent:
        """Commands inside the VM (the image's qemu-guest-agent, on this VM's port only)."""
        if self._guest is None:
            self._guest = GuestAgent(self.folder / "qga.sock")
        return self._guest

    def screendump(self, name: str) -> Path:
        if self._qmp is None:
            raise RuntimeError("the VM is not running")
        path = self.folder / f"{name}.png"
        self._qmp.execute("screendump", filename=str(path), format="png")
        return path

    def execute(self, command: str, **arguments: Any) -> Any:
        """One QMP command to the running VM (input events, reset...); its answer."""
        if self._qmp is None:
            raise RuntimeError("the VM is not running")
        return self._qmp.execute(command, **arguments)

    def reset(self) -> None:
        """A power cut and power on: the machine restarts at once, nothing is shut down or
        flushed. The guest agent's connection goes with it (the next use reconnects)."""
        self._drop_guest()
        self.execute("system_reset")

    def power_cycle(self) -> None:
        """A power cut and power on, as a kiosk's plug pulled and pushed back: QEMU is killed
        (the guest's memory, caches and devices go; nothing is shut down or flushed) and
        starts again on the same disk. Unlike `reset`, the firmware starts cold: a warm
        `system_reset` once left OVMF hung under TCG before GRUB (seen in a power-cut run)."""
        self._drop_guest()
        if self._qmp is not None:
            self._qmp.close()
            self._qmp = None
        if self._process is not None:
            self._process.kill()
            self._process.wait()
        self._run_qemu()

    def plug_usb_stick(self, stick: Path, name: str, writable: bool = False) -> None:
        """Plug a raw disk image in as a USB mass-storage stick while running; read-only
        unless `writable` (provisioning writes the kiosk's key back to its stick)."""
        if self._qmp is None:
            raise RuntimeError("the VM is not running")
        node = {"driver": "raw", "node-name": name, "read-only": not writable,
                "file": {"driver": "file", "filename": str(stick), "read-only": not writable}}  # fmt: skip
        self._qmp.execute("blockdev-add", **node)
        self._qmp.execute("device_add", driver="usb-storage", id=name, drive=name, bus="xhci.0")

    def unplug_usb_stick(self, name: str) -> None:
        """Pull the stick out (its block node stays in QEMU: plug the next one by a new name)."""
        if self._qmp is None:
            raise RuntimeError("the VM is not running")
        self._qmp.execute("device_del", id=name)

    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def serial_tail(self, lines: int = 60) -> str:
        if not self.serial_log.exists():
            return "(no serial output)"
        text = self.serial_log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def _drop_guest(self) -> None:
        """Closes the guest agent's connection (the next use of `guest` reconnects)."""
        if self._guest is not None:
            self._guest.close()
            self._guest = None

    def stop(self) -> None:
        self._drop_guest()
        if self._qmp is not None:
            with contextlib.suppress(OSError, RuntimeError):
                self._qmp.execute("quit")
            self._qmp.close()
            self._qmp = None
        if self._process is not None:
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
