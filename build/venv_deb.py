"""What the server packages share: a service as a virtualenv in /opt on Debian's Python 3.11.

build/office-deb/make_office_deb.py and build/portal-deb/make_portal_deb.py each declare one
`VenvDeb` (name, command, requirements, the checkout's modules, unit, config, docs, control
fields) and call `main`. The venv is made with Debian's own python3 (its pyvenv.cfg points at
/usr/bin, where the installed system has it too), filled from PyPI with the requirements at
the versions of requirements.lock, given the checkout's modules, stripped of pip and of the
dependencies' command-line tools, and compiled (the service cannot write .pyc under
ProtectSystem). The maintainer scripts are build/venv-deb-scripts/ with the package's names
filled in: a system user named like the package, /var/lib/PACKAGE 0700, the config
0640 root:PACKAGE, the unit enabled.
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = Path(__file__).resolve().parent / "venv-deb-scripts"
PYTHON_MINOR = "3.11"
# The venv is bound to Debian 12's Python 3.11 (its site-packages are python3.11's).
PYTHON_DEPENDS = f"python3 (>= {PYTHON_MINOR}), python3 (<< 3.12)"


@dataclass(frozen=True)
class VenvDeb:
    name: str  # the package, its system user, its unit and /var/lib/NAME
    command: str  # /usr/bin/COMMAND, running `from ENTRY import main`
    entry: str
    requirements: tuple[str, ...]  # what the modules import; versions from requirements.lock
    modules: tuple[str, ...]  # folders or files of this checkout, put in site-packages as they are
    unit: Path
    config: Path  # shipped as /etc/infomat/<its name>, a conffile
    docs: tuple[Path, ...]
    depends: str  # besides Python, adduser and systemd
    suggests: str
    conflicts: str
    section: str
    summary: str
    description: str  # the control file's long description, lines of at most 79 characters
    gecos: str  # the system user's full name
    data_kept: str  # what postrm leaves in /var/lib/NAME on purge, in a few words
    timers: tuple[Path, ...] = ()  # NAME.timer files, each beside its NAME.service; enabled

    def timer_units(self) -> tuple[Path, ...]:
        """The timers and the services they start."""
        return tuple(
            unit for timer in self.timers for unit in (timer, timer.with_suffix(".service"))
        )

    @property
    def venv(self) -> Path:
        """The venv inside the package's root."""
        return Path("opt") / self.name / "venv"

    @property
    def config_path(self) -> str:
        return f"/etc/infomat/{self.config.name}"

    def launcher(self) -> str:
        return (
            f"#!/{self.venv}/bin/python\nimport sys\n\n"
            f"from {self.entry} import main\n\nsys.exit(main())\n"
        )


def version() -> str:
    text = (ROOT / "kiosk" / "__init__.py").read_text(encoding="utf-8")
    return text.split('__version__ = "', 1)[1].split('"', 1)[0]


def build_venv(package: VenvDeb, venv: Path, python: str) -> None:
    """The venv at `venv` (the package root's opt/...), ready to run from /opt/...."""
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip"]
    subprocess.run(
        [*pip, "install", "-q", "--disable-pip-version-check", "--no-compile",
         "-c", str(ROOT / "requirements.lock"), *package.requirements],
        check=True,
    )  # fmt: skip
    subprocess.run([*pip, "uninstall", "-q", "-y", "pip", "setuptools"], check=True)
    site = venv / "lib" / f"python{PYTHON_MINOR}" / "site-packages"
    for module in package.modules:
        copy_module(ROOT / module, site / module)
    command = venv / "bin" / package.command
    command.write_text(package.launcher(), encoding="utf-8")
    command.chmod(0o755)
    relocate(venv, Path("/") / package.venv, keep=package.command)
    final_site = Path("/") / package.venv / site.relative_to(venv)
    compileall.compile_dir(site, quiet=1, workers=0, stripdir=str(site), prependdir=str(final_site))


