"""Portal benchmark: probes, catch-all, splash and accepts against nginx in the same run.

Run: ./dev bench-portal  (= .venv/bin/python -m tests.perf.bench_portal [--seconds 5] [--rounds 3])
Starts nginx (2 workers: a `return 204` probe and a 2 KB static page), `captive-portal
serve` (dry-run gateway, production settings) with 1 and with 2 workers, and a bare ASGI
app on the same uvicorn (no routing, no session lookup: the ceiling any portal code has),
all on loopback at once, and drives each endpoint with `wrk -t2 -c64`. On a 2-core machine
wrk shares the cores with the server and the figures drift by a fifth between runs, so the
measurements alternate: every portal run has nginx's run of the same kind right beside it
(before it in even rounds, after it in odd ones) and is divided by that; the table shows
the median of the rounds and the lowest and highest ratio. Beside each rate, the server's CPU time per request
(its workers' included, from /proc: server_cpu.py), which moves far less with the host's
load than a rate does. Prints the table and writes
tests/perf/results-portal.json. Not a test: no pass/fail; the targets are printed beside
the figures. Before the servers start: Python's share per request, the protocol fed from
memory (portal_parser_cost.py). After them, where root and `nft` are available, the time
from accept to the client's first upstream reply through the real nftables gateway
(accept_to_traffic.py; target <= 50 ms).
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlencode

import requests

from tests.peers.processes import stop
from tests.perf.accept_to_traffic import accept_to_traffic, why_not
from tests.perf.portal_parser_cost import python_cost
from tests.perf.server_cpu import tree_cpu_s

RESULTS = Path(__file__).with_name("results-portal.json")
PORTAL = [sys.executable, "-m", "captive_portal.cli"]  # this tree's portal (run from its root)
# nginx with its files in a work folder (`name`.pid, `name`-error.log); `inside` is the rest
# of its http block (the servers).
NGINX_FRAME = """
worker_processes {workers};
daemon off;
pid {dir}/{name}.pid;
error_log {dir}/{name}-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi; uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;
{inside}
}}
"""
STATIC_SERVER = """
    server {{
        listen 127.0.0.1:{port};
        location = /generate_204 {{ return 204; }}
        location = /splash.html {{ root {dir}; default_type text/html; }}
    }}
"""


def nginx_conf(work: Path, workers: int, name: str, inside: str) -> str:
    return NGINX_FRAME.format(workers=workers, dir=work, name=name, inside=inside)


ACCEPT_LUA = """
wrk.method = "POST"
wrk.body = "{body}"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=1, allow_redirects=False)
            return
        except requests.ConnectionError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


@contextmanager
def running(command: list[str], url: str, log: Path) -> Iterator[None]:
    with log.open("w") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_for(url)
        SERVERS[_origin(url)] = process.pid
        yield
    finally:
        SERVERS.pop(_origin(url), None)
        stop(process)


# The first process of each running server by its origin (http://host:port), for the CPU
# time it and its workers spend (server_cpu.py).
SERVERS: dict[str, int] = {}


def _origin(url: str) -> str:
    return "/".join(url.split("/")[:3])


