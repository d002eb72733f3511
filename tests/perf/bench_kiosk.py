"""Kiosk app benchmark: cold start, typing latency, memory over many residents, vs Chromium.

Run: .venv/bin/python -m tests.perf.bench_kiosk [--runs N] [--journeys N]
Prints a table and writes tests/perf/results-kiosk.json. Not a test: no pass/fail, only
sanity checks. The reference a municipality would otherwise deploy (Debian Chromium,
headless, on a static page of the same demo catalogue) runs in the same run, with the
flags of docs/platform-notes.md, and the table shows the ratios and the issue's targets.

The kiosk runs in child processes (tests/perf/kiosk_probe.py), offscreen, each with a
Python bytecode cache and a QML disk cache of its own in the run's temp dir; the first
start of each kind is a warm-up (reported, not counted), as is Chromium's first start.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import os
import platform
import queue
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from tests.perf.kiosk_probe import MARKER, memory_of, percentile

ROOT = Path(__file__).resolve().parents[2]
RESULTS = Path(__file__).with_name("results-kiosk.json")
CATALOGUE = ROOT / "offline_cache" / "demo" / "catalogue.json"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
PAGE_TITLE = "Infomat - katalog e-usług"
MIB = 1024  # /proc figures are KiB
# The targets.
START_VS_CHROMIUM = 0.5
START_MAX_S = 1.0
PSS_VS_CHROMIUM = 0.5
GROWTH_MAX_BYTES = 10_000_000  # 10 MB
TYPING_P99_MAX_MS = 30.0
PHASES = (
    ("interpreter", "spawned", "script"),
    ("import Qt", "script", "qt_imported"),
    ("import kiosk/ui", "qt_imported", "app_imported"),
    ("QGuiApplication", "app_imported", "qguiapplication"),
    ("open/import catalogue", "qguiapplication", "catalogue"),
    ("KioskApp (QML load)", "catalogue", "qml_loaded"),
    ("first frame", "qml_loaded", "first_frame"),
    ("keyboard made, after the frame", "first_frame", "keyboard_ready"),
)
IMPORTS_OF_INTEREST = (
    "PySide6.QtGui",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "kiosk.composition",
    "requests",
    "kiosk.background_sync",
    "offline_cache.sync",
    "offline_cache.catalogue_load",
    "jsonschema",
    "fastjsonschema",
    "sqlite_utils",
    "cryptography",
    "ui.kiosk_app",
    "ui.qr_image",
    "qrcode",
)


# -- child processes ------------------------------------------------------------------------


class Probe:
    """One kiosk_probe child; its REPORT lines arrive through a reader thread."""

    def __init__(self, args: list[str], env: dict[str, str], log: Path, *flags: str) -> None:
        self._log: IO[str] = log.open("w", encoding="utf-8")
        self._lines: queue.Queue[str | None] = queue.Queue()
        self.spawned = time.monotonic()
        self.proc = subprocess.Popen(
            [sys.executable, *flags, "-m", "tests.perf.kiosk_probe", *args],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
            encoding="utf-8",
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line)
        self._lines.put(None)

    def report(self, kind: str, timeout_s: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout_s
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                raise RuntimeError(f"probe ended before a {kind!r} report:\n{self._tail()}")
            if line.startswith(MARKER):
                found: dict[str, Any] = json.loads(line[len(MARKER) :])
                if found.get("kind") == kind:
                    return found
        raise RuntimeError(f"no {kind!r} report within {timeout_s:.0f} s:\n{self._tail()}")

    def _tail(self) -> str:
        self._log.flush()
        lines = Path(self._log.name).read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(lines[-15:])

    def finish(self) -> None:
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=15)
        self._reader.join(timeout=5)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self._log.close()

    def __enter__(self) -> Probe:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None and exc[0] is not None:
            self.proc.kill()
        self.finish()


def child_env(work: Path) -> dict[str, str]:
    """Caches of the run's own (not the tree's __pycache__ nor ~/.cache), kept across starts
    like an installed kiosk's; no proxy for anything."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env["QML_DISK_CACHE_PATH"] = str(work / "qmlcache")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["NO_PROXY"] = env["no_proxy"] = "*"
    return env


