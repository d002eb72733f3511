"""Time from the accept form's POST to the client's first upstream reply through nftables.

Part of `bench_portal` (needs root for the network namespaces and `nft`; skipped with the
reason otherwise). The real portal runs behind our nftables gateway in the gateway
namespace, as in tests/captive_portal_gateways/test_real_portal_nftables.py; each round:
the client loads the splash, posts the form (the clock starts), then asks the upstream
server until it answers; the admin API ends the session for the next round.
"""

from __future__ import annotations

import shutil
import statistics
import time
from dataclasses import replace
from pathlib import Path

from captive_portal.gateways.configured import build_gateway
from tests.captive_portal.portal_server import ADMIN_TOKEN, FakeClock
from tests.captive_portal_gateways.conftest import UPSTREAM_BODY
from tests.captive_portal_gateways.test_real_portal_nftables import portal_settings, splash_url
from tests.peers import netns
from tests.peers.fas_client import first_success
from tests.peers.portal_in_ns import PortalInNamespace, send, submit_splash
from tests.peers.web import WebServer, fixed


def why_not() -> str | None:
    """Why the measurement cannot run here, or None."""
    return netns.can_use_namespaces() or (None if shutil.which("nft") else "needs nft")


def accept_to_traffic(work: Path, rounds: int = 30) -> dict[str, float]:
    with netns.hotspot("bpt") as hotspot:
        upstream = WebServer(hotspot.upstream, 80, fixed(UPSTREAM_BODY))
        settings = replace(portal_settings(hotspot, work), accepts_per_minute=10 * rounds)
        portal = PortalInNamespace(
            hotspot.gateway, settings, build_gateway(settings), FakeClock(time.time())
        )
        try:
            took = [_one_round(hotspot) for _ in range(rounds)]
        finally:
            portal.stop()
            upstream.stop()
    took.sort()
    return {
        "rounds": rounds,
        "p50_ms": round(statistics.median(took) * 1000, 1),
        "p90_ms": round(took[int(0.9 * (rounds - 1))] * 1000, 1),
        "max_ms": round(took[-1] * 1000, 1),
    }


def _one_round(hotspot: netns.Hotspot) -> float:
    splash = send(hotspot.client, "GET", splash_url(hotspot))
    started = time.monotonic()
    accepted = submit_splash(hotspot.client, splash)
    if accepted.status != 303:
        raise RuntimeError(f"accept answered {accepted.status}: {accepted.body[:200]}")
    if first_success(hotspot.client, f"http://{hotspot.upstream_ip}/x", UPSTREAM_BODY, 2.0) is None:
        raise RuntimeError("the client never reached the upstream server after accepting")
    took = time.monotonic() - started
    ended = send(
        hotspot.gateway, "POST",
        splash_url(hotspot) + f"admin/clients/{hotspot.client_ip}/deauthorise",
        headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
    )  # fmt: skip
    if ended.status != 200:
        raise RuntimeError(f"deauthorise answered {ended.status}")
    return took
