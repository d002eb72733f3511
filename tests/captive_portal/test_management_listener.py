"""/metrics and /healthz answer only on the technicians' listener; data files are private.

Attack 8 of issue 13: every hotspot client could read the gateway's name and the counts,
and the store (client addresses) was 0644.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
import requests

from tests.captive_portal.portal_process import running_portal

pytestmark = [pytest.mark.slow, pytest.mark.attack(8)]
TOKEN = "m7Qk2Zp9Xv4Lr8Tn3Wc6Yh1Bd5Gs0Fa2"


def get(url: str, **kwargs: object) -> requests.Response:
    with requests.Session() as http:
        http.trust_env = False
        return http.get(url, allow_redirects=False, timeout=5, **kwargs)  # type: ignore[arg-type]


def test_metrics_and_health_are_not_on_the_hotspot_port(tmp_path: Path) -> None:
    with running_portal(tmp_path) as portal:
        management = f"http://127.0.0.1:{portal.metrics_port}"
        for path in ("/metrics", "/healthz"):
            answer = get(portal.url + path)
            assert answer.status_code == 302, path  # any unknown page: to the splash
            assert "captive_portal" not in answer.text and "dry-run" not in answer.text
        assert get(portal.url + "/generate_204").status_code == 302
        assert "captive_portal_probe_hits_total" in get(management + "/metrics").text
        assert get(management + "/healthz").json() == {"status": "ok", "gateway": "dry-run"}
        assert get(management + "/generate_204").status_code == 404  # nothing else there
        assert get(management + "/").status_code == 404


def test_a_metrics_token_is_asked_for(tmp_path: Path) -> None:
    with running_portal(tmp_path, f'metrics.token = "{TOKEN}"\n') as portal:
        management = f"http://127.0.0.1:{portal.metrics_port}"
        assert get(management + "/metrics").status_code == 401
        assert (
            get(management + "/healthz", headers={"Authorization": "Bearer nope"}).status_code
            == 401
        )
        mine = {"Authorization": f"Bearer {TOKEN}"}
        assert get(management + "/metrics", headers=mine).status_code == 200


def test_data_files_are_the_portals_alone(tmp_path: Path) -> None:
    old = tmp_path / "data"
    old.mkdir(mode=0o755)  # as an earlier release left it
    (old / "portal.sqlite3").touch(mode=0o644)
    with running_portal(tmp_path, local_key=True) as portal:
        get(portal.url + "/generate_204")
        get(f"http://127.0.0.1:{portal.metrics_port}/metrics")
        paths = [portal.data_dir, *portal.data_dir.rglob("*")]
    assert {p.name for p in paths} >= {
        "portal.sqlite3", "portal.sqlite3-wal", "portal.sqlite3.stamp", "consent.key",
        "accept-limits-v1.bin", "metrics",
    }  # fmt: skip
    loose = [
        f"{p.relative_to(tmp_path)} {stat.filemode(p.stat().st_mode)}"
        for p in paths
        if stat.S_IMODE(p.stat().st_mode) != (0o700 if p.is_dir() else 0o600)
    ]
    assert loose == []