def one_start(
    data: Path, env: dict[str, str], log: Path, *extra: str, flags: tuple[str, ...] = ()
) -> dict[str, Any]:
    with Probe(["start", "--data", str(data), *extra], env, log, *flags) as probe:
        found = probe.report("start", timeout_s=60)
        found["marks"]["spawned"] = probe.spawned
    marks = found["marks"]
    memory = found["memory_kib"]
    if found["services"] < 1 or found["categories"] < 1:
        raise RuntimeError(f"the home screen has no catalogue: {found}")
    return {
        "wall_s": marks["first_frame"] - probe.spawned,
        "phases_s": {
            name: marks[end] - marks[begin]
            for name, begin, end in PHASES
            if begin in marks and end in marks
        },
        "virtual_keyboard_alone_s": marks["virtual_keyboard"] - marks["catalogue"]
        if "virtual_keyboard" in marks
        else None,
        "rss_mib": memory["VmRSS"] / MIB,
        "hwm_mib": memory["VmHWM"] / MIB,
        "pss_mib": memory["Pss"] / MIB,
    }


def kiosk_cold_starts(runs: int, work: Path, env: dict[str, str]) -> dict[str, Any]:
    imported = work / "data-imported"
    # The very first start: no bytecode cache, no QML cache, a fresh data dir. Not counted.
    first = one_start(imported, env, work / "start-first.log")
    fresh: list[dict[str, Any]] = []
    again: list[dict[str, Any]] = []
    for run in range(runs):  # alternated, so drift hits both alike
        fresh.append(one_start(work / f"data-fresh-{run}", env, work / "start-fresh.log"))
        again.append(one_start(imported, env, work / "start-imported.log"))
        print(
            f"  start {run + 1}/{runs}: fresh {fresh[-1]['wall_s']:.3f} s, "
            f"imported {again[-1]['wall_s']:.3f} s",
            flush=True,
        )
    vk = [
        one_start(imported, env, work / "start-vk.log", "--vk-first")["virtual_keyboard_alone_s"]
        for _ in range(3)
    ]
    return {
        "first_ever": first,
        "fresh_data_dir": summarise_starts(fresh),
        "catalogue_imported": summarise_starts(again),
        "virtual_keyboard_alone_s": statistics.median(vk),
        "import_profile_ms": import_profile(imported, env, work / "start-importtime.log"),
    }


def summarise_starts(starts: list[dict[str, Any]]) -> dict[str, Any]:
    phases = {name: statistics.median(s["phases_s"][name] for s in starts) for name, *_ in PHASES}
    return {
        "runs": len(starts),
        "wall_s": [s["wall_s"] for s in starts],
        "median_s": statistics.median(s["wall_s"] for s in starts),
        "min_s": min(s["wall_s"] for s in starts),
        "max_s": max(s["wall_s"] for s in starts),
        "phases_median_s": phases,
        "rss_mib": statistics.median(s["rss_mib"] for s in starts),
        "hwm_mib": statistics.median(s["hwm_mib"] for s in starts),
        "pss_mib": statistics.median(s["pss_mib"] for s in starts),
    }


def import_profile(data: Path, env: dict[str, str], log: Path) -> dict[str, float]:
    """One start under `-X importtime`: cumulative import time of the heavy modules (ms;
    inflated by the profiling itself, so read it as shares)."""
    one_start(data, env, log, flags=("-X", "importtime"))
    cumulative: dict[str, float] = {}
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, total, name = line.split("|", 2)
        module = name.strip()
        if module in IMPORTS_OF_INTEREST and total.strip().isdigit():
            cumulative[module] = max(cumulative.get(module, 0.0), int(total) / 1000)
    return cumulative


