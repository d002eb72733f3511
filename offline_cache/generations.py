"""Catalogue generations on disk: build aside, publish atomically, keep the last good one.

Layout of the catalogue folder:
    gen-000007.sqlite      a complete generation (never modified after publishing)
    gen-000008.partial     a generation being built (deleted if a load dies half-way)
    current                the file name of the generation in use, replaced by rename()
    .lock                  serialises loads between the app and `kiosk sync`
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import re
from collections.abc import Iterator
from pathlib import Path

from offline_cache.catalogue_store import CatalogueStore, StoreError

log = logging.getLogger(__name__)

_GENERATION = re.compile(r"^gen-(\d{6})\.sqlite$")
KEEP_GENERATIONS = 2  # the one in use and the last good one before it


class GenerationFolder:
    """The catalogue folder of one kiosk."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the load lock; a second loader waits instead of interleaving."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with (self.folder / ".lock").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def current(self) -> Path | None:
        """The generation in use: the one `current` names if it opens, else the newest that does."""
        named = self._named_current()
        candidates = ([named] if named else []) + self.generations_newest_first()
        for path in candidates:
            try:
                CatalogueStore(path).close()
            except StoreError as exc:
                log.warning("catalogue generation skipped: %s", exc)
                continue
            return path
        return None

    def pointer_stamp(self) -> int:
        """Changes whenever another process publishes a generation (cheap to poll)."""
        try:
            return (self.folder / "current").stat().st_mtime_ns
        except FileNotFoundError:
            return 0

    def next_partial(self) -> Path:
        """A fresh path to build the next generation in; old partial files are removed."""
        for leftover in self.folder.glob("gen-*.partial"):
            log.info("removing unfinished catalogue load %s", leftover.name)
            leftover.unlink()
        numbers = [int(m.group(1)) for p in self._generations() if (m := _GENERATION.match(p.name))]
        return self.folder / f"gen-{max(numbers, default=0) + 1:06d}.partial"

    def publish(self, partial: Path) -> Path:
        """Rename a built generation into place, point `current` at it, prune old ones."""
        final = partial.with_suffix(".sqlite")
        os.replace(partial, final)
        pointer_tmp = self.folder / "current.tmp"
        with pointer_tmp.open("w", encoding="ascii") as handle:
            handle.write(final.name + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(pointer_tmp, self.folder / "current")
        self._fsync_folder()
        self._prune(keep=final)
        return final

    def _named_current(self) -> Path | None:
        try:
            name = (self.folder / "current").read_text(encoding="ascii").strip()
        except (FileNotFoundError, UnicodeDecodeError):
            return None
        return self.folder / name if _GENERATION.match(name) else None

    def generations_newest_first(self) -> list[Path]:
        return sorted(self._generations(), reverse=True)

    def _generations(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return [p for p in self.folder.iterdir() if _GENERATION.match(p.name)]

    def _prune(self, keep: Path) -> None:
        older = sorted((p for p in self._generations() if p.name < keep.name), reverse=True)
        for path in older[KEEP_GENERATIONS - 1 :]:
            path.unlink(missing_ok=True)

    def _fsync_folder(self) -> None:
        fd = os.open(self.folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
