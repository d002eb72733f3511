"""Kiosks' bearer tokens: made once, shown once, stored only as a hash.

A token is 32 random bytes (256 bits), so a plain SHA-256 of it is enough: a slow hash
(scrypt, argon2) protects guessable secrets such as passwords, and nobody can guess
2^256 values; a fast hash also keeps each intake request cheap and lets the store find
the kiosk by the hash alone.
"""

from __future__ import annotations

import hashlib
import secrets

TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def bearer_token(authorization: str) -> str:
    """The token of an `Authorization: Bearer ...` header, or "" when there is none."""
    scheme, _, token = authorization.strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""