def typing_latency(data: Path, env: dict[str, str], log: Path) -> dict[str, Any]:
    with Probe(["typing", "--data", str(data)], env, log) as probe:
        found = probe.report("typing", timeout_s=300)
    if found["missed"] or found["wrong_text"]:
        print(f"  note: {found['missed']} keys without a frame; wrong text: {found['wrong_text']}")
    frame, model, alone = found["to_frame_ms"], found["to_model_ms"], found["search_alone_ms"]
    return {
        "queries": len(found["top_results"]),
        "keys": found["keys"],
        "missed": found["missed"],
        "wrong_text": found["wrong_text"],
        "top_results": found["top_results"],
        "to_frame_ms": spread(frame),
        "to_model_ms": spread(model),
        "search_alone_ms": spread(alone),
    }


def spread(samples: list[float]) -> dict[str, float]:
    return {
        "p50": statistics.median(samples),
        "p99": percentile(samples, 0.99),
        "max": max(samples),
    }


def journey_memory(data: Path, env: dict[str, str], log: Path, total: int) -> dict[str, Any]:
    checkpoints = sorted({c for c in (100, 500, 1000, 1500, total) if c <= total})
    args = ["journeys", "--data", str(data), "--journeys", str(total)]
    args += ["--checkpoints", ",".join(map(str, checkpoints))]
    with Probe(args, env, log) as probe:
        seen = []
        for _ in checkpoints:
            seen.append(probe.report("journeys", timeout_s=900))
            print(
                f"  journeys {seen[-1]['done']}: RSS {seen[-1]['memory_kib']['VmRSS'] / MIB:.1f}"
                f" MiB, {seen[-1]['seconds']:.0f} s",
                flush=True,
            )
        end = probe.report("journeys_end", timeout_s=120)
    by_done = {s["done"]: s for s in seen}
    base, last = by_done[checkpoints[0]], by_done[checkpoints[-1]]
    growth_kib = last["memory_kib"]["VmRSS"] - base["memory_kib"]["VmRSS"]
    return {
        "checkpoints": [
            {
                "journeys": s["done"],
                "rss_mib": s["memory_kib"]["VmRSS"] / MIB,
                "hwm_mib": s["memory_kib"]["VmHWM"] / MIB,
                "pss_mib": s["memory_kib"]["Pss"] / MIB,
                "python_objects": s["python_objects"],
                "seconds": s["seconds"],
                "missed_frames": s["missed_frames"],
            }
            for s in seen
        ],
        "baseline_journeys": base["done"],
        "final_journeys": last["done"],
        "rss_growth_bytes": growth_kib * 1024,
        "rss_growth_mib": growth_kib / MIB,
        "rss_after_gc_mib": end["memory_kib_after_gc"]["VmRSS"] / MIB,
        "step_call_p50_ms": end["step_call_p50_ms"],
        "step_frame_p50_ms": end["step_frame_p50_ms"],
        "step_counts": end["step_counts"],
    }


# -- Chromium, the reference --------------------------------------------------------------


def catalogue_page(out: Path) -> Path:
    """The demo catalogue as one static page: every service's name, authority, description."""
    bundle = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    authorities = {t["id"]: t["name"]["pl"] for t in bundle["tenants"]}
    articles = [
        "<article><h2>{}</h2><p class=a>{}</p><p>{}</p></article>".format(
            html.escape(s["name"]["pl"]),
            html.escape(authorities.get(s["authority"], s["authority"])),
            html.escape(s["description"]["pl"]),
        )
        for s in bundle["services"]
    ]
    page = out / "catalogue.html"
    page.write_text(
        '<!doctype html><html lang="pl"><head><meta charset="utf-8">'
        f"<title>{html.escape(PAGE_TITLE)}</title>"
        '<meta name="viewport" content="width=1080">'
        "<style>body{font:28px/1.4 'DejaVu Sans',sans-serif;margin:32px;background:#fff}"
        "input{font-size:32px;width:100%;padding:16px}article{border:1px solid #888;"
        "border-radius:12px;padding:16px;margin:16px 0}h2{margin:0;font-size:32px}"
        ".a{color:#444}</style></head><body><h1>Gmina Miasto Łańcut</h1>"
        '<input placeholder="Czego szukasz?">' + "".join(articles) + "</body></html>",
        encoding="utf-8",
    )
    return page


