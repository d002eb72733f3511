"""A receipt printer behind a device file: /dev/usb/lp0 (usblp), a serial port, a FIFO.

Writes never block past the time limit: the file is opened non-blocking and every chunk
waits for the device with select(), because a usblp printer out of paper stops taking
data and a plain write() would hang the kiosk. Status requests need a device that can
answer (a character device); a FIFO or a plain file gives UNKNOWN and still prints.
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import stat
import time
from pathlib import Path
from typing import Unpack

from devices.printer_base import EscposOptions, EscposPrinter, PrinterError
from devices.printer_status import PrinterStatus, request

CHUNK = 4096


class DeviceFilePrinter(EscposPrinter):
    kind = "file"

    def __init__(self, device: Path, **options: Unpack[EscposOptions]) -> None:
        super().__init__(**options)
        self.device = device

    @property
    def name(self) -> str:
        return f"printer device {self.device}"

    def _connect(self) -> DeviceFileConnection:
        try:
            mode = os.stat(self.device).st_mode
            if stat.S_ISCHR(mode):
                fd = os.open(self.device, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
            elif stat.S_ISFIFO(mode):
                fd = os.open(self.device, os.O_WRONLY | os.O_NONBLOCK)
            else:
                fd = os.open(self.device, os.O_WRONLY | os.O_APPEND)
        except OSError as exc:
            raise PrinterError(PrinterStatus.OFFLINE, self._why(exc)) from exc
        return DeviceFileConnection(fd, stat.S_ISCHR(mode), self.timeout_s, self.status_timeout_s)

    def _why(self, exc: OSError) -> str:
        if exc.errno == errno.ENOENT:
            return f"{self.name} does not exist: is the printer plugged in and switched on?"
        if exc.errno in (errno.EACCES, errno.EPERM):
            return f"{self.name}: no permission (add the kiosk user to group lp, or a udev rule)"
        if exc.errno == errno.ENXIO:
            return f"{self.name}: nothing is reading this FIFO"
        return f"{self.name} cannot be opened ({exc})"


class DeviceFileConnection:
    def __init__(self, fd: int, answers: bool, timeout_s: float, status_timeout_s: float) -> None:
        self._fd, self._answers = fd, answers
        self._timeout_s, self._status_timeout_s = timeout_s, status_timeout_s

    def write(self, data: bytes) -> None:
        deadline = time.monotonic() + self._timeout_s
        view = memoryview(data)
        while view:
            remaining = deadline - time.monotonic()
            _, writable, _ = select.select([], [self._fd], [], max(0.0, remaining))
            if not writable:
                raise PrinterError(
                    PrinterStatus.UNKNOWN,
                    f"the printer device stopped taking data ({len(view)} of {len(data)} "
                    f"bytes left after {self._timeout_s:g} s): paper, cover or a jam?",
                )
            with contextlib.suppress(BlockingIOError):
                view = view[os.write(self._fd, view[:CHUNK]) :]

    def ask(self, n: int) -> int | None:
        if not self._answers:
            return None
        self._drain()
        self.write(request(n))
        readable, _, _ = select.select([self._fd], [], [], self._status_timeout_s)
        if not readable:
            return None
        try:
            reply = os.read(self._fd, 1)
        except BlockingIOError:
            return None
        return reply[0] if reply else None

    def close(self) -> None:
        os.close(self._fd)

    def _drain(self) -> None:
        with contextlib.suppress(BlockingIOError):
            while os.read(self._fd, 256):
                pass
