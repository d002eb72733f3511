"""ndsctl failures become GatewayError; gateway settings are checked when built."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from captive_portal.gateway import GatewayClient, GatewayError, GatewayInputError
from captive_portal.gateways._ndsctl import parse_clients
from captive_portal.gateways.nftables import NftablesGateway
from captive_portal.gateways.opennds import OpenNdsGateway

FASKEY = "Infomat0Test0Faskey0Wroclaw2026"


def fake_ndsctl(script: str) -> list[str]:
    return [sys.executable, "-c", script]


def client_entry(state: str, session_end: str) -> dict[str, str]:
    return {"ip": "192.168.77.2", "mac": "2e:4e:a6:49:57:fc", "state": state,
            "session_end": session_end, "token": "ead4ed65"}  # fmt: skip


def test_authenticated_clients_come_with_their_remaining_seconds() -> None:
    document = {
        "client_list_length": "2",
        "clients": {
            "2e:4e:a6:49:57:fc": client_entry("Authenticated", "1000150"),
            "aa:bb:cc:dd:ee:ff": client_entry("Preauthenticated", "null"),
        },
    }
    assert parse_clients(json.dumps(document), now=1000000.5) == [
        GatewayClient("192.168.77.2", "2e:4e:a6:49:57:fc", 150)
    ]


@pytest.mark.parametrize(
    "output",
    ["", "Error: openNDS is not running", "[]", '{"clients": []}', '{"clients": {"x": 1}}',
     json.dumps({"clients": {"m": {**client_entry("Authenticated", "1"), "ip": "nope"}}}),
     json.dumps({"clients": {"m": {**client_entry("Authenticated", "soon")}}})],
)  # fmt: skip
def test_unexpected_ndsctl_output_is_a_gateway_error(output: str) -> None:
    with pytest.raises(GatewayError, match="ndsctl json"):
        parse_clients(output, now=0)


def test_ndsctl_failing_missing_or_hanging_is_a_gateway_error() -> None:
    failing = OpenNdsGateway(FASKEY, fake_ndsctl("import sys; print('boom'); sys.exit(1)"))
    with pytest.raises(GatewayError, match="ndsctl json failed"):
        failing.clients()
    with pytest.raises(GatewayError, match="cannot be run"):
        OpenNdsGateway(FASKEY, "/nonexistent/ndsctl").clients()
    hanging = OpenNdsGateway(FASKEY, fake_ndsctl("import time; time.sleep(5)"), timeout_s=0.2)
    with pytest.raises(GatewayError, match="took over"):
        hanging.deauthorise("192.168.77.2")


def test_a_call_meeting_another_ndsctl_is_retried(tmp_path: Path) -> None:
    calls = tmp_path / "calls"
    script = (  # locked out twice (status 4, no output, as openNDS 9.10), then the answer
        f"import pathlib, sys; p = pathlib.Path({str(calls)!r}); n = len(p.read_text()) "
        "if p.exists() else 0; p.write_text('x' * (n + 1)); "
        "sys.exit(4) if n < 2 else print('{\"clients\": {}}')"
    )
    assert OpenNdsGateway(FASKEY, fake_ndsctl(script)).clients() == []
    assert calls.read_text() == "xxx"
    always_locked = OpenNdsGateway(FASKEY, fake_ndsctl("import sys; sys.exit(4)"))
    with pytest.raises(GatewayError, match="ndsctl json failed"):
        always_locked.clients()


def test_deauthorising_a_client_opennds_does_not_know_is_fine() -> None:
    gateway = OpenNdsGateway(
        FASKEY, fake_ndsctl("import sys; print('Client 192.168.77.2 not found.'); sys.exit(1)")
    )
    gateway.deauthorise("192.168.77.2")
    with pytest.raises(GatewayInputError):
        gateway.deauthorise("192.168.77.2; reboot")


@pytest.mark.parametrize(
    "options",
    [
        {"lan_interface": "lan0; drop"},
        {"table": "1table"},
        {"portal_address": "fd77::1"},
        {"portal_address6": "192.168.77.1"},
        {"portal_port": 0},
        {"walled_garden": ["not-an-ip"]},
    ],
)
def test_nftables_settings_are_checked_when_built(options: dict[str, object]) -> None:
    settings: dict[str, object] = {
        "lan_interface": "lan0", "portal_address": "192.168.77.1", "portal_port": 8080,
        **options,
    }  # fmt: skip
    with pytest.raises(ValueError):  # noqa: PT011 - each setting has its own message
        NftablesGateway(**settings)  # type: ignore[arg-type]


@pytest.mark.attack(3)
def test_a_logout_ends_every_mac_opennds_holds_for_the_address(tmp_path: Path) -> None:
    """Issue 13, attack 3: a phone that changed its MAC and accepted again is two clients in
    openNDS with one address; the logout by address alone left the first one online."""
    calls = tmp_path / "calls"
    document = {
        "clients": {
            "2e:4e:a6:49:57:fc": client_entry("Authenticated", "null"),
            "02:77:00:00:00:02": {**client_entry("Authenticated", "null"), "mac": "02:77:00:00:00:02"},
            "aa:bb:cc:dd:ee:ff": {**client_entry("Authenticated", "null"), "ip": "192.168.77.9",
                                  "mac": "aa:bb:cc:dd:ee:ff"},
        }
    }  # fmt: skip
    script = (
        "import sys, json\n"
        f"open({str(calls)!r}, 'a').write(' '.join(sys.argv[1:]) + '\\n')\n"
        f"print(json.dumps({document!r}) if sys.argv[1] == 'json' else 'ok')\n"
    )
    OpenNdsGateway(FASKEY, fake_ndsctl(script)).deauthorise("192.168.77.2")
    assert calls.read_text().splitlines() == [
        "json",
        "deauth 02:77:00:00:00:02",
        "deauth 2e:4e:a6:49:57:fc",
        "deauth 192.168.77.2",
    ]
