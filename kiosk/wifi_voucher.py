"""Wi-Fi vouchers the kiosk prints: made offline, signed with the commune's voucher key.

The hotspot portal checks them by the signature alone (docs/vouchers.md has the format:
16 characters of Crockford's base32 carrying the key id, the hour it expires, 20 random
bits and a 34-bit HMAC-SHA256 tag). This is the making half; the portal holds the other.
"""

from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
EPOCH = 1_767_225_600  # 2026-01-01T00:00:00Z
HOUR = 3600
DOMAIN = b"infomat-voucher/1"
KEY_BITS, HOUR_BITS, RANDOM_BITS, TAG_BITS = 6, 20, 20, 34
LENGTH = 16
MIN_SECRET_CHARS = 32
_KEY = re.compile(r"(\d{1,2}):(\S+)")


class VoucherKeyError(ValueError):
    """The voucher key file is missing, unreadable or not 'id:secret' (never shows it)."""


@dataclass(frozen=True)
class VoucherKey:
    id: int  # 0-63
    secret: bytes


def read_key(path: Path) -> VoucherKey:
    """The key in `path`: one line 'id:secret', id 0-63, a secret of 32+ characters."""
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise VoucherKeyError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise VoucherKeyError(f"{path}: cannot read it ({type(exc).__name__})") from None
    match = _KEY.fullmatch(text)
    if match is None or int(match[1]) >= 1 << KEY_BITS:
        raise VoucherKeyError(f"{path}: must hold one line 'id:secret' with an id 0 to 63")
    if len(match[2]) < MIN_SECRET_CHARS:
        raise VoucherKeyError(
            f"{path}: the secret is shorter than {MIN_SECRET_CHARS} characters "
            "(make one: openssl rand -hex 32)"
        )
    return VoucherKey(int(match[1]), match[2].encode())


def make(key: VoucherKey, expires_at: float, random_bits: int | None = None) -> str:
    """A voucher valid until `expires_at` (rounded up to the hour), as 16 characters."""
    if not 0 <= key.id < 1 << KEY_BITS:
        raise ValueError(f"a voucher key id is 0 to {(1 << KEY_BITS) - 1} (got {key.id})")
    hour = -(-(int(expires_at) - EPOCH) // HOUR)
    if not 0 < hour < 1 << HOUR_BITS:
        raise ValueError("a voucher expires between 2026 and 2145")
    nonce = secrets.randbits(RANDOM_BITS) if random_bits is None else random_bits
    payload = (key.id << (HOUR_BITS + RANDOM_BITS)) | (hour << RANDOM_BITS) | nonce
    digest = hmac.digest(key.secret, DOMAIN + payload.to_bytes(6, "big"), "sha256")
    number = (payload << TAG_BITS) | (int.from_bytes(digest[:5], "big") >> (40 - TAG_BITS))
    characters = []
    for _ in range(LENGTH):
        number, digit = divmod(number, 32)
        characters.append(ALPHABET[digit])
    return "".join(reversed(characters))


def grouped(code: str) -> str:
    """As printed: four groups of four, easier to copy onto a phone."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))
