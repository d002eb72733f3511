"""Assemble the infomat-kiosk Debian package from the bundle and build/deb, with dpkg-deb.

Usage: python3 build/deb/make_deb.py --bundle build/dist/infomat --out build/dist
No network at install time: everything the kiosk runs is in the bundle; Depends names the
Debian packages of the session (weston, logind's PAM module) and the Qt runtime libraries.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PACKAGE = "infomat-kiosk"
# weston (>= 10): its kiosk shell and [autolaunch]. libpam-systemd: the kiosk user's login
# session on tty1 (infomat-kiosk-login.service), through which weston takes the screen.
DEPENDS = (
    "weston (>= 10), libpam-systemd, python3 (>= 3.11), adduser, systemd, udev, "
    "libegl1, libgl1, libxkbcommon0, libfontconfig1, libglib2.0-0, libdbus-1-3, libpulse0, "
    "libwayland-client0, libwayland-cursor0, libwayland-egl1, fonts-dejavu-core, espeak-ng"
)
# prometheus: the agent that pushes the metrics (infomat-metrics-agent.service), wanted only
# where `[metrics] remote_write_url` is set. Suggests, not Recommends: Debian's package also
# enables its own full server (prometheus.service), which apt would then start on every
# kiosk installed with Recommends; the image installs it and masks that unit.
SUGGESTS = "prometheus"
CONFFILES = ("etc/infomat/kiosk.toml", "etc/infomat/captive-portal.toml")


def version() -> str:
    text = (ROOT / "kiosk" / "__init__.py").read_text(encoding="utf-8")
    return text.split('__version__ = "', 1)[1].split('"', 1)[0]


def stage(bundle: Path, root: Path, package_version: str) -> None:
    shutil.copytree(bundle, root / "opt" / "infomat", symlinks=True)
    guide = ROOT / "docs" / "technician-guide.md"
    if guide.exists():
        shutil.copy2(guide, root / "opt" / "infomat" / "technician-guide.md")
    units = root / "lib" / "systemd" / "system"
    units.mkdir(parents=True)
    for unit in sorted((HERE / "systemd").iterdir()):
        shutil.copy2(unit, units / unit.name)
    tools = root / "usr" / "lib" / "infomat"
    tools.mkdir(parents=True)
    for script in sorted((HERE / "bin").iterdir()):
        shutil.copy2(script, tools / script.name)
    shutil.copy2(HERE / "apply_config.py", tools / "apply-config")
    shared = root / "usr" / "share" / "infomat"
    shared.mkdir(parents=True)
    shutil.copy2(HERE / "share" / "weston.ini", shared / "weston.ini")
    (tools / "apply-config").chmod(0o755)
    (root / "usr" / "bin").mkdir(parents=True)
    for program in ("kiosk", "captive-portal"):
        (root / "usr" / "bin" / program).symlink_to(f"/opt/infomat/{program}")
    config = root / "etc" / "infomat"
    config.mkdir(parents=True)
    shutil.copy2(HERE / "kiosk.toml", config / "kiosk.toml")
    shutil.copy2(HERE / "captive-portal.toml", config / "captive-portal.toml")
    control = root / "DEBIAN"
    control.mkdir()
    for script in sorted((HERE / "maintainer").iterdir()):
        shutil.copy2(script, control / script.name)
        (control / script.name).chmod(0o755)
    (control / "conffiles").write_text("".join(f"/{c}\n" for c in CONFFILES))
    size_kib = sum(f.lstat().st_size for f in root.rglob("*") if f.is_file()) // 1024
    (control / "control").write_text(
        f"Package: {PACKAGE}\nVersion: {package_version}\nArchitecture: amd64\n"
        f"Maintainer: Infomat <infomat@example.gov.pl>\nInstalled-Size: {size_kib}\n"
        f"Depends: {DEPENDS}\nSuggests: {SUGGESTS}\nSection: misc\nPriority: optional\n"
        "Description: Infomat municipal touchscreen kiosk\n"
        " The kiosk app (PyInstaller bundle) full screen under weston on tty1, with systemd\n"
        " units (watchdog, recovery, screen schedule), udev rules for the receipt printer\n"
        " and the hotspot captive portal (off by default).\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, required=True, help="the PyInstaller folder")
    parser.add_argument("--out", type=Path, required=True, help="folder for the .deb")
    parser.add_argument("--version", default=version())
    args = parser.parse_args()
    if not (args.bundle / "kiosk").is_file():
        print(f"make_deb: no kiosk program in {args.bundle}; run make bundle", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    deb = args.out / f"{PACKAGE}_{args.version}_amd64.deb"
    with tempfile.TemporaryDirectory(prefix="infomat-deb-") as work:
        root = Path(work) / "root"
        stage(args.bundle, root, args.version)
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)],  # noqa: S607
            check=True,
            stdout=subprocess.DEVNULL,
        )
    print(deb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
