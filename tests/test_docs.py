"""The docs are tested: examples validate, every field and command is documented."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from kiosk.cli import build_parser
from offline_cache.validation import schema_path, validate_bundle
from ui.launcher import add_ui_commands

ROOT = Path(__file__).resolve().parent.parent
FORMAT_DOC = (ROOT / "docs" / "catalogue-format.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_example_bundle_in_the_format_doc_is_valid() -> None:
    example = re.search(r"```json\n(.*?)```", FORMAT_DOC, re.DOTALL)
    assert example is not None
    assert validate_bundle(json.loads(example.group(1))) == []


def test_every_service_field_of_the_schema_is_documented() -> None:
    schema = json.loads(Path(schema_path()).read_text(encoding="utf-8"))
    fields = set(schema["$defs"]["service"]["properties"]) | set(schema["properties"])
    spellings = ("`{}`", "`{}[]`", "`services[].{}`")
    undocumented = [f for f in fields if not any(s.format(f) in FORMAT_DOC for s in spellings)]
    assert undocumented == []


def test_every_kiosk_command_is_in_the_readme() -> None:
    names = command_names(build_parser(add_ui_commands), "kiosk")
    assert "kiosk catalogue search" in names
    assert "kiosk run" in names
    assert [name for name in names if f"`{name}" not in README] == []


def command_names(parser: argparse.ArgumentParser, prefix: str) -> list[str]:
    """Every leaf command of an argparse tree, e.g. "kiosk catalogue search"."""
    groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not groups:
        return [prefix]
    choices: dict[str, argparse.ArgumentParser] = groups[0].choices
    names: list[str] = []
    for name, sub in choices.items():
        names += command_names(sub, f"{prefix} {name}")
    return names


def test_readme_opens_with_exactly_two_commands() -> None:
    head = README.split("\n## ", 1)[0]
    assert re.findall(r"```sh\n(.*?)\n```", head, re.DOTALL) == ["./dev demo", "./dev test"]


def test_ci_runs_the_readme_test_command() -> None:
    assert "./dev test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
