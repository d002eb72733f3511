"""Stopping a helper process the same way everywhere: SIGTERM, a grace period, then SIGKILL,
and always waited for: a test's process is never left running (nor unreaped) behind it,
where Python would report it ("subprocess N is still running") in whatever test runs next."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

Process = TypeVar("Process", bound="subprocess.Popen[Any]")
KILLED_WAIT_S = 30.0  # after SIGKILL only a process stuck in the kernel takes any time


def stop(process: subprocess.Popen[Any], grace_s: float = 10.0) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(grace_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(KILLED_WAIT_S)


@contextmanager
def stopped_at_end(process: Process, grace_s: float = 10.0) -> Iterator[Process]:
    """`process` for the block; then stopped, waited for and its pipes closed, however the
    block ended (an assertion, a timeout)."""
    with process:  # closes its pipes last
        try:
            yield process
        finally:
            stop(process, grace_s)
