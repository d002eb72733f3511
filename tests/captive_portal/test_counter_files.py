"""Per-process counter files: summed over processes, never mixed across layouts."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from captive_portal.counter_files import CounterFile, clear

NAMES = ("accepts", "redirects")


def _count_in_another_process(folder: Path, times: int) -> None:
    counts = CounterFile(folder, NAMES)
    for _ in range(times):
        counts.add("redirects")
    counts.close()


def test_totals_add_up_every_process_including_ended_ones(tmp_path: Path) -> None:
    here = CounterFile(tmp_path, NAMES)
    here.add("accepts", 2)
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_count_in_another_process, args=(tmp_path, n)) for n in (3, 4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
        assert worker.exitcode == 0
    assert here.totals() == {"accepts": 2, "redirects": 7}
    assert len(list(tmp_path.glob("*.counters"))) == 3
    here.close()


def test_a_file_of_another_layout_is_left_out_and_a_reopened_one_starts_over(
    tmp_path: Path,
) -> None:
    old = CounterFile(tmp_path, ("accepts",))
    old.add("accepts", 5)
    old.close()  # same process id: the next layout reuses the file from zero
    new = CounterFile(tmp_path, NAMES)
    assert new.totals() == {"accepts": 0, "redirects": 0}
    (tmp_path / "999999.counters").write_bytes(b"\x01" * 24)  # right size, wrong layout
    (tmp_path / "999998.counters").write_bytes(b"\x00" * 5)  # torn
    new.add("redirects")
    assert new.totals() == {"accepts": 0, "redirects": 1}
    new.close()


def test_counts_survive_reopening_in_the_same_process(tmp_path: Path) -> None:
    first = CounterFile(tmp_path, NAMES)
    first.add("accepts", 3)
    first.close()
    again = CounterFile(tmp_path, NAMES)
    assert again.totals()["accepts"] == 3
    clear(tmp_path)
    assert list(tmp_path.glob("*.counters")) == []
    again.close()
