"""The office's TOML settings: defaults, and every refusal naming the file, key and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from office.settings import Office
from office.settings_checks import SettingsError
from office.settings_file import load_settings


def config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "office.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_defaults_serve_one_demo_office_on_loopback_with_sqlite() -> None:
    settings = load_settings()
    assert (settings.host, settings.port, settings.database_url) == ("127.0.0.1", 8090, "")
    assert settings.offices == [Office("gmina-miasto-lancut", "Urząd Miasta Łańcut", "UM")]
    assert settings.sqlite_file().name == "office.sqlite3"


def test_a_full_file_is_read(tmp_path: Path) -> None:
    path = config(
        tmp_path,
        'data_dir = "/var/lib/infomat-office"\n'
        'database_url = "postgresql://office@db.lancut.pl/office"\n'
        "store_timeout_s = 5\n"
        "[[offices]]\n"
        'tenant_id = "gmina-miasto-lancut"\nname = "Urząd Miasta Łańcut"\nprefix = "UM"\n'
        "[[offices]]\n"
        'tenant_id = "powiat-lancucki"\nname = "Starostwo Powiatowe w Łańcucie"\nprefix = "SP"\n',
    )
    settings = load_settings(path, {"port": 9000})
    assert settings.port == 9000
    assert settings.store_timeout_s == 5.0
    assert [o.prefix for o in settings.offices] == ["UM", "SP"]
    assert settings.sqlite_file() == Path("/var/lib/infomat-office/office.sqlite3")
    office = settings.office("powiat-lancucki")
    assert office is not None
    assert office.name == "Starostwo Powiatowe w Łańcucie"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("colour = 1\n", "unknown key 'colour'"),
        ("port = 70000\n", "'port' must be at most 65535 (got 70000)"),
        ("port = '80'\n", "'port' must be a whole number"),
        ("store_timeout_s = nan\n", "'store_timeout_s' must be a finite number"),
        ("store_timeout_s = inf\n", "'store_timeout_s' must be a finite number"),
        ("pool_size = 0\n", "'pool_size' must be at least 1"),
        ("retention_days = 0\n", "'retention_days' must be at least 1 (got 0)"),
        ("retention_days = 30.5\n", "'retention_days' must be a whole number"),
        ("purge_interval_min = 1441\n", "'purge_interval_min' must be at most 1440"),
        ("stale_kiosk_after_s = 10\n", "'stale_kiosk_after_s' must be at least 60"),
        ("log_level = 'LOUD'\n", "'log_level' must be one of"),
        ("database_url = 'mysql://u:tajne@db/x'\n", "'database_url' must start with postgresql://"),
        ("offices = []\n", "'offices' must name at least one office"),
        ("offices = ['UM']\n", "'offices' must be a list of tables [[offices]]"),
        ("[[offices]]\ntenant_id = 'Łańcut'\nname = 'U'\nprefix = 'UM'\n",
         "'offices[0].tenant_id' must be lower-case letters"),
        ("[[offices]]\ntenant_id = 'a'\nname = 'U'\nprefix = 'um-'\n",
         "'offices[0].prefix' must be 1 to 8 capital letters"),
        ("[[offices]]\ntenant_id = 'a'\nname = 'U'\nprefix = 'UM'\ncolour = 1\n",
         "unknown key 'offices[0].colour'"),
        ("[[offices]]\ntenant_id = 'a'\nname = 'U'\nprefix = 'A'\n"
         "[[offices]]\ntenant_id = 'a'\nname = 'V'\nprefix = 'B'\n",
         "'offices[1].tenant_id' repeats 'a'"),
        ("[[offices]]\ntenant_id = 'a'\nname = 'U'\nprefix = 'UM'\nnotice_url = 'bip.lancut.pl'\n",
         "'offices[0].notice_url' must be the notice's web address, e.g. https://bip.lancut.pl/rodo"),
        ("[[offices]]\ntenant_id = 'a'\nname = 'U'\nprefix = 'UM'\nnotice_version = ''\n",
         "'offices[0].notice_version' must be 1 to 64 letters, digits"),
        ("port = \n", "not valid TOML"),
    ],
)  # fmt: skip
def test_a_wrong_value_is_refused_naming_file_key_and_reason(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = config(tmp_path, text)
    with pytest.raises(SettingsError) as refused:
        load_settings(path)
    assert str(refused.value).startswith(f"{path}: ")
    assert reason in str(refused.value)
    assert "tajne" not in str(refused.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="no such config file"):
        load_settings(tmp_path / "brak.toml")
