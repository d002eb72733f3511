"""`ndsctl`, openNDS's control command: run it with a time limit and read its JSON.

ndsctl refuses to run while another ndsctl holds its lock: openNDS 9.10's exits with
status 4 and prints nothing (measured: of 8 started at once, 7 did so), older ones print
"ndsctl is locked by another process". Such a call is retried a few times, after a short
random pause, before it counts as a failure: the portal's workers and a technician may
call it at the same moment.
"""

from __future__ import annotations

import json
import random
import subprocess
import time
from collections.abc import Sequence
from typing import Any

from captive_portal.gateway import GatewayClient, GatewayError
from captive_portal.gateways import _validate as v

LOCKED = "locked by another process"
LOCKED_STATUS = 4
RETRIES = 8
RETRY_PAUSE_S = 0.1


class Ndsctl:
    def __init__(self, command: Sequence[str], timeout_s: float) -> None:
        self._command = list(command)
        self._timeout_s = timeout_s

    def run(self, *args: str, done_if: str | None = None) -> str:
        """ndsctl's standard output; GatewayError when it cannot be run or fails.

        `done_if`: a failure whose output contains this text counts as success (e.g.
        "not found" for a deauth: the client is out already).
        """
        for _ in range(RETRIES):
            result = self._run_once(args)
            if not _locked_out(result):
                break
            time.sleep(RETRY_PAUSE_S * (0.5 + random.random()))  # noqa: S311 (jitter, not a secret)
        if result.returncode != 0 and not (done_if and done_if in result.stdout):
            raise GatewayError(f"ndsctl {args[0]} failed ({result.returncode})")
        return result.stdout

    def _run_once(self, args: Sequence[str]) -> subprocess.CompletedProcess[str]:
        try:
            return subprocess.run(
                [*self._command, *args],
                capture_output=True,
                text=True,
                timeout=self._timeout_s,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise GatewayError(f"ndsctl {args[0]} took over {self._timeout_s} s") from None
        except OSError as error:
            raise GatewayError(f"ndsctl cannot be run: {error.strerror}") from None


def _locked_out(result: subprocess.CompletedProcess[str]) -> bool:
    silent_lock = result.returncode == LOCKED_STATUS and not result.stdout.strip()
    return silent_lock or LOCKED in result.stdout + result.stderr


def parse_clients(text: str, now: float) -> list[GatewayClient]:
    """The authenticated clients in `ndsctl json` output."""
    if not text.strip():
        raise GatewayError("ndsctl json: no answer (is openNDS running?)")
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        raise GatewayError("ndsctl json: not JSON") from None
    if not isinstance(document, dict) or not isinstance(document.get("clients", {}), dict):
        raise GatewayError("ndsctl json: unexpected shape")
    entries: dict[str, Any] = document.get("clients", {})
    return [_client(entry, now) for entry in entries.values() if _authenticated(entry)]


def _authenticated(entry: object) -> bool:
    if not isinstance(entry, dict):
        raise GatewayError("ndsctl json: a client is not an object")
    return entry.get("state") == "Authenticated"


def _client(entry: dict[str, Any], now: float) -> GatewayClient:
    try:
        ip = v.ip("ip", str(entry["ip"]))
        mac = v.mac("mac", str(entry["mac"]))
        end = str(entry.get("session_end", "null"))
        remaining = None if end in ("null", "0") else max(0, int(end) - int(now))
        active = str(entry.get("last_active", "null"))  # updated every `checkinterval`
        idle = None if active in ("null", "0") else max(0, int(now) - int(active))
    except (KeyError, ValueError) as error:  # GatewayInputError is a ValueError
        raise GatewayError("ndsctl json: a client has a malformed field") from error
    return GatewayClient(ip=ip, mac=mac, seconds_remaining=remaining, idle_seconds=idle)