def processes_with(marker: str) -> list[int]:
    """Every process whose command line names `marker` (our fresh profile dir)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            if marker.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
    return found


def descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, ValueError, IndexError):
            stat = (entry / "stat").read_text()
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo += children.get(pid, [])
    return tree


def kill_all(proc: subprocess.Popen[bytes], marker: str) -> None:
    """The browser, its children, and any helper that left the tree but names our profile."""
    for _ in range(5):
        pids = set(descendants(proc.pid) if proc.poll() is None else []) | set(
            processes_with(marker)
        )
        if not pids:
            break
        for pid in pids:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.2)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


def chromium_screenshot(page: Path, work: Path, run: str, size: tuple[int, int]) -> float:
    """Seconds from spawning headless Chromium to its screenshot's PNG file on the disk (not
    to its exit, which comes later and is no part of what a resident would see)."""
    profile, shot = work / f"chromium-profile-{run}", work / f"chromium-{run}.png"
    shot.unlink(missing_ok=True)
    command = [
        CHROMIUM,
        *CHROMIUM_FLAGS,
        f"--user-data-dir={profile}",
        f"--window-size={size[0]},{size[1]}",
        f"--screenshot={shot}",
        page.as_uri(),
    ]
    began = time.monotonic()
    proc = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while not _written(shot):
            if proc.poll() is not None and not _written(shot):
                raise RuntimeError(f"Chromium wrote no screenshot (exit {proc.returncode})")
            if time.monotonic() - began > 60:
                raise RuntimeError("Chromium wrote no screenshot within 60 s")
            time.sleep(0.002)
        took = time.monotonic() - began
        proc.wait(timeout=60)
    finally:
        kill_all(proc, str(profile))
    shutil.rmtree(profile, ignore_errors=True)
    return took


def _written(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


def chromium_cold_starts(page: Path, work: Path, runs: int) -> dict[str, Any]:
    def once(run: str) -> float:
        return chromium_screenshot(page, work, run, (1080, 1920))

    first = once("first")
    timings = []
    for run in range(runs):
        timings.append(once(str(run)))
        print(f"  chromium {run + 1}/{runs}: {timings[-1]:.3f} s", flush=True)
    return {
        "first_s": first,
        "wall_s": timings,
        "median_s": statistics.median(timings),
        "min_s": min(timings),
        "max_s": max(timings),
        "screenshot_bytes": (work / "chromium-0.png").stat().st_size,
    }


def chromium_tree(page: Path, work: Path) -> dict[str, Any]:
    """Chromium with the page open (DevTools on a loopback port tells when it is loaded):
    PSS and RSS of every process of the tree, from /proc."""
    profile = work / "chromium-profile-tree"
    command = [
        CHROMIUM,
        *CHROMIUM_FLAGS,
        f"--user-data-dir={profile}",
        "--window-size=1080,1920",
        "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0",
        page.as_uri(),
    ]
    proc = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        loaded_after = wait_for_page(profile / "DevToolsActivePort", page.as_uri(), timeout_s=30)
        time.sleep(2.0)  # layout, paint, and the helpers' start-up settle
        pids = sorted(set(descendants(proc.pid)) | set(processes_with(str(profile))))
        memories = []
        for pid in pids:
            with contextlib.suppress(OSError):
                memories.append(memory_of(pid))
    finally:
        kill_all(proc, str(profile))
        shutil.rmtree(profile, ignore_errors=True)
    left = processes_with(str(profile))
    if left:
        raise RuntimeError(f"Chromium processes left: {left}")
    return {
        "processes": len(memories),
        "page_loaded_s": loaded_after,
        "pss_mib": sum(m["Pss"] for m in memories) / MIB,
        "rss_sum_mib": sum(m["VmRSS"] for m in memories) / MIB,
        "largest_rss_mib": max(m["VmRSS"] for m in memories) / MIB,
    }


def wait_for_page(port_file: Path, url: str, timeout_s: float) -> float:
    began = time.monotonic()
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    while time.monotonic() - began < timeout_s:
        time.sleep(0.1)
        with contextlib.suppress(OSError, ValueError):
            port = int(port_file.read_text().split()[0])
            with opener.open(f"http://127.0.0.1:{port}/json/list", timeout=2) as answer:
                targets = json.loads(answer.read())
            if any(t.get("url") == url and t.get("title") == PAGE_TITLE for t in targets):
                return time.monotonic() - began
    raise RuntimeError(f"Chromium did not show the page within {timeout_s:.0f} s")


# -- the table ------------------------------------------------------------------------------


def rows(figures: dict[str, Any]) -> Iterator[tuple[str, str, str, bool | None]]:
    starts, chromium = figures["kiosk_start"], figures["chromium"]
    reference = chromium["cold"]["median_s"]
    start_target = min(START_VS_CHROMIUM * reference, START_MAX_S)
    for key, label in (
        ("catalogue_imported", "imported catalogue"),
        ("fresh_data_dir", "fresh data dir"),
    ):
        ours = starts[key]["median_s"]
        yield (
            f"kiosk cold start, {label}",
            f"{ours:.3f} s",
            f"<= {start_target:.3f} s",
            ours <= start_target,
        )
        yield (
            f"  ratio to Chromium ({label})",
            f"{ours / reference:.2f}x",
            f"<= {START_VS_CHROMIUM:.1f}x & <= {START_MAX_S:.1f} s",
            ours / reference <= START_VS_CHROMIUM and ours <= START_MAX_S,
        )
    yield ("Chromium cold start to screenshot", f"{reference:.3f} s", "reference", None)
    imported = starts["catalogue_imported"]
    yield ("kiosk RSS, keyboard made", f"{imported['rss_mib']:.1f} MiB", "", None)
    yield ("kiosk PSS, keyboard made", f"{imported['pss_mib']:.1f} MiB", "", None)
    tree = chromium["tree"]
    yield (
        f"Chromium tree PSS ({tree['processes']} processes)",
        f"{tree['pss_mib']:.1f} MiB",
        "reference",
        None,
    )
    ratio = imported["pss_mib"] / tree["pss_mib"]
    yield (
        "  ratio kiosk PSS / Chromium tree",
        f"{ratio:.2f}x",
        f"<= {PSS_VS_CHROMIUM:.1f}x",
        ratio <= PSS_VS_CHROMIUM,
    )
    journeys = figures["journeys"]
    yield (
        f"RSS growth, journeys {journeys['baseline_journeys']} -> {journeys['final_journeys']}",
        f"{journeys['rss_growth_mib']:+.1f} MiB",
        f"<= {GROWTH_MAX_BYTES / 1024 / 1024:.1f} MiB (10 MB)",
        journeys["rss_growth_bytes"] <= GROWTH_MAX_BYTES,
    )
    typing = figures["typing"]
    frame = typing["to_frame_ms"]
    yield (
        "key -> results + frame, p99",
        f"{frame['p99']:.1f} ms",
        f"<= {TYPING_P99_MAX_MS:.0f} ms",
        frame["p99"] <= TYPING_P99_MAX_MS,
    )
    yield (
        "key -> results + frame, p50 / max",
        f"{frame['p50']:.1f} / {frame['max']:.1f} ms",
        "",
        None,
    )
    model = typing["to_model_ms"]
    yield (
        "key -> results model, p50 / p99",
        f"{model['p50']:.1f} / {model['p99']:.1f} ms",
        "",
        None,
    )
    alone = typing["search_alone_ms"]
    yield (
        "catalogue search alone, p50 / p99",
        f"{alone['p50']:.1f} / {alone['p99']:.1f} ms",
        "",
        None,
    )


def print_table(figures: dict[str, Any]) -> None:
    print()
    print(f"{'figure':46} {'value':>16}  {'target':26} {'met':6}")
    for name, value, target, met in rows(figures):
        verdict = "" if met is None else ("met" if met else "MISSED")
        print(f"{name:46} {value:>16}  {target:26} {verdict:6}")
    starts = figures["kiosk_start"]
    print()
    print("cold start phases, median s        imported    fresh")
    for name, *_ in PHASES:
        print(
            f"  {name:32} {starts['catalogue_imported']['phases_median_s'][name]:8.3f}"
            f" {starts['fresh_data_dir']['phases_median_s'][name]:8.3f}"
        )
    print(f"  (virtual keyboard loaded alone: {starts['virtual_keyboard_alone_s']:.3f} s;")
    print(f"   very first start, no caches: {starts['first_ever']['wall_s']:.3f} s;")
    print(f"   Chromium's first start: {figures['chromium']['cold']['first_s']:.3f} s)")
    profile = starts["import_profile_ms"]
    print("imports under -X importtime (cumulative ms, inflated by the profiler):")
    print("  " + ", ".join(f"{k} {v:.0f}" for k, v in sorted(profile.items(), key=lambda i: -i[1])))
    journeys = figures["journeys"]
    print(
        "journeys: "
        + ", ".join(f"{c['journeys']}: {c['rss_mib']:.1f} MiB RSS" for c in journeys["checkpoints"])
    )
    print(
        "journey steps, median ms call + frame: "
        + ", ".join(
            f"{k} {v:.1f}+{journeys['step_frame_p50_ms'].get(k, 0.0):.1f}"
            for k, v in journeys["step_call_p50_ms"].items()
        )
    )


# -- main -------------------------------------------------------------------------------------


def timed_section(title: str, call: Callable[[], Any]) -> Any:
    print(f"{title}...", flush=True)
    began = time.monotonic()
    result = call()
    print(f"  ({time.monotonic() - began:.0f} s)", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10, help="cold starts of each kind")
    parser.add_argument("--journeys", type=int, default=2000, help="scripted residents")
    args = parser.parse_args()
    if args.runs < 1 or args.journeys < 100:
        parser.error("--runs >= 1 and --journeys >= 100")
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bench-kiosk-") as temp:
        work = Path(temp)
        env = child_env(work)
        page = catalogue_page(work)
        figures: dict[str, Any] = {
            "machine": {
                "python": platform.python_version(),
                "platform": platform.platform(),
                "cpus": os.cpu_count(),
                "chromium": subprocess.run(
                    [CHROMIUM, "--version"], capture_output=True, text=True, timeout=30, check=False
                ).stdout.strip(),
            },
            "runs": args.runs,
        }
        figures["kiosk_start"] = timed_section(
            "kiosk cold starts", lambda: kiosk_cold_starts(args.runs, work, env)
        )
        chromium: dict[str, Any] = {"flags": list(CHROMIUM_FLAGS)}
        chromium["cold"] = timed_section(
            "Chromium cold starts", lambda: chromium_cold_starts(page, work, args.runs)
        )
        chromium["tree"] = timed_section("Chromium tree", lambda: chromium_tree(page, work))
        figures["chromium"] = chromium
        data = work / "data-imported"
        figures["typing"] = timed_section(
            "typing on the virtual keyboard", lambda: typing_latency(data, env, work / "typing.log")
        )
        figures["journeys"] = timed_section(
            f"{args.journeys} journeys",
            lambda: journey_memory(data, env, work / "journeys.log", args.journeys),
        )
    figures["total_s"] = time.monotonic() - began
    figures["targets"] = [
        {"figure": n, "value": v, "target": t, "met": m} for n, v, t, m in rows(figures)
    ]
    print_table(figures)
    RESULTS.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"total {figures['total_s']:.0f} s; written: {RESULTS}")


if __name__ == "__main__":
    main()
