"""Wi-Fi vouchers printed at the kiosk: checked here offline, by their signature alone.

A voucher is 16 characters of Crockford's base32 (0-9 and A-Z without I, L, O, U), printed
in four groups of four. Its 80 bits, most significant first (docs/vouchers.md):
  6 bits  key id: which of the commune's keys signed it (rotation; up to 64 keys)
  20 bits the hour it expires, counted from 2026-01-01 00:00 UTC
  20 bits random, so two vouchers of one hour differ
  34 bits the first bits of HMAC-SHA256(key, "infomat-voucher/1" + the 46 bits above)
What a phone user types is normalised first: case, spaces and dashes do not matter, and
I, L read as 1 and O as 0, as Crockford's base32 prescribes.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 16
EPOCH = 1_767_225_600  # 2026-01-01T00:00:00Z
HOUR = 3600
DOMAIN = b"infomat-voucher/1"
KEY_BITS, HOUR_BITS, RANDOM_BITS, TAG_BITS = 6, 20, 20, 34
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0", " ": None, "-": None})
Problem = Literal["voucher_wrong", "voucher_expired"]


class VoucherRefused(ValueError):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem)
        self.problem: Problem = problem


@dataclass(frozen=True)
class Voucher:
    code: str  # normalised: 16 characters of ALPHABET
    key_id: int
    expires_at: float  # Unix time

    def fingerprint(self) -> str:
        """What the store and the consent log keep of it: not the code itself."""
        return hashlib.sha256(DOMAIN + b":" + self.code.encode()).hexdigest()[:32]


def normalise(typed: str) -> str:
    return typed.upper().translate(_READ_AS)


def tag(secret: bytes, payload: int) -> int:
    body = payload.to_bytes(6, "big")
    digest = hmac.digest(secret, DOMAIN + body, "sha256")
    return int.from_bytes(digest[:5], "big") >> (40 - TAG_BITS)


def check(typed: str, keys: Mapping[int, bytes], now: float) -> Voucher:
    """The voucher `typed` stands for; VoucherRefused when forged, mistyped or expired."""
    code = normalise(typed)
    if len(code) != LENGTH or any(c not in ALPHABET for c in code):
        raise VoucherRefused("voucher_wrong")
    number = 0
    for character in code:
        number = number * 32 + ALPHABET.index(character)
    payload, given = number >> TAG_BITS, number & ((1 << TAG_BITS) - 1)
    key_id = payload >> (HOUR_BITS + RANDOM_BITS)
    secret = keys.get(key_id)
    if secret is None or not hmac.compare_digest(
        tag(secret, payload).to_bytes(5, "big"), given.to_bytes(5, "big")
    ):
        raise VoucherRefused("voucher_wrong")
    hour = (payload >> RANDOM_BITS) & ((1 << HOUR_BITS) - 1)
    expires_at = float(EPOCH + hour * HOUR)
    if now >= expires_at:
        raise VoucherRefused("voucher_expired")
    return Voucher(code, key_id, expires_at)


def parse_keys(entries: list[str]) -> dict[int, bytes]:
    """`["3:secret", ...]` as {3: b"secret"} (the settings have checked the entries)."""
    pairs = (entry.partition(":") for entry in entries)
    return {int(key_id): secret.encode() for key_id, _, secret in pairs}
