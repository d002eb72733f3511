"""The portal's keys: MAC hashing for the consent log (with rotation) and form signing.

Consent entries hold a MAC only as HMAC-SHA256 under the *current* key, with that key's
id, so an old entry stays checkable after a rotation. With no keys configured, one random
key is created once in the data dir (0600) so every worker and restart agree on it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from captive_portal.private_files import FILE_MODE, narrow, private_dir
from captive_portal.settings import PortalSettings

LOCAL_KEY_FILE = "consent.key"
LOCAL_KEY_ID = "local"


@dataclass(frozen=True)
class ConsentKey:
    id: str
    secret: bytes


class PortalKeys:
    """Keyed hashes of MACs and the key that signs splash forms."""

    def __init__(self, keys: Sequence[ConsentKey]) -> None:
        if not keys:
            raise ValueError("the portal needs at least one consent key")
        self.current = keys[0]
        self.form_key = hmac.digest(self.current.secret, b"infomat-portal accept form", "sha256")

    def mac_hash(self, mac: str | None) -> str | None:
        """HMAC-SHA256 (hex) of the normalised MAC under the current key; None if unknown."""
        if mac is None:
            return None
        normal = mac.strip().lower().replace("-", ":").encode("ascii", "replace")
        return hmac.new(self.current.secret, normal, hashlib.sha256).hexdigest()


def load_keys(settings: PortalSettings) -> PortalKeys:
    """The configured keys, or the data dir's local key (created on first use)."""
    if settings.consent_secrets:
        pairs = (entry.partition(":") for entry in settings.consent_secrets)
        return PortalKeys([ConsentKey(key_id, secret.encode()) for key_id, _, secret in pairs])
    return PortalKeys([ConsentKey(LOCAL_KEY_ID, _local_key(settings.data_path()))])


def _local_key(folder: Path) -> bytes:
    path = folder / LOCAL_KEY_FILE
    private_dir(folder)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        narrow(path)
        return path.read_text(encoding="ascii").strip().encode()
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(secrets.token_hex(32))
    return path.read_text(encoding="ascii").strip().encode()