def wrk(
    url: str,
    seconds: int,
    script: Path | None = None,
    headers: tuple[str, ...] = (),
    connections: int = 64,
) -> dict[str, float]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["-s", str(script)] if script else []
    for header in headers:
        command += ["-H", header]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    done = re.search(r"(\d+) requests in", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if not rate or not p99 or not done:
        raise RuntimeError(f"cannot read wrk's output:\n{out}")
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    return {
        "rps": float(rate.group(1)),
        "requests": int(done.group(1)),
        "p99_ms": round(float(p99.group(1)) * scale, 2),
        "non_2xx_3xx": int(errors.group(1)) if errors else 0,
    }


@contextmanager
def nginx(work: Path) -> Iterator[str]:
    port = free_port()
    (work / "splash.html").write_text("<!doctype html>" + "<p>Regulamin sieci.</p>" * 90)
    conf = work / "nginx.conf"
    conf.write_text(nginx_conf(work, 2, "nginx", STATIC_SERVER.format(dir=work, port=port)))
    base = f"http://127.0.0.1:{port}"
    command = [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(conf), "-p", str(work)]
    with running(command, base + "/generate_204", work / "nginx.log"):
        yield base


@contextmanager
def portal(work: Path, workers: int, name: str = "", extra: str = "") -> Iterator[str]:
    """`captive-portal serve` with `workers`; `extra` TOML lines (e.g. database_url)."""
    port = free_port()
    name = name or str(workers)
    config = work / f"portal-{name}.toml"
    # wrk is one client address with 64 connections: above a phone's connections_per_client
    config.write_text(
        f'workers = {workers}\ndata_dir = "{work}/data-{name}"\nlog_level = "WARNING"\n'
        "accepts_per_minute = 1000000000\nform_seconds = 3600\nconnections_per_client = 1024\n"
        f"{extra}metrics.port = {free_port()}\n"
    )
    base = f"http://127.0.0.1:{port}"
    command = [*PORTAL, "serve", "--config", str(config), "--port", str(port)]
    with running(command, base + "/generate_204", work / f"portal-{name}.log"):
        yield base


@contextmanager
def bare(work: Path, workers: int) -> Iterator[str]:
    port = free_port()
    command = [
        sys.executable, "-m", "uvicorn", "tests.perf.bench_portal:bare_204", "--port", str(port),
        "--workers", str(workers), "--loop", "uvloop", "--http", "httptools", "--no-access-log",
        "--lifespan", "off", "--log-level", "warning",
    ]  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    with running(command, base + "/", work / f"bare-{workers}.log"):
        yield base


Sample = dict[str, float]
PATHS = {"probe": "/generate_204", "catch-all": "/news/today.html", "splash": "/",
         "probe (online)": "/generate_204", "probe (close)": "/generate_204"}  # fmt: skip
# Phones open a new connection for most probes: each request on a connection of its own.
HEADERS = {"probe (close)": ("Connection: close",)}


class Measurements:
    """Every wrk run, each with nginx's run of the same kind right beside it.

    The host's speed drifts over the tens of seconds a round takes (another VM on the
    hypervisor, the CPU's clock): a reference measured once per round was up to 20 s
    away from the run it judged, and a round where the host slowed in between (the
    server's CPU time per request up by half) read as the portal's fault. So nginx runs
    the reference endpoint right before each measured run in even rounds and right after
    it in odd ones, and each ratio is to that neighbour.
    """

    def __init__(self, seconds: int, reference_base: str) -> None:
        self.seconds = seconds
        self.reference_base = reference_base
        self.samples: dict[tuple[str, str], list[Sample]] = {}

    def reference(self, anchor: str) -> Sample:
        """nginx's run of `anchor` ("probe", "probe (close)" or "static"), kept as a sample."""
        path = "/splash.html" if anchor == "static" else "/generate_204"
        sample = costed(self.reference_base + path, self.seconds, None, HEADERS.get(anchor, ()))
        self._add(anchor, "nginx 2 workers", {**sample, "ratio": 1.0})
        return sample

    def measure(
        self, endpoint: str, server: str, url: str, round_number: int,
        script: Path | None = None,
    ) -> None:  # fmt: skip
        anchor = TARGETS[endpoint][0]
        reference = self.reference(anchor) if round_number % 2 == 0 else None
        sample = costed(url, self.seconds, script, HEADERS.get(endpoint, ()))
        if reference is None:
            reference = self.reference(anchor)
        self._add(endpoint, server, {**sample, "ratio": sample["rps"] / reference["rps"]})

    def _add(self, endpoint: str, server: str, sample: Sample) -> None:
        self.samples.setdefault((endpoint, server), []).append(sample)


def costed(
    url: str, seconds: int, script: Path | None = None, headers: tuple[str, ...] = ()
) -> Sample:
    """wrk's figures and the server's CPU time per request completed (µs), its workers'
    included: unlike the rate, this moves little with how the host shares its cores."""
    server = SERVERS[_origin(url)]
    before = tree_cpu_s(server)
    sample = wrk(url, seconds, script, headers)
    spent = tree_cpu_s(server) - before
    return {**sample, "server_cpu_us": round(spent / max(sample["requests"], 1) * 1e6, 1)}


def measure_all(work: Path, seconds: int, rounds: int) -> Measurements:
    with ExitStack() as servers:
        found = Measurements(seconds, servers.enter_context(nginx(work)))
        portals = {w: servers.enter_context(portal(work, w)) for w in (1, 2)}
        bares = {w: servers.enter_context(bare(work, w)) for w in (1, 2)}
        for round_number in range(rounds):
            for w in (1, 2):
                found.measure("bare ASGI 204", f"bare ASGI {w} worker(s)",
                              bares[w] + "/generate_204", round_number)  # fmt: skip
                for endpoint in ("probe", "probe (close)", "catch-all", "splash"):
                    found.measure(endpoint, f"portal {w} worker(s)", portals[w] + PATHS[endpoint],
                                  round_number)  # fmt: skip
        # One script per portal: each signs its own form (one shared file had the 1-worker
        # run post the 2-worker portal's token, and measure nothing but refusals).
        scripts = {w: accept_script(base, work, f"{w}-workers") for w, base in portals.items()}
        for base in portals.values():
            accept_once(base)  # online from now on (all runs come from 127.0.0.1)
        for round_number in range(rounds):
            for w in (1, 2):
                found.measure("probe (online)", f"portal {w} worker(s)",
                              portals[w] + PATHS["probe (online)"], round_number)  # fmt: skip
        for w in (1, 2):  # last: its backlog of writes lingers after wrk stops
            found.measure("accept", f"portal {w} worker(s)", portals[w] + "/accept", 0,
                          scripts[w])  # fmt: skip
    return found


def splash_fields(base: str) -> dict[str, str]:
    page = requests.get(base + "/", timeout=5).text
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', page))


def accept_once(base: str) -> None:
    fields = splash_fields(base)
    answer = requests.post(base + "/accept", data=fields, allow_redirects=False, timeout=5)
    if (
        answer.status_code != 303
        or requests.get(base + "/generate_204", timeout=5).status_code != 204
    ):
        raise RuntimeError(f"could not accept before the online probe run: {answer.status_code}")


async def bare_204(scope: dict[str, object], receive: object, send: object) -> None:
    """The ceiling: the least an ASGI app on uvicorn can do (no routing, no lookup)."""
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 204, "headers": []})  # type: ignore[operator]
    await send({"type": "http.response.body", "body": b""})  # type: ignore[operator]


