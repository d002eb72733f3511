"""The docs are tested: examples validate, every field and command is documented."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
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


FORMS_DOC = (ROOT / "docs" / "forms-format.md").read_text(encoding="utf-8")


def test_the_example_form_in_the_forms_doc_is_valid() -> None:
    example = re.search(r"```json\n(.*?)```", FORMS_DOC, re.DOTALL)
    assert example is not None
    lancut = {"id": "gmina-lancut", "kind": "commune", "name": {"pl": "Gmina Miasto Łańcut"}}
    service = {
        "id": "gl-informacja-publiczna",
        "name": {"pl": "Wniosek o udostępnienie informacji publicznej"},
        "description": {"pl": "Każdy ma prawo do informacji publicznej."},
        "authority": "gmina-lancut",
        "categories": ["urzad"],
        "channels": [{"type": "kiosk", "form": "wniosek-informacja-publiczna"}],
        "updated": "2026-11-20",
    }
    bundle = {
        "format": "infomat-catalogue/1",
        "generated": "2026-11-22T08:00:00Z",
        "tenants": [lancut],
        "categories": [{"id": "urzad", "name": {"pl": "Urząd"}}],
        "life_events": [],
        "services": [service],
        "forms": [json.loads(example.group(1))],
    }
    assert validate_bundle(bundle) == []


def test_every_part_of_a_form_in_the_schema_is_documented() -> None:
    defs = json.loads(Path(schema_path()).read_text(encoding="utf-8"))["$defs"]
    documented = {
        "form": "`forms[].{}`|`{}`",
        "form_step": "`steps[].{}`",
        "form_field": "`fields[].{}`",
        "consent": "`consent.{}`",
    }
    missing = [
        f"{record}.{name}"
        for record, spellings in documented.items()
        for name in defs[record]["properties"]
        if not any(s.format(name) in FORMS_DOC for s in spellings.split("|"))
    ]
    assert missing == []
    field_types = defs["form_field"]["properties"]["type"]["enum"]
    assert [t for t in field_types if f"| `{t}` |" not in FORMS_DOC] == []


def test_every_document_the_project_points_at_is_in_the_repository() -> None:
    """The measured facts the code relies on live in docs/platform-notes.md, not in a file
    outside the repository; each section the code names is there."""
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    texts = {
        name: (ROOT / name).read_text(encoding="utf-8")
        for name in tracked
        if name.endswith((".py", ".md", ".toml", ".qml", ".cfg", ".spec", "Makefile", ".sh"))
        and (ROOT / name).is_file()
    }
    gone = "FACTS" + ".md"  # a notes file outside the repository the code used to cite
    outside = [name for name, text in texts.items() if gone in text]
    assert outside == []
    notes = (ROOT / "docs" / "platform-notes.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^## (.+)$", notes, re.MULTILINE))
    for name, text in texts.items():
        for section in re.findall(r'platform-notes\.md, "([^"]+)"', text):
            assert section in headings, f"{name} names a missing section {section!r}"
