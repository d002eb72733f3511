"""A real SMTP server (aiosmtpd) on loopback: the office's mailbox in the outbox tests.

Answers at DATA can be scripted like the HTTP intake: "250" (the default), an SMTP
error such as "451" or "550", or "hold" (keep the message, answer only after `release()`
so the kiosk can be killed in between). An optional login is checked with AUTH PLAIN or
LOGIN over plain text (loopback only).
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections import deque
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

_REPLIES = {"451": "451 4.3.0 Mailbox busy, try later", "550": "550 5.1.1 No such mailbox"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class MailServer:
    def __init__(self, username: str = "", password: str = "") -> None:
        self.messages: list[EmailMessage] = []
        self.answers: deque[str] = deque()
        self.hold_reached = threading.Event()
        self._released = threading.Event()
        self._credentials = (username, password)
        self.port = free_port()
        kwargs: dict[str, Any] = {}
        if username:
            kwargs = {"auth_require_tls": False, "authenticator": self._authenticate}
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port, **kwargs)

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._released.set()
        self._controller.stop()

    def script(self, *answers: str) -> None:
        self.answers.extend(answers)

    def release(self) -> None:
        self._released.set()

    def by_message_id(self) -> dict[str, list[EmailMessage]]:
        """What a clerk sees: messages grouped by Message-ID (a resend joins its original)."""
        grouped: dict[str, list[EmailMessage]] = {}
        for message in self.messages:
            grouped.setdefault(str(message["Message-ID"]), []).append(message)
        return grouped

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        answer = self.answers.popleft() if self.answers else "250"
        if answer in _REPLIES:
            return _REPLIES[answer]
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(message)
        if answer == "hold":
            self.hold_reached.set()
            while not self._released.is_set():
                await asyncio.sleep(0.01)
        return "250 2.0.0 Message accepted"

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        ok = (
            isinstance(data, LoginPassword)
            and (
                data.login.decode(),
                data.password.decode(),
            )
            == self._credentials
        )
        return AuthResult(success=ok, handled=False)  # not handled: aiosmtpd answers 535
