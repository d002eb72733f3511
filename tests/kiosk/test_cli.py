"""The `kiosk` command end to end: publisher tools, import, search and sync."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from tests.factories import bundle, encoded, service, small_catalogue
from tests.kiosk.cli_run import run_kiosk
from tests.peers.catalogue_server import CatalogueServer


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(f'data_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    return path


def run(*argv: str) -> tuple[int, str, str]:
    return run_kiosk(*argv)


def test_publisher_round_trip_keygen_build_sign_verify(tmp_path: Path, config: Path) -> None:
    key = tmp_path / "publisher.pem"
    code, public_key, _ = run("catalogue", "keygen", "--out", str(key))
    assert code == 0
    assert key.stat().st_mode & 0o777 == 0o600
    part = small_catalogue()
    services = part.pop("services")
    (tmp_path / "taxonomy.json").write_text(
        json.dumps({k: part[k] for k in ("tenants", "categories", "life_events")})
    )
    (tmp_path / "services.json").write_text(json.dumps({"services": services}, ensure_ascii=False))
    out = tmp_path / "catalogue.json"
    argv = [
        "catalogue",
        "build",
        str(tmp_path / "taxonomy.json"),
        str(tmp_path / "services.json"),
        "--out",
        str(out),
    ]
    assert run(*argv)[:2] == (0, f"{out}: 3 services\n")
    assert run("catalogue", "sign", str(out), "--key", str(key))[0] == 0
    verified = run(
        "--config",
        str(config),
        "catalogue",
        "verify",
        str(out),
        "--public-key",
        public_key.strip(),
    )
    assert verified == (0, f"{out}: signature good\n", "")
    out.write_bytes(out.read_bytes().replace("stały".encode(), b"stali"))
    code, _, err = run("catalogue", "verify", str(out), "--public-key", public_key.strip())
    assert code == 1
    assert err == "kiosk: signature does not match the catalogue (altered or wrong key)\n"


def test_keygen_never_overwrites_a_key(tmp_path: Path) -> None:
    key = tmp_path / "publisher.pem"
    key.write_text("precious")
    code, _, err = run("catalogue", "keygen", "--out", str(key))
    assert (code, key.read_text()) == (1, "precious")
    assert "exists already" in err


def test_validate_lists_every_invalid_record(tmp_path: Path) -> None:
    data = bundle(
        service("bez-kanalu", "Usługa", channels=[]),
        service("zla-data", "Usługa", updated="2026-02-30"),
        service("ok", "Usługa poprawna"),
    )
    path = tmp_path / "catalogue.json"
    path.write_bytes(encoded(data))
    code, _, err = run("catalogue", "validate", str(path))
    assert code == 1
    assert "  bez-kanalu: channels: [] should be non-empty" in err
    assert "  zla-data: updated: not a calendar date (YYYY-MM-DD)" in err
    assert err.splitlines()[-1].startswith(f"kiosk: {path}: 2 invalid record(s); first: ")


def test_import_then_search_prints_best_match_first_name_first(
    tmp_path: Path, config: Path
) -> None:
    path = tmp_path / "catalogue.json"
    path.write_bytes(encoded(small_catalogue()))
    code, out, _ = run("--config", str(config), "catalogue", "import", str(path))
    assert (code, out.split(":")[1].strip()) == (0, "3 services loaded as gen-000001.sqlite")
    code, out, _ = run("--config", str(config), "catalogue", "search", "zajecie pasa")
    assert code == 0
    assert (
        out.splitlines()[0]
        == "Zezwolenie na zajęcie pasa drogowego — Zarząd Dróg Wojewódzkich w Łodzi [zajecie-pasa]"
    )


def test_import_bundled_loads_the_first_catalogue_once(config: Path) -> None:
    # What the kiosk image runs at build time, so a kiosk's first boot has its catalogue.
    code, out, _ = run("--config", str(config), "catalogue", "import", "--bundled")
    assert code == 0
    assert out.startswith("catalogue in use: gen-000001.sqlite, ")
    assert "(bundled:" in out
    code, again, _ = run("--config", str(config), "catalogue", "import", "--bundled")
    assert (code, again) == (0, out)  # nothing new: the generation in use is kept


def test_import_needs_a_file_or_bundled(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--config", str(config), "catalogue", "import"])
    assert stopped.value.code == 2
    assert "one of the arguments file --bundled is required" in capsys.readouterr().err


def test_search_on_a_fresh_kiosk_uses_the_bundled_demo(config: Path) -> None:
    code, out, _ = run(
        "--config", str(config), "catalogue", "search", "zaswiadczenie o niezaleganiu"
    )
    assert code == 0
    assert out.splitlines()[0].startswith("Zaświadczenie o niezaleganiu")


def test_sync_command_exit_status_says_the_result(
    tmp_path: Path, catalogue_server: CatalogueServer
) -> None:
    from offline_cache.signing import generate_private_key, public_key_text, sign

    key = generate_private_key()
    body = encoded(small_catalogue())
    catalogue_server.publish("/c.json", body)
    catalogue_server.publish("/c.json.sig", sign(body, key))
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'data_dir = "{tmp_path / "data"}"\n[catalogue]\n'
        f'url = "{catalogue_server.base_url}/c.json"\npublic_key = "{public_key_text(key)}"\n'
    )
    assert run("--config", str(config), "sync")[:2] == (
        0,
        "updated: 3 services in gen-000001.sqlite\n",
    )
    assert run("--config", str(config), "sync")[:2] == (0, "unchanged: not modified\n")
    catalogue_server.publish("/c.json", body.replace(b"Zameldowanie", b"Wymeldowanie"))
    code, out, _ = run("--config", str(config), "sync")
    assert (code, out) == (
        1,
        "failed: signature does not match the catalogue (altered or wrong key)\n",
    )


def test_sync_without_a_url_is_a_usage_error(config: Path) -> None:
    code, _, err = run("--config", str(config), "sync")
    assert code == 2
    assert "no catalogue.url" in err


def test_a_bad_config_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("colour = 'red'\n")
    code, _, err = run("--config", str(bad), "catalogue", "search", "x")
    assert code == 2
    assert err.count("\n") == 1
    assert "unknown key 'colour'" in err


@pytest.mark.parametrize("command", ["kiosk", "captive-portal"])
def test_console_scripts_are_installed_with_help(command: str) -> None:
    executable = Path(sys.executable).parent / command
    assert executable.exists(), f"{command} is not installed (make installs it into .venv)"
    result = subprocess.run([executable, "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "usage:" in result.stdout


def test_interactive_search_reads_queries_until_an_empty_line(
    config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("karta wedkarska\nprawo jazdy\n\nnot read\n"))
    code, out, _ = run("--config", str(config), "catalogue", "search", "-i", "--limit", "1")
    lines = out.splitlines()
    assert code == 0
    assert lines[1].endswith("Karta wędkarska — Powiat Łańcucki [pl-karta-wedkarska]")
    assert lines[2].endswith("[pl-prawo-jazdy]")
    assert lines[3] == "> "  # the empty line ended it; "not read" was not searched
    assert len(lines) == 4


def test_search_without_a_query_is_refused(config: Path) -> None:
    code, _, err = run("--config", str(config), "catalogue", "search")
    assert (code, err) == (1, "kiosk: give a QUERY, or --interactive\n")


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["sync"],
        ["config"],
        ["admin", "hash-pin"],
        ["catalogue"],
        *(
            ["catalogue", tool]
            for tool in ("keygen", "build", "sign", "verify", "validate", "import", "search")
        ),
    ],
)
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as finished:
        main([*command, "--help"])
    assert finished.value.code == 0
    assert capsys.readouterr().out.startswith("usage: kiosk")


def test_config_lists_every_option_with_default_and_doc() -> None:
    code, out, _ = run("config")
    assert code == 0
    assert (
        "catalogue.sync_interval_s = 900  # a whole number, 60 to 604800: "
        "Seconds between background syncs." in out
    )
    assert (
        "language = 'pl'  # 'pl' | 'en' | 'uk' | 'de': Language the home screen starts in." in out
    )


def test_hash_pin_reads_stdin_and_prints_a_config_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import io

    from kiosk.admin_pin import AdminPin

    monkeypatch.setattr("sys.stdin", io.StringIO("24681357\n"))
    code, out, _ = run("admin", "hash-pin")
    assert code == 0
    stored = out.strip().removeprefix('pin_hash = "').removesuffix('"')
    assert AdminPin(stored).check("24681357").accepted
    config = tmp_path / "kiosk.toml"
    config.write_text("[admin]\n" + out)
    assert run("--config", str(config), "config")[0] == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    assert run("admin", "hash-pin")[:1] == (1,)
