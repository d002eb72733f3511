"""OS connectivity probes and the catch-all: a redirect before accepting, "online" after."""

from __future__ import annotations

from pathlib import Path

import pytest

from captive_portal.probes import PROBES
from tests.captive_portal.portal_server import PortalServer

ONLINE = {
    "/generate_204": (204, b"", None),
    "/gen_204": (204, b"", None),
    "/hotspot-detect.html": (
        200, b"<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>\n", "text/html"
    ),
    "/library/test/success.html": (
        200, b"<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>\n", "text/html"
    ),
    "/connecttest.txt": (200, b"Microsoft Connect Test", "text/plain"),
    "/redirect": (302, b"", None),
    "/success.txt": (200, b"success\n", "text/plain"),
    "/canonical.html": (
        200,
        b'<meta http-equiv="refresh" content="0;url=https://support.mozilla.org/kb/captive-portal"/>',
        "text/html",
    ),
    "/check_network_status.txt": (200, b"NetworkManager is online\n", "text/plain"),
}  # fmt: skip


def test_every_probe_of_facts_md_is_answered() -> None:
    assert set(PROBES) == set(ONLINE)


@pytest.mark.parametrize("path", sorted(ONLINE))
def test_a_probe_before_accepting_is_sent_to_the_splash(portal: PortalServer, path: str) -> None:
    answer = portal.get(path, headers={"Host": "connectivitycheck.gstatic.com"})
    assert answer.status_code == 302
    assert answer.headers["Location"] == portal.url + "/"
    assert answer.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", sorted(ONLINE))
def test_a_probe_after_accepting_gets_the_online_answer(portal: PortalServer, path: str) -> None:
    portal.accept()
    status, body, kind = ONLINE[path]
    answer = portal.get(path)
    assert answer.status_code == status
    assert answer.content == body
    if kind:
        assert answer.headers["Content-Type"] == kind
    if path == "/redirect":
        assert answer.headers["Location"].startswith("https://go.microsoft.com/fwlink/")
    head = portal.http.head(portal.url + path, allow_redirects=False, timeout=5)
    assert (head.status_code, head.content) == (status, b"")


def test_the_session_expires_and_the_splash_returns(portal: PortalServer) -> None:
    portal.accept()
    assert portal.get("/generate_204").status_code == 204
    portal.clock.advance(3599)
    assert portal.get("/generate_204").status_code == 204
    portal.clock.advance(1)
    assert portal.get("/generate_204").status_code == 302
    assert portal.get("/api/captive").json()["captive"] is True


@pytest.mark.parametrize("method", ["GET", "POST", "HEAD", "PUT"])
def test_any_other_path_of_an_unauthorised_client_is_sent_to_the_splash(
    portal: PortalServer, method: str
) -> None:
    answer = portal.http.request(
        method, portal.url + "/news/today?x=1", allow_redirects=False, timeout=5,
        headers={"Host": "www.example.org"},
    )  # fmt: skip
    assert answer.status_code == 302
    assert answer.headers["Location"] == portal.url + "/"


def test_an_authorised_client_gets_a_404_for_unknown_paths(portal: PortalServer) -> None:
    portal.accept()
    answer = portal.get("/news/today")
    assert answer.status_code == 404
    assert "Nie ma takiej strony" in answer.text


def test_probe_hits_and_redirects_are_counted_by_system(portal: PortalServer) -> None:
    portal.get("/generate_204")
    portal.get("/gen_204")
    portal.get("/hotspot-detect.html")
    portal.get("/somewhere")
    metrics = portal.management("/metrics").text
    assert 'captive_portal_probe_hits_total{os="android"} 2.0' in metrics
    assert 'captive_portal_probe_hits_total{os="apple"} 1.0' in metrics
    assert "captive_portal_catch_all_redirects_total 1.0" in metrics


def test_behind_nftables_another_sites_request_from_an_online_address_goes_to_the_splash(
    tmp_path: Path,
) -> None:
    """Behind our DNAT only traffic the gateway holds back reaches the portal: a device that
    took the address of one that accepted (the gateway passes address+MAC pairs) must get
    the splash, where it can accept, not the portal's 404."""
    portal = PortalServer(tmp_path / "nft", gateway="nftables")
    try:
        portal.accept()
        elsewhere = portal.get("/news/today", headers={"Host": "www.example.org"})
        assert (elsewhere.status_code, elsewhere.headers["Location"]) == (302, portal.url + "/")
        probe = portal.get("/generate_204", headers={"Host": "connectivitycheck.gstatic.com"})
        assert probe.status_code == 302  # not "online": the phone shows its login prompt
        assert portal.get("/generate_204").status_code == 204  # asked of the portal itself
        assert portal.get("/news/today").status_code == 404  # the portal's own host
    finally:
        portal.stop()
