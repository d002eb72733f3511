"""The technician PIN: stored as an scrypt hash, five wrong tries lock the pad for five minutes."""

from __future__ import annotations

import base64
import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_TRIES = 5
LOCK_SECONDS = 300
_N, _R, _P = 2**14, 8, 1
DEMO_PIN = "2468"
# DEMO_PIN hashed once here, not at every `kiosk run --demo` (scrypt costs ~40-60 ms of the
# start); tests/kiosk/test_admin_pin.py checks that it is DEMO_PIN's.
DEMO_PIN_HASH = (
    "scrypt$16384$8$1$p4HA+wI4Ob6Hl4TE4hWoyw==$s3yWHZhqPnl8pI18WHXpxSyjd+HSTZR78R/ocrZJp74="
)


# hashlib (OpenSSL's, ~5 ms) is imported when a PIN is hashed or checked, not in the
# kiosk's cold start, where the admin model is made with the stored hash alone.


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """`scrypt$N$r$p$salt$hash` (base64), the form `admin.pin_hash` takes."""
    import hashlib  # noqa: PLC0415 - see above
    import secrets  # noqa: PLC0415 - it imports hmac, and hmac hashlib

    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        raise ValueError("a PIN is 4 to 12 digits")
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"


def _matches(pin: str, stored: str) -> bool:
    import hashlib  # noqa: PLC0415 - see hash_pin
    import hmac  # noqa: PLC0415

    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            pin.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


def is_pin_hash(text: str) -> bool:
    parts = text.split("$")
    return len(parts) == 6 and parts[0] == "scrypt" and all(parts[1:])


@dataclass(frozen=True)
class PinAnswer:
    accepted: bool
    tries_left: int
    locked_for_s: int


class AdminPin:
    """Checks PINs and keeps the lockout; the time source is injected for tests."""

    def __init__(self, pin_hash: str, clock: Callable[[], float] = time.monotonic) -> None:
        self._hash = pin_hash
        self._clock = clock
        self._wrong = 0
        self._locked_until = 0.0

    @property
    def configured(self) -> bool:
        return bool(self._hash)

    def check(self, pin: str) -> PinAnswer:
        now = self._clock()
        if now < self._locked_until:
            return PinAnswer(False, 0, int(self._locked_until - now) + 1)
        if self.configured and _matches(pin, self._hash):
            self._wrong = 0
            return PinAnswer(True, MAX_TRIES, 0)
        self._wrong += 1
        if self._wrong >= MAX_TRIES:
            self._wrong = 0
            self._locked_until = now + LOCK_SECONDS
            return PinAnswer(False, 0, LOCK_SECONDS)
        return PinAnswer(False, MAX_TRIES - self._wrong, 0)
