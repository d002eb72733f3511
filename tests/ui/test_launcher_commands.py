"""The `kiosk` command as the launcher builds it: `run` alone for the app's start, the whole
tree for everything else."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kiosk import cli
from ui import launcher


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["run", "--demo"], "run"),
        (["--config", "kiosk.toml", "run", "--windowed"], "run"),
        (["--config=kiosk.toml", "-v", "run"], "run"),
        (["catalogue", "search", "run"], "catalogue"),
        ([], None),
        (["--config"], None),  # wrong: the whole parser says so
        (["--version"], None),
    ],
)
def test_the_command_named_is_read_past_the_options(argv: list[str], named: str | None) -> None:
    assert cli.command_named(argv) == named


def test_the_app_start_builds_only_its_own_command_and_imports_no_tool() -> None:
    probe = (
        "import sys\n"
        "from kiosk import cli\n"
        "from ui.launcher import add_ui_commands\n"
        "parser = cli.build_parser(add_ui_commands, core=False)\n"
        "args = parser.parse_args(['--config', 'k.toml', 'run', '--demo'])\n"
        "print(args.command, args.demo, sorted(m for m in sys.modules if m.startswith('kiosk.cli_')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == ["run", "True", "['kiosk.cli_catalogue']"]


def test_every_other_command_and_the_help_get_the_whole_tree(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        launcher.main(["--help"])
    shown = capsys.readouterr().out
    for command in ("run", "catalogue", "outbox", "heartbeat", "fleet", "sync", "screenshot"):
        assert command in shown
    with pytest.raises(SystemExit):
        launcher.main(["run", "--help"])
    assert "--windowed" in capsys.readouterr().out
