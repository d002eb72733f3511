"""The durable store of sessions and the consent log: one interface, two databases.

SQLite in the data dir (sqlite_store.py) serves one host; PostgreSQL (postgres_store.py,
chosen by `database_url`) serves every portal instance of a county at once. A session row
is what the gateway needs to let a client through again after a restart; a consent row is
when, which terms, which gateway and the MAC's keyed hash. Neither holds a MAC in clear.

`stamp()` is the "store changed" signal the session caches of every worker live by: a
value that changes whenever any process (on any host, for PostgreSQL) commits a write.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class StoredSession:
    ip: str
    gateway_id: str
    mac_hash: str | None
    expires_at: float
    extra: Mapping[str, str]


@dataclass(frozen=True)
class Consent:
    accepted_at: float
    terms_version: str
    gateway_id: str
    mac_hash: str | None
    key_id: str
    voucher: str | None = None  # the voucher's fingerprint, when one was used


@dataclass(frozen=True)
class VoucherClaim:
    """A device using a voucher: its fingerprint (vouchers.py), never the code itself."""

    fingerprint: str
    expires_at: float
    mac_hash: str | None
    gateway_id: str


@dataclass(frozen=True)
class GatewayRecord:
    """One router of the gateway registry (gateway_registry.py checks and makes these)."""

    name: str
    kind: str  # 'opennds' ('nftables' later)
    address: str  # 'ip:port', openNDS's gatewayaddress
    faskey: str  # in clear: the portal decrypts the router's fas with it
    fas_level: int
    terms_version: str | None  # None: the portal's terms_version
    admin_token_sha256: str  # hex; the token itself is shown once, never stored
    created_at: float


class GatewayExists(Exception):
    """A gateway of that name is in the registry already."""


class VoucherTaken(Exception):
    """The voucher was used already, by another device (or one the gateway cannot name)."""


class StoreError(RuntimeError):
    """The store cannot be opened or written (disk full, permissions, corruption, the
    database server unreachable)."""


class SessionStore(Protocol):
    def close(self) -> None: ...

    def stamp(self) -> int:
        """A value that changes whenever any process commits a write to this store."""

    def changes_since(self, seen: int) -> tuple[int, frozenset[int] | None]:
        """The stamp now and the hashes (change_stamp.key_hash) of the client addresses
        written since the stamp `seen`, or None when any may have changed."""

    def expiry_of(self, ip: str, gateway_id: str | None = None) -> float | None:
        """When the latest session at this address ends, at that gateway or at any (None);
        None: none."""

    def record_accept(self, session: StoredSession, consent: Consent) -> None:
        """Save the session (replacing the client's earlier one at the same gateway) and its
        consent, atomically."""

    def end(self, ip: str, gateway_id: str | None = None) -> bool:
        """End the session at this address at one gateway, or at every gateway (None)."""

    def expired(self, since: float, now: float, limit: int) -> list[tuple[str, str]]:
        """(gateway, address) of sessions that ended in (since, now], oldest first."""

    def end_if_expired(self, gateway_id: str, ip: str, now: float) -> bool:
        """Delete the client's session unless it was renewed in the meantime."""

    def sessions_valid_at(self, now: float) -> list[StoredSession]: ...

    def count_valid(self, now: float) -> int: ...

    def consents_since(self, since: float) -> list[Consent]: ...

    def purge(self, sessions_before: float, consents_before: float) -> tuple[int, int]:
        """Drop sessions ended before the one time (and vouchers expired by then: they are
        refused by their own expiry), consents older than the other."""

    def claim_voucher(self, claim: VoucherClaim, now: float) -> float:
        """When the voucher was first used: now for a new one, the first time again for the
        same device (same MAC hash); VoucherTaken for any other device."""

    def add_gateway(self, gateway: GatewayRecord) -> None:
        """Register a gateway; GatewayExists when its name is taken."""

    def replace_gateway(self, gateway: GatewayRecord) -> bool:
        """Replace the registered gateway of that name; False when there is none."""

    def remove_gateway(self, name: str) -> bool:
        """Take the gateway off the registry and end its sessions (its consents stay):
        unregistered, they would be handed to the configured gateway; False: none such."""

    def gateway(self, name: str) -> GatewayRecord | None: ...

    def gateways(self) -> list[GatewayRecord]:
        """Every registered gateway, by name."""

    def ping(self) -> None: ...
