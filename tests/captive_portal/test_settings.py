"""Portal settings: TOML, environment overrides, refusals, docs, and the command line."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import uvicorn

from captive_portal import serve as serve_module
from captive_portal.cli import main
from captive_portal.fast_http import PortalHttpProtocol
from captive_portal.settings_checks import SettingsError
from captive_portal.settings_file import describe, env_name, load_settings
from tests.captive_portal.portal_process import free_port

ROOT = Path(__file__).resolve().parents[2]
GOOD_SECRET = "9c41e7a2b85f03d6e1a4c7b09d2f5e8a1c3b6d90"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "portal.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_defaults_serve_the_dry_run_gateway_on_loopback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    settings = load_settings()
    assert (settings.host, settings.port, settings.gateway) == ("127.0.0.1", 8080, "dry-run")
    assert settings.store_file() == tmp_path / "infomat-portal" / "portal.sqlite3"
    assert settings.session_seconds == 3600
    assert settings.portal_url() == "http://127.0.0.1:8080/"


def test_a_full_file_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"""
port = 8443
public_url = "https://wifi.gmina.pl"
terms_version = "2025-03"
consent_secrets = ["k2:{GOOD_SECRET}", "k1:{GOOD_SECRET[::-1]}"]
[municipality_name]
pl = "Gmina Łańcut"
uk = "Ґміна Ланьцут"
[wifi4eu]
enabled = true
network_id = "123e4567-e89b-12d3-a456-426655440000"
""",
    )
    settings = load_settings(path)
    assert settings.municipality_name.get("uk") == "Ґміна Ланьцут"
    assert settings.municipality_name.get("de") == "Gmina Łańcut"
    assert settings.portal_url() == "https://wifi.gmina.pl/"
    assert settings.walled_garden_hosts() == ["collection.wifi4eu.ec.europa.eu"]
    assert GOOD_SECRET not in repr(settings)


def test_the_environment_overrides_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "port = 9000\n[wifi4eu]\nnetwork_id = 'abc'\n")
    environ = {
        "CAPTIVE_PORTAL_PORT": "9100",
        "CAPTIVE_PORTAL_WIFI4EU_ENABLED": "yes",
        "CAPTIVE_PORTAL_MUNICIPALITY_NAME_EN": "Łódź",
        "CAPTIVE_PORTAL_CONSENT_SECRETS": f"a:{GOOD_SECRET}, b:{GOOD_SECRET[::-1]}",
    }
    settings = load_settings(path, environ)
    assert settings.port == 9100 and settings.wifi4eu.enabled
    assert settings.municipality_name.en == "Łódź"
    assert len(settings.consent_secrets) == 2
    assert env_name("wifi4eu.network_id") == "CAPTIVE_PORTAL_WIFI4EU_NETWORK_ID"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("colour = 'red'\n", "unknown key 'colour'"),
        ("port = 'eighty'\n", "'port' must be a whole number"),
        ("port = 70000\n", "'port' must be at most 65535"),
        ("session_seconds = 10\n", "'session_seconds' must be at least 60"),
        ("gateway = 'pfsense'\n", "'gateway' must be one of 'dry-run', 'opennds', 'nftables'"),
        ("[wifi4eu]\nenabled = true\n", "'wifi4eu.network_id' must be the identifier"),
        ("[wifi4eu]\nnetwork_id = 'x';\n", "not valid TOML"),
        ("[terms]\nfr = 'x'\n", "unknown key 'terms.fr'"),
        ("eservices_url = 'javascript:alert(1)'\n", "'eservices_url' must be an http(s)://"),
        (
            "logo_path = '/nonexistent/herb.png'\n",
            "'logo_path' '/nonexistent/herb.png' is not a file",
        ),
        ("consent_secrets = ['short:abc']\n", "shorter than 32 characters"),
        ("consent_secrets = ['k:change-me-change-me-change-me-change-me']\n", "placeholder"),
        ("consent_secrets = ['k:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']\n", "placeholder"),
        (f"consent_secrets = ['{GOOD_SECRET}']\n", "must be 'id:secret'"),
        (f"consent_secrets = ['a:{GOOD_SECRET}', 'a:{GOOD_SECRET}']\n", "repeats the id"),
        ("admin_token = 'admin'\n", "'admin_token' is shorter than 32"),
        ("admin_token = 'your-secret-token-goes-here-please-xx'\n", "placeholder"),
        ("max_header_bytes = 100\n", "'max_header_bytes' must be at least 1024"),
        ("max_header_bytes = 1048576\n", "'max_header_bytes' must be at most 65536"),
        ("max_body_bytes = 4194304\n", "'max_body_bytes' must be at most 1048576"),
        ("header_timeout_seconds = 0\n", "'header_timeout_seconds' must be at least 1"),
        ("header_timeout_seconds = 3600\n", "'header_timeout_seconds' must be at most 60"),
        ("header_timeout_seconds = inf\n", "'header_timeout_seconds' must be a whole number"),
        ("header_timeout_seconds = nan\n", "'header_timeout_seconds' must be a whole number"),
        ("body_timeout_seconds = 121\n", "'body_timeout_seconds' must be at most 120"),
        ("connections_per_client = 0\n", "'connections_per_client' must be at least 1"),
        ("[metrics]\nport = 70000\n", "'metrics.port' must be at most 65535"),
        ("port = 9102\n", "'metrics.port' must differ from 'port'"),
        ("[metrics]\nhost = '0.0.0.0'\n", "'metrics.token' is needed when 'metrics.host'"),
        ("[metrics]\nhost = '::'\ntoken = 'short'\n", "'metrics.token' is shorter than 32"),
        ("[metrics]\nbind = '::'\n", "unknown key 'metrics.bind'"),
    ],
)
def test_bad_settings_are_refused_with_file_key_and_reason(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SettingsError) as refused:
        load_settings(path)
    assert str(refused.value).startswith(str(path))
    assert reason in str(refused.value)
    assert GOOD_SECRET not in str(refused.value)


def test_unknown_or_wrong_environment_variables_are_refused() -> None:
    with pytest.raises(SettingsError, match="CAPTIVE_PORTAL_PROT: unknown setting"):
        load_settings(None, {"CAPTIVE_PORTAL_PROT": "80"})
    with pytest.raises(SettingsError, match="CAPTIVE_PORTAL_WORKERS: must be a whole number"):
        load_settings(None, {"CAPTIVE_PORTAL_WORKERS": "two"})
    with pytest.raises(SettingsError, match="'header_timeout_seconds' must be at most 60"):
        load_settings(None, {"CAPTIVE_PORTAL_HEADER_TIMEOUT_SECONDS": "61"})
    with pytest.raises(SettingsError, match="CAPTIVE_PORTAL_MAX_BODY_BYTES: must be a whole"):
        load_settings(None, {"CAPTIVE_PORTAL_MAX_BODY_BYTES": "²"})


def test_a_metrics_listener_off_loopback_with_a_token_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, f"[metrics]\nhost = '10.0.0.5'\nport = 9200\ntoken = '{GOOD_SECRET}'\n")
    settings = load_settings(path)
    assert (settings.metrics.host, settings.metrics.port) == ("10.0.0.5", 9200)
    assert GOOD_SECRET not in repr(settings)


def test_every_option_is_in_the_docs() -> None:
    docs = (ROOT / "docs" / "captive-portal.md").read_text(encoding="utf-8")
    options = list(describe())
    assert len(options) > 25
    missing = [o.key for o in options if f"`{o.key}`" not in docs]
    assert missing == []


def test_serve_help_and_a_bad_config_exit_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as finished:
        main(["serve", "--help"])
    assert finished.value.code == 0
    assert "--config" in capsys.readouterr().out
    bad = write(tmp_path, "admin_token = 'x'\n")
    assert main(["serve", "--config", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("captive-portal: ") and "admin_token" in err


def test_serve_runs_uvicorn_with_production_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}
    bound: list[tuple[str, int]] = []

    class Workers:
        def __init__(self, config: uvicorn.Config, sockets: list[socket.socket]) -> None:
            seen.update(vars(config), app=config.app)
            bound.extend(s.getsockname()[:2] for s in sockets)
            for listener in sockets:
                listener.close()

        def run(self) -> None:
            pass

    monkeypatch.setattr("captive_portal.serve.Multiprocess", Workers)
    monkeypatch.setattr("logging.config.dictConfig", lambda config: None)
    metrics_port = free_port()
    path = write(
        tmp_path, f"workers = 2\ndata_dir = '{tmp_path}'\n[metrics]\nport = {metrics_port}\n"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CAPTIVE_PORTAL_")}
    monkeypatch.setattr("os.environ", clean)  # serve() hands settings to workers
    port = free_port()
    assert main(["serve", "--config", str(path), "--port", str(port)]) == 0
    assert seen["app"] == "captive_portal.serve:worker_app" and seen["factory"] is True
    assert (seen["workers"], seen["port"], seen["loop"], seen["http"], seen["ws"]) == (
        2,
        port,
        "uvloop",
        PortalHttpProtocol,  # uvicorn's httptools protocol with the parser-level fast path
        "none",  # no WebSocket: nothing to log about upgrades
    )
    assert seen["access_log"] is False and seen["proxy_headers"] is False
    assert bound == [("127.0.0.1", port), ("127.0.0.1", metrics_port)]  # the hotspot's, ours
    worker = serve_module.worker_app()  # what each worker builds from the environment
    assert worker is not None


def test_the_console_script_explains_itself() -> None:
    script = Path(sys.executable).with_name("captive-portal")
    done = subprocess.run(
        [script, "serve", "--port", "nope"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert re.search(r"argument --port: invalid int value", done.stderr)
