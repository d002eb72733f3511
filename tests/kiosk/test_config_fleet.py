"""The kiosk's own `[fleet]` table: where its group's config is and whose keys it trusts."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config
from offline_cache.signing import generate_private_key, public_key_text

KEY = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="  # fixed: it names test cases
URL = "https://infomat.powiat.example.pl/fleet/powiat-lancut.json"


def fleet(tmp_path: Path, table: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(f"[fleet]\n{table}\n", encoding="utf-8")
    return path


def test_a_fleet_table_is_read_with_several_keys(tmp_path: Path) -> None:
    second = public_key_text(generate_private_key())
    table = f'url = "{URL}"\ngroup = "powiat-lancut"\npublic_keys = ["{KEY}", "{second}"]\n'
    config = load_config(fleet(tmp_path, table + "interval_s = 600\ntimeout_s = 5"))
    assert (config.fleet.url, config.fleet.group) == (URL, "powiat-lancut")
    assert (config.fleet.public_keys, config.fleet.interval_s) == ((KEY, second), 600)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (f'url = "{URL}"\ngroup = "powiat-lancut"', "'fleet.url' needs 'fleet.public_keys'"),
        (f'url = "{URL}"\npublic_keys = ["{KEY}"]', "'fleet.group' must name this kiosk's group"),
        (
            f'url = "{URL}"\ngroup = "Powiat Łańcut"\npublic_keys = ["{KEY}"]',
            "(got 'Powiat Łańcut')",
        ),
        (
            f'url = "file:///etc/x"\ngroup = "g"\npublic_keys = ["{KEY}"]',
            "'fleet.url' must start with https://",
        ),
        (
            f'url = "{URL}"\ngroup = "g"\npublic_keys = ["{KEY}", "bm90IGEga2V5"]',
            "'fleet.public_keys' key 2: public key has 9 bytes, an Ed25519 one has 32",
        ),
        (f'public_keys = "{KEY}"', "'fleet.public_keys' must be a list of texts"),
        ("public_keys = [1]", "'fleet.public_keys' must be a list of texts"),
        ("interval_s = 59", "'fleet.interval_s' must be at least 60 (got 59)"),
        ("timeout_s = inf", "'fleet.timeout_s' must be a finite number"),
    ],
)
def test_a_bad_fleet_table_is_refused(tmp_path: Path, table: str, message: str) -> None:
    path = fleet(tmp_path, table)
    with pytest.raises(ConfigError) as refused:
        load_config(path)
    assert str(refused.value).startswith(f"{path}: ")
    assert message in str(refused.value)
