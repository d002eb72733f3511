"""Two portal instances on one real PostgreSQL behind a real haproxy: one portal for a county.

The instances are `captive-portal serve` processes serving openNDS's FAS (the client is named
by the router in the `fas` query, so a load balancer in front loses nothing). A phone's
splash may come from one instance and its accept go to the other; the session is in the
shared store either way. Killed with SIGKILL in the middle of a burst of accepts, one
instance loses no accept it answered, and the other keeps answering.
"""

from __future__ import annotations

import re
import secrets
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import psycopg
import pytest
import requests

from captive_portal.gateways._fas import FasRequest, encode_fas
from tests.captive_portal.portal_process import PortalProcess, free_port, running_portal
from tests.peers import haproxy
from tests.peers.haproxy import Upstream
from tests.peers.postgres import PostgresCluster

pytestmark = pytest.mark.slow
FASKEY = "Q7wE2rT9yU4iO1pA6sD3fG8hJ5kL0zXcVbN"
ROUTER = "192.168.1.1:2050"
ROUTER_2 = "192.168.2.1:2050"
RETRIES = 20
HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')


def fas_query(n: int, router: int = 1) -> dict[str, str]:
    """What openNDS on router 1 or 2 sends phone n (both routers hand out 10.20.x.x)."""
    request = FasRequest(
        hid=secrets.token_hex(32),
        clientip=f"10.20.{n // 250}.{n % 250 + 2}",
        clientmac=f"02:00:00:{router:02x}:{n // 256:02x}:{n % 256:02x}",
        gatewayaddress=ROUTER if router == 1 else ROUTER_2,
        gatewaymac=f"aa:bb:cc:00:00:{router:02x}",
        gatewayname="Rynek" if router == 1 else "Biblioteka",
    )
    return {"fas": encode_fas(request)}


@pytest.fixture
def county(
    postgres: PostgresCluster, tmp_path: Path
) -> Iterator[tuple[str, list[PortalProcess], str]]:
    if not Path(haproxy.HAPROXY).exists():
        pytest.skip("haproxy is not installed (./dev test installs it)")
    url = postgres.new_database()
    extra = (
        f'database_url = "{url}"\ngateway = "opennds"\naccepts_per_minute = 100000\n'
        "session_check_seconds = 3600\n"
        f'[opennds]\nfaskey = "{FASKEY}"\nfas_level = 1\n'
        f'trusted_gateways = ["{ROUTER}", "{ROUTER_2}"]\nndsctl = ["true"]\n'
    )
    port = free_port()
    with ExitStack() as stack:
        instances = []
        for name in ("a", "b"):
            (tmp_path / name).mkdir()
            instances.append(stack.enter_context(running_portal(tmp_path / name, extra)))
        upstreams = [Upstream(i.port, i.metrics_port) for i in instances]
        stack.enter_context(haproxy.running(port, upstreams))
        yield f"http://127.0.0.1:{port}", instances, url
    postgres.drop_database(url)


def log_in(front: str, n: int) -> tuple[int, str]:
    """A phone's splash and accept through the load balancer, retried as a phone retries a
    page that failed; (accept's status, which instance answered the splash)."""
    with requests.Session() as http:
        http.trust_env = False
        http.headers["Connection"] = "close"  # each request may go to either instance
        for _ in range(RETRIES):
            try:
                splash = http.get(front + "/", params=fas_query(n), timeout=5)
                if splash.status_code != 200:
                    raise requests.ConnectionError(splash.status_code)
                fields = dict(HIDDEN.findall(splash.text))
                accepted = http.post(
                    front + "/accept", data=fields, timeout=5, allow_redirects=False
                )
                if accepted.status_code in (502, 503, 504):
                    raise requests.ConnectionError(accepted.status_code)
                return accepted.status_code, accepted.headers.get("Location", accepted.text[-300:])
            except requests.RequestException:
                time.sleep(0.1)
    return 0, ""


def sessions_by_gateway(url: str) -> list[tuple[str, str]]:
    with psycopg.connect(url) as db:
        return sorted(db.execute("SELECT gateway_id, ip FROM sessions").fetchall())


