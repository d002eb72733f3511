"""Office benchmark: the intake and the status page on SQLite and PostgreSQL, beside references.

Run: ./dev bench-office  (= .venv/bin/python -m tests.perf.bench_office [--cases 1000000]
[--seconds 5] [--rounds 3] [--status-codes 20000] [--kept-codes 1000])
Loads `--cases` cases into a SQLite register and into a PostgreSQL one (a throwaway
cluster of tests/peers/postgres.py, with fsync on as in production; COPY there,
executemany in one transaction on SQLite), starts `office serve` over each (one process,
production settings but status_misses_per_minute = 10000, the most: the run asks for found
codes only, which the throttle never counts), nginx (1 worker, as the office's one process)
serving one real status page as a static file for every /s/CODE, and a bare ASGI app on the
same uvicorn that reads the intake's body and answers 201 (the ceiling of any intake). Then
wrk (tests/perf/office_wrk.py) drives, round after round, the status page at random codes of
`--status-codes` of the loaded cases ("status": a mix; at a few thousand requests a second
most are asked once in a round, at ten thousand or more most are asked again and kept), the
status page for codes asked once each, a list of its own per round that no other run asks
for ("status first look": every answer a lookup and a render, as a receipt's QR scanned for
the first time), the status page at random codes of `--kept-codes` ("status kept": nearly
every answer a page kept after its first look), and the intake with real documents (a new
case each) against each server;
a figure is compared with its reference of the same round (nginx; the bare ASGI app), as
on 2 cores wrk shares the machine with the server and runs drift. Prints the table with the
targets beside the figures, then Python's cost per kept status page fed from memory
(office_parser_cost.py: uvicorn's own protocol beside status_http.py's), and writes
tests/perf/results-office.json. Not a test: no pass/fail.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import requests

from office.open_store import open_store
from office.settings_file import load_settings
from office.status_texts import CATALOGUES
from tests.office.documents import document
from tests.office.office_server import OfficeProcess, add_kiosk, free_port
from tests.peers.postgres import PostgresCluster, binaries
from tests.perf import office_cases, office_parser_cost, office_wrk
from tests.perf.bench_portal import nginx_conf, running

RESULTS = Path(__file__).with_name("results-office.json")
MOST_INTAKES_PER_S = 4000  # documents written per intake run: it must never run out
STATUS_SERVER = """
    server {{
        listen 127.0.0.1:{port};
        location /s/ {{ root {dir}; default_type text/html; try_files /status.html =404; }}
    }}
"""
CONFIG = """\
data_dir = "{data}"
database_url = "{url}"
metrics_port = 0
status_misses_per_minute = 10000

