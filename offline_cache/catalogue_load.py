"""Loading a bundle into a new generation: parse, validate every record, build, swap."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import logging
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from offline_cache.catalogue_build import build_generation
from offline_cache.catalogue_store import (
    CatalogueStore,
    OutdatedSchemaError,
    StoreError,
    stored_bundle,
)
from offline_cache.cpsv_ap import convert, looks_like_jsonld
from offline_cache.generations import GenerationFolder
from offline_cache.problems import RecordProblem
from offline_cache.records import Bundle
from offline_cache.validation import parse_json, validate_bundle

log = logging.getLogger(__name__)


class CatalogueRejected(ValueError):
    """The bundle has invalid records; nothing of it was loaded."""

    def __init__(self, source: str, problems: list[RecordProblem]) -> None:
        self.problems = problems
        super().__init__(f"{source}: {len(problems)} invalid record(s); first: {problems[0]}")


class DiskFullError(OSError):
    """No room to build the new generation; the old one stays in use."""


@dataclass(frozen=True)
class Loaded:
    path: Path
    services: int
    sha256: str


def read_bundle(raw: bytes, source: str) -> Bundle:
    """A validated native bundle from native JSON or CPSV-AP JSON-LD bytes.

    Raises BundleError when it is not JSON at all and CatalogueRejected listing every
    invalid record otherwise.
    """
    data = parse_json(raw, source)
    problems: list[RecordProblem] = []
    if looks_like_jsonld(data):
        conversion = convert(data)
        problems, data = list(conversion.problems), conversion.bundle
    problems += validate_bundle(data)
    if problems:
        raise CatalogueRejected(source, problems)
    return cast(Bundle, data)


def load(raw: bytes, folder: GenerationFolder, source: str, meta: Mapping[str, str]) -> Loaded:
    """Validate `raw` and make it the catalogue in use, or leave everything as it was."""
    bundle = read_bundle(raw, source)
    sha256 = hashlib.sha256(raw).hexdigest()
    loaded_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    full_meta = {
        "source": source,
        "sha256": sha256,
        "generated": bundle["generated"],
        "loaded_at": loaded_at,
        **meta,
    }
    with folder.exclusive():
        partial = folder.next_partial()
        try:
            build_generation(bundle, raw, partial, full_meta)
        except BaseException as exc:
            partial.unlink(missing_ok=True)
            if _is_disk_full(exc):
                raise DiskFullError(errno.ENOSPC, "no space left to load the catalogue") from exc
            raise
        path = folder.publish(partial)
    log.info(
        "catalogue loaded: %d services from %s as %s", len(bundle["services"]), source, path.name
    )
    return Loaded(path, len(bundle["services"]), sha256)


def upgrade_outdated(folder: GenerationFolder) -> Loaded | None:
    """Rebuild the newest generation an older Infomat wrote, from its stored bundle."""
    for path in folder.generations_newest_first():
        try:
            CatalogueStore(path).close()
        except OutdatedSchemaError:
            meta = CatalogueStore.meta_of(path)
            kept: dict[str, str] = {k: v for k, v in meta.items() if k in ("etag", "last_modified")}
            log.info("catalogue %s has an older schema: rebuilding it", path.name)
            return load(stored_bundle(path), folder, meta.get("source", path.name), kept)
        except StoreError:
            continue
        return None  # the newest usable generation is current already
    return None


def _is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return isinstance(exc, sqlite3.OperationalError) and "full" in str(exc)
