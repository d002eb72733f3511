"""[opennds] and [nftables]: read, refused by file/key/reason, built into the backend."""

from __future__ import annotations

import logging
import socket
import threading
from pathlib import Path

import pytest
import uvicorn

from captive_portal.gateway import GatewayError
from captive_portal.gateway_registry import new_gateway
from captive_portal.gateways._garden import resolve_hosts
from captive_portal.gateways.configured import build_gateway
from captive_portal.gateways.dry_run import DryRunGateway
from captive_portal.gateways.nftables import NftablesGateway
from captive_portal.gateways.opennds import OpenNdsGateway
from captive_portal.registered_router import as_registered
from captive_portal.serve import serve
from captive_portal.settings_checks import SettingsError
from captive_portal.settings_file import load_settings
from captive_portal.sqlite_store import SqliteStore

FASKEY = "5b0e9d27c4a1f8e36d7b2a90c1e4f5d8"
OPENNDS = f"""gateway = "opennds"
[opennds]
faskey = "{FASKEY}"
trusted_gateways = ["192.168.1.1:2050", "[fd00::1]:2050"]
"""
NFTABLES = """gateway = "nftables"
host = "192.168.1.1"
eservices_url = "https://e-uslugi.gmina.pl/"
[nftables]
lan_interface = "wlan0"
portal_address = "192.168.1.1"
walled_garden = ["193.0.96.0/24"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "portal.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_opennds_settings_build_the_opennds_backend(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, OPENNDS + 'landing_url = "https://gmina.pl/"\n'))
    assert settings.opennds.fas_level == 1 and settings.opennds.ndsctl == ["ndsctl"]
    assert FASKEY not in repr(settings)
    gateway = build_gateway(settings)
    assert isinstance(gateway, OpenNdsGateway)
    assert isinstance(build_gateway(load_settings()), DryRunGateway)


def test_the_environment_can_hold_the_faskey(tmp_path: Path) -> None:
    path = write(tmp_path, OPENNDS.replace(f'faskey = "{FASKEY}"\n', ""))
    settings = load_settings(path, {"CAPTIVE_PORTAL_OPENNDS_FASKEY": FASKEY})
    assert settings.opennds.faskey == FASKEY


def test_nftables_settings_resolve_the_walled_garden(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    settings = load_settings(write(tmp_path, NFTABLES))
    asked: list[str] = []

    def resolver(host: str) -> list[str]:
        asked.append(host)
        return ["193.0.96.10", "2001:db8::10", "193.0.96.10", "2001:db8::10"]

    gateway = build_gateway(settings, resolver)
    assert isinstance(gateway, NftablesGateway)
    assert asked == ["e-uslugi.gmina.pl"]
    layout = gateway._layout
    assert (layout.portal_port, layout.portal_address6) == (8080, None)
    assert list(layout.garden_v4) == ["193.0.96.0/24"]  # the address is inside: merged
    assert list(layout.garden_v6) == ["2001:db8::10/128"]
    assert "walled garden: e-uslugi.gmina.pl -> 193.0.96.10, 2001:db8::10" in caplog.text


def test_no_walled_garden_host_resolving_stops_the_start(tmp_path: Path) -> None:
    def fails(host: str) -> list[str]:
        raise OSError("no such host")

    with pytest.raises(GatewayError, match=r"none of e-uslugi.gmina.pl resolved within 5 s"):
        build_gateway(load_settings(write(tmp_path, NFTABLES)), fails)


def test_a_stalled_resolver_costs_at_most_the_time_limit() -> None:
    release = threading.Event()

    def stalls(host: str) -> list[str]:
        if host == "slow.example":
            release.wait(5)
        return ["192.0.2.7"]

    try:
        assert resolve_hosts(["slow.example", "fast.example"], stalls, 0.3) == ["192.0.2.7"]
    finally:
        release.set()


BAD = [
    (OPENNDS.replace(FASKEY, ""), "'opennds.faskey' is needed with gateway = 'opennds'"),
    (OPENNDS.replace(FASKEY, FASKEY[:20]), "'opennds.faskey' must be 32 to 64 letters and digits"),
    (OPENNDS.replace(FASKEY, FASKEY[:31] + "-"), "'opennds.faskey' must be 32 to 64 letters"),
    (OPENNDS.replace(FASKEY, "changemechangemechangeme12345678"), "placeholder"),
    (OPENNDS.replace(FASKEY, "ab" * 20), "placeholder"),
    (OPENNDS + "fas_level = 3\n", "'opennds.fas_level' must be 1 or 2"),
    (OPENNDS.replace('"192.168.1.1:2050", ', ""), None),
    (OPENNDS.replace('["192.168.1.1:2050", "[fd00::1]:2050"]', "[]"),
     "'opennds.trusted_gateways' must list every router's 'ip:port'"),
    (OPENNDS.replace("192.168.1.1:2050", "router:2050"),
     "'opennds.trusted_gateways' entry 1 must be 'ipv4:port'"),
    (OPENNDS + 'landing_url = "javascript:alert(1)"\n', "'opennds.landing_url' must be an http"),
    (OPENNDS + "ndsctl = []\n", "'opennds.ndsctl' must be a command"),
    (NFTABLES.replace('lan_interface = "wlan0"\n', ""), "'nftables.lan_interface' is needed"),
    (NFTABLES.replace("wlan0", "wlan0; drop"), "'nftables.lan_interface' is not an interface"),
    (NFTABLES.replace('portal_address = "192.168.1.1"\n', ""), "'nftables.portal_address' is"),
    (NFTABLES.replace('portal_address = "192.168.1.1"', 'portal_address = "fd00::1"'),
     "'nftables.portal_address' must be an IPv4 address"),
    (NFTABLES + 'portal_address6 = "192.168.1.1"\n', "'nftables.portal_address6' must be an IPv6"),
    (NFTABLES + 'table = "1table"\n', "'nftables.table' must be letters"),
    (NFTABLES.replace("193.0.96.0/24", "e-uslugi.gmina.pl"),
     "'nftables.walled_garden' entry 1 must be an address or CIDR"),
    (NFTABLES + "portal_port = 8081\n", "'nftables.portal_port' must be 0 or the portal's 'port'"),
    (NFTABLES.replace('host = "192.168.1.1"', 'host = "127.0.0.1"'), "'host' must be one of"),
    (NFTABLES + 'portal_address6 = "fd00::1"\n', "'host' must be one of '::'"),
    ("[nftables]\nportal_port = 70000\n", "'nftables.portal_port' must be at most 65535"),
    ('database_url = "postgresql://portal@db.example/portal"\n' + NFTABLES,
     "'nftables.registered_name' is needed with database_url: register this router"),
    (NFTABLES + 'registered_name = "Zamek"\n',
     "'nftables.registered_name' must be the router's name in the gateway registry"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "reason"), BAD)
def test_bad_gateway_settings_are_refused_with_file_key_and_reason(
    tmp_path: Path, text: str, reason: str | None
) -> None:
    path = write(tmp_path, text)
    if reason is None:  # one trusted gateway is enough
        load_settings(path)
        return
    with pytest.raises(SettingsError) as refused:
        load_settings(path)
    assert str(refused.value).startswith(f"{path}: ")
    assert reason in str(refused.value)
    assert FASKEY[:20] not in str(refused.value)


def test_one_worker_serves_ipv4_and_ipv6_on_one_socket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[socket.socket] = []

    def run(server: uvicorn.Server, sockets: list[socket.socket] | None = None) -> None:
        seen.extend(sockets or [])
        server.started = True

    monkeypatch.setattr(uvicorn.Server, "run", run)
    monkeypatch.setattr("logging.config.dictConfig", lambda config: None)
    with socket.socket(socket.AF_INET6) as probe:
        probe.bind(("::", 0))
        port = probe.getsockname()[1]
    settings = load_settings(
        write(tmp_path, f"host = '::'\nport = {port}\ndata_dir = '{tmp_path}'\nmetrics.port = 0\n")
    )
    serve(settings, {})
    [listener] = seen
    try:
        assert listener.family == socket.AF_INET6
        assert listener.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY) == 0
    finally:
        listener.close()


def test_an_nftables_router_starts_only_as_an_nftables_router_of_the_registry(
    tmp_path: Path,
) -> None:
    """Its phones' sessions are stored under its registered name, and its terms version is
    the registry's; a name the registry does not hold as an nftables router stops it."""
    text = f'data_dir = "{tmp_path / "data"}"\n' + NFTABLES + 'registered_name = "zamek"\n'
    settings = load_settings(write(tmp_path, text))
    store = SqliteStore(tmp_path / "portal.sqlite3")
    try:
        refusal = "'zamek' is no nftables router in the gateway registry: run 'captive-portal"
        with pytest.raises(SettingsError, match=refusal):
            as_registered(settings, store)  # unknown
        add(store, "zamek", "opennds", None)
        with pytest.raises(SettingsError, match=refusal):
            as_registered(settings, store)  # an openNDS router's name
        store.remove_gateway("zamek")
        add(store, "zamek", "nftables", "2027-01")
        assert as_registered(settings, store).terms_version == "2027-01"
        gateway = build_gateway(settings, lambda host: ["193.0.96.10"])
        assert gateway.gateway_id == "zamek"
        assert gateway.identify({}, "192.168.1.7").gateway_id == "zamek"
    finally:
        store.close()


def add(store: SqliteStore, name: str, kind: str, terms: str | None) -> None:
    record, _ = new_gateway(name, kind, "192.168.1.1:8080", fas_level=2, terms_version=terms, now=1)
    store.add_gateway(record)
