"""Forwarding a case to the office's document-management system (EZD) through a folder.

Polish EZD systems have no open intake API; most import files dropped into a folder they
watch. A forwarded case is its stored application (infomat-submission/1 JSON) written as
`UM-2026_00017.json`: first under a hidden temporary name, flushed to disk, then renamed,
so the importer never reads half a file. Forwarding again replaces the file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class ExportFailed(OSError):
    """The export folder is missing or cannot be written."""


def export_name(case_number: str) -> str:
    return case_number.replace("/", "_") + ".json"


def export_case(folder: Path, case_number: str, document: str) -> Path:
    """Write the case's document into `folder`; its path there."""
    target = folder / export_name(case_number)
    try:
        handle, temporary = tempfile.mkstemp(prefix=".", suffix=".part", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(document)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, 0o640)  # the importer may run as another user of the group
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ExportFailed(f"{folder}: cannot write {target.name} ({exc.strerror})") from exc
    return target
