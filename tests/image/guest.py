"""Commands inside the VM through the QEMU guest agent (qemu-guest-agent in the image).

The agent starts only where its virtio port exists, that is in a VM started with
`ImageVM(..., guest_agent=True)`; a real kiosk has no such port and the agent never runs.
"""

from __future__ import annotations

import base64
import json
import random
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Finished:
    exit_code: int
    out: str
    err: str


class GuestAgent:
    """One connection to the agent, kept open (the agent stopped answering a new connection
    after an error on the one before); every command starts with a guest-sync so an answer
    left over from an earlier, abandoned command is never taken for this one's."""

    def __init__(self, path: Path, timeout: float = 30.0) -> None:
        self._path = path
        self._timeout = timeout
        self._sock: socket.socket | None = None
        self._stream: Any = None

    def close(self) -> None:
        if self._sock is not None:
            self._stream.close()
            self._sock.close()
        self._sock, self._stream = None, None

    def _connect(self) -> Any:
        if self._sock is None:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(self._timeout)
            try:
                sock.connect(str(self._path))
            except OSError:
                sock.close()
                raise
            self._sock, self._stream = sock, sock.makefile("rwb")
        return self._stream

    def _call(self, command: str, **arguments: Any) -> Any:
        try:
            stream = self._connect()
            token = random.randrange(1, 2**31)
            self._send(stream, "guest-sync", id=token)
            while self._receive(stream).get("return") != token:
                pass
            self._send(stream, command, **arguments)
            answer = self._receive(stream)
        except (OSError, ConnectionError, ValueError):
            self.close()  # the next call starts on a fresh connection
            raise
        if "error" in answer:
            raise RuntimeError(f"guest agent {command}: {answer['error']}")
        return answer.get("return")

    @staticmethod
    def _send(stream: Any, command: str, **arguments: Any) -> None:
        stream.write(json.dumps({"execute": command, "arguments": arguments}).encode() + b"\n")
        stream.flush()

    @staticmethod
    def _receive(stream: Any) -> dict[str, Any]:
        line = stream.readline()
        if not line:
            raise ConnectionError("the guest agent closed the connection")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def wait_ready(self, deadline: float) -> None:
        while True:
            try:
                self._call("guest-ping")
                return
            except (OSError, RuntimeError, ConnectionError, ValueError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(2)

    def run(self, *command: str, timeout: float = 60.0) -> Finished:
        """Run a program in the guest as root and wait for it."""
        pid = self._call("guest-exec", path=command[0], arg=list(command[1:]),
                         **{"capture-output": True})["pid"]  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self._call("guest-exec-status", pid=pid)
            if status["exited"]:
                return Finished(
                    status.get("exitcode", -1),
                    base64.b64decode(status.get("out-data", "")).decode(errors="replace"),
                    base64.b64decode(status.get("err-data", "")).decode(errors="replace"),
                )
            time.sleep(0.5)
        raise TimeoutError(f"{' '.join(command)} still runs in the guest after {timeout} s")
