"""`kiosk compile-qml`: the screens' QML compiled into a cache folder that a later start reads
instead of compiling (the kiosk image fills one at build time, docs/image.md)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.qml_cache import QML_DIR

KIOSK = Path(sys.executable).parent / "kiosk"


def compile_qml(cache: Path) -> subprocess.CompletedProcess[str]:
    """The real command in a process of its own, with Qt's disk-cache log on."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_LOGGING_RULES": "qt.qml.diskcache.debug=true",
    }
    return subprocess.run(
        [str(KIOSK), "compile-qml", str(cache)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def cache_name(source: Path) -> str:
    """Where Qt looks for a file's compiled form: the SHA-1 of its path."""
    return hashlib.sha1(str(source.resolve()).encode()).hexdigest() + ".qmlc"


@pytest.mark.slow
def test_every_screen_is_compiled_once_and_then_read_from_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "qml-cache"
    first = compile_qml(cache)
    assert first.returncode == 0, first.stderr
    sources = sorted(QML_DIR.rglob("*.qml"))
    assert len(sources) > 10
    assert first.stdout.strip() == f"{len(sources)} compiled QML files in {cache}"
    assert sorted(p.name for p in cache.iterdir()) == sorted(cache_name(s) for s in sources)

    # A second process finds every file compiled: it loads each from the cache and writes
    # none again (Qt would replace a file it compiled anew: a new inode).
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in cache.iterdir()}
    second = compile_qml(cache)
    assert second.returncode == 0, second.stderr
    assert "from disk cache" not in second.stderr  # Qt's "Error loading ... from disk cache"
    assert {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in cache.iterdir()} == before
    # The first run had nothing to read: Qt says so for each file, so the check above hears it.
    assert first.stderr.count("from disk cache") >= len(sources)


def test_a_file_that_does_not_compile_is_named(tmp_path: Path) -> None:
    qml = tmp_path / "qml"
    qml.mkdir()
    (qml / "Good.qml").write_text("import QtQuick\nItem {}\n")
    (qml / "Broken.qml").write_text("import QtQuick\nItem { width: }\n")
    script = (
        "import sys; from pathlib import Path; from ui.qml_cache import compile_qml, QmlCompileError\n"
        "try: compile_qml(Path(sys.argv[1]), Path(sys.argv[2]))\n"
        "except QmlCompileError as exc: print(exc); sys.exit(3)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "cache"), str(qml)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 3, result.stderr
    assert result.stdout.startswith("QML that does not compile: Broken.qml:")
    assert "Good.qml" not in result.stdout
