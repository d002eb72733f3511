"""[metrics]'s push through a Prometheus agent: read from TOML, refused with file, key and
reason (build/deb/apply_config.py writes the agent's config from the same keys)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_push_is_off_by_default_and_reads_every_option(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, "")).metrics.remote_write_url == ""
    config = load_config(
        write(
            tmp_path,
            '[metrics]\nremote_write_url = "https://prom.łańcut.example.pl/api/v1/write"\n'
            'remote_write_user = "kiosk-łańcut-1"\n'
            'remote_write_password_file = "/etc/infomat/remote-write.password"\n'
            "remote_write_interval_s = 60\n",
        )
    )
    metrics = config.metrics
    assert metrics.remote_write_url == "https://prom.łańcut.example.pl/api/v1/write"
    assert (metrics.remote_write_user, metrics.remote_write_interval_s) == ("kiosk-łańcut-1", 60)
    assert metrics.remote_write_password_file == "/etc/infomat/remote-write.password"


URL = 'remote_write_url = "https://prom.example.gov.pl/api/v1/write"\n'


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            'remote_write_url = "prom.example.gov.pl:9090"\n',
            "'metrics.remote_write_url' must be an https:// address (got 'prom.example.gov.pl:9090')",
        ),
        (
            URL + 'remote_write_token_file = "remote-write.token"\n',
            "'metrics.remote_write_token_file' must be an absolute path such as "
            "/etc/infomat/remote-write.token (got 'remote-write.token')",
        ),
        (
            'remote_write_token_file = "/etc/infomat/remote-write.token"\n',
            "'metrics.remote_write_token_file' needs 'metrics.remote_write_url'",
        ),
        (
            URL + 'remote_write_user = "k1"\n',
            "'metrics.remote_write_user' and 'metrics.remote_write_password_file' go together",
        ),
        (
            URL + 'remote_write_user = "k1"\nremote_write_password_file = "/etc/p"\n'
            'remote_write_token_file = "/etc/t"\n',
            "set 'metrics.remote_write_token_file' or 'metrics.remote_write_user', not both",
        ),
        (
            URL + 'remote_write_user = "k:1"\nremote_write_password_file = "/etc/p"\n',
            "'metrics.remote_write_user' must have no ':' nor control characters (got 'k:1')",
        ),
        (
            URL + "port = 0\n",
            "'metrics.remote_write_url' needs 'metrics.enabled' = true and a fixed 'metrics.port'",
        ),
        (URL + "enabled = false\n", "needs 'metrics.enabled' = true"),
        (
            URL + "remote_write_interval_s = 1\n",
            "'metrics.remote_write_interval_s' must be at least 5",
        ),
    ],
)
def test_a_wrong_push_option_is_refused_naming_the_key(
    tmp_path: Path, body: str, message: str
) -> None:
    path = write(tmp_path, "[metrics]\n" + body)
    with pytest.raises(ConfigError) as refused:
        load_config(path)
    assert str(refused.value).startswith(f"{path}: ")
    assert message in str(refused.value)
