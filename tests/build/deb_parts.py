"""What the package tests share: loading build/ scripts, reading a .deb, verifying a unit."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # build/ is no package: at run time the script is loaded by path
    from build.venv_deb import VenvDeb

ROOT = Path(__file__).resolve().parents[2]
QT = ("qt", "pyside", "libegl", "libgl1", "xkbcommon", "weston", "cage", "wayland")


def load(name: str, path: Path) -> ModuleType:
    """A build/ script as module `name` (build/ is no package)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def dpkg_deb(*args: str) -> str:
    return subprocess.run(["dpkg-deb", *args], capture_output=True, text=True, check=True).stdout


def analyze(verb: str, unit: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """`systemd-analyze VERB` on the unit file, finding units only beside it."""
    return subprocess.run(
        ["systemd-analyze", verb, *options, str(unit)],
        env={"SYSTEMD_UNIT_PATH": f"{unit.parent}:", "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip


def verify(
    unit: Path, unit_text: str, command: str, folder: Path
) -> subprocess.CompletedProcess[str]:
    """systemd-analyze verify on `unit_text` saved as `unit`'s name in `folder`, its
    /usr/bin/COMMAND pointed at this checkout's venv (verify wants the program to exist)."""
    folder.mkdir()
    copy = folder / unit.name
    program = Path(sys.executable).parent / command
    copy.write_text(unit_text.replace(f"/usr/bin/{command}", str(program)))
    return analyze("verify", copy)


venv_deb = load("venv_deb", ROOT / "build" / "venv_deb.py")  # the one the builders import


def staged_package(package: VenvDeb, folder: Path) -> tuple[Path, Path]:
    """`package` (build/venv_deb.py) staged around a stub venv (its launcher alone) in
    folder/root and built uncompressed: the root and the .deb, version 9.8.7."""
    root = folder / "root"
    command = root / package.venv / "bin" / package.command
    command.parent.mkdir(parents=True)
    command.write_text(package.launcher())
    venv_deb.stage(package, root, "9.8.7")
    deb = folder / "test.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Znone", "--build", str(root), str(deb)],
                   check=True, capture_output=True)  # fmt: skip
    return root, deb


def check_verify(unit: Path, command: str, folder: Path) -> None:
    """The unit passes systemd-analyze verify, and a typo in it would not."""
    done = verify(unit, unit.read_text(), command, folder / "unit")
    assert (done.returncode, done.stderr) == (0, "")
    typo = unit.read_text().replace("Restart=on-failure", "Restart=on-falure")
    assert (
        "Failed to parse service restart specifier"
        in verify(unit, typo, command, folder / "b").stderr
    )
