"""Bundle benchmark: size (unpacked and as .deb) and cold start of the bundle vs the venv.

Cold start is timed from spawning `kiosk run --windowed` (offscreen) to READY=1 on a
NOTIFY_SOCKET, which the app sends after its first frame, exactly as systemd would see it;
RSS is read one second later (the virtual keyboard is made by then). Bundle and venv take
turns, after one untimed start each (the data dir's catalogue is imported on the first).
Run: make bench-bundle (builds the bundle and the .deb first). Writes results-bundle.json.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "build" / "dist" / "infomat"
RESULTS = Path(__file__).with_name("results-bundle.json")
RUNS = 10
TARGET_MB, TARGET_RATIO = 200, 1.2


def folder_mb(folder: Path) -> float:
    files = [f for f in folder.rglob("*") if f.is_file() and not f.is_symlink()]
    return sum(f.stat().st_size for f in files) / 1e6  # PyInstaller links some libraries


def one_start(program: list[str], config: Path, env: dict[str, str]) -> dict[str, float]:
    name = f"infomat-bench-{uuid.uuid4().hex}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.settimeout(60)
        log = config.with_suffix(".log")
        started = time.monotonic()
        with log.open("ab") as stderr:
            kiosk = subprocess.Popen(
                [*program, "--config", str(config), "run", "--windowed"],
                env={**env, "NOTIFY_SOCKET": "@" + name},
                stderr=stderr,
            )
        try:
            try:
                while not sock.recv(4096).startswith(b"READY=1"):
                    pass
            except TimeoutError:
                said = log.read_text()[-2000:]
                raise RuntimeError(f"{program[0]}: no READY=1; it said: {said}") from None
            ready_s = time.monotonic() - started
            time.sleep(1.0)
            rss_kib = vm_rss_kib(kiosk.pid)
        finally:
            kiosk.send_signal(signal.SIGTERM)
            kiosk.wait(timeout=30)
    return {"first_frame_s": ready_s, "rss_mb": rss_kib / 1024}


def vm_rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


def cold_starts(work: Path) -> dict[str, Any]:
    programs = {
        "venv": [str(Path(sys.executable).parent / "kiosk")],
        "bundle": [str(BUNDLE / "kiosk")],
    }
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    configs = {}
    for name, program in programs.items():
        config = work / f"{name}.toml"
        config.write_text(f'data_dir = "{work / name}"\n[metrics]\nenabled = false\n')
        configs[name] = config
        one_start(program, config, env)  # imports the catalogue; not timed
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in programs}
    for _ in range(RUNS):
        for name, program in programs.items():
            samples[name].append(one_start(program, configs[name], env))
    return {
        name: {
            "first_frame_s_median": statistics.median(s["first_frame_s"] for s in runs),
            "first_frame_s_min": min(s["first_frame_s"] for s in runs),
            "first_frame_s_max": max(s["first_frame_s"] for s in runs),
            "rss_mb_median": statistics.median(s["rss_mb"] for s in runs),
            "runs": runs,
        }
        for name, runs in samples.items()
    }


def main() -> None:
    if not (BUNDLE / "kiosk").exists():
        sys.exit(f"no bundle at {BUNDLE}: run make bundle first")
    debs = sorted((ROOT / "build" / "dist").glob("infomat-kiosk_*.deb"))
    figures: dict[str, Any] = {
        "bundle_mb": round(folder_mb(BUNDLE), 1),
        "deb_mb": round(debs[-1].stat().st_size / 1e6, 1) if debs else None,
    }
    with tempfile.TemporaryDirectory(prefix="infomat-bench-bundle-") as work:
        figures["starts"] = cold_starts(Path(work))
    venv, bundle = figures["starts"]["venv"], figures["starts"]["bundle"]
    figures["start_ratio"] = round(bundle["first_frame_s_median"] / venv["first_frame_s_median"], 3)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n")
    print_table(figures)


def print_table(figures: dict[str, Any]) -> None:
    venv, bundle = figures["starts"]["venv"], figures["starts"]["bundle"]
    deb = f"{figures['deb_mb']:.1f} MB" if figures["deb_mb"] is not None else "not built"
    rows = [
        (
            "bundle size, unpacked",
            f"{figures['bundle_mb']:.1f} MB",
            f"<= {TARGET_MB} MB ({figures['bundle_mb'] * 1e6 / 2**20:.1f} MiB)",
        ),
        ("bundle as .deb", deb, ""),
        ("first frame, venv (median of 10)", f"{venv['first_frame_s_median']:.3f} s", ""),
        ("first frame, bundle (median of 10)", f"{bundle['first_frame_s_median']:.3f} s", ""),
        ("bundle / venv", f"{figures['start_ratio']:.2f}x", f"<= {TARGET_RATIO}x"),
        ("RSS 1 s after first frame, venv", f"{venv['rss_mb_median']:.0f} MB", ""),
        ("RSS 1 s after first frame, bundle", f"{bundle['rss_mb_median']:.0f} MB", ""),
    ]
    width = max(len(r[0]) for r in rows)
    for label, value, target in rows:
        print(f"{label:<{width}}  {value:>12}  {target}")
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
