"""Metrics from a kiosk behind NAT: the kiosk's real endpoint, a real Prometheus in agent mode
with the config apply-config wrote, pushing with remote_write to a real Prometheus server that
evaluates the kiosk's alert rules; and apply-config's side of it (the file, the unit)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import load_config
from kiosk.fleet_status import StatusReader, StatusSources
from kiosk.image_status import ImageStatus, LastUpdate
from kiosk.metrics import KioskMetrics
from tests.build.deb_parts import load
from tests.peers import prometheus
from tests.peers.prometheus import api, free_port, running

ROOT = Path(__file__).resolve().parents[2]
DEB = ROOT / "build" / "deb"
RULES = ROOT / "build" / "monitoring" / "infomat-kiosk-rules.yml"
UNIT = DEB / "systemd" / "infomat-metrics-agent.service"
apply_config = load("apply_config", DEB / "apply_config.py")
needs_prometheus = pytest.mark.skipif(
    prometheus.PROMETHEUS is None, reason="needs Debian's prometheus package (make test-debs)"
)
KIOSK_ID = "łańcut-ratusz-1"


def kiosk_toml(folder: Path, metrics_port: int, url: str, token: Path) -> Path:
    path = folder / "kiosk.toml"
    path.write_text(
        f'kiosk_id = "{KIOSK_ID}"\n[fleet]\ngroup = "powiat-lancut"\n'
        f'[metrics]\nport = {metrics_port}\nremote_write_url = "{url}"\n'
        f'remote_write_token_file = "{token}"\nremote_write_interval_s = 5\n',
        encoding="utf-8",
    )
    return path


def troubled_kiosk() -> KioskMetrics:
    """A kiosk whose last image update rolled back and whose printer is out of paper."""
    rolled_back = LastUpdate("rolled-back", "0.1.1", "B", "no first frame", "2026-12-06T10:00Z")
    sources = StatusSources(
        printer_state=lambda: "paper out", image=lambda: ImageStatus("0.1.0", "A", rolled_back)
    )
    return KioskMetrics(StatusReader(KIOSK_ID, "0.1.0", sources))


def server_config(folder: Path) -> Path:
    path = folder / "server.yml"
    config = {"global": {"evaluation_interval": "1s"}, "rule_files": [str(RULES)]}
    path.write_text(json.dumps(config), encoding="utf-8")
    return path


def wait_for(what: str, probe: Callable[[], Any], timeout_s: float = 25) -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if found := probe():
            return found
        time.sleep(0.5)
    raise AssertionError(f"{what}: not within {timeout_s} s")


@needs_prometheus
def test_the_kiosks_series_reach_the_fleet_server_and_its_alerts_evaluate(tmp_path: Path) -> None:
    token = tmp_path / "remote-write.token"
    token.write_text("sekret-żółw\n", encoding="utf-8")
    endpoint = troubled_kiosk().serve("127.0.0.1", 0)
    server_port, agent_port = free_port(), free_port()
    config = kiosk_toml(
        tmp_path, endpoint.port, f"http://127.0.0.1:{server_port}/api/v1/write", token
    )
    assert load_config(config).metrics.remote_write_interval_s == 5  # the kiosk takes it too
    root = tmp_path / "root"
    assert apply_config.main(["--config", str(config), "--root", str(root), "--no-reload"]) == 0
    agent_config = root / "etc" / "infomat" / "metrics-agent.yml"
    try:
        with (
            running(server_config(tmp_path), tmp_path / "server-data", server_port,
                    log=tmp_path / "server.log") as server,
            running(agent_config, tmp_path / "agent-data", agent_port, agent=True,
                    log=tmp_path / "agent.log"),
        ):  # fmt: skip
            up = wait_for(
                "infomat_kiosk_up on the server",
                lambda: api(server, "query", query="infomat_kiosk_up")["result"],
            )
            alerts = wait_for("the image alert firing", lambda: firing(server))
            pending = {
                a["labels"]["alertname"]: a["state"] for a in api(server, "alerts")["alerts"]
            }
    finally:
        endpoint.stop()
    assert [series["metric"] for series in up] == [
        {
            "__name__": "infomat_kiosk_up",
            "group": "powiat-lancut",
            "instance": KIOSK_ID,
            "job": "infomat-kiosk",
            "kiosk_id": KIOSK_ID,
        }
    ]
    assert up[0]["value"][1] == "1"
    assert alerts["labels"]["state"] == "rolled-back"
    assert alerts["labels"]["kiosk_id"] == KIOSK_ID
    # for: 2m on the printer's alert: seen, not yet firing.
    assert pending["InfomatPrinterOutOfPaper"] == "pending"


def firing(server: str) -> dict[str, Any] | None:
    for alert in api(server, "alerts")["alerts"]:
        if (
            alert["labels"]["alertname"] == "InfomatImageUpdateFailed"
            and alert["state"] == "firing"
        ):
            return dict(alert)
    return None


def agent_document(config: dict[str, Any]) -> dict[str, Any]:
    text = apply_config.metrics_agent_config(config)
    assert text is not None and text.startswith("# Written by /usr/lib/infomat/apply-config")
    return dict(json.loads(text.split("\n", 1)[1]))


def test_basic_auth_and_a_kiosk_listening_everywhere() -> None:
    document = agent_document(
        {
            "kiosk_id": KIOSK_ID,
            "metrics": {
                "bind": "0.0.0.0",
                "remote_write_url": "https://prom.example.gov.pl/api/v1/write",
                "remote_write_user": "łańcut",
                "remote_write_password_file": "/etc/infomat/remote-write.password",
            },
        }
    )
    assert document["global"] == {
        "scrape_interval": "30s",
        "scrape_timeout": "10s",
        "external_labels": {"kiosk_id": KIOSK_ID, "group": ""},
    }
    assert document["scrape_configs"][0]["static_configs"] == [
        {"targets": ["127.0.0.1:9101"], "labels": {"instance": KIOSK_ID}}
    ]
    assert document["remote_write"] == [
        {
            "url": "https://prom.example.gov.pl/api/v1/write",
            "basic_auth": {
                "username": "łańcut",
                "password_file": "/etc/infomat/remote-write.password",
            },
        }
    ]
    assert apply_config.scrape_address("::", 9101) == "[::1]:9101"
    assert apply_config.scrape_address("192.168.1.20", 9101) == "192.168.1.20:9101"


def test_apply_config_writes_the_agent_config_and_removes_it_when_the_push_is_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    token = tmp_path / "remote-write.token"
    config = kiosk_toml(tmp_path, 9101, "https://prom.example.gov.pl/api/v1/write", token)
    argv = ["--config", str(config), "--root", str(tmp_path / "root"), "--no-reload"]
    assert apply_config.main(argv) == 1  # no token file yet
    assert (
        f"'metrics.remote_write_token_file': no file {token}; write the secret there"
        in capsys.readouterr().err
    )
    token.write_text("sekret\n", encoding="utf-8")
    assert apply_config.main(argv) == 0
    written = tmp_path / "root" / "etc" / "infomat" / "metrics-agent.yml"
    assert written.stat().st_mode & 0o777 == 0o640
    assert "sekret" not in written.read_text(encoding="utf-8")  # the path only, never the token
    steps = apply_config.apply({"kiosk_id": KIOSK_ID}, tmp_path / "root")
    assert not written.exists()
    assert steps[-1] == "systemctl stop infomat-metrics-agent.service"


def test_apply_config_refuses_a_push_the_agent_could_not_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[metrics]\nport = 0\nremote_write_url = "https://p.example.pl/w"\n')
    argv = ["--config", str(config), "--root", str(tmp_path), "--no-reload"]
    assert apply_config.main(argv) == 1
    assert (
        "'metrics.remote_write_url' needs 'metrics.enabled' = true and a fixed 'metrics.port'"
        in (capsys.readouterr().err)
    )
    assert not (tmp_path / "etc" / "infomat" / "metrics-agent.yml").exists()


def test_the_agent_unit_runs_prometheus_in_agent_mode_as_the_kiosk_user() -> None:
    lines = UNIT.read_text(encoding="utf-8").replace("\\\n", " ").splitlines()
    for line in (
        "ConditionPathExists=/etc/infomat/metrics-agent.yml",
        "User=kiosk",
        "StateDirectory=infomat/metrics-agent",
        "ProtectSystem=strict",
        "WantedBy=multi-user.target",
    ):
        assert line in lines
    [command] = [line.split() for line in lines if line.startswith("ExecStart=")]
    assert command == [
        "ExecStart=/usr/bin/prometheus",
        "--enable-feature=agent",
        "--config.file=/etc/infomat/metrics-agent.yml",
        "--storage.agent.path=/var/lib/infomat/metrics-agent",
        "--web.listen-address=127.0.0.1:9104",
    ]
