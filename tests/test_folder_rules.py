"""DESIGN.md folder rules, read from the imports of every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("kiosk", "ui", "devices", "offline_cache", "captive_portal", "office")
FORBIDDEN = {
    "offline_cache": ("PySide6", "kiosk", "ui", "devices", "captive_portal", "office"),
    "devices": ("PySide6", "kiosk", "ui", "offline_cache", "captive_portal", "office"),
    "captive_portal": ("PySide6", "kiosk", "ui", "devices", "offline_cache", "office"),
    "office": ("PySide6", "kiosk", "ui", "devices", "captive_portal"),
    "kiosk": ("PySide6", "ui", "captive_portal", "office"),
    "ui": (
        "sqlite3",
        "sqlite_utils",
        "socket",
        "requests",
        "offline_cache",
        "captive_portal",
        "office",
    ),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("package", PACKAGES)
def test_package_imports_only_what_design_allows(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"{package} has no modules"
    for path in files:
        for module in imported_modules(path):
            top = module.split(".")[0]
            assert top not in FORBIDDEN[package], f"{path.relative_to(ROOT)} imports {module}"


def test_the_rule_checker_sees_forbidden_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import PySide6.QtCore\nfrom kiosk.config import load_config\n")
    assert imported_modules(sample) == {"PySide6.QtCore", "kiosk.config"}
