"""openNDS 9.10 in a namespace with our FAS: redirect, login, online, logout, restore."""

from __future__ import annotations

import pytest

from captive_portal.gateways.opennds import OpenNdsGateway
from tests.captive_portal_gateways.conftest import UPSTREAM_BODY, skip_unless
from tests.peers import opennds
from tests.peers.fas_client import follow, get
from tests.peers.fas_stub import FasStub
from tests.peers.netns import Hotspot
from tests.peers.web import WebServer

pytestmark = [pytest.mark.root, pytest.mark.slow]

FASKEY = "Infomat0Test0Faskey0Wroclaw2026"
REDIRECTS = (302, 307)


@pytest.fixture
def opennds_installed() -> None:
    skip_unless(*opennds.REQUIRED_BINARIES)


def test_client_logs_in_through_the_fas_and_out_through_ndsctl(
    opennds_installed: None, hotspot: Hotspot, upstream: WebServer
) -> None:
    gateway_address = f"{hotspot.gateway_lan_ip}:2050"
    gateway = OpenNdsGateway(FASKEY, trusted_gateways=[gateway_address])
    config = opennds.OpenNdsConfig(faskey=FASKEY, fas_address=hotspot.gateway_lan_ip)
    fas = FasStub(hotspot.gateway, config.fas_port, gateway)
    site = f"http://{hotspot.upstream_ip}/wiadomosci?miasto=%C5%81%C3%B3d%C5%BA"
    try:
        with opennds.running(hotspot, config) as nds:
            nds.add_lease(hotspot.client_mac(), hotspot.client_ip)

            before = get(hotspot.client, site)
            assert before.status in REDIRECTS
            assert before.location is not None
            assert before.location.startswith(f"http://{hotspot.gateway_lan_ip}:8081/fas/?fas=")

            hops = follow(hotspot.client, before.location)
            assert [h.status for h in hops[:-1]] == [302, *[h.status for h in hops[1:-1]]]
            assert hops[1].url.startswith(f"http://{gateway_address}/opennds_auth/?tok=")
            assert (hops[-1].url, hops[-1].status, hops[-1].body) == (site, 200, UPSTREAM_BODY)
            assert fas.identified[0].ip == hotspot.client_ip
            assert fas.identified[0].mac == hotspot.client_mac()

            online = gateway.clients()
            assert [(c.ip, c.mac) for c in online] == [(hotspot.client_ip, hotspot.client_mac())]
            assert get(hotspot.client, site).body == UPSTREAM_BODY

            gateway.deauthorise(hotspot.client_ip)
            assert gateway.clients() == []
            again = get(hotspot.client, site)
            assert again.status in REDIRECTS
            assert again.location is not None
            assert "/fas/?fas=" in again.location

            gateway.reapply([(fas.identified[0], 150)])
            restored = gateway.clients()
            assert [c.ip for c in restored] == [hotspot.client_ip]
            assert restored[0].seconds_remaining is not None
            assert 120 <= restored[0].seconds_remaining <= 180
            assert get(hotspot.client, site).body == UPSTREAM_BODY

            assert nds.is_running(), (
                f"openNDS died: traffic would flow unfiltered\n{nds.log()[-1500:]}"
            )
            assert nds.filters()
    finally:
        fas.stop()
