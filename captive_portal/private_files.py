"""The portal's data files are readable by the portal alone: folders 0700, files 0600.

The store and the accept limits hold client addresses, the key file the MAC key (attack 8
of issue 13). Files made by earlier releases with 0644 are narrowed when opened.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """Make the portal's own folder (and missing parents) and narrow it to 0700."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    os.chmod(path, DIR_MODE)
    return path


def open_private(path: Path, flags: int = os.O_RDWR) -> int:
    """A descriptor of the file, made 0600 if new and narrowed to 0600 if not."""
    fd = os.open(path, flags | os.O_CREAT, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
    except OSError:
        os.close(fd)
        raise
    return fd


def narrow(path: Path) -> None:
    """0600 for a file someone else (SQLite) made, when it exists."""
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, FILE_MODE)
