"""Clerks' passwords: scrypt with a random salt, the parameters stored with the hash.

A stored hash reads `scrypt$16384$8$1$<salt>$<hash>` (base64url), so the cost can be
raised later without breaking older accounts. About 45 ms per check on the reference
machine (docs/office.md), which also slows guessing.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets

N, R, P = 2**14, 8, 1
SALT_BYTES = 16
HASH_BYTES = 32
MIN_LENGTH = 10
MAX_LENGTH = 1024
_MAX_N = 2**20  # refuse a stored hash that would take gigabytes to check


class WeakPassword(ValueError):
    """A password too short (or absurdly long) to accept."""


def hash_password(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"a password has at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise WeakPassword(f"a password has at most {MAX_LENGTH} characters")
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(password, salt, N, R, P)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """Whether `password` matches `stored`; False for a malformed stored hash."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt" or len(password) > MAX_LENGTH:
        return False
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt, expected = _unb64(parts[4]), _unb64(parts[5])
    except (ValueError, binascii.Error):
        return False
    if not (1 < n <= _MAX_N and 0 < r <= 32 and 0 < p <= 16) or len(expected) < 16 or not salt:
        return False
    return hmac.compare_digest(_scrypt(password, salt, n, r, p, size=len(expected)), expected)


def spend_a_check() -> None:
    """As long as a real check: an unknown login answers in the same time as a known one."""
    _scrypt("-", b"\0" * SALT_BYTES, N, R, P)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, *, size: int = HASH_BYTES) -> bytes:
    memory = 128 * r * (n + p + 2) + 1024 * 1024
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=memory, dklen=size
    )


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
