"""The kiosk config: declared once, read from TOML, refused with file, key and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, KioskConfig, describe, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_the_demo_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    config = load_config(None)
    assert config == KioskConfig()
    assert config.catalogue.url == ""
    assert config.data_path() == tmp_path / "infomat"


def test_a_full_file_is_read_with_its_types(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
kiosk_id = "łańcut-ratusz-1"
language = "uk"
data_dir = "/var/lib/infomat"
[catalogue]
url = "https://katalog.example.pl/catalogue.json"
public_key = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
sync_interval_s = 600
timeout_s = 10
""",
    )
    config = load_config(path)
    assert config.kiosk_id == "łańcut-ratusz-1"
    assert config.language == "uk"
    assert config.data_path() == Path("/var/lib/infomat")
    assert config.catalogue.sync_interval_s == 600
    assert config.catalogue.timeout_s == 10.0
    assert isinstance(config.catalogue.timeout_s, float)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('kiosk_idd = "x"', "unknown key 'kiosk_idd'"),
        ("[catalogue]\nurll = 'x'", "unknown key 'catalogue.urll'"),
        ("kiosk_id = 5", "'kiosk_id' must be text (got 5)"),
        ('language = "fr"', "'language' must be one of 'pl', 'en', 'uk', 'de' (got 'fr')"),
        (
            "[catalogue]\nsync_interval_s = 5",
            "'catalogue.sync_interval_s' must be at least 60 (got 5)",
        ),
        (
            "[catalogue]\nsync_interval_s = true",
            "'catalogue.sync_interval_s' must be a whole number",
        ),
        ("[catalogue]\ntimeout_s = '3'", "'catalogue.timeout_s' must be a number"),
        ('catalogue = "x"', "'catalogue' must be a table [catalogue]"),
        ("kiosk_id = ", "not valid TOML"),
    ],
)
def test_bad_files_are_refused_naming_file_key_and_reason(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as refused:
        load_config(path)
    assert str(refused.value).startswith(f"{path}: ")
    assert message in str(refused.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[catalogue]\nurl = "https://k.example/c.json"',
            "'catalogue.url' needs 'catalogue.public_key'",
        ),
        ('[catalogue]\nurl = "ftp://k.example/c.json"', "'catalogue.url' must start with https://"),
        ('[catalogue]\npublic_key = "abc"', "'catalogue.public_key' public key is not base64 text"),
        ('[catalogue]\npublic_key = "AAAA"', "'catalogue.public_key' public key has 3 bytes"),
    ],
)
def test_catalogue_options_are_checked_together(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as refused:
        load_config(write(tmp_path, text))
    assert message in str(refused.value)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.toml")


def test_every_option_is_declared_with_type_default_and_doc() -> None:
    options = {o.key: o for o in describe()}
    assert {
        "kiosk_id",
        "language",
        "data_dir",
        "log_level",
        "catalogue.url",
        "catalogue.public_key",
    } <= set(options)
    for option in options.values():
        assert option.doc.endswith("."), option.key
        assert option.type
        assert option.default
