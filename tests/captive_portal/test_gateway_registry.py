"""The gateway registry in the store (SQLite and a real PostgreSQL) and on the command line."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest

from captive_portal.cli import main
from captive_portal.gateway_registry import (
    RegistryError,
    check_address,
    check_name,
    new_gateway,
    token_matches,
)
from captive_portal.open_store import open_store
from captive_portal.settings import PortalSettings
from captive_portal.store import Consent, GatewayExists, SessionStore, StoredSession
from tests.peers.postgres import PostgresCluster

NOW = 1_800_000_000.0


@pytest.fixture(params=["sqlite", "postgresql"])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[PortalSettings]:
    url = ""
    if request.param == "postgresql":
        cluster: PostgresCluster = request.getfixturevalue("postgres")
        url = cluster.new_database()
    yield PortalSettings(data_dir=str(tmp_path / "portal"), database_url=url)
    if url:
        cluster.drop_database(url)


@pytest.fixture
def store(settings: PortalSettings) -> Iterator[SessionStore]:
    opened = open_store(settings)
    yield opened
    opened.close()


def test_both_databases_keep_the_registry(store: SessionStore) -> None:
    rynek, rynek_token = new_gateway(
        "rynek", "opennds", "192.168.1.1:2050", fas_level=2, terms_version=None, now=NOW
    )
    library, _ = new_gateway(
        "biblioteka-2", "opennds", "[FD00::1]:2050", fas_level=1, terms_version="2026.1", now=NOW
    )
    before = store.stamp()
    store.add_gateway(rynek)
    assert store.stamp() != before, "the other workers' gateway caches must hear of it"
    store.add_gateway(library)
    assert store.gateways() == [library, rynek]  # by name
    assert store.gateway("rynek") == rynek
    assert store.gateway("nowhere") is None
    assert library.address == "[fd00::1]:2050"
    assert token_matches(rynek, rynek_token) and not token_matches(library, rynek_token)
    assert len(rynek.faskey) == 32 and rynek.faskey.isalnum()
    assert rynek.faskey != library.faskey
    with pytest.raises(GatewayExists):
        store.add_gateway(replace(rynek, address="10.0.0.1:2050"))
    assert store.gateway("rynek") == rynek  # the first one stays
    rotated = replace(rynek, faskey="N3wK3y" * 6)
    assert store.replace_gateway(rotated) is True
    assert store.gateway("rynek") == rotated
    assert store.replace_gateway(replace(rynek, name="nowhere")) is False
    for gateway_id in ("rynek", "biblioteka-2"):
        session = StoredSession("10.20.0.7", gateway_id, None, NOW + 600, {})
        store.record_accept(session, Consent(NOW, "1", gateway_id, None, "k1"))
    assert store.remove_gateway("rynek") is True
    assert store.remove_gateway("rynek") is False
    assert store.gateways() == [library]
    # Unregistered, its sessions would be the configured gateway's to re-apply: they end.
    assert [s.gateway_id for s in store.sessions_valid_at(NOW)] == ["biblioteka-2"]
    assert len(store.consents_since(0)) == 2


def test_the_admin_token_is_kept_only_as_its_sha256(settings: PortalSettings) -> None:
    store = open_store(settings)
    gateway, token = new_gateway(
        "rynek", "opennds", "192.168.1.1:2050", fas_level=2, terms_version=None, now=NOW
    )
    store.add_gateway(gateway)
    store.close()
    if settings.database_url:
        with psycopg.connect(settings.database_url) as db:
            rows = db.execute("SELECT * FROM gateways").fetchall()
    else:
        with sqlite3.connect(settings.store_file()) as db:
            rows = db.execute("SELECT * FROM gateways").fetchall()
    assert len(rows) == 1 and token not in repr(rows)
    assert gateway.admin_token_sha256 in repr(rows)


@pytest.mark.parametrize(
    "name", ["", "Rynek", "rynek_1", "ryn ek", "a" * 33, "łódź", "../admin", "rynek\n"]
)
def test_names_outside_the_rule_are_refused(name: str) -> None:
    with pytest.raises(RegistryError, match="1 to 32 lower-case letters, digits and '-'"):
        check_name(name)


def test_a_name_that_looks_like_a_routers_mac_is_refused() -> None:
    """openNDS's bare gatewaymac names an unregistered router's sessions: a registered
    gateway of that name would be taken for it by the sweeps."""
    with pytest.raises(RegistryError, match="look like a router's MAC"):
        check_name("aabbcc000001")
    assert check_name("aabbcc00000") == "aabbcc00000"  # eleven: not a MAC


def test_names_addresses_kinds_and_levels_the_registry_takes() -> None:
    assert check_name("a") == "a" and check_name("gmina-7" + "x" * 25) == "gmina-7" + "x" * 25
    assert check_address("192.168.001.1:2050".replace("001", "1")) == "192.168.1.1:2050"
    for address in ("192.168.1.1", "router:2050", "192.168.1.1:0", "fd00::1:2050"):
        with pytest.raises(RegistryError, match="'ip:port'"):
            check_address(address)
    with pytest.raises(RegistryError, match="kind 'mikrotik'"):
        new_gateway("a", "mikrotik", "10.0.0.1:2050", fas_level=2, terms_version=None, now=NOW)
    with pytest.raises(RegistryError, match="FAS level 3"):
        new_gateway("a", "opennds", "10.0.0.1:2050", fas_level=3, terms_version=None, now=NOW)
    with pytest.raises(RegistryError, match="terms version 'wersja 2'"):
        new_gateway("a", "opennds", "10.0.0.1:2050", fas_level=2, terms_version="wersja 2", now=NOW)


def cli(config: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["gateway", *args, "--config", str(config)])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "portal.toml"
    path.write_text(f'data_dir = "{tmp_path / "data"}"\n')
    return path


def test_the_gateway_commands(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(
        config, capsys, "add", "rynek", "--kind", "opennds", "--address", "192.168.1.1:2050",
        "--terms-version", "2026-01",
    )  # fmt: skip
    assert status == 0
    faskey = re.search(r"^    faskey (\w+)$", out, re.MULTILINE)
    token = re.search(r"^    ([\w-]{43})$", out, re.MULTILINE)
    assert faskey is not None and token is not None, out
    assert "    faspath /g/rynek/\n" in out and "    fas_secure_enabled 2\n" in out
    # the portal's default session (3600 s) and no idle timeout: openNDS's own end is theirs
    assert "    sessiontimeout 60\n" in out and "authidletimeout" not in out
    status, listed, _ = cli(config, capsys, "list")
    assert status == 0
    assert re.search(r"^rynek +opennds +192\.168\.1\.1:2050 +2 +2026-01 ", listed, re.MULTILINE)
    assert faskey[1] not in listed and token[1] not in listed

    status, _, err = cli(
        config, capsys, "add", "rynek", "--kind", "opennds", "--address", "10.0.0.1:1"
    )
    assert status == 2 and "'rynek' is registered already" in err

    status, out, _ = cli(config, capsys, "rotate-key", "rynek")
    new_key = re.search(r"^    faskey (\w+)$", out, re.MULTILINE)
    assert status == 0 and new_key is not None and new_key[1] != faskey[1]
    status, out, _ = cli(config, capsys, "rotate-key", "rynek", "--admin-token")
    new_token = re.search(r"^    ([\w-]{43})$", out, re.MULTILINE)
    assert status == 0 and new_token is not None and new_token[1] != token[1]
    assert "faskey" not in out  # the faskey stays as it was

    status, out, _ = cli(config, capsys, "remove", "rynek")
    assert status == 0 and "/g/rynek/ now answers 404" in out
    status, _, err = cli(config, capsys, "remove", "rynek")
    assert status == 2 and "no gateway 'rynek' in the registry" in err
    status, out, _ = cli(config, capsys, "list")
    assert status == 0 and "No gateways registered" in out


def test_an_nftables_router_is_registered_for_its_own_portal(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It runs its own portal (the nftables gateway is the portal's host), which says who it
    is by the registered name; it has no faskey to print or rotate, only an admin token."""
    status, out, _ = cli(
        config, capsys, "add", "zamek", "--kind", "nftables", "--address", "10.77.0.1:8080",
        "--terms-version", "2027-01",
    )  # fmt: skip
    assert status == 0
    assert "Gateway 'zamek' registered: nftables at 10.77.0.1:8080, terms version 2027-01." in out
    assert '    [nftables]\n    registered_name = "zamek"\n' in out
    assert "faskey" not in out and "FAS level" not in out
    assert re.search(r"^    ([\w-]{43})$", out, re.MULTILINE), "no admin token printed"
    status, listed, _ = cli(config, capsys, "list")
    assert re.search(r"^zamek +nftables +10\.77\.0\.1:8080 +- +2027-01 ", listed, re.MULTILINE)
    status, _, err = cli(config, capsys, "rotate-key", "zamek")
    assert status == 2 and "'zamek' is an nftables router, which has no faskey" in err
    status, out, _ = cli(config, capsys, "rotate-key", "zamek", "--admin-token")
    assert status == 0 and re.search(r"^    ([\w-]{43})$", out, re.MULTILINE)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["add", "Rynek", "--kind", "opennds", "--address", "10.0.0.1:2050"],
            "gateway name 'Rynek'",
        ),
        (["add", "rynek", "--kind", "opennds", "--address", "10.0.0.1"], "address '10.0.0.1'"),
        (["rotate-key", "nowhere"], "no gateway 'nowhere'"),
    ],
)
def test_wrong_gateway_commands_say_what_to_do(
    config: Path, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    status, out, err = cli(config, capsys, *args)
    assert status == 2 and out == ""
    assert err.startswith("captive-portal: ") and said in err


def test_the_router_lines_carry_timeouts_no_longer_than_the_portals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """openNDS takes no logout from a remote portal: its own timeouts, in whole minutes
    rounded down, are what end a phone there, so `gateway add` and `rotate-key` print them."""
    config = tmp_path / "portal.toml"
    config.write_text(
        f'data_dir = "{tmp_path / "data"}"\nsession_seconds = 5459\nidle_timeout_seconds = 930\n'
    )
    status, out, _ = cli(config, capsys, "add", "ratusz", "--kind", "opennds", "--address",
                         "10.0.0.1:2050")  # fmt: skip
    assert status == 0
    assert "    sessiontimeout 90\n    authidletimeout 15\n" in out
    assert "stays online\nat the router until these timeouts" in out
    status, out, _ = cli(config, capsys, "rotate-key", "ratusz")
    assert status == 0 and "    sessiontimeout 90\n    authidletimeout 15\n" in out
    config.write_text(f'data_dir = "{tmp_path / "data"}"\nsession_seconds = 60\n')
    status, out, _ = cli(config, capsys, "rotate-key", "ratusz")
    assert status == 0 and "    sessiontimeout 1\n" in out and "authidletimeout" not in out
