"""The benchmarks' server CPU reading counts a server's workers, and only them."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from tests.perf.server_cpu import tree_cpu_s

BURN = "import time\nend = time.process_time() + {seconds}\nwhile time.process_time() < end: pass\n"
# A server that runs a worker burning `seconds` of CPU to its end, says so, then starts a
# second worker that burns for as long as it lives.
SERVER = (
    "import subprocess, sys, time\n"
    "subprocess.run([sys.executable, '-c', {ended!r}], check=True)\n"
    "subprocess.Popen([sys.executable, '-c', {living!r}])\n"
    "print('started', flush=True)\n"
    "time.sleep(60)\n"
)


@contextmanager
def started(code: str) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        yield process
    finally:
        subprocess.run(["pkill", "-KILL", "-s", str(process.pid)], check=False)
        process.wait()
        if process.stdout is not None:
            process.stdout.close()


def test_a_servers_cpu_counts_its_ended_and_living_workers() -> None:
    code = SERVER.format(ended=BURN.format(seconds=0.3), living=BURN.format(seconds=30))
    with started(code) as server:
        assert server.stdout is not None and server.stdout.readline().strip() == "started"
        first = tree_cpu_s(server.pid)
        time.sleep(0.4)
        later = tree_cpu_s(server.pid)
    assert first >= 0.25  # the ended worker's 0.3 s, through the server's cutime
    assert later - first >= 0.1  # the living worker's time, as it burns


def test_other_processes_do_not_count() -> None:
    with started("import time\nprint('started', flush=True)\ntime.sleep(60)\n") as idle:
        assert idle.stdout is not None and idle.stdout.readline().strip() == "started"
        before = tree_cpu_s(idle.pid)
        with started(BURN.format(seconds=0.3) + "print('started', flush=True)\n") as stranger:
            assert stranger.stdout is not None
            stranger.stdout.readline()
        after = tree_cpu_s(idle.pid)
    assert after - before < 0.05  # the stranger's 0.3 s is not the idle server's