def accept_script(base: str, work: Path, name: str) -> Path:
    fields = splash_fields(base)
    script = work / f"accept-{name}.lua"
    script.write_text(ACCEPT_LUA.format(body=urlencode(fields)))
    return script


TARGETS = {
    "probe": ("probe", 0.5, 20.0),
    "probe (online)": ("probe", 0.5, 20.0),
    "probe (close)": ("probe (close)", 0.5, None),
    "catch-all": ("probe", 0.5, 20.0),
    "splash": ("static", 0.25, None),
    "accept": ("static", None, None),
    "bare ASGI 204": ("probe", None, None),
}


def table(found: Measurements) -> list[dict[str, object]]:
    """One row per endpoint and server: medians over the rounds, the ratios' range."""
    rows: list[dict[str, object]] = []
    for (endpoint, server), samples in found.samples.items():
        ratios = [s["ratio"] for s in samples]
        _, target, p99_target = TARGETS.get(endpoint, ("", None, None))
        rows.append({
            "endpoint": endpoint, "server": server, "rounds": len(samples),
            "rps": round(statistics.median(s["rps"] for s in samples)),
            "p99_ms": round(statistics.median(s["p99_ms"] for s in samples), 2),
            "server_cpu_us": round(statistics.median(s["server_cpu_us"] for s in samples), 1),
            "ratio": round(statistics.median(ratios), 3),
            "ratio_min": round(min(ratios), 3), "ratio_max": round(max(ratios), 3),
            "non_2xx_3xx": sum(int(s["non_2xx_3xx"]) for s in samples),
            "ratio_to": "" if server.startswith("nginx") else f"nginx {TARGETS[endpoint][0]}",
            "target_ratio": None if server.startswith("nginx") else target,
            "target_p99_ms": None if server.startswith("nginx") else p99_target,
            "samples": samples,
        })  # fmt: skip
    return rows


