"""Heartbeat: a small signed JSON status POSTed on a schedule, for sites without Prometheus.

The body is the kiosk's fleet status (kiosk/fleet_status.py) with a format tag; the
Ed25519 signature covers the exact body bytes and travels in a header with the kiosk's
public key, so a receiver checks the key against its list and the signature against the
bytes it received before it parses anything. See docs/technician-guide.md for the format.
"""

from __future__ import annotations

import base64
import json
import logging
import random
import threading
from dataclasses import dataclass
from pathlib import Path

import requests

from kiosk.fleet_status import StatusReader
from offline_cache.signing import SignatureError, public_key_text, sign

log = logging.getLogger(__name__)

FORMAT = "infomat-heartbeat/1"
SIGNATURE_HEADER = "X-Infomat-Signature"
PUBLIC_KEY_HEADER = "X-Infomat-Public-Key"


class HeartbeatKeyError(ValueError):
    """The heartbeat's key file is missing, unreadable or not an Ed25519 private key."""


@dataclass(frozen=True)
class HeartbeatResult:
    ok: bool
    reason: str


def read_key(path: Path) -> bytes:
    """The private key PEM from `path`, checked once so a bad file fails at start-up."""
    try:
        pem = path.read_bytes()
        public_key_text(pem)
    except OSError as exc:
        raise HeartbeatKeyError(
            f"{path}: cannot read the heartbeat key ({exc.strerror or exc}); "
            "make one with `kiosk heartbeat keygen --out FILE`"
        ) from exc
    except SignatureError as exc:
        raise HeartbeatKeyError(f"{path}: {exc}; make one with `kiosk heartbeat keygen`") from exc
    return pem


class Heartbeat:
    def __init__(
        self,
        reader: StatusReader,
        url: str,
        private_pem: bytes,
        http: requests.Session,
        timeout_s: float = 10.0,
    ) -> None:
        self._reader = reader
        self._url = url
        self._pem = private_pem
        self._public_key = public_key_text(private_pem)
        self._http = http
        self._timeout_s = timeout_s

    def body(self) -> bytes:
        """The status as compact UTF-8 JSON; these exact bytes are signed and sent."""
        status = {"format": FORMAT, **self._reader.read().as_dict()}
        return json.dumps(status, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def headers(self, body: bytes) -> dict[str, str]:
        signature = base64.b64decode(sign(body, self._pem).strip())
        return {
            "Content-Type": "application/json; charset=utf-8",
            SIGNATURE_HEADER: base64.b64encode(signature).decode("ascii"),
            PUBLIC_KEY_HEADER: self._public_key,
        }

    def send_once(self) -> HeartbeatResult:
        """POST one heartbeat; never raises for network faults (they are the point of it)."""
        body = self.body()
        try:
            reply = self._http.post(
                self._url,
                data=body,
                headers=self.headers(body),
                timeout=(min(5.0, self._timeout_s), self._timeout_s),
                allow_redirects=False,
            )
        except requests.RequestException as exc:
            return HeartbeatResult(False, f"network: {type(exc).__name__}")
        if 200 <= reply.status_code < 300:
            return HeartbeatResult(True, f"HTTP {reply.status_code}")
        return HeartbeatResult(False, f"HTTP {reply.status_code}")


class HeartbeatSchedule:
    """Sends a heartbeat now and then every `interval_s`, on its own thread."""

    def __init__(self, heartbeat: Heartbeat, interval_s: float, jitter: float = 0.1) -> None:
        self._heartbeat = heartbeat
        self._interval_s = interval_s
        self._jitter = jitter
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="heartbeat", daemon=True)
        self._last_ok: bool | None = None

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout_s)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._report(self._heartbeat.send_once())
            except Exception:
                log.exception("heartbeat crashed; will try again at the next interval")
            # Spread a fleet's heartbeats so hundreds of kiosks do not post in step.
            spread = random.uniform(-self._jitter, self._jitter)  # noqa: S311
            self._stop.wait(self._interval_s * (1 + spread))

    def _report(self, result: HeartbeatResult) -> None:
        """Log a change of state once, not every failed beat of a long outage."""
        if result.ok != self._last_ok:
            if result.ok:
                log.info("heartbeat delivered (%s)", result.reason)
            else:
                log.warning("heartbeat not delivered (%s); will keep trying", result.reason)
        self._last_ok = result.ok
