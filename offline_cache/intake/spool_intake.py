"""Delivery to a spool folder: one JSON file per submission, named by its code.

The demo default, and what an office uses when it collects files (a shared folder, an
rsync job). Each file is written to a temporary name, fsynced, renamed into place and the
folder fsynced, so a reader never sees half a file and a power cut never loses one that
was reported delivered. A resend overwrites the same name: delivery is idempotent.
The case number is the submission code.
"""

from __future__ import annotations

import os
from pathlib import Path

from offline_cache.intake.document import document_bytes
from offline_cache.intake.outcomes import Delivered, Outcome, TryLater
from offline_cache.outbox_records import Submission


def spool_file_name(code: str) -> str:
    return f"{code}.json"


class SpoolIntake:
    name = "spool"

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def deliver(self, submission: Submission) -> Outcome:
        try:
            self._write(submission)
        except OSError as exc:
            return TryLater(f"cannot write to the spool folder {self.folder}: {exc.strerror}")
        return Delivered(submission.code, note="spool: the submission code is the case number")

    def _write(self, submission: Submission) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        final = self.folder / spool_file_name(submission.code)
        temporary = self.folder / f".{final.name}.tmp"
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
            with os.fdopen(fd, "wb") as handle:
                handle.write(document_bytes(submission))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, final)
        except OSError:
            temporary.unlink(missing_ok=True)
            raise
        folder_fd = os.open(self.folder, os.O_RDONLY)
        try:
            os.fsync(folder_fd)
        finally:
            os.close(folder_fd)
