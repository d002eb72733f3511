"""The `office` command: exit status and one-line reasons, as a technician meets them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from office.cli import main
from office.open_store import open_store
from office.settings_file import load_settings
from tests.office.office_server import ROOT, office_command, write_config


def test_kiosk_add_prints_a_token_once_and_stores_only_its_hash(tmp_path: Path) -> None:
    config = write_config(tmp_path, "")
    done = subprocess.run(
        office_command("kiosk", "add", "lancut-ratusz-1", "--office", "gmina-miasto-lancut",
                       "--config", str(config)),
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    token = done.stdout.strip()
    assert len(token) >= 43
    assert "[intake] token" in done.stderr
    raw = (tmp_path / "data" / "office.sqlite3").read_bytes()
    assert token.encode() not in raw
    store = open_store(load_settings(config))
    try:
        from office.kiosk_tokens import token_hash

        kiosk = store.kiosk_by_token(token_hash(token))
    finally:
        store.close()
    assert kiosk is not None
    assert kiosk.offices == frozenset({"gmina-miasto-lancut"})


@pytest.mark.parametrize(
    ("args", "status", "reason"),
    [
        (["kiosk", "add", "k-1", "--office", "gmina-rzeszow"], 2, "no office 'gmina-rzeszow'"),
        (["kiosk", "add", "kiosk 1", "--office", "gmina-miasto-lancut"], 2, "is not a kiosk id"),
        (["serve", "--port", "0"], 2, "'port' must be at least 1"),
    ],
)
def test_wrong_input_exits_2_with_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    status: int,
    reason: str,
) -> None:
    config = write_config(tmp_path, "")
    assert main([*args, "--config", str(config)]) == status
    error = capsys.readouterr().err
    assert error.startswith("office: ")
    assert reason in error
    assert error.count("\n") == 1


def test_a_kiosk_registered_twice_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_config(tmp_path, "")
    add = ["kiosk", "add", "lancut-ratusz-1", "--office", "gmina-miasto-lancut"]
    assert main([*add, "--config", str(config)]) == 0
    capsys.readouterr()
    assert main([*add, "--config", str(config)]) == 1
    assert capsys.readouterr().err == "office: kiosk 'lancut-ratusz-1' is registered already\n"


def test_an_unreachable_database_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql://office@/office?host={tmp_path}"  # no server on that socket
    config = write_config(tmp_path, url, store_timeout_s=2.0)
    add = ["kiosk", "add", "lancut-ratusz-1", "--office", "gmina-miasto-lancut"]
    assert main([*add, "--config", str(config)]) == 1
    assert "cannot open the case register in PostgreSQL" in capsys.readouterr().err
