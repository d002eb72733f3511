"""Who is online: sessions in the durable store with an in-memory cache for the hot path.

Probes and the catch-all ask `seconds_remaining(ip)` on every request. Each worker caches
the session end it read for an address, or that the address has none, until any process
writes that address's session (the store's change stamp, one memory read, says which
addresses changed: change_stamp.py) — so an accept or a deauthorisation in another worker
shows at the next request, and an accept of one phone leaves the others' answers cached.
As a safety net the cache is also dropped every `recheck_seconds` and when it holds
`cache_limit` addresses.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from captive_portal.change_stamp import key_hash
from captive_portal.gateway import (
    ClientContext,
    Gateway,
    GatewayClient,
    GatewayError,
    GatewayInputError,
)
from captive_portal.store import (
    Consent,
    GatewayRecord,
    SessionStore,
    StoredSession,
    VoucherClaim,
)

DAY_SECONDS = 86400
_MAC_LIKE = re.compile(r"(?i)^\s*[0-9a-f]{2}([:-]?[0-9a-f]{2}){5}\s*$")


@dataclass(frozen=True)
class Acceptance:
    """One client's accept as the consent log sees it."""

    client: ClientContext
    mac_hash: str | None
    key_id: str
    terms_version: str
    voucher: str | None = None  # the fingerprint of a voucher used for it


