"""systemd's notify protocol, with the standard library: READY, WATCHDOG and STOPPING.

systemd passes NOTIFY_SOCKET (a unix datagram socket; "@" starts an abstract-namespace
name) to a `Type=notify` service and WATCHDOG_USEC when `WatchdogSec=` is set. Outside
systemd nothing is set and every call is a quiet no-op, so the app needs no special case.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)


class SystemdNotifier:
    def __init__(self, address: str = "", watchdog_usec: int = 0) -> None:
        self._address = "\0" + address[1:] if address.startswith("@") else address
        self._watchdog_usec = watchdog_usec
        self._warned = False

    @classmethod
    def from_environment(cls, env: Mapping[str, str] = os.environ) -> SystemdNotifier:
        """What systemd told this process; WATCHDOG_PID naming another process is not ours."""
        usec = env.get("WATCHDOG_USEC", "")
        pid = env.get("WATCHDOG_PID", "")
        ours = not pid or pid == str(os.getpid())
        return cls(env.get("NOTIFY_SOCKET", ""), int(usec) if usec.isdigit() and ours else 0)

    @property
    def enabled(self) -> bool:
        return bool(self._address)

    @property
    def watchdog_interval_s(self) -> float | None:
        """How often to ping: half the watchdog time, as sd_watchdog_enabled(3) advises."""
        return self._watchdog_usec / 2_000_000 if self._watchdog_usec and self.enabled else None

    def notify(self, *assignments: str) -> bool:
        """Send "KEY=value" lines in one datagram; False (logged once) when it cannot."""
        if not self._address:
            return False
        message = "\n".join(assignments).encode("utf-8")
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.sendto(message, self._address)
        except OSError as exc:
            if not self._warned:
                log.warning("cannot tell systemd %s (%s)", assignments[0], exc.strerror or exc)
                self._warned = True
            return False
        return True

    def ready(self, status: str = "") -> bool:
        return self.notify("READY=1", *([f"STATUS={status}"] if status else []))

    def watchdog(self) -> bool:
        return self.notify("WATCHDOG=1")

    def stopping(self) -> bool:
        return self.notify("STOPPING=1")
