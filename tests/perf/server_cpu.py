"""CPU time a server spent, its workers included: what a request costs it, whatever the host.

On two cores shared with wrk and with other people's work, requests per second move with
the host (nginx's own rate drifted from 60k to 170k between runs), so a ratio of two rates
depends on how the cores were shared. The CPU time each server process (and its children:
uvicorn's and nginx's workers) spent during a wrk run, divided by the requests wrk
completed, is what a request costs the server; it moves far less with the host's load.
Read from /proc: user and system time of every process whose parent chain leads to the
server's first process, with that of their children that ended.
"""

from __future__ import annotations

import os
from pathlib import Path

_PROC = Path("/proc")
_TICKS = os.sysconf("SC_CLK_TCK")


def tree_cpu_s(root_pid: int) -> float:
    """Seconds of CPU the process `root_pid` and every descendant spent so far."""
    parents: dict[int, int] = {}
    spent: dict[int, int] = {}
    for entry in _PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it ended meanwhile
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        # utime, stime, and cutime, cstime: its children that ended and were waited for
        # (fields 14 to 17), so a worker that ended during the run still counts, once.
        spent[pid] = sum(int(value) for value in fields[11:15])
    return sum(ticks for pid, ticks in spent.items() if _descends(pid, root_pid, parents)) / _TICKS


def _descends(pid: int, root_pid: int, parents: dict[int, int]) -> bool:
    seen = 0
    while pid != root_pid:
        pid = parents.get(pid, 0)
        seen += 1
        if pid <= 1 or seen > 64:
            return False
    return True