def copy_module(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def relocate(venv: Path, final: Path, keep: str) -> None:
    """bin/ keeps Python and `keep` alone (the dependencies' tools, pip's and the activate
    scripts go); pyvenv.cfg names the venv's final place, not the build folder."""
    for script in (venv / "bin").iterdir():
        if not (script.name.startswith("python") or script.name == keep):
            script.unlink()
    config = venv / "pyvenv.cfg"
    config.write_text(config.read_text().replace(str(venv), str(final)))


def stage(package: VenvDeb, root: Path, package_version: str) -> None:
    """Everything but the venv (already in root/opt/...): unit, config, docs, control."""
    units = root / "lib" / "systemd" / "system"
    units.mkdir(parents=True)
    for unit in (package.unit, *package.timer_units()):
        shutil.copy2(unit, units / unit.name)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / package.command).symlink_to(f"/{package.venv}/bin/{package.command}")
    config = root / package.config_path.lstrip("/")
    config.parent.mkdir(parents=True)
    shutil.copy2(package.config, config)
    config.chmod(0o640)  # postinst gives it to the package's group
    docs = root / "usr" / "share" / "doc" / package.name
    docs.mkdir(parents=True)
    for doc in package.docs:
        shutil.copy2(doc, docs / doc.name)
    control = root / "DEBIAN"
    control.mkdir()
    for template in sorted(SCRIPTS.iterdir()):
        (control / template.name).write_text(maintainer_script(package, template.read_text()))
        (control / template.name).chmod(0o755)
    (control / "conffiles").write_text(package.config_path + "\n")
    size_kib = sum(f.lstat().st_size for f in root.rglob("*") if f.is_file()) // 1024
    (control / "control").write_text(control_file(package, package_version, size_kib))


def maintainer_script(package: VenvDeb, template: str) -> str:
    for placeholder, value in (
        ("@NAME@", package.name),
        ("@CONFIG@", package.config_path),
        ("@GECOS@", package.gecos),
        ("@DATA_KEPT@", package.data_kept),
        ("@TIMERS@", " ".join(timer.name for timer in package.timers)),
    ):
        template = template.replace(placeholder, value)
    return template


def control_file(package: VenvDeb, package_version: str, size_kib: int) -> str:
    fields = {
        "Package": package.name,
        "Version": package_version,
        "Architecture": "amd64",
        "Maintainer": "Infomat <infomat@example.gov.pl>",
        "Installed-Size": str(size_kib),
        "Depends": ", ".join(x for x in (PYTHON_DEPENDS, "adduser, systemd", package.depends) if x),
        "Suggests": package.suggests,
        "Conflicts": package.conflicts,
        "Section": package.section,
        "Priority": "optional",
        "Description": package.summary,
    }
    head = "".join(f"{key}: {value}\n" for key, value in fields.items() if value)
    return head + "".join(f" {line}\n" for line in package.description.strip().splitlines())


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


def build_deb(package: VenvDeb, out: Path, package_version: str, python: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{package.name}_{package_version}_amd64.deb"
    with tempfile.TemporaryDirectory(prefix=f"{package.name}-deb-") as work:
        root = Path(work) / "root"
        build_venv(package, root / package.venv, python)
        stage(package, root, package_version)
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)],  # noqa: S607
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return deb


def main(package: VenvDeb, argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=f"Assemble the {package.name} Debian package: a venv in /opt."
    )
    parser.add_argument("--out", type=Path, required=True, help="folder for the .deb")
    parser.add_argument("--python", default="/usr/bin/python3", help="Debian's Python 3.11")
    parser.add_argument("--version", default=version())
    args = parser.parse_args(argv)
    problem = python_problem(args.python)
    if problem:
        print(f"{package.name}: {problem}", file=sys.stderr)
        return 1
    print(build_deb(package, args.out, args.version, args.python))
    return 0
