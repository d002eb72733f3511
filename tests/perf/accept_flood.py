"""Probes while accepts flood the store: does a phone's probe wait behind consent writes?

Part of ./dev bench-portal. The portal (2 workers) runs on SQLite and on a throwaway
PostgreSQL cluster with fsync on (as production), one at a time, as openNDS's FAS: so each
accept is another phone (2,000 signed splash forms for 2,000 client addresses, posted in
turn), not one address rewriting one row. Two wrk processes run at once for the same
seconds: one posts the accepts (16 connections), the other asks /generate_204 (16
connections). Every accept changes the store, so every worker drops its session cache and
the next probe reads the store again: the probe p99 shows what the writes cost it.
On PostgreSQL the flood runs twice: one instance with two workers, and two instances with
one worker each behind nginx as a load balancer (round robin, kept-alive connections to
both), as a county runs them: every form is signed with the county's shared key, so a form
one instance served may be posted to the other, and each write reaches the other
instance's cache through PostgreSQL's notices. Same processes, one core's worth each; the
balancer's CPU comes out of the same two cores.
Targets (issue 13): probe p99 <= 20 ms; accept p99 <= 100 ms with two workers on either store.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlencode

import requests

from captive_portal.gateways._fas import FasRequest, encode_fas
from tests.peers.postgres import PostgresCluster, binaries
from tests.perf.bench_portal import free_port, nginx_conf, portal, running, wrk

CONNECTIONS = 16
PHONES = 2000
FASKEY = "Zq8Wm3Rk7Vb2Nc6Hx1Tf5Gj9Sy4Lp0Dd"
ROUTER = "192.168.1.1:2050"
OPENNDS = (  # dotted keys: portal() writes more top-level keys after these
    f'gateway = "opennds"\nsession_check_seconds = 3600\nopennds.faskey = "{FASKEY}"\n'
    f'opennds.fas_level = 1\nopennds.trusted_gateways = ["{ROUTER}"]\nopennds.ndsctl = ["true"]\n'
)
# One county's key in every instance's settings (a form signed by one passes at the other).
SHARED_KEY = f'consent_secrets = ["bench:{secrets.token_hex(32)}"]\n'
BALANCER = """
    upstream portals {{ {servers} keepalive 32; }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://portals;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
        }}
    }}
"""
HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')
FLOOD_LUA = """
local bodies = {bodies}
local n = math.random(#bodies)
request = function()
  n = n % #bodies + 1
  return wrk.format("POST", "/accept",
    {{["Content-Type"] = "application/x-www-form-urlencoded"}}, bodies[n])
end
"""


def accept_flood(work: Path, seconds: int) -> dict[str, dict[str, float] | str]:
    """{store: figures} for SQLite and PostgreSQL (or why PostgreSQL was skipped)."""
    found: dict[str, dict[str, float] | str] = {"sqlite": _flood(work, seconds, "sqlite", "")}
    bin_dir = binaries()
    if bin_dir is None:
        found["postgresql"] = "skipped: PostgreSQL's server is not installed"
        return found
    cluster = PostgresCluster(bin_dir, durable=True)
    cluster.start()
    try:
        url = cluster.new_database()
        store = f'database_url = "{url}"\n'
        found["postgresql"] = _flood(work, seconds, "postgresql", store)
        url = cluster.new_database()
        store = f'database_url = "{url}"\n'
        found["postgresql, 2 instances"] = _flood(work, seconds, "postgresql-2", store, 2)
    finally:
        cluster.stop()
    return found


def _flood(work: Path, seconds: int, name: str, store: str, instances: int = 1) -> dict[str, float]:
    with ExitStack() as servers:
        if instances == 1:
            base = servers.enter_context(
                portal(work, 2, name=f"flood-{name}", extra=store + OPENNDS)
            )
        else:
            extra = store + SHARED_KEY + OPENNDS
            bases = [servers.enter_context(portal(work, 1, name=f"flood-{name}-{n}", extra=extra))
                     for n in range(instances)]  # fmt: skip
            base = servers.enter_context(balancer(work, bases))
        script = work / f"flood-{name}.lua"
        script.write_text(FLOOD_LUA.format(bodies=_lua_list(_forms(base))))
        results: dict[str, dict[str, float]] = {}

        def run(what: str, url: str, script_path: Path | None) -> None:
            results[what] = wrk(url, seconds, script_path, connections=CONNECTIONS)

        flood = threading.Thread(target=run, args=("accept", base + "/accept", script))
        flood.start()
        run("probe", base + "/generate_204", None)
        flood.join()
    accept, probe = results["accept"], results["probe"]
    return {
        "accepts_per_s": accept["rps"],
        "accept_p99_ms": accept["p99_ms"],
        "accept_non_2xx_3xx": accept["non_2xx_3xx"],
        "probes_per_s": probe["rps"],
        "probe_p99_ms": probe["p99_ms"],
    }


@contextmanager
def balancer(work: Path, bases: list[str]) -> Iterator[str]:
    """nginx in front of the instances, round robin."""
    port = free_port()
    servers = " ".join(f"server {base.removeprefix('http://')};" for base in bases)
    conf = work / f"balancer-{port}.conf"
    inside = BALANCER.format(port=port, servers=servers)
    conf.write_text(nginx_conf(work, 1, f"balancer-{port}", inside))
    base = f"http://127.0.0.1:{port}"
    command = [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(conf), "-p", str(work)]
    with running(command, base + "/generate_204", work / f"balancer-{port}.log"):
        yield base


def _forms(base: str) -> list[str]:
    """A signed accept form for each of PHONES phones, as their splash pages carried it."""
    bodies = []
    with requests.Session() as http:
        http.trust_env = False
        for n in range(PHONES):
            request = FasRequest(
                hid=secrets.token_hex(32),
                clientip=f"10.{n // 62500}.{n // 250 % 250}.{n % 250 + 2}",
                clientmac=f"02:00:00:00:{n // 256:02x}:{n % 256:02x}",
                gatewayaddress=ROUTER,
                gatewaymac="aa:bb:cc:00:00:01",
            )
            page = http.get(base + "/", params={"fas": encode_fas(request)}, timeout=5).text
            bodies.append(urlencode(HIDDEN.findall(page)))
    return bodies


def _lua_list(texts: list[str]) -> str:
    return "{" + ",".join(json.dumps(text) for text in texts) + "}"
