"""Visits benchmark: booking latency, and a clerk's "call next" to the waiting-room display.

Run: ./dev bench-visits  (= .venv/bin/python -m tests.perf.bench_visits [--bookings 600]
[--calls 40]). Starts `office serve` on SQLite, then on a throwaway PostgreSQL with fsync on
(as production), with one office open every day 00:00-23:55: 20 desks of 5-minute slots.
- Bookings: 8 threads post distinct free slots through the kiosk API (each a real booking
  with its own Idempotency-Key), timed per request; the reference in the same run is the
  same threads asking GET /healthz (what any request to this server costs here).
- Call to display: a walk-in ticket is taken, a signed-in clerk presses "Wezwij następnego"
  (the form of her page, CSRF included), and the time runs until the display's event
  stream (/display/<office>/events, what the TV's browser listens to) carries that number.
Prints a table and writes tests/perf/results-visits.json. Not a test: no pass/fail; the
issue's target (call -> display p99 <= 1 s) is printed beside the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import re
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import requests

from office.accounts_store import AccountStore
from office.open_store import open_store
from office.passwords import hash_password
from office.settings_file import load_settings
from tests.office.office_server import OfficeProcess, add_kiosk
from tests.peers.postgres import PostgresCluster, binaries

RESULTS = Path(__file__).with_name("results-visits.json")
TENANT = "gmina-miasto-lancut"
SERVICE = "gl-dowod-osobisty"
DESKS = [f"Stanowisko {n}" for n in range(1, 21)]
PASSWORD = "bench-zażółć-gęślą"
THREADS = 8
CONFIG = """\
data_dir = "{data}"
database_url = "{url}"
metrics_port = 0

[[offices]]
tenant_id = "{tenant}"
name = "Urząd Miasta Łańcut"
prefix = "UM"
phone = "+48 17 225 22 13"

