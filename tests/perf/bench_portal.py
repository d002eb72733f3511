"""Portal benchmark: probes, catch-all, splash and accepts against nginx in the same run.

Run: .venv/bin/python -m tests.perf.bench_portal [--seconds 10]
Starts nginx (2 workers: a `return 204` probe and a 2 KB static page) and `captive-portal
serve` (dry-run gateway, production settings) with 1 and 2 workers, all on loopback, and
drives each with `wrk -t2 -c64`. Prints a table and writes tests/perf/results-portal.json.
Not a test: no pass/fail; the targets are printed beside the figures. A bare ASGI app on
the same uvicorn (no routing, no session lookup) shows the ceiling any portal code has.
Then, where root and `nft` are available, the time from accept to the client's first
upstream reply through the real nftables gateway (accept_to_traffic.py; target <= 50 ms).
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

import requests

from tests.perf.accept_to_traffic import accept_to_traffic, why_not

RESULTS = Path(__file__).with_name("results-portal.json")
PORTAL = Path(sys.executable).with_name("captive-portal")
NGINX_CONF = """
worker_processes 2;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi; uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location = /generate_204 {{ return 204; }}
        location = /splash.html {{ root {dir}; default_type text/html; }}
    }}
}}
"""
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
        yield
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def wrk(url: str, seconds: int, script: Path | None = None) -> dict[str, float]:
    command = ["wrk", "-t2", "-c64", f"-d{seconds}s", "--latency"]
    command += ["-s", str(script)] if script else []
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if not rate or not p99:
        raise RuntimeError(f"cannot read wrk's output:\n{out}")
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    return {
        "rps": float(rate.group(1)),
        "p99_ms": round(float(p99.group(1)) * scale, 2),
        "non_2xx_3xx": int(errors.group(1)) if errors else 0,
    }


def nginx_rows(work: Path, seconds: int) -> dict[str, dict[str, float]]:
    port = free_port()
    (work / "splash.html").write_text("<!doctype html>" + "<p>Regulamin sieci.</p>" * 90)
    conf = work / "nginx.conf"
    conf.write_text(NGINX_CONF.format(dir=work, port=port))
    base = f"http://127.0.0.1:{port}"
    command = [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(conf), "-p", str(work)]
    with running(command, base + "/generate_204", work / "nginx.log"):
        return {
            "probe": wrk(base + "/generate_204", seconds),
            "static": wrk(base + "/splash.html", seconds),
        }


def portal_rows(work: Path, workers: int, seconds: int) -> dict[str, dict[str, float]]:
    port = free_port()
    config = work / f"portal-{workers}.toml"
    config.write_text(
        f'workers = {workers}\ndata_dir = "{work}/data-{workers}"\nlog_level = "WARNING"\n'
        "accepts_per_minute = 1000000000\nform_seconds = 3600\n"
    )
    base = f"http://127.0.0.1:{port}"
    command = [str(PORTAL), "serve", "--config", str(config), "--port", str(port)]
    with running(command, base + "/healthz", work / f"portal-{workers}.log"):
        rows = {
            "probe": wrk(base + "/generate_204", seconds),
            "catch-all": wrk(base + "/news/today.html", seconds),
            "splash": wrk(base + "/", seconds),
        }
        script = accept_script(base, work)
        accept_once(base)  # online now; the accept flood comes last (its backlog of
        rows["probe (online)"] = wrk(base + "/generate_204", seconds)  # writes lingers)
        rows["accept"] = wrk(base + "/accept", seconds, script)
    return rows


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


def ceiling_rows(work: Path, workers: int, seconds: int) -> dict[str, dict[str, float]]:
    port = free_port()
    command = [
        sys.executable, "-m", "uvicorn", "tests.perf.bench_portal:bare_204", "--port", str(port),
        "--workers", str(workers), "--loop", "uvloop", "--http", "httptools", "--no-access-log",
        "--lifespan", "off", "--log-level", "warning",
    ]  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    with running(command, base + "/", work / f"bare-{workers}.log"):
        return {"bare ASGI 204": wrk(base + "/generate_204", seconds)}


def accept_script(base: str, work: Path) -> Path:
    fields = splash_fields(base)
    script = work / "accept.lua"
    script.write_text(ACCEPT_LUA.format(body=urlencode(fields)))
    return script


TARGETS = {
    "probe": ("probe", 0.5, 20.0),
    "probe (online)": ("probe", 0.5, 20.0),
    "catch-all": ("probe", 0.5, 20.0),
    "splash": ("static", 0.25, None),
    "accept": ("static", None, None),
    "bare ASGI 204": ("probe", None, None),
}


def table(
    nginx: dict[str, dict[str, float]], portal: dict[int, dict[str, dict[str, float]]]
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = [
        {"endpoint": name, "server": "nginx 2 workers", **figures, "ratio": 1.0}
        for name, figures in nginx.items()
    ]
    for workers, endpoints in portal.items():
        for name, figures in endpoints.items():
            anchor, target, p99_target = TARGETS[name]
            rows.append({
                "endpoint": name, "server": f"portal {workers} worker(s)", **figures,
                "ratio": round(figures["rps"] / nginx[anchor]["rps"], 3),
                "ratio_to": f"nginx {anchor}", "target_ratio": target, "target_p99_ms": p99_target,
            })  # fmt: skip
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per endpoint")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-portal-") as folder:
        work = Path(folder)
        work.chmod(0o755)  # nginx workers run as nobody when started by root
        nginx = nginx_rows(work, args.seconds)
        portal = {
            workers: ceiling_rows(work, workers, args.seconds)
            | portal_rows(work, workers, args.seconds)
            for workers in (1, 2)
        }
        reason = why_not()
        gateway = {"skipped": reason} if reason else accept_to_traffic(work)
    rows = table(nginx, portal)
    print(f"{'endpoint':<16} {'server':<20} {'req/s':>9} {'p99 ms':>8} {'ratio':>7}  target")
    for row in rows:
        target = (
            f"≥{row.get('target_ratio')}× {row.get('ratio_to', '')}"
            if row.get("target_ratio")
            else ""
        )
        if row.get("target_p99_ms"):
            target += f", p99 ≤ {row['target_p99_ms']} ms"
        print(
            f"{row['endpoint']:<16} {row['server']:<20} {row['rps']:>9.0f} {row['p99_ms']:>8.2f} "
            f"{row['ratio']:>7.3f}  {target}"
        )
    print(f"accept -> first upstream reply through nftables (target <= 50 ms): {gateway}")
    RESULTS.write_text(json.dumps({
        "machine": f"{platform.node()} {platform.machine()} {platform.python_version()}",
        "load": "wrk -t2 -c64, loopback", "seconds": args.seconds, "rows": rows,
        "accept_to_traffic_nftables": gateway,
    }, indent=2) + "\n")  # fmt: skip
    print(f"written {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