class SessionBook:
    def __init__(
        self,
        store: SessionStore,
        clock: Callable[[], float],
        recheck_seconds: float = 1.0,
        cache_limit: int = 65536,
        *,
        gateway_id: str | None = None,
    ) -> None:
        """`gateway_id`: the local gateway's (`Gateway.gateway_id`); lookups then see only
        its sessions, not those of another router's phone with the same address."""
        self._store = store
        self._gateway_id = gateway_id
        self._clock = clock
        self._recheck = recheck_seconds
        self._limit = cache_limit
        self._cache: dict[str, float | None] = {}  # ip -> session end, None: no session
        self._cached_by_hash: dict[int, str] = {}  # key_hash(ip) -> ip, for the stamp's ring
        self._cache_stamp = store.stamp()
        self._cache_until = 0.0
        self._lost_before: set[str] = set()  # valid sessions the gateway did not list
        self._unrecorded_before: set[str] = set()  # listed clients without a session

    def seconds_remaining(self, ip: str) -> int | None:
        """Whole seconds the client at `ip` stays online, or None when it must accept."""
        now = self._clock()
        if self._store.stamp() != self._cache_stamp:
            self._forget_changed()
        if now >= self._cache_until or len(self._cache) >= self._limit:
            self._forget_all()
            self._cache_until = now + self._recheck
        try:
            expires = self._cache[ip]
        except KeyError:
            expires = self._cache[ip] = self._store.expiry_of(ip, self._gateway_id)
            self._cached_by_hash[key_hash(ip)] = ip
        if expires is None or expires <= now:
            return None
        return math.ceil(expires - now)

    def _forget_changed(self) -> None:
        """Drop the answers of the addresses written since the cache's stamp (all of them
        when the stamp cannot say which)."""
        self._cache_stamp, changed = self._store.changes_since(self._cache_stamp)
        if changed is None:
            self._forget_all()
            return
        for changed_hash in changed:
            ip = self._cached_by_hash.pop(changed_hash, None)
            if ip is not None:
                self._cache.pop(ip, None)

    def _forget_all(self) -> None:
        self._cache.clear()
        self._cached_by_hash.clear()

    def start(self, acceptance: Acceptance, seconds: int) -> float:
        """Record the session (a re-accept restarts it from now) and its consent entry."""
        now = self._clock()
        client = acceptance.client
        expires = now + seconds
        session = StoredSession(
            client.ip, client.gateway_id, acceptance.mac_hash, expires, _without_macs(client.extra)
        )
        consent = Consent(
            now, acceptance.terms_version, client.gateway_id, acceptance.mac_hash,
            acceptance.key_id, acceptance.voucher,
        )  # fmt: skip
        self._store.record_accept(session, consent)
        return expires

    def end(self, ip: str, gateway_id: str | None = None) -> bool:
        return self._store.end(ip, gateway_id)

    def registered_router(self, name: str) -> GatewayRecord | None:
        """The gateway registry's router of that name, or None."""
        return self._store.gateway(name)

    def claim_voucher(self, claim: VoucherClaim) -> float:
        """When this device first used the voucher (now, if it is new); VoucherTaken."""
        return self._store.claim_voucher(claim, self._clock())

    def valid(self) -> list[StoredSession]:
        return self._store.sessions_valid_at(self._clock())

    def valid_by_gateway(self, gateway: Gateway) -> list[tuple[StoredSession, bool]]:
        """Every valid session, each with whether `gateway` (this portal's) is its gateway:
        on a shared store the others are registered routers' or other portals' sessions."""
        registered = self._registered()
        return [(s, _enforced_by(gateway, s.gateway_id, registered)) for s in self.valid()]

    def count_valid(self) -> int:
        return self._store.count_valid(self._clock())

    def per_gateway(self, since: float) -> dict[str, dict[str, int]]:
        """For each gateway with a session now or an accept since `since`: its clients
        online and its accepts (a county's technician sees which hotspot is in use)."""
        counts: dict[str, dict[str, int]] = {}

        def of(gateway_id: str) -> dict[str, int]:
            return counts.setdefault(gateway_id, {"clients_authorised": 0, "accepts": 0})

        for session in self._store.sessions_valid_at(self._clock()):
            of(session.gateway_id)["clients_authorised"] += 1
        for consent in self._store.consents_since(since):
            of(consent.gateway_id)["accepts"] += 1
        return dict(sorted(counts.items()))

    def ping(self) -> None:
        self._store.ping()

    def purge(self, retention_days: int) -> tuple[int, int]:
        """Drop sessions ended over a day ago (never handed to `end_expired`, or failed
        there) and consents older than the retention; (sessions, consents)."""
        now = self._clock()
        return self._store.purge(now - DAY_SECONDS, now - retention_days * DAY_SECONDS)

    def end_expired(self, gateway: Gateway, limit: int = 500) -> tuple[int, int]:
        """Take clients whose session ended within the last day off the gateway, then drop
        their sessions; (ended, failed). openNDS lets a FAS login stay for its own
        `sessiontimeout`, so this is what holds it to the portal's session length. A
        failed deauthorisation keeps the session for the next sweep. A registered router's
        sessions only end in the store: the configured gateway is not that router; another
        unregistered gateway's are left to its own portal."""
        now = self._clock()
        ended = failed = 0
        registered = self._registered()
        for gateway_id, ip in self._store.expired(now - DAY_SECONDS, now, limit):
            ours = _enforced_by(gateway, gateway_id, registered)
            if not ours and gateway_id not in registered:
                continue
            try:
                if ours:
                    gateway.deauthorise(ip)
            except (GatewayError, GatewayInputError):
                failed += 1
                continue
            ended += self._store.end_if_expired(gateway_id, ip, now)
        return ended, failed

    def end_idle(self, listed: Sequence[GatewayClient], gateway: Gateway, idle_limit: int) -> int:
        """Take clients idle for `idle_limit` seconds or more off the gateway and end their
        sessions (a failed deauthorisation keeps the session for the next sweep)."""
        ended = 0
        for client in listed:
            if client.idle_seconds is None or client.idle_seconds < idle_limit:
                continue
            try:
                gateway.deauthorise(client.ip)
            except (GatewayError, GatewayInputError):
                continue
            ended += self._end_here(client.ip, gateway)
        return ended

    def _end_here(self, ip: str, gateway: Gateway) -> bool:
        """End the address's sessions at this gateway only (other routers' phones may have
        the same address behind their own router)."""
        registered = self._registered()
        if gateway.gateway_id is None and not registered:
            return self._store.end(ip)
        at_ip = {s.gateway_id for s in self._store.sessions_valid_at(self._clock()) if s.ip == ip}
        ended = False
        for gateway_id in at_ip:
            if _enforced_by(gateway, gateway_id, registered):
                ended = self._store.end(ip, gateway_id) or ended
        return ended

    def restore_lost(self, listed: Sequence[GatewayClient], gateway: Gateway) -> int:
        """Re-apply valid sessions the gateway has not listed at this sweep and the one
        before (it restarted, or lost its rules); how many. Two sweeps, so a session being
        ended right now (gateway first, then the store) is not put back."""
        now = self._clock()
        present = {client.ip for client in listed}
        lost = {s.ip: s for s in self._enforced_by(gateway, now) if s.ip not in present}
        again = [s for ip, s in lost.items() if ip in self._lost_before]
        self._lost_before = set(lost) - {s.ip for s in again}
        if again:
            gateway.reapply([(_context(s), math.ceil(s.expires_at - now)) for s in again])
        return len(again)

    def end_unrecorded(self, listed: Sequence[GatewayClient], gateway: Gateway) -> int:
        """Take off the gateway the clients it lets through without a valid session of its
        own at this sweep and the one before: ended elsewhere, e.g. by the router's
        technician through another portal instance; how many. Two sweeps, so an accept
        between its authorise and its store write is not taken back. Only for a gateway
        storing its clients under its own id (openNDS as configured may list clients the
        portal never saw)."""
        if gateway.gateway_id is None:
            return 0
        recorded = {s.ip for s in self._enforced_by(gateway, self._clock())}
        unrecorded = {client.ip for client in listed if client.ip not in recorded}
        again = unrecorded & self._unrecorded_before
        self._unrecorded_before = unrecorded - again
        ended = 0
        for ip in sorted(again):
            try:
                gateway.deauthorise(ip)
            except (GatewayError, GatewayInputError):
                self._unrecorded_before.add(ip)  # at the next sweep, then
                continue
            ended += 1
        return ended

    def restore(self, gateway: Gateway) -> int:
        """Hand every valid session back to the gateway (after a restart); how many."""
        now = self._clock()
        sessions = self._enforced_by(gateway, now)
        gateway.reapply([(_context(s), math.ceil(s.expires_at - now)) for s in sessions])
        return len(sessions)

    def _enforced_by(self, gateway: Gateway, now: float) -> list[StoredSession]:
        """Valid sessions of this gateway's clients: another router's are never handed to
        it (a phone there may have the address of one here)."""
        registered = self._registered()
        valid = self._store.sessions_valid_at(now)
        return [s for s in valid if _enforced_by(gateway, s.gateway_id, registered)]

    def _registered(self) -> set[str]:
        return {gateway.name for gateway in self._store.gateways()}


def _enforced_by(gateway: Gateway, gateway_id: str, registered: set[str]) -> bool:
    """Whether `gateway` lets the sessions stored under `gateway_id` through: its own id's,
    or, for a gateway naming its routers per request (openNDS), every unregistered id's."""
    if gateway.gateway_id is None:
        return gateway_id not in registered
    return gateway_id == gateway.gateway_id


def _context(session: StoredSession) -> ClientContext:
    """What the gateway needs to let a stored session's client through again."""
    return ClientContext(session.ip, None, session.gateway_id, None, session.extra)


def _without_macs(extra: Mapping[str, str]) -> dict[str, str]:
    """The gateway's extra data minus anything that looks like a MAC (never stored in clear)."""
    return {key: value for key, value in extra.items() if not _MAC_LIKE.match(value)}
