"""Schema migrations and the rebuild of generations written by an older Infomat."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.catalogue_service import CatalogueService
from offline_cache.catalogue_load import load
from offline_cache.catalogue_store import CatalogueStore, OutdatedSchemaError
from offline_cache.generations import GenerationFolder
from offline_cache.migrations import Migration, SchemaTooNewError, migrate, schema_version
from tests.factories import encoded, small_catalogue


def add_table(name: str) -> Migration:
    def create(conn: sqlite3.Connection) -> None:
        conn.execute(f"CREATE TABLE {name} (x)")

    return Migration(len(name), f"table {name}", create)


def test_steps_apply_once_in_order(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "db.sqlite")
    steps = [add_table("a"), add_table("bb")]
    assert migrate(conn, steps[:1]) == 1
    assert migrate(conn, steps) == 2
    assert migrate(conn, steps) == 2
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"a", "bb"}


def test_a_failing_step_changes_nothing(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "db.sqlite")

    def half_done(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE half (x)")
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        migrate(conn, [add_table("a"), Migration(2, "breaks", half_done)])
    assert schema_version(conn) == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0


def test_a_file_from_a_newer_program_is_left_alone(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "db.sqlite")
    conn.execute("PRAGMA user_version = 9")
    with pytest.raises(SchemaTooNewError):
        migrate(conn, [add_table("a")])


def test_steps_must_be_ascending(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="ascending"):
        migrate(sqlite3.connect(":memory:"), [add_table("bb"), add_table("a")])


def test_an_outdated_generation_is_rebuilt_from_its_stored_bundle(tmp_path: Path) -> None:
    folder = GenerationFolder(tmp_path / "catalogue")
    old = load(
        encoded(small_catalogue()), folder, "https://katalog.example/c.json", {"etag": '"e1"'}
    ).path
    with sqlite3.connect(old) as conn:  # as if an older Infomat had written it
        conn.execute("PRAGMA user_version = 0")
    with pytest.raises(OutdatedSchemaError):
        CatalogueStore(old)
    service = CatalogueService(folder, bundled=tmp_path / "must-not-be-read.json")
    assert service.search("zameldowanie")[0].id == "zameldowanie"
    info = service.info()
    assert (info.generation, info.source) == ("gen-000002.sqlite", "https://katalog.example/c.json")
    assert service.store().meta["etag"] == '"e1"'
