"""`office kiosk revoke|token|list` through the command's main() with a real config file,
on both stores: what a technician reads, the exit status, and what the register then says."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from office.cli import main
from office.cli_kiosk_access import local_time
from office.fleet_records import KioskBeat
from office.kiosk_tokens import token_hash
from office.open_store import open_store
from office.settings_file import load_settings
from office.store import CaseStore
from offline_cache.signing import generate_private_key, public_key_text
from tests.office.conftest import KIOSK, LANCUT

OTHER = "lancut-mosir-1"


class Technician:
    """Runs `office ...` with the config, as in a terminal: (status, stdout, stderr)."""

    def __init__(self, config: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.config = config
        self._capsys = capsys

    def run(self, *args: str) -> tuple[int, str, str]:
        self._capsys.readouterr()
        status = main([*args, "--config", str(self.config)])
        out = self._capsys.readouterr()
        return status, out.out, out.err

    def add(self, kiosk_id: str, *more: str) -> str:
        status, token, _ = self.run("kiosk", "add", kiosk_id, "--office", LANCUT, *more)
        assert status == 0
        return token.strip()

    @contextmanager
    def store(self) -> Iterator[CaseStore]:
        opened = open_store(load_settings(self.config))
        try:
            yield opened
        finally:
            opened.close()


@pytest.fixture
def technician(config_file: Path, capsys: pytest.CaptureFixture[str]) -> Technician:
    return Technician(config_file, capsys)


def test_revoke_refuses_the_token_and_says_how_to_restore_the_kiosk(
    technician: Technician,
) -> None:
    token = technician.add(KIOSK)
    status, out, err = technician.run("kiosk", "revoke", KIOSK)
    assert (status, out) == (0, "")
    assert err.startswith(f"kiosk {KIOSK} revoked: its token and heartbeats are refused")
    assert err.endswith(f"office kiosk token {KIOSK}\n") and err.count("\n") == 1
    with technician.store() as store:
        assert store.kiosk_by_token(token_hash(token)) is None
        [kiosk] = store.fleet()
    assert kiosk.revoked_at is not None
    when = local_time(kiosk.revoked_at)
    again = technician.run("kiosk", "revoke", KIOSK)
    assert again == (0, "", f"kiosk {KIOSK} was revoked already on {when}; nothing changed\n")
    readd = technician.run("kiosk", "add", KIOSK, "--office", LANCUT)
    assert readd == (
        1, "",
        f"office: kiosk '{KIOSK}' was revoked on {when}; to put it back in service give it a"
        f" new token: office kiosk token {KIOSK}\n",
    )  # fmt: skip


@pytest.mark.parametrize("command", ["revoke", "token"])
def test_an_unknown_kiosk_exits_2_with_one_line(technician: Technician, command: str) -> None:
    technician.add(KIOSK)
    status, out, err = technician.run("kiosk", command, "lancut-ratusz-9")
    assert (status, out) == (2, "")
    assert (
        err == "office: no kiosk 'lancut-ratusz-9' is registered (office kiosk list shows them)\n"
    )


def test_token_replaces_the_old_one_and_puts_a_revoked_kiosk_back(
    technician: Technician,
) -> None:
    first = technician.add(KIOSK)
    status, out, err = technician.run("kiosk", "token", KIOSK)
    second = out.strip()
    assert status == 0 and len(second) >= 43 and second != first
    assert out == second + "\n"  # the token alone on stdout, as `kiosk add` prints it
    assert err == (
        f"kiosk {KIOSK} has a new token and its old one is refused; put the line above in its"
        " config as [intake] token (it is not shown again)\n"
    )
    technician.run("kiosk", "revoke", KIOSK)
    status, out, err = technician.run("kiosk", "token", KIOSK)
    third = out.strip()
    assert status == 0 and err.startswith(f"kiosk {KIOSK} is in service again (revoked on ")
    with technician.store() as store:
        assert store.kiosk_by_token(token_hash(first)) is None
        assert store.kiosk_by_token(token_hash(second)) is None
        kiosk = store.kiosk_by_token(token_hash(third))
    assert kiosk is not None and kiosk.offices == frozenset({LANCUT})


def test_list_shows_each_kiosk_without_tokens(technician: Technician) -> None:
    assert technician.run("kiosk", "list") == (
        0, "no kiosks registered (office kiosk add registers one)\n", "",
    )  # fmt: skip
    key = public_key_text(generate_private_key())
    tokens = [technician.add(KIOSK, "--public-key", key), technician.add(OTHER)]
    technician.run("kiosk", "revoke", OTHER)
    heard = dt.datetime(2026, 12, 6, 15, 30, tzinfo=dt.UTC)
    with technician.store() as store:
        store.record_heartbeat(KioskBeat(KIOSK, heard, heard, "0.1.0", None, None, None, None,
                                         None, None, None, "{}"))  # fmt: skip
        fleet = {kiosk.kiosk_id: kiosk for kiosk in store.fleet()}
    status, out, err = technician.run("kiosk", "list")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["KIOSK", "OFFICES", "REGISTERED", "HEARTBEAT", "KEY", "REVOKED",
                                "LAST", "HEARTBEAT"]  # fmt: skip
    assert [line.split()[0] for line in lines[1:3]] == [OTHER, KIOSK]  # by id
    registered, revoked = fleet[KIOSK].registered_at, fleet[OTHER].revoked_at
    assert registered is not None and revoked is not None
    assert lines[2].split()[1:] == [
        LANCUT,
        *local_time(registered).split(),
        "yes",
        "-",
        "2026-12-06",
        "16:30",
    ]  # fmt: skip (16:30 in Warsaw)
    assert lines[1].split()[4:] == ["no", *local_time(revoked).split(), "never"]
    assert lines[3] == "2 kiosks: 1 in service, 1 revoked"
    column = lines[0].index("REVOKED")  # the columns line up under their headings
    assert lines[1][column:].startswith(local_time(revoked))
    assert lines[2][column:].startswith("- ")
    assert [token for token in tokens if token in out] == []


def test_a_revoked_kiosks_key_is_kept_and_said_to_be_refused(technician: Technician) -> None:
    key = public_key_text(generate_private_key())
    technician.add(KIOSK)
    technician.run("kiosk", "revoke", KIOSK)
    status, _, err = technician.run("kiosk", "key", KIOSK, "--public-key", key)
    assert status == 0
    assert err == (
        f"kiosk {KIOSK}: key kept, but the kiosk is revoked: its heartbeats are refused until"
        f" office kiosk token {KIOSK}\n"
    )
    status, _, err = technician.run("kiosk", "add", OTHER, "--office", LANCUT, "--public-key", key)
    assert status == 2
    assert err == (
        f"office: --public-key: the revoked kiosk {KIOSK} keeps this key; give the kiosk a new"
        " one (kiosk heartbeat keygen)\n"
    )
    with technician.store() as store:
        assert [kiosk.kiosk_id for kiosk in store.fleet()] == [KIOSK]  # OTHER was not added