[[offices]]
tenant_id = "{tenant}"
name = "Urząd Miasta Łańcut"
prefix = "UM"
phone = "+48 17 225 22 13"
"""
# (reference, least ratio to it, most p99 in ms, least requests/s), printed beside the rows
TARGETS = {
    ("status", "office sqlite"): ("nginx", 0.25, 10.0, None),
    ("status", "office postgresql"): ("nginx", 0.25, 10.0, None),
    ("status first look", "office sqlite"): ("nginx", 0.25, 10.0, None),
    ("status first look", "office postgresql"): ("nginx", 0.25, 10.0, None),
    ("status kept", "office sqlite"): ("nginx", 0.25, 10.0, None),
    ("status kept", "office postgresql"): ("nginx", 0.25, 10.0, None),
    ("intake", "office sqlite"): ("bare ASGI", None, None, None),
    ("intake", "office postgresql"): ("bare ASGI", None, 50.0, 500.0),
}


@contextmanager
def office(work: Path, name: str, url: str, codes: list[str]) -> Iterator[tuple[str, str]]:
    """`office serve` over a register holding a case per code: its address and a kiosk token."""
    folder = work / name
    folder.mkdir()
    config = folder / "office.toml"
    config.write_text(CONFIG.format(data=folder / "data", url=url, tenant=office_cases.TENANT))
    settings = load_settings(config)
    open_store(settings).close()  # the office's own tables, by its migrations
    started = time.monotonic()
    if url:
        office_cases.load_postgres(url, codes)
    else:
        office_cases.load_sqlite(str(settings.sqlite_file()), codes)
    print(f"{name}: {len(codes):,} cases loaded in {time.monotonic() - started:.1f} s", flush=True)
    token = add_kiosk(config, "lancut-ratusz-1", office_cases.TENANT)
    server = OfficeProcess(config)
    server.start()
    try:
        yield server.url, token
    finally:
        server.stop()


@contextmanager
def nginx(work: Path, page: bytes) -> Iterator[str]:
    port = free_port()
    (work / "status.html").write_bytes(page)
    conf = work / "nginx.conf"
    conf.write_text(nginx_conf(work, 1, "nginx", STATUS_SERVER.format(dir=work, port=port)))
    command = [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(conf), "-p", str(work)]
    base = f"http://127.0.0.1:{port}"
    with running(command, base + "/s/x", work / "nginx.log"):
        yield base


@contextmanager
def bare(work: Path) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "tests.perf.bench_office:bare_intake",
               "--port", str(port), "--no-access-log", "--lifespan", "off",
               "--log-level", "warning"]  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    with running(command, base + "/", work / "bare.log"):
        yield base


async def bare_intake(scope: dict[str, object], receive: object, send: object) -> None:
    """The ceiling of an intake on uvicorn: read the whole body, answer 201 (no checks, no store)."""
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()  # type: ignore[operator]
        more = message.get("more_body", False)
    headers = [(b"content-type", b"application/json")]
    await send({"type": "http.response.start", "status": 201, "headers": headers})  # type: ignore[operator]
    await send({"type": "http.response.body", "body": b'{"case_number":"UM-2026/00001"}'})  # type: ignore[operator]


def status_page(url: str, code: str) -> bytes:
    """One real status page; refuses to measure when it does not say the case's state."""
    page = requests.get(f"{url}/s/{code}", timeout=10)
    if page.status_code != 200 or CATALOGUES["pl"]["state_received"] not in page.text:
        raise RuntimeError(f"the status page of {code} answered {page.status_code}")
    return page.content


Sample = dict[str, float]


class Measurements:
    """Every wrk run, with its ratio to the reference of the same round."""

    def __init__(self, work: Path, seconds: int, connections: dict[str, int]) -> None:
        self.work, self.seconds, self.connections = work, seconds, connections
        self.scripts = office_wrk.write_scripts(work)
        self.samples: dict[tuple[str, str], list[Sample]] = {}
        self._intake_runs = 0

    def status_round(
        self, servers: dict[str, str], paths: Path, endpoint: str = "status", once: bool = False
    ) -> None:
        """Each server asked for `paths`: at random, or each path once (first looks)."""
        reference = 0.0
        script, args = (self.scripts["status once"], (str(office_wrk.THREADS),)) if once else (
            self.scripts["status"], ())  # fmt: skip
        for name, url in servers.items():
            sample = office_wrk.wrk(url, self.seconds, self.connections["status"], script,
                                    str(paths), *args)  # fmt: skip
            reference = reference or sample["rps"]
            self._add(endpoint, name, {**sample, "ratio": sample["rps"] / reference})

    def intake_round(self, servers: dict[str, tuple[str, str]]) -> None:
        reference = 0.0
        for name, (url, token) in servers.items():
            self._intake_runs += 1
            documents = self.work / f"intake-{self._intake_runs}.txt"
            count = self.seconds * MOST_INTAKES_PER_S
            office_wrk.write_intake_requests(documents, (document() for _ in range(count)))
            sample = office_wrk.wrk(url, self.seconds, self.connections["intake"],
                                    self.scripts["intake"], str(documents),
                                    str(office_wrk.THREADS), token)  # fmt: skip
            documents.unlink()
            reference = reference or sample["rps"]
            self._add("intake", name, {**sample, "ratio": sample["rps"] / reference})

    def _add(self, endpoint: str, server: str, sample: Sample) -> None:
        self.samples.setdefault((endpoint, server), []).append(sample)


