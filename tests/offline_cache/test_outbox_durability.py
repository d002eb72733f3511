"""Nothing half-written: a full disk at enqueue, and a process killed in the middle of one."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from offline_cache.outbox import Outbox, OutboxWriteError
from tests.outbox_factories import new_submission
from tests.peers.outbox_process import FIELDS, numbered_answers
from tests.peers.processes import stopped_at_end

ROOT = Path(__file__).resolve().parents[2]


def peer(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.peers.outbox_process", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_disk_full_for_the_process_refuses_the_enqueue_and_keeps_nothing(
    tmp_path: Path,
) -> None:
    """Non-root: RLIMIT_FSIZE makes every write past a size fail, as a full disk does."""
    db = tmp_path / "outbox.sqlite"
    first = Outbox(db)
    kept = first.enqueue(new_submission()).code
    first.close()  # checkpoints and removes the WAL: the next write must grow a file
    limit = db.stat().st_size + 8192
    with stopped_at_end(peer("enqueue-limited", str(db), str(limit))) as writer:
        out, _ = writer.communicate(timeout=60)
    assert writer.returncode == 0
    assert out.startswith("refused: ")
    assert "the application was not saved" in out
    assert "nothing was written" in out
    after = Outbox(db)
    assert [s.code for s in after.list()] == [kept]
    assert after.counts()["queued"] == 1


@pytest.mark.root
def test_disk_full_on_a_small_tmpfs_refuses_the_enqueue_and_keeps_nothing(
    tmp_path: Path,
) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs")
    mount = tmp_path / "small"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)], check=True)
    outbox = None
    try:
        outbox = Outbox(mount / "outbox.sqlite")
        kept = outbox.enqueue(new_submission()).code
        filler = mount / "filler"
        fill_up(filler)
        with pytest.raises(OutboxWriteError, match=r"not saved \(the disk is full\)"):
            outbox.enqueue(new_submission(answers=numbered_answers(1)))
        filler.unlink()
        assert [s.code for s in outbox.list()] == [kept]
        outbox.close()
        outbox = Outbox(mount / "outbox.sqlite")
        assert [s.code for s in outbox.list()] == [kept]
    finally:
        if outbox is not None:
            outbox.close()
        subprocess.run(["umount", str(mount)], check=True)


def fill_up(filler: Path) -> None:
    """Write zeros until the file system says it is full."""
    with filler.open("wb", buffering=0) as handle:
        written = 4096
        while written:
            try:
                written = handle.write(b"\0" * 4096)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                return


def test_sigkill_in_the_middle_of_enqueues_leaves_whole_submissions(tmp_path: Path) -> None:
    db = tmp_path / "outbox.sqlite"
    rng = random.Random(4)
    promised: set[str] = set()
    for _ in range(4):
        with stopped_at_end(peer("enqueue-many", str(db), "100000")) as writer:
            assert writer.stdout is not None
            # Wait for the first promise, then kill at a random moment of the following ones.
            promised.add(_promise(writer.stdout.readline()))
            time.sleep(rng.uniform(0.01, 0.15))
            writer.send_signal(signal.SIGKILL)
            # Read on from the same buffered stream: communicate() with a timeout reads the
            # raw pipe and loses the lines readline() had already buffered (promises seen as
            # missing).
            rest = writer.stdout.read()
            writer.wait(timeout=30)
        promised.update(_promise(line) for line in rest.splitlines() if line.count(" ") == 1)
        assert writer.returncode == -signal.SIGKILL
    outbox = Outbox(db)
    stored = outbox.list()
    codes = {s.code for s in stored}
    # Every code a process was told is saved is there, whole.
    assert promised <= codes
    # A killed enqueue left either the whole submission or nothing: at most one per kill
    # beyond the promised ones, and every row's answers are complete and consistent.
    assert len(stored) - len(promised) <= 4
    for item in stored:
        assert item.answers is not None
        number = int(item.answers["pole_00"].split(":")[0])
        assert item.answers == numbered_answers(number)
        assert len(item.answers) == FIELDS


def _promise(line: str) -> str:
    """The code in a line "NUMBER CODE" that the writer printed after enqueue returned."""
    return line.split()[1]