[[offices.visit_services]]
service_id = "{service}"
name = "Dowód osobisty"
desks = {desks}
slot_min = 5
queue = "A"
{hours}
"""
HOURS = "".join(
    f'\n[[offices.opening_hours]]\nweekday = {day}\nopens = "00:00"\ncloses = "23:55"\n'
    for day in range(1, 8)
)
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@contextmanager
def office(work: Path, name: str, url: str) -> Iterator[tuple[str, str]]:
    folder = work / name
    folder.mkdir()
    config = folder / "office.toml"
    config.write_text(CONFIG.format(data=folder / "data", url=url, tenant=TENANT, service=SERVICE,
                                    desks=json.dumps(DESKS), hours=HOURS))  # fmt: skip
    store = open_store(load_settings(config))
    AccountStore(store.sql()).add_clerk(
        "anna.nowak", hash_password(PASSWORD), False, [TENANT], dt.datetime.now(dt.UTC)
    )
    store.close()
    token = add_kiosk(config, "lancut-ratusz-1", TENANT)
    server = OfficeProcess(config)
    server.start()
    try:
        yield server.url, token
    finally:
        server.stop()


def timed(calls: list[tuple[str, dict[str, object] | None]], url: str, token: str) -> list[float]:
    """Each (path, JSON body or None for a GET) from THREADS threads; seconds per request."""
    local = threading.local()
    headers = {"Authorization": f"Bearer {token}"}

    def one(call: tuple[str, dict[str, object] | None]) -> float:
        http = getattr(local, "http", None)
        if http is None:
            http = local.http = requests.Session()
            http.trust_env = False
        path, body = call
        began = time.perf_counter()
        if body is None:
            answer = http.get(url + path, timeout=30)
        else:
            answer = http.post(url + path, json=body, timeout=30,
                               headers={**headers, "Idempotency-Key": uuid.uuid4().hex})  # fmt: skip
        took = time.perf_counter() - began
        if answer.status_code not in (200, 201, 204):
            raise RuntimeError(f"{path}: {answer.status_code} {answer.text[:200]}")
        return took

    with ThreadPoolExecutor(THREADS) as pool:
        return list(pool.map(one, calls))


def bookings(url: str, token: str, count: int) -> dict[str, float]:
    # From the day after tomorrow: a booking due now would be called before the walk-ins.
    first = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    slots = requests.get(f"{url}/api/visits/{TENANT}/{SERVICE}/slots?from={first}&days=7",
                         timeout=30,
                         headers={"Authorization": f"Bearer {token}"}).json()["slots"]  # fmt: skip
    chosen = slots[:count]
    body = [(f"/api/visits/{TENANT}/bookings",
             {"service_id": SERVICE, "starts_at": s["starts_at"], "desk": s["desk"],
              "consent_version": "1"}) for s in chosen]  # fmt: skip
    reference = timed([("/healthz", None)] * len(chosen), url, token)
    began = time.perf_counter()
    booked = timed(body, url, token)  # type: ignore[arg-type]
    wall = time.perf_counter() - began
    return {"bookings": len(booked), "bookings_per_s": round(len(booked) / wall, 1),
            **figures("booking", booked), **figures("healthz", reference)}  # fmt: skip


def calls_to_display(url: str, token: str, rounds: int) -> dict[str, float]:
    clerk = requests.Session()
    clerk.trust_env = False
    page = clerk.get(url + "/logowanie", timeout=10).text
    clerk.post(url + "/logowanie", timeout=10, data={
        "csrf": CSRF.findall(page)[0], "login": "anna.nowak", "password": PASSWORD})  # fmt: skip
    desk = {"urzad": TENANT, "stanowisko": DESKS[0]}
    seen: list[tuple[float, str]] = []
    stream = requests.get(f"{url}/display/{TENANT}/events", stream=True, timeout=60)
    listener = threading.Thread(target=listen, args=(stream, seen), daemon=True)
    listener.start()
    kiosk = {"Authorization": f"Bearer {token}"}
    took = []
    for _ in range(rounds):
        ticket = requests.post(f"{url}/api/visits/{TENANT}/tickets", json={"service_id": SERVICE},
                               headers={**kiosk, "Idempotency-Key": uuid.uuid4().hex},
                               timeout=10).json()["number"]  # fmt: skip
        csrf = CSRF.findall(clerk.get(url + "/wizyty", params=desk, timeout=10).text)[0]
        pressed = time.perf_counter()
        clerk.post(url + "/wizyty/wezwij", data={"csrf": csrf, **desk}, timeout=10)
        deadline = pressed + 10
        while not any(label == ticket for _, label in seen) and time.perf_counter() < deadline:
            time.sleep(0.002)
        arrived = next((at for at, label in seen if label == ticket), None)
        if arrived is None:
            raise RuntimeError(f"{ticket} never reached the display")
        took.append(arrived - pressed)
    stream.close()
    return figures("call_to_display", took)


def listen(stream: requests.Response, seen: list[tuple[float, str]]) -> None:
    try:
        for line in stream.iter_lines(decode_unicode=True):
            if line and line.startswith("data: "):
                calls = json.loads(line[6:])["calls"]
                if calls:
                    seen.append((time.perf_counter(), calls[0]["label"]))
    except (requests.RequestException, ValueError):
        return


def figures(name: str, seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return {f"{name}_p50_ms": round(statistics.median(ordered) * 1000, 1),
            f"{name}_p99_ms": round(p99 * 1000, 1)}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bookings", type=int, default=600, help="bookings per store")
    parser.add_argument("--calls", type=int, default=40, help="calls to the display per store")
    args = parser.parse_args(argv)
    found: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-visits-") as folder:
        work = Path(folder)
        stores = [("sqlite", "")]
        cluster = None
        bin_dir = binaries()
        if bin_dir is not None:
            cluster = PostgresCluster(bin_dir, durable=True)
            cluster.start()
            stores.append(("postgresql", cluster.new_database()))
        try:
            for name, url in stores:
                with office(work, name, url) as (base, token):
                    found[name] = {**bookings(base, token, args.bookings),
                                   **calls_to_display(base, token, args.calls)}  # fmt: skip
        finally:
            if cluster is not None:
                cluster.stop()
    print(f"{'store':<11} {'bookings/s':>10} {'booking p50/p99 ms':>19} {'healthz p50/p99 ms':>19}"
          f" {'call->display p50/p99 ms (target p99 <= 1000)':>46}")  # fmt: skip
    for name, row in found.items():
        print(f"{name:<11} {row['bookings_per_s']:>10} "
              f"{row['booking_p50_ms']:>9} / {row['booking_p99_ms']:<7} "
              f"{row['healthz_p50_ms']:>9} / {row['healthz_p99_ms']:<7} "
              f"{row['call_to_display_p50_ms']:>25} / {row['call_to_display_p99_ms']}")  # fmt: skip
    RESULTS.write_text(json.dumps({
        "machine": f"{platform.node()} {platform.machine()} {platform.python_version()}",
        "threads": THREADS, "bookings": args.bookings, "calls": args.calls, "stores": found,
    }, indent=2) + "\n")  # fmt: skip
    print(f"written {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
