"""Every signal the kiosk connects to one of its own objects lands in a declared slot.

PySide6 (6.11) adds a "dynamic slot" to a class's meta-object when a signal is connected to a
plain method of a QObject, and so replaces the meta-object QML may already have read. QML keeps
what it learned about an object's signals and properties by the meta-object's address; once an
old one is freed and the address reused, a later window met the form model without its
`submitted` signal and the speech model without its slots (seen in the test workers that had
built many kiosks). The rule in ui/ is therefore: connect only to `@Slot`s of the right
signature (or to a plain function or lambda), never to an undecorated method.
"""

from __future__ import annotations

import ast
import gc
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QMetaObject, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication

from kiosk.fleet_status import StatusReader, StatusSources
from kiosk.metrics import KioskMetrics
from kiosk.sd_notify import SystemdNotifier
from tests.ui.conftest import Kiosk
from ui.kiosk_lifecycle import KioskLifecycle, QuitOnSignal
from ui.metrics_hooks import MetricsHooks
from ui.screenshots import settle

UI = Path(__file__).resolve().parents[2] / "ui"


class _Sender(QObject):
    ping = Signal()


class _Plain(QObject):
    def heard(self) -> None:
        """Not a slot."""


class _Declared(QObject):
    @Slot()
    def heard(self) -> None:
        """A slot."""


def test_pyside_still_grows_a_meta_object_for_a_plain_method(qapp: QApplication) -> None:
    """The pinned behaviour that makes the rule necessary; if it ever stops, this fails loudly
    and the rule can be relaxed (docs/platform-notes.md)."""
    sender, plain, declared = _Sender(), _Plain(), _Declared()
    before_plain = plain.metaObject().methodCount()
    before_declared = declared.metaObject().methodCount()
    sender.ping.connect(plain.heard)
    sender.ping.connect(declared.heard)
    assert plain.metaObject().methodCount() == before_plain + 1
    assert declared.metaObject().methodCount() == before_declared


def grown_meta_objects() -> list[str]:
    """Kiosk objects whose meta-object has methods their class never declared."""
    grown = []
    for found in gc.get_objects():
        if not isinstance(found, QObject) or not type(found).__module__.startswith("ui."):
            continue
        static: QMetaObject = getattr(type(found), "staticMetaObject")  # noqa: B009
        declared = static.methodCount()
        meta = found.metaObject()
        if meta.methodCount() != declared:
            extra = [
                bytes(meta.method(i).methodSignature().data()).decode()
                for i in range(declared, meta.methodCount())
            ]
            grown.append(f"{type(found).__qualname__}: {', '.join(extra)}")
    return sorted(set(grown))


def test_no_kiosk_object_grows_its_meta_object(kiosk: Kiosk, qapp: QApplication) -> None:
    app = kiosk.app
    lifecycle = KioskLifecycle(app, app.services, SystemdNotifier())
    metrics = KioskMetrics(StatusReader("k", "1", StatusSources()))
    hooks = MetricsHooks(metrics, app.session, app.catalogue, app.idle)
    quit_on_signal = QuitOnSignal(qapp)
    try:
        kiosk.tap("category_pojazdy-kierowcy")
        kiosk.tap("service_pl-rejestracja-pojazdu")
        kiosk.tap("homeButton")
        settle(200)
        assert grown_meta_objects() == []
    finally:
        quit_on_signal.remove()
        for made in (lifecycle, hooks, quit_on_signal):
            made.deleteLater()


def _connected_methods(tree: ast.Module) -> Iterator[tuple[ast.ClassDef, str, int]]:
    """(class, method name, line) of every `something.connect(self.method)` in a class."""
    for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)):
        if not any(isinstance(base, ast.Name) and base.id.startswith("Q") for base in cls.bases):
            continue  # a plain Python receiver adds nothing to any meta-object
        for call in (node for node in ast.walk(cls) if isinstance(node, ast.Call)):
            func = call.func
            if not (isinstance(func, ast.Attribute) and func.attr == "connect") or not call.args:
                continue
            target = call.args[-1]
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
            ):
                yield cls, target.attr, call.lineno


def _is_slot_or_signal(cls: ast.ClassDef, name: str) -> bool:
    for node in cls.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return any(
                isinstance(d, ast.Call) and isinstance(d.func, ast.Name) and d.func.id == "Slot"
                for d in node.decorator_list
            )
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = node.value
            named = any(isinstance(t, ast.Name) and t.id == name for t in targets)
            if named and isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
                return value.func.id == "Signal"
    return False


def test_every_connection_in_ui_lands_in_a_slot_or_a_signal() -> None:
    """The same rule read from the source, so code no test runs is held to it too."""
    wrong = []
    for path in sorted(UI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls, name, line in _connected_methods(tree):
            if not _is_slot_or_signal(cls, name):
                wrong.append(f"{path.name}:{line}: {cls.name}.{name}")
    assert wrong == [], "connected to a method that is not a @Slot: " + "; ".join(wrong)
