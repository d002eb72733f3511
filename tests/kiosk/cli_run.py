"""The `kiosk` command run in the test's own process, with what it printed, and only that.

A test process runs other tests' threads too (a peer's request thread that outlives its
test, a sender giving up): what they write while the command runs must not count as the
command's output. The command's logging is put back as it was afterwards, so its handler
(on this run's stderr) does not outlive the run.
"""

from __future__ import annotations

import contextlib
import io
import logging
import sys
import threading
from typing import TextIO

from kiosk.cli import main


class ThisThreadsWrites(io.TextIOBase):
    """A stream that keeps what the thread that made it writes; other threads' text goes
    on to `elsewhere` (the test's captured stream), not lost and not counted."""

    def __init__(self, elsewhere: TextIO) -> None:
        super().__init__()
        self._thread = threading.get_ident()
        self._kept = io.StringIO()
        self._elsewhere = elsewhere

    def write(self, text: str) -> int:
        if threading.get_ident() == self._thread:
            return self._kept.write(text)
        return self._elsewhere.write(text)

    def writable(self) -> bool:
        return True

    def getvalue(self) -> str:
        return self._kept.getvalue()


def run_kiosk(*argv: str) -> tuple[int, str, str]:
    """`kiosk ARGV...` in this process: its exit code, stdout and stderr."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    out, err = ThisThreadsWrites(sys.stdout), ThisThreadsWrites(sys.stderr)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(argv))
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    return code, out.getvalue(), err.getvalue()
