"""A Wi-Fi voucher printed by the kiosk, typed on a phone behind the real nftables gateway.

The kiosk's slip is rendered to ESC/POS and decoded; the code read off it is typed into the
splash in headless Chromium in the client's namespace. The phone gets online for the
voucher's hours (not the click-through's minutes); a second device with the same code is
told, in Polish, that it was used, and stays out.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from captive_portal.gateways.configured import build_gateway
from captive_portal.gateways.nftables import NftablesGateway
from captive_portal.settings import VoucherSettings
from devices.escpos_render import render_escpos
from devices.paper import PAPER_58
from kiosk.config import WifiConfig
from kiosk.wifi_slip import new_slip, slip_receipt
from kiosk.wifi_voucher import VoucherKey
from tests.captive_portal.portal_server import FakeClock
from tests.captive_portal_gateways.conftest import UPSTREAM_BODY, skip_unless
from tests.captive_portal_gateways.test_nftables_journey import set_client_mac
from tests.captive_portal_gateways.test_real_portal_nftables import (
    SESSION_SECONDS,
    admin,
    landing,
    portal_settings,
    splash_url,
)
from tests.devices.escpos_decoder import decode
from tests.peers.browser import Page, phone_browser
from tests.peers.fas_client import get
from tests.peers.netns import Hotspot, wait_until
from tests.peers.portal_in_ns import PortalInNamespace
from tests.peers.web import WebServer

pytestmark = [pytest.mark.root, pytest.mark.slow]

SECRET = "p5Ld9Xq2Wm7Rk3Vb8Nc1Hz6Tf4Gj0Sy7"
HOURS = 2


@pytest.fixture
def portal(hotspot: Hotspot, upstream: WebServer, tmp_path: Path) -> Iterator[PortalInNamespace]:
    skip_unless("nft")
    skip_unless("chromium")
    vouchers = VoucherSettings(keys=[f"21:{SECRET}"], hours=HOURS)
    settings = replace(portal_settings(hotspot, tmp_path), vouchers=vouchers)
    gateway = build_gateway(settings)
    assert isinstance(gateway, NftablesGateway)
    server = PortalInNamespace(hotspot.gateway, settings, gateway, FakeClock(time.time()))
    yield server
    server.stop()


def printed_voucher() -> str:
    """What the kiosk prints, read back from the printer's bytes."""
    wifi = WifiConfig(ssid="Łańcut-Free", voucher_hours=HOURS)
    slip = new_slip(wifi, VoucherKey(21, SECRET.encode()), dt.datetime.now(dt.UTC))
    job = decode(render_escpos(slip_receipt(slip, "pl"), PAPER_58))
    big = [line.text.strip() for line in job.lines if line.width == 2 and line.bold]
    return "-".join(big[-2:])


def use_voucher(page: Page, hotspot: Hotspot, typed: str, shot: Path) -> None:
    page.open(f"http://{hotspot.upstream_ip}/wiadomosci")
    where = page.value("location.href")
    assert where == splash_url(hotspot), (where, page.value("document.body.innerText"))
    page.tap("details.voucher summary")
    page.tap("#voucher")
    page.type_text(typed)
    page.screenshot(shot)
    page.tap("button.accept")
    page.wait_for_load()


def test_a_printed_voucher_typed_on_a_phone_gives_its_hours_once(
    hotspot: Hotspot, portal: PortalInNamespace, tmp_path: Path
) -> None:
    code = printed_voucher()
    typed = code.lower().replace("-", " ")  # as a phone user copies it off the slip
    with phone_browser(hotspot.client, tmp_path / "profile") as page:
        use_voucher(page, hotspot, typed, tmp_path / "voucher-typed.png")
        assert page.value("location.pathname") == "/success"
        page.screenshot(tmp_path / "voucher-success.png")
    assert landing(hotspot) == [UPSTREAM_BODY, UPSTREAM_BODY]
    through = admin(hotspot, "GET", "/admin/clients")["gateway"]
    assert isinstance(through, list) and len(through) == 1
    left = through[0]["seconds_remaining"]
    assert HOURS * 3600 - 60 <= left <= HOURS * 3600, "the gateway holds the voucher's hours"
    assert left > SESSION_SECONDS
    [consent] = portal.store.consents_since(0)
    assert consent.voucher is not None and code.replace("-", "") not in consent.voucher

    set_client_mac(hotspot, "02:77:00:00:00:0c")  # another device, the same address
    wait_until(lambda: UPSTREAM_BODY not in landing(hotspot), 5.0, "the other device kept out")
    probe = get(hotspot.client, f"http://{hotspot.upstream_ip}/generate_204", timeout_s=2.0)
    assert (probe.status, probe.location) == (302, splash_url(hotspot)), "its phone must ask"
    with phone_browser(hotspot.client, tmp_path / "profile-2") as page:
        use_voucher(page, hotspot, typed, tmp_path / "voucher-typed-2.png")
        text = page.value("document.body.innerText")
        page.screenshot(tmp_path / "voucher-used.png")
    assert "został już użyty na innym urządzeniu" in text
    assert UPSTREAM_BODY not in landing(hotspot)