def print_table(rows: list[dict[str, object]]) -> None:
    print(f"{'endpoint':<15} {'server':<22} {'req/s':>8} {'p99 ms':>7} {'ratio':>6} "
          f"{'range':>11} {'non-2xx/3xx':>11} {'CPU µs/req':>10}  target")  # fmt: skip
    for row in rows:
        target = f"≥{row['target_ratio']}× {row['ratio_to']}" if row["target_ratio"] else ""
        if row["target_p99_ms"]:
            target += f", p99 ≤ {row['target_p99_ms']} ms"
        spread = f"{row['ratio_min']:.2f}-{row['ratio_max']:.2f}"
        print(f"{row['endpoint']:<15} {row['server']:<22} {row['rps']:>8} {row['p99_ms']:>7.2f} "
              f"{row['ratio']:>6.3f} {spread:>11} {row['non_2xx_3xx']:>11} "
              f"{row['server_cpu_us']:>10.1f}  {target}")  # fmt: skip


def print_flood(flood: dict[str, dict[str, float] | str]) -> None:
    print("Probes while accepts flood the store (2 workers, or 2 instances of 1 behind nginx; "
          "wrk -c16 each, at once):")  # fmt: skip
    print(f"  {'store':<24} accepts/s  accept p99  probes/s  probe p99   (targets: accept p99 "
          "<= 100 ms, probe p99 <= 20 ms)")  # fmt: skip
    for store, figures in flood.items():
        if isinstance(figures, str):
            print(f"  {store:<24} {figures}")
            continue
        print(f"  {store:<24} {figures['accepts_per_s']:9.0f} {figures['accept_p99_ms']:8.1f} ms"
              f" {figures['probes_per_s']:9.0f} {figures['probe_p99_ms']:7.1f} ms"
              f"   non-2xx/3xx accepts: {figures['accept_non_2xx_3xx']:.0f}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per run")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds")
    args = parser.parse_args(argv)
    python = python_cost()
    with tempfile.TemporaryDirectory(prefix="bench-portal-") as folder:
        work = Path(folder)
        work.chmod(0o755)  # nginx workers run as nobody when started by root
        rows = table(measure_all(work, args.seconds, args.rounds))
        from tests.perf.accept_flood import accept_flood

        flood = accept_flood(work, args.seconds * 2)
        reason = why_not()
        gateway = {"skipped": reason} if reason else accept_to_traffic(work)
    print("Python per request, fed from memory (portal_parser_cost.py):")
    for name, micros in python.items():
        print(f"  {name:<28} {micros:6.2f} µs")
    print_table(rows)
    print_flood(flood)
    print(f"accept -> first upstream reply through nftables (target <= 50 ms): {gateway}")
    RESULTS.write_text(json.dumps({
        "machine": f"{platform.node()} {platform.machine()} {platform.python_version()}",
        "load": "wrk -t2 -c64, loopback", "seconds": args.seconds, "rounds": args.rounds,
        "python_us_per_request": python, "rows": rows, "accept_to_traffic_nftables": gateway,
        "probes_during_accept_flood": flood,
    }, indent=2) + "\n")  # fmt: skip
    print(f"written {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
