"""The bundle's choices (build/bundle_parts.py), checked without running PyInstaller.

The bundle itself is built and self-tested by `make bundle-test` (part of `./dev test`).
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def bundle_parts() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bundle_parts", ROOT / "build" / "bundle_parts.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bundle_parts"] = module
    spec.loader.exec_module(module)
    return module


def lazily_imported_modules() -> set[str]:
    """Our modules imported inside functions, which PyInstaller's analysis cannot see."""
    found: set[str] = set()
    for package in ("kiosk", "ui", "offline_cache"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.FunctionDef):
                    for inner in ast.walk(node):
                        if isinstance(inner, ast.ImportFrom) and inner.module and inner.level == 0:
                            found.add(inner.module)
    return {m for m in found if m.split(".")[0] in ("kiosk", "ui", "offline_cache", "devices")}


def test_every_lazily_imported_module_of_ours_is_a_hidden_import() -> None:
    hidden = set(bundle_parts().hidden_imports())
    lazy = lazily_imported_modules()
    assert {"kiosk.heartbeat", "ui.self_test", "offline_cache.sync"} <= lazy
    assert lazy - hidden == set()
    assert not [m for m in hidden if m.startswith("tests")]


def test_only_the_qt_parts_the_kiosk_uses_are_kept() -> None:
    keep = bundle_parts().keep_qt_file
    assert keep("PySide6/Qt/plugins/platforms/libqwayland.so")
    assert keep("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert not keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert not keep("PySide6/Qt/plugins/sqldrivers/libqsqlite.so")
    assert keep("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so")
    assert keep("PySide6/Qt/qml/QtQuick/VirtualKeyboard/Layouts/libqtvkblayoutsplugin.so")
    assert keep("PySide6/Qt/qml/QtQuick/Controls/Basic/Button.qml")
    assert not keep("PySide6/Qt/qml/QtQuick/Controls/Material/Button.qml")
    assert not keep("PySide6/Qt/qml/QtQuick3D/qmldir")
    assert not keep("PySide6/Qt/qml/QtWebEngine/qmldir")
    assert not keep("PySide6/Qt/translations/qtbase_pl.qm"), "the kiosk loads only its own"
    assert keep("ui/i18n/infomat_pl.qm")
    assert keep("offline_cache/demo/catalogue.json")


def test_libraries_nothing_kept_needs_are_dropped() -> None:
    parts = bundle_parts()
    graph = {
        "src/QtQuick.abi3.so": {"libQt6Quick.so.6"},
        "src/libQt6Quick.so.6": {"libQt6Core.so.6", "libicuuc.so.73"},
        "src/libQt6Core.so.6": set(),
        "src/libicuuc.so.73": set(),
        "src/libQt63DCore.so.6": {"libQt6Core.so.6"},
        "src/libpython3.11.so.1.0": set(),
        "src/libavif.so.16": set(),
    }
    binaries = [
        ("PySide6/QtQuick.abi3.so", "src/QtQuick.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", "src/libQt6Quick.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "src/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libicuuc.so.73", "src/libicuuc.so.73", "BINARY"),
        ("PySide6/Qt/lib/libQt63DCore.so.6", "src/libQt63DCore.so.6", "BINARY"),
        ("libpython3.11.so.1.0", "src/libpython3.11.so.1.0", "BINARY"),
        ("pillow.libs/libavif.so.16", "src/libavif.so.16", "BINARY"),
    ]
    kept = [e[0] for e in parts.needed_only(binaries, lambda source: graph[source])]
    assert kept == [
        "PySide6/QtQuick.abi3.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libicuuc.so.73",
        "libpython3.11.so.1.0",
    ]


def test_the_bundle_has_no_egl_integration_for_wayland_clients() -> None:
    """Why the kiosk draws in software on Wayland (ui/kiosk_app.py, prepare_environment): if
    the bundle ever carries Qt's wayland-egl client plugin, reconsider that choice."""
    kept = bundle_parts().QT_PLUGINS.get("wayland-graphics-integration-client", ())
    assert not any("wayland-egl" in name for name in kept)
