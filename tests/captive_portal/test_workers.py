"""`captive-portal serve` with two worker processes: one portal, whichever worker answers.

The real console script on loopback; every request on a new connection, so the kernel
spreads them over both workers.
"""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from tests.captive_portal.portal_process import free_port, portal_command, portal_environment
from tests.captive_portal.portal_server import ADMIN_TOKEN, TEST_SECRET
from tests.peers.processes import stop
from tests.perf.bench_portal import wait_for

pytestmark = pytest.mark.slow
PROBES = 300
ACCEPTS_PER_MINUTE = 5


@dataclass
class Served:
    url: str
    data_dir: Path
    metrics_url: str

    def get(self, path: str, **kwargs: object) -> requests.Response:
        with requests.Session() as fresh:  # a new connection: any worker may take it
            fresh.trust_env = False
            headers = {"Connection": "close", **kwargs.pop("headers", {})}  # type: ignore[dict-item]
            return fresh.get(self.url + path, allow_redirects=False, timeout=5, headers=headers)

    def accept(self) -> int:
        page = self.get("/").text
        fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', page))
        with requests.Session() as fresh:
            fresh.trust_env = False
            answer = fresh.post(self.url + "/accept", data=fields, allow_redirects=False, timeout=5)
        assert answer.status_code in (200, 303, 429), answer.text
        return answer.status_code

    def counter_files_used(self) -> int:
        return sum(
            1 for path in (self.data_dir / "metrics").glob("*.counters")
            if any(path.read_bytes()[8:])
        )  # fmt: skip


@pytest.fixture
def two_workers(tmp_path: Path) -> Iterator[Served]:
    port, metrics_port = free_port(), free_port()
    config = tmp_path / "portal.toml"
    config.write_text(
        f'workers = 2\ndata_dir = "{tmp_path}/data"\nlog_level = "WARNING"\n'
        f'consent_secrets = ["{TEST_SECRET}"]\nadmin_token = "{ADMIN_TOKEN}"\n'
        f'public_url = "http://127.0.0.1:{port}/"\naccepts_per_minute = {ACCEPTS_PER_MINUTE}\n'
        f"metrics.port = {metrics_port}\n"
    )
    log = (tmp_path / "portal.log").open("w")
    process = subprocess.Popen(
        portal_command("serve", "--config", str(config), "--port", str(port)),
        stdout=log, stderr=subprocess.STDOUT, env=portal_environment(),
    )  # fmt: skip
    try:
        wait_for(f"http://127.0.0.1:{metrics_port}/healthz")
        yield Served(
            f"http://127.0.0.1:{port}", tmp_path / "data", f"http://127.0.0.1:{metrics_port}"
        )
    finally:
        stop(process, grace_s=15)
        log.close()


def android_probes(served: Served) -> float:
    with requests.Session() as fresh:
        fresh.trust_env = False
        text = fresh.get(served.metrics_url + "/metrics", timeout=5).text
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if (
                sample.name == "captive_portal_probe_hits_total"
                and sample.labels["os"] == "android"
            ):
                return sample.value
    raise AssertionError(f"no android probe count in:\n{text}")


def probe_until_both_answered(served: Served, at_least: int, timeout_s: float = 30) -> int:
    """Probes on new connections, eight at a time, until both workers have answered some
    (one after another, the kernel may hand every connection to the worker that just
    finished); how many were sent."""
    sent, deadline = 0, time.monotonic() + timeout_s
    with ThreadPoolExecutor(8) as pool:
        while sent < at_least or (served.counter_files_used() < 2 and time.monotonic() < deadline):
            answers = pool.map(lambda _: served.get("/generate_204").status_code, range(50))
            assert set(answers) == {302}
            sent += 50
    return sent


def test_metrics_count_every_worker_whichever_answers(two_workers: Served) -> None:
    sent = probe_until_both_answered(two_workers, PROBES)
    assert two_workers.counter_files_used() == 2  # both workers answered probes
    assert [android_probes(two_workers) for _ in range(12)] == [float(sent)] * 12


def test_a_deauthorisation_in_one_worker_holds_at_once_in_the_other(two_workers: Served) -> None:
    assert two_workers.accept() == 303
    assert {two_workers.get("/generate_204").status_code for _ in range(40)} == {204}
    admin = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    with requests.Session() as fresh:
        fresh.trust_env = False
        ended = fresh.post(
            two_workers.url + "/admin/clients/127.0.0.1/deauthorise", headers=admin, timeout=5
        )
    assert ended.json()["session_ended"] is True
    answers = [two_workers.get("/generate_204").status_code for _ in range(40)]
    assert set(answers) == {302}  # no worker still answers from what it cached


def test_the_accept_limit_holds_across_workers(two_workers: Served) -> None:
    codes = [two_workers.accept() for _ in range(3 * ACCEPTS_PER_MINUTE)]
    assert codes.count(303) == ACCEPTS_PER_MINUTE
    assert codes.count(429) == 2 * ACCEPTS_PER_MINUTE