def sessions(url: str) -> set[str]:
    with psycopg.connect(url) as db:
        return {row[0] for row in db.execute("SELECT ip FROM sessions")}


def test_a_splash_from_one_instance_and_an_accept_at_the_other_make_one_session(
    county: tuple[str, list[PortalProcess], str],
) -> None:
    _, (first, second), url = county
    with requests.Session() as http:
        http.trust_env = False
        splash = http.get(first.url + "/", params=fas_query(1), timeout=5)
        accepted = http.post(
            second.url + "/accept", data=dict(HIDDEN.findall(splash.text)), timeout=5,
            allow_redirects=False,
        )  # fmt: skip
    assert accepted.status_code == 303
    assert accepted.headers["Location"].startswith(f"http://{ROUTER}/opennds_auth/?tok=")
    assert sessions(url) == {"10.20.0.3"}
    assert "client accepted terms" in second.log()
    assert "client accepted terms" not in first.log()


def test_two_hotspots_handing_out_the_same_addresses_keep_their_phones_apart(
    county: tuple[str, list[PortalProcess], str],
) -> None:
    front, _, url = county
    with requests.Session() as http:
        http.trust_env = False
        for router in (1, 2):  # phone 5 at the Rynek, then another phone 5 at the library
            splash = http.get(front + "/", params=fas_query(5, router), timeout=5)
            form = dict(HIDDEN.findall(splash.text))
            answer = http.post(front + "/accept", data=form, timeout=5, allow_redirects=False)
            assert answer.status_code == 303
    assert sessions_by_gateway(url) == [
        ("aabbcc000001", "10.20.0.7"),  # openNDS sends the MAC bare
        ("aabbcc000002", "10.20.0.7"),
    ], "the second hotspot's phone overwrote the first's session"


def test_kill_9_of_one_instance_in_a_burst_of_accepts_loses_none(
    county: tuple[str, list[PortalProcess], str],
) -> None:
    front, (first, second), url = county
    done: dict[int, tuple[int, str]] = {}
    started = threading.Event()

    def phone(n: int) -> None:
        if n == 10:
            started.set()
        done[n] = log_in(front, n)

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(phone, n) for n in range(60)]
        started.wait(10)
        first.process.send_signal(signal.SIGKILL)  # mid-burst: no shutdown, no flush
        killed_at = time.monotonic()
        for future in futures:
            future.result()
    assert first.process.wait(5) == -signal.SIGKILL
    answered = {n for n, (status, _) in done.items() if status == 303}
    assert answered == set(range(60)), f"not answered: {sorted(set(range(60)) - answered)}"
    stored = sessions(url)
    assert {f"10.20.0.{n + 2}" for n in answered} <= stored, "an answered accept was lost"
    status, _ = log_in(front, 99)  # the other instance keeps answering
    assert status == 303
    assert second.process.poll() is None
    print(
        f"\n60 accepts, one instance killed: all answered in {time.monotonic() - killed_at:.1f} s"
    )


def test_behind_a_routers_nat_the_accept_limit_counts_each_phone(tmp_path: Path) -> None:
    """A remote portal sees every phone of a hotspot come from the router's one address:
    the limit counts the phone openNDS named, so eleven phones get online, and one phone
    trying too often is still held back."""
    extra = (
        'gateway = "opennds"\naccepts_per_minute = 3\n'
        f'[opennds]\nfaskey = "{FASKEY}"\nfas_level = 1\ntrusted_gateways = ["{ROUTER}"]\n'
        'ndsctl = ["true"]\n'
    )
    with running_portal(tmp_path, extra) as portal, requests.Session() as http:
        http.trust_env = False

        def accept(n: int) -> int:
            splash = http.get(portal.url + "/", params=fas_query(n), timeout=5)
            form = dict(HIDDEN.findall(splash.text))
            answer = http.post(portal.url + "/accept", data=form, timeout=5, allow_redirects=False)
            return answer.status_code

        assert [accept(n) for n in range(11)] == [303] * 11
        assert [accept(50) for _ in range(4)] == [303, 303, 303, 429]
