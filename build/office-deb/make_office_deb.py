"""Assemble the infomat-office Debian package: a virtualenv in /opt on Debian's Python 3.11.

Usage: python3 build/office-deb/make_office_deb.py --out build/dist [--python /usr/bin/python3]
The venv is made with Debian's own python3 (its pyvenv.cfg points at /usr/bin, where the
installed system has it too), filled from PyPI with the office's dependencies at the
versions of requirements.lock, given the `office` and the three `offline_cache` modules it
uses, stripped of pip and compiled (the service cannot write .pyc under ProtectSystem).
No Qt: the office needs none, and Depends names only Python, adduser and systemd.
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PACKAGE = "infomat-office"
VENV = Path("opt/infomat-office/venv")  # inside the package's root
PYTHON_MINOR = "3.11"
# The venv is bound to Debian 12's Python 3.11 (its site-packages are python3.11's).
DEPENDS = f"python3 (>= {PYTHON_MINOR}), python3 (<< 3.12), adduser, systemd"
SUGGESTS = "postgresql, sqlite3"
CONFFILES = ("etc/infomat/office.toml",)
# What `office` imports (office/*.py), the lock's versions chosen by pip's constraints.
REQUIREMENTS = (
    "starlette", "uvicorn[standard]", "httptools", "uvloop", "jinja2", "python-multipart",
    "prometheus-client", "psycopg[binary]", "psycopg-pool", "cryptography",
)  # fmt: skip
# Command-line tools of the dependencies; the service runs none of them.
TOOLS_NOT_NEEDED = ("cffi-gen-src", "dotenv", "idna", "uvicorn", "watchfiles", "websockets")
OFFLINE_CACHE_MODULES = ("__init__.py", "submission_code.py", "signing.py")
LAUNCHER = f"""#!/{VENV}/bin/python
import sys

from office.cli import main

sys.exit(main())
"""


def version() -> str:
    text = (ROOT / "kiosk" / "__init__.py").read_text(encoding="utf-8")
    return text.split('__version__ = "', 1)[1].split('"', 1)[0]


def build_venv(venv: Path, python: str) -> None:
    """The venv at `venv` (the package root's opt/...), ready to run from /opt/...."""
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip"]
    subprocess.run(
        [*pip, "install", "-q", "--disable-pip-version-check", "--no-compile",
         "-c", str(ROOT / "requirements.lock"), *REQUIREMENTS],
        check=True,
    )  # fmt: skip
    subprocess.run([*pip, "uninstall", "-q", "-y", "pip", "setuptools"], check=True)
    site = venv / "lib" / f"python{PYTHON_MINOR}" / "site-packages"
    shutil.copytree(ROOT / "office", site / "office",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    (site / "offline_cache").mkdir()
    for module in OFFLINE_CACHE_MODULES:
        shutil.copy2(ROOT / "offline_cache" / module, site / "offline_cache" / module)
    (venv / "bin" / "office").write_text(LAUNCHER, encoding="utf-8")
    (venv / "bin" / "office").chmod(0o755)
    relocate(venv, Path("/") / VENV)
    compileall.compile_dir(site, quiet=1, workers=0, stripdir=str(site),
                           prependdir=str(Path("/") / VENV / site.relative_to(venv)))  # fmt: skip


def relocate(venv: Path, final: Path) -> None:
    """Scripts and pyvenv.cfg name the venv's final place, not the build folder."""
    for script in (venv / "bin").iterdir():
        if script.name.lower().startswith("activate") or script.name in TOOLS_NOT_NEEDED:
            script.unlink()
            continue
        if script.is_symlink() or not script.is_file():
            continue
        text = script.read_bytes()
        if text.startswith(b"#!" + str(venv).encode()):
            script.write_bytes(text.replace(str(venv).encode(), str(final).encode(), 1))
    config = venv / "pyvenv.cfg"
    config.write_text(config.read_text().replace(str(venv), str(final)))


def stage(root: Path, package_version: str) -> None:
    """Everything but the venv (already in root/opt/...): units, config, docs, control."""
    units = root / "lib" / "systemd" / "system"
    units.mkdir(parents=True)
    shutil.copy2(HERE / "infomat-office.service", units / "infomat-office.service")
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "office").symlink_to(f"/{VENV}/bin/office")
    config = root / "etc" / "infomat"
    config.mkdir(parents=True)
    shutil.copy2(HERE / "office.toml", config / "office.toml")
    (config / "office.toml").chmod(0o640)  # postinst gives it to group infomat-office
    docs = root / "usr" / "share" / "doc" / PACKAGE
    docs.mkdir(parents=True)
    shutil.copy2(ROOT / "docs" / "office.md", docs / "office.md")
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
        f"Depends: {DEPENDS}\nSuggests: {SUGGESTS}\nSection: web\nPriority: optional\n"
        "Description: Infomat office service\n"
        " The office's side of the Infomat kiosks: the intake of the applications residents\n"
        " file at the kiosks, the case register (SQLite or PostgreSQL), the clerks' pages and\n"
        " the residents' status page, as a hardened systemd service.\n"
    )


def python_problem(python: str) -> str:
    """Why `python` cannot make the package's venv, or ''."""
    found = shutil.which(python)
    if found is None:
        return f"no {python}; install Debian's python3 and python3-venv"
    if Path(found).parent != Path("/usr/bin"):
        return f"{found} is not Debian's Python in /usr/bin, where the installed venv finds it"
    done = subprocess.run(
        [found, "-c", "import sys, venv, ensurepip; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.stdout.strip() != PYTHON_MINOR:
        return f"{found} is not Python {PYTHON_MINOR} with venv and ensurepip (python3-venv)"
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the .deb")
    parser.add_argument("--python", default="/usr/bin/python3", help="Debian's Python 3.11")
    parser.add_argument("--version", default=version())
    args = parser.parse_args()
    problem = python_problem(args.python)
    if problem:
        print(f"make_office_deb: {problem}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    deb = args.out / f"{PACKAGE}_{args.version}_amd64.deb"
    with tempfile.TemporaryDirectory(prefix="infomat-office-deb-") as work:
        root = Path(work) / "root"
        build_venv(root / VENV, args.python)
        stage(root, args.version)
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)],  # noqa: S607
            check=True,
            stdout=subprocess.DEVNULL,
        )
    print(deb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
