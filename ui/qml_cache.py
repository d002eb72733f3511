"""`kiosk compile-qml DIR`: the kiosk's QML compiled ahead of its first start.

Qt compiles a QML file the first time it loads it and keeps the result in its disk cache:
the folder QML_DISK_CACHE_PATH names, else ~/.cache/infomat-kiosk/qmlcache. A cache file is
named by the SHA-1 of the source file's path and is used only while the source's content,
the Qt build and the types it resolved are the same. The kiosk image runs this command at
build time into a folder of the read-only root and points the kiosk's unit at it, so a
kiosk's first start (and its first start after an update) loads compiled QML
(docs/image.md, "QML compiled at build time").
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlComponent, QQmlEngine

from ui.kiosk_app import MAIN_QML, prepare_environment

QML_DIR = MAIN_QML.parent


class QmlCompileError(Exception):
    """A QML file did not compile; the message names the files and Qt's errors."""


def compile_qml(cache: Path, qml_dir: Path = QML_DIR) -> list[Path]:
    """Compile every QML file under `qml_dir` into `cache`; the cache files written.

    Call it in a process that has loaded no QML yet: Qt reads QML_DISK_CACHE_PATH once."""
    cache.mkdir(parents=True, exist_ok=True)
    os.environ["QML_DISK_CACHE_PATH"] = str(cache.resolve())
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The same Controls style as `kiosk run`: a cache file holds the types its file
    # resolved, and Qt compiles again when they differ.
    prepare_environment()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    engine = QQmlEngine()
    problems = []
    for source in sorted(qml_dir.rglob("*.qml")):
        component = QQmlComponent(engine, QUrl.fromLocalFile(str(source.resolve())))
        if component.isError():
            errors = "; ".join(error.toString() for error in component.errors())
            problems.append(f"{source.relative_to(qml_dir)}: {errors}")
    del engine  # before the application object, as Qt wants
    if problems:
        raise QmlCompileError("QML that does not compile: " + " | ".join(problems))
    return sorted(cache.glob("*.qmlc"))
