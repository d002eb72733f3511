"""`office user add|passwd`: the password from stdin (never argv), hashed in the store."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from office.accounts_store import AccountStore
from office.open_store import open_store
from office.passwords import verify_password
from office.settings_file import load_settings
from office.user_command import UserCommandError, add_user, change_password
from tests.office.office_server import ROOT, office_command, write_config

PASSWORD = "Świętokrzyska-13"


def stored_hash(config: Path, login: str) -> str:
    store = open_store(load_settings(config))
    try:
        clerk = AccountStore(store.sql()).clerk(login)
    finally:
        store.close()
    assert clerk is not None
    return clerk.password_hash


def test_user_add_reads_the_password_from_stdin_and_stores_its_hash(tmp_path: Path) -> None:
    config = write_config(tmp_path, "")
    done = subprocess.run(
        office_command("user", "add", "anna.nowak", "--office", "gmina-miasto-lancut",
                       "--config", str(config)),
        input=PASSWORD + "\n", cwd=ROOT, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert "account anna.nowak added: clerk of gmina-miasto-lancut" in done.stderr
    assert PASSWORD not in done.stdout + done.stderr
    assert verify_password(PASSWORD, stored_hash(config, "anna.nowak"))
    assert PASSWORD.encode() not in (tmp_path / "data" / "office.sqlite3").read_bytes()
    again = subprocess.run(
        office_command("user", "add", "anna.nowak", "--admin", "--config", str(config)),
        input=PASSWORD + "\n", cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert again.returncode == 1
    assert again.stderr == "office: an account 'anna.nowak' exists already\n"


def test_passwd_replaces_the_hash(tmp_path: Path) -> None:
    settings = load_settings(write_config(tmp_path, ""))
    add_user(settings, "admin", [], is_admin=True, stdin=io.StringIO(PASSWORD + "\n"))
    change_password(settings, "admin", stdin=io.StringIO("Nowe-hasło-2026\n"))
    assert verify_password("Nowe-hasło-2026", stored_hash(tmp_path / "office.toml", "admin"))
    with pytest.raises(UserCommandError, match="no account 'nikt'"):
        change_password(settings, "nikt", stdin=io.StringIO("Nowe-hasło-2026\n"))


@pytest.mark.parametrize(
    ("args", "password", "reason"),
    [
        (["user", "add", "anna", "--office", "gmina-rzeszow"], PASSWORD, "no office 'gmina-rzeszow'"),
        (["user", "add", "Anna Nowak", "--admin"], PASSWORD, "is not a login"),
        (["user", "add", "anna"], PASSWORD, "a clerk needs --office"),
        (["user", "add", "anna", "--admin"], "krótkie", "at least 10 characters"),
        (["user", "passwd", "anna"], "", "at least 10 characters"),
    ],
)  # fmt: skip
def test_wrong_input_exits_2_with_one_line(
    tmp_path: Path, args: list[str], password: str, reason: str
) -> None:
    config = write_config(tmp_path, "")
    done = subprocess.run(
        office_command(*args, "--config", str(config)), input=password + "\n", cwd=ROOT,
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith("office: ")
    assert reason in done.stderr
    assert done.stderr.count("\n") == 1
