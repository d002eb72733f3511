"""The admin API, health and metrics on a real portal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.captive_portal.portal_server import ADMIN_TOKEN, MAC, PortalServer


@pytest.mark.parametrize(
    "header",
    [
        None,
        "Bearer wrong-token-of-the-same-kind-000000000",
        f"Basic {ADMIN_TOKEN}",
        f"Bearer {ADMIN_TOKEN[:-1]}",
        "Bearer",
    ],
)
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/admin/clients"),
        ("GET", "/admin/stats"),
        ("POST", "/admin/clients/127.0.0.1/deauthorise"),
    ],
)
def test_admin_needs_the_bearer_token(
    portal: PortalServer, header: str | None, method: str, path: str
) -> None:
    headers = {"Authorization": header} if header else {}
    answer = portal.http.request(method, portal.url + path, headers=headers, timeout=5)
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"].startswith("Bearer")
    assert answer.json() == {"error": "not_allowed"}


def test_admin_is_off_without_a_token(tmp_path: Path) -> None:
    server = PortalServer(tmp_path, admin_token="")
    try:
        assert server.admin("GET", "/admin/stats").status_code == 404
    finally:
        server.stop()


def test_clients_lists_sessions_and_gateway_with_hashed_macs(portal: PortalServer) -> None:
    portal.accept(f"?mac={MAC}")
    portal.clock.advance(100)
    listing = portal.admin("GET", "/admin/clients").json()
    [session] = listing["sessions"]
    assert session["ip"] == "127.0.0.1" and session["seconds_remaining"] == 3500
    assert len(session["mac_hash"]) == 64
    [through] = listing["gateway"]
    assert through["mac_hash"] == session["mac_hash"]
    assert MAC not in str(listing)


def test_deauthorise_sends_the_client_back_to_the_splash(portal: PortalServer) -> None:
    portal.accept()
    assert portal.get("/generate_204").status_code == 204
    answer = portal.admin("POST", "/admin/clients/127.0.0.1/deauthorise")
    assert answer.json() == {"ip": "127.0.0.1", "session_ended": True}
    assert portal.gateway.actions[-1].action == "deauthorise"
    assert portal.get("/generate_204").status_code == 302
    assert portal.admin("POST", "/admin/clients/not-an-ip/deauthorise").status_code == 400


def test_stats_health_and_metrics(portal: PortalServer) -> None:
    portal.accept()
    portal.accept()
    stats = portal.admin("GET", "/admin/stats").json()
    assert stats == {
        "clients_authorised": 1, "accepts_last_24h": 2, "terms_version": "1",
        "gateway": "dry-run", "uptime_seconds": 0,
        "per_gateway": {"dry-run": {"clients_authorised": 1, "accepts": 2}},
    }  # fmt: skip
    assert portal.management("/healthz").json() == {"status": "ok", "gateway": "dry-run"}
    metrics = portal.management("/metrics")
    assert metrics.headers["Content-Type"].startswith("text/plain")
    assert "captive_portal_clients_authorised 1.0" in metrics.text
    assert "captive_portal_accepts_total 2.0" in metrics.text


def test_each_app_has_its_own_metrics_registry(tmp_path: Path) -> None:
    first = PortalServer(tmp_path / "a")
    second = PortalServer(tmp_path / "b")
    try:
        first.accept()
        assert "captive_portal_accepts_total 1.0" in first.management("/metrics").text
        assert "captive_portal_accepts_total 0.0" in second.management("/metrics").text
    finally:
        first.stop()
        second.stop()
