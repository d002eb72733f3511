"""What goes into the kiosk bundle: the app's own modules and the Qt parts it uses.

Read by build/kiosk.spec, and by tests that check the choices without running PyInstaller.
Hidden imports are derived by walking the app's packages, because the app imports many
modules lazily (inside the function that needs them) where PyInstaller cannot see them.
"""

from __future__ import annotations

import pkgutil
import re
from collections.abc import Callable
from importlib import import_module
from pathlib import PurePosixPath

APP_PACKAGES = ("kiosk", "ui", "offline_cache", "devices", "captive_portal")

# Qt plugins by folder: what the kiosk needs on a Wayland compositor (cage), offscreen for
# the self-test, and the in-window virtual keyboard. Everything else (3D, web engine, SQL
# drivers, printing, sensors, X11...) stays out.
QT_PLUGINS = {
    "platforms": ("libqoffscreen.so", "libqwayland.so", "libqminimal.so"),
    "platforminputcontexts": ("libqtvirtualkeyboardplugin.so",),
    "wayland-shell-integration": ("libxdg-shell.so",),
    "wayland-decoration-client": ("libbradient.so",),
    "wayland-graphics-integration-client": ("libshm-emulation-server.so",),
    "imageformats": ("libqsvg.so", "libqjpeg.so", "libqico.so"),
    "iconengines": ("libqsvgicon.so",),
    "multimedia": ("libffmpegmediaplugin.so",),  # the keyboard's key-press sounds
}
# QML modules (folders under Qt/qml) the screens and the keyboard import.
QML_MODULES = (
    "QtQml",
    "QtQuick/Controls/Basic",
    "QtQuick/Controls/impl",
    "QtQuick/Controls/qmldir",
    "QtQuick/Controls/libqtquickcontrols2plugin.so",
    "QtQuick/Controls/plugins.qmltypes",
    "QtQuick/Templates",
    "QtQuick/Window",
    "QtQuick/Layouts",
    "QtQuick/VirtualKeyboard",
    "QtQuick/qmldir",
    "QtQuick/libqtquick2plugin.so",
    "QtQuick/plugins.qmltypes",
    "QtMultimedia",
    "Qt/labs/folderlistmodel",  # the keyboard's Keyboard.qml imports it
)
# The keyboard's layouts (pl, en_GB, uk, de and 39 others) are compiled into one 84 KB
# plugin in Qt 6.11, and its Keyboard.qml imports every input-method plugin (Hangul, Pinyin,
# Thai...: 3.3 MB) whatever the layout: dropping those breaks the keyboard (the self-test
# says so), so the keyboard module goes in whole.


def hidden_imports() -> list[str]:
    """Every module of the app's packages, imported lazily or not."""
    found: list[str] = []
    for package in APP_PACKAGES:
        module = import_module(package)
        found.append(package)
        found += [m.name for m in pkgutil.walk_packages(module.__path__, package + ".")]
    return sorted(found)


_QT = re.compile(r"^PySide6/Qt/(plugins|qml|translations)/(.*)$")


def keep_qt_file(dest: str) -> bool:
    """Whether a file PyInstaller collected (by its path in the bundle) belongs in it."""
    match = _QT.match(dest.replace("\\", "/"))
    if match is None:
        return True
    kind, rest = match.groups()
    if kind == "translations":
        return False  # the kiosk loads only its own .qm files, never Qt's
    if kind == "plugins":
        folder, _, name = rest.partition("/")
        return name in QT_PLUGINS.get(folder, ())
    return any(rest == m or rest.startswith(m + "/") for m in QML_MODULES)


LIBRARY_FOLDERS = (".", "PySide6/Qt/lib", "pillow.libs")
Entry = tuple[str, str, str]  # PyInstaller's TOC entry: path in the bundle, source, kind


def _is_library(dest: str) -> bool:
    """A shared library PyInstaller collected because something might need it."""
    path = PurePosixPath(dest.replace("\\", "/"))
    folder = str(path.parent)
    if path.name.startswith("libpython"):
        return False  # the bootloader loads it by name: nothing "needs" it
    return ".so" in path.name and path.name.startswith("lib") and folder in LIBRARY_FOLDERS


def needed_only(binaries: list[Entry], imports_of: Callable[[str], set[str]]) -> list[Entry]:
    """Keep a collected library only if a kept module or plugin needs it (transitively).

    PyInstaller collects the libraries of every QML plugin before the trimming above drops
    most plugins; walking the ELF dependencies again from what is kept drops the orphans
    (Qt 3D, Charts, WebEngine, GTK...).
    """
    libraries = {PurePosixPath(e[0]).name: e for e in binaries if _is_library(e[0])}
    kept: set[str] = set()
    queue = [e for e in binaries if not _is_library(e[0])]
    while queue:
        entry = queue.pop()
        for name in imports_of(entry[1]):
            if name in libraries and name not in kept:
                kept.add(name)
                queue.append(libraries[name])
    return [e for e in binaries if not _is_library(e[0]) or PurePosixPath(e[0]).name in kept]