def measure_all(work: Path, cluster: PostgresCluster, *, cases: int, seconds: int,
                rounds: int, connections: dict[str, int], status_codes: int,
                kept_codes: int) -> Measurements:  # fmt: skip
    codes = office_cases.unique_codes(cases)
    status_list = codes[:: max(1, cases // status_codes)]
    kept_list = codes[1 :: max(1, cases // kept_codes)]
    paths, kept_paths = work / "status-paths.txt", work / "status-kept-paths.txt"
    office_wrk.write_status_paths(paths, status_list)
    office_wrk.write_status_paths(kept_paths, kept_list)
    first_looks = first_look_paths(work, codes, rounds, {*status_list, *kept_list})
    found = Measurements(work, seconds, connections)
    with ExitStack() as servers:
        offices = {
            "office sqlite": servers.enter_context(office(work, "sqlite", "", codes)),
            "office postgresql": servers.enter_context(
                office(work, "postgresql", cluster.new_database(), codes)
            ),
        }
        page = status_page(offices["office sqlite"][0], codes[0])
        status = {"nginx": servers.enter_context(nginx(work, page))}
        status |= {name: url for name, (url, _) in offices.items()}
        intake = {"bare ASGI": (servers.enter_context(bare(work)), "")} | offices
        for round_paths in first_looks:
            found.status_round(status, paths)
            found.status_round(status, round_paths, "status first look", once=True)
            found.status_round(status, kept_paths, "status kept")
            found.intake_round(intake)
    return found


def first_look_paths(work: Path, codes: list[str], rounds: int, asked: set[str]) -> list[Path]:
    """A file of codes per round, none in another round's or in the other runs' lists: each
    asked once, none of them can be a kept page (the "status first look" rows)."""
    fresh = [code for code in codes if code not in asked]
    each = len(fresh) // rounds
    files = []
    for number in range(rounds):
        path = work / f"status-first-looks-{number + 1}.txt"
        office_wrk.write_status_paths(path, fresh[number * each : (number + 1) * each])
        files.append(path)
    return files


def table(found: Measurements) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for (endpoint, server), samples in found.samples.items():
        ratios = [s["ratio"] for s in samples]
        reference, ratio_target, p99_target, rps_target = TARGETS.get(
            (endpoint, server), ("", None, None, None)
        )
        rows.append({
            "endpoint": endpoint, "server": server, "rounds": len(samples),
            "connections": found.connections[endpoint.split()[0]],
            "rps": round(statistics.median(s["rps"] for s in samples)),
            "p50_ms": round(statistics.median(s["p50_ms"] for s in samples), 2),
            "p99_ms": round(statistics.median(s["p99_ms"] for s in samples), 2),
            "ratio": round(statistics.median(ratios), 3), "ratio_to": reference,
            "ratio_min": round(min(ratios), 3), "ratio_max": round(max(ratios), 3),
            "non_2xx_3xx": sum(int(s["non_2xx_3xx"]) for s in samples),
            "not_created": sum(int(s.get("not_created", 0)) for s in samples),
            "asked_again": sum(int(s.get("asked_again", 0)) for s in samples),
            "target_ratio": ratio_target, "target_p99_ms": p99_target,
            "target_rps": rps_target, "samples": samples,
        })  # fmt: skip
    return rows


def target_text(row: dict[str, object]) -> str:
    parts = []
    if row["target_rps"]:
        parts.append(f"≥ {row['target_rps']:.0f}/s")
    if row["target_p99_ms"]:
        parts.append(f"p99 ≤ {row['target_p99_ms']} ms")
    if row["target_ratio"]:
        parts.append(f"≥ {row['target_ratio']}× {row['ratio_to']}")
    return ", ".join(parts)


def print_table(rows: list[dict[str, object]]) -> None:
    print(f"{'endpoint':<17} {'server':<18} {'conns':>5} {'req/s':>7} {'p50 ms':>7} "
          f"{'p99 ms':>7} {'ratio':>6} {'range':>11} {'errors':>6}  target (2 cores)")  # fmt: skip
    for row in rows:
        spread = f"{row['ratio_min']:.2f}-{row['ratio_max']:.2f}"
        errors = int(str(row["non_2xx_3xx"])) + int(str(row["not_created"]))
        print(f"{row['endpoint']:<17} {row['server']:<18} {row['connections']:>5} "
              f"{row['rps']:>7} {row['p50_ms']:>7.2f} {row['p99_ms']:>7.2f} "
              f"{row['ratio']:>6.3f} {spread:>11} {errors:>6}  {target_text(row)}")  # fmt: skip
    # (nginx serves one file for every code: its list may wrap.)
    again = {
        str(r["server"]): r["asked_again"]
        for r in rows
        if r["endpoint"] == "status first look" and r["server"] != "nginx"
    }
    print(f"first looks asked again (a run longer than its list; should be 0): {again}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000, help="cases in each register")
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per run")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds")
    parser.add_argument("--intake-connections", type=int, default=16)
    parser.add_argument("--status-connections", type=int, default=16)
    parser.add_argument(
        "--status-codes",
        type=int,
        default=20_000,
        help="distinct loaded codes the status page is asked for, at random:"
        " fewer means more asked again (a resident reloading, a kiosk asking)",
    )
    parser.add_argument("--kept-codes", type=int, default=1_000,
                        help="distinct codes of the 'status kept' runs: asked again and again,"
                        " nearly every answer a kept page")  # fmt: skip
    parser.add_argument(
        "--parser-requests",
        type=int,
        default=10_000,
        help="requests per batch of the in-process cost (office_parser_cost)",
    )
    args = parser.parse_args(argv)
    bin_dir = binaries()
    if bin_dir is None or not shutil.which("wrk") or not shutil.which("nginx"):
        print("bench-office needs PostgreSQL's server, wrk and nginx (make test-debs)",
              file=sys.stderr)  # fmt: skip
        return 1
    connections = {"intake": args.intake_connections, "status": args.status_connections}
    cluster = PostgresCluster(bin_dir, durable=True)
    cluster.start()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-office-") as folder:
            work = Path(folder)
            work.chmod(0o755)  # nginx's worker runs as nobody when started by root
            rows = table(measure_all(work, cluster, cases=args.cases, seconds=args.seconds,
                                     rounds=args.rounds, connections=connections,
                                     status_codes=args.status_codes,
                                     kept_codes=args.kept_codes))  # fmt: skip
    finally:
        cluster.stop()
    print_table(rows)
    print("errors: non-2xx answers, and intake requests that filed no new case")
    print("Python per kept status page, fed from memory (office_parser_cost.py):")
    python = office_parser_cost.python_cost(args.parser_requests)
    office_parser_cost.print_figures(python)
    RESULTS.write_text(json.dumps({
        "machine": f"{platform.node()} {platform.machine()} {platform.python_version()} "
                   f"sqlite {sqlite3.sqlite_version}",
        "load": f"wrk -t{office_wrk.THREADS}, loopback; intake: a new real document per "
                "request; status: random codes of the loaded cases",
        "cases": args.cases, "seconds": args.seconds, "rounds": args.rounds,
        "status_codes": args.status_codes, "kept_codes": args.kept_codes,
        "status_misses_per_minute": 10000, "postgresql": "throwaway cluster, fsync on",
        "rows": rows, "python_us_per_kept_page": python,
    }, indent=2, ensure_ascii=False) + "\n")  # fmt: skip
    print(f"written {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
