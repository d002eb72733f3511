"""The infomat-office package: its unit passes systemd-analyze verify and is hardened, the
config it ships loads, the package holds what it must with the right modes and no Qt, and
(INFOMAT_OFFICE_DEB=1, ~30 s: pip fills a real venv) the built package's office serves."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from office.settings_file import load_settings
from offline_cache.submission_code import ALPHABET, is_valid, new_code
from tests.build import deb_parts
from tests.build.deb_parts import QT, dpkg_deb, load
from tests.office.office_server import free_port

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "build" / "office-deb"
UNIT = HERE / "infomat-office.service"


venv_deb = deb_parts.venv_deb
make_office_deb = load("make_office_deb", HERE / "make_office_deb.py")
OFFICE = make_office_deb.PACKAGE


@pytest.mark.skipif(
    not shutil.which("systemd-analyze"), reason="needs systemd-analyze (make test-debs)"
)
def test_the_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    deb_parts.check_verify(UNIT, "office", tmp_path)


REMIND = HERE / "infomat-office-remind.service"
TIMER = HERE / "infomat-office-remind.timer"


@pytest.mark.skipif(
    not shutil.which("systemd-analyze"), reason="needs systemd-analyze (make test-debs)"
)
def test_the_reminder_timer_and_its_job_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    job = deb_parts.verify(REMIND, REMIND.read_text(), "office", tmp_path / "units")
    assert (job.returncode, job.stderr) == (0, "")
    (tmp_path / "units" / TIMER.name).write_text(TIMER.read_text())
    timer = deb_parts.analyze("verify", tmp_path / "units" / TIMER.name)
    assert (timer.returncode, timer.stderr) == (0, "")
    calendar = subprocess.run(
        ["systemd-analyze", "calendar", "--iterations=24", "*-*-* 09..20:00:00 Europe/Warsaw"],
        capture_output=True, text=True, check=True, timeout=60, env={"TZ": "Europe/Warsaw"},
    ).stdout  # fmt: skip
    elapses = [x for x in calendar.splitlines() if "Next elapse:" in x or "Iter. #" in x]
    hours = {line.split()[-2][:5] for line in elapses}
    assert hours == {f"{hour:02d}:00" for hour in range(9, 21)}, "every hour, 9 to 20, Polish"
    assert "OnCalendar=*-*-* 09..20:00:00 Europe/Warsaw" in TIMER.read_text().splitlines()


def test_the_reminder_job_runs_as_the_service_hardened() -> None:
    lines = REMIND.read_text().splitlines()
    for line in (
        "Type=oneshot",
        "User=infomat-office",
        "ExecStart=/usr/bin/office visits remind --config /etc/infomat/office.toml",
        "ProtectSystem=strict",
        "NoNewPrivileges=yes",
        "UMask=0077",
        "CapabilityBoundingSet=",
    ):
        assert line in lines, line


def test_the_unit_runs_as_its_own_user_hardened() -> None:
    lines = UNIT.read_text().splitlines()
    for line in (
        "User=infomat-office",
        "Group=infomat-office",
        "ExecStart=/usr/bin/office serve --config /etc/infomat/office.toml",
        "Restart=on-failure",
        "StateDirectory=infomat-office",
        "StateDirectoryMode=0700",
        "ReadWritePaths=/var/lib/infomat-office",
        "ProtectSystem=strict",
        "PrivateTmp=yes",
        "NoNewPrivileges=yes",
        "UMask=0077",
        "CapabilityBoundingSet=",
    ):
        assert line in lines, line
    limit = next(int(x.split("=")[1]) for x in lines if x.startswith("LimitNOFILE="))
    # room for every PostgreSQL connection the pool may open (pool_size <= 200) and clients
    assert limit >= 4 * 200 + 1024


def test_the_shipped_config_loads_and_keeps_the_service_on_loopback() -> None:
    settings = load_settings(HERE / "office.toml")
    assert settings.data_dir == "/var/lib/infomat-office"
    assert settings.host == "127.0.0.1"
    assert settings.database_url == ""


def test_the_package_holds_the_venv_unit_config_and_scripts_and_no_qt(tmp_path: Path) -> None:
    root, deb = deb_parts.staged_package(OFFICE, tmp_path)
    info = dpkg_deb("--info", str(deb))
    listing = dpkg_deb("--contents", str(deb))
    assert "Package: infomat-office" in info and "Version: 9.8.7" in info
    depends = next(x for x in info.splitlines() if x.startswith(" Depends:"))
    assert "python3 (>= 3.11), python3 (<< 3.12)" in depends
    assert not [word for word in QT if word in depends.lower()]
    assert "/etc/infomat/office.toml" in dpkg_deb("--info", str(deb), "conffiles")
    for entry in (
        "-rw-r----- root/root",  # the config: postinst gives it to group infomat-office
    ):
        assert any(
            entry in x and x.endswith("./etc/infomat/office.toml") for x in listing.splitlines()
        )
    for path in (
        "./lib/systemd/system/infomat-office.service",
        "./lib/systemd/system/infomat-office-remind.service",
        "./lib/systemd/system/infomat-office-remind.timer",
        "./usr/bin/office -> /opt/infomat-office/venv/bin/office",
        "./usr/share/doc/infomat-office/office.md",
        "./opt/infomat-office/venv/bin/office",
    ):
        assert path in listing, path
    for script in ("postinst", "prerm", "postrm"):
        subprocess.run(["sh", "-n", str(root / "DEBIAN" / script)], check=True)
    postinst = (root / "DEBIAN" / "postinst").read_text()
    assert "adduser --system --group --home /var/lib/infomat-office" in postinst
    assert (
        "install -d -o infomat-office -g infomat-office -m 0700 /var/lib/infomat-office" in postinst
    )
    assert "chown root:infomat-office /etc/infomat/office.toml" in postinst
    assert 'for timer in infomat-office-remind.timer; do systemctl enable --now "$timer"' in (
        postinst
    )
    prerm = (root / "DEBIAN" / "prerm").read_text()
    assert "for timer in infomat-office-remind.timer; do systemctl disable --now" in prerm


def test_the_build_refuses_a_python_the_installed_venv_would_not_find(tmp_path: Path) -> None:
    elsewhere = tmp_path / "python3"
    elsewhere.symlink_to(sys.executable)
    assert "is not Debian's Python in /usr/bin" in venv_deb.python_problem(str(elsewhere))
    assert "no /nowhere/python3" in venv_deb.python_problem("/nowhere/python3")


BUILD = os.environ.get("INFOMAT_OFFICE_DEB") == "1"


@pytest.mark.slow
@pytest.mark.skipif(not BUILD, reason="builds the real package (~30 s, PyPI): INFOMAT_OFFICE_DEB=1")
def test_the_built_package_serves_from_its_venv_without_qt(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    done = subprocess.run(
        [sys.executable, str(HERE / "make_office_deb.py"), "--out", str(out), "--version", "9.8.7"],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    deb = out / "infomat-office_9.8.7_amd64.deb"
    listing = dpkg_deb("--contents", str(deb))
    assert not [x for x in listing.splitlines() if "pyside" in x.lower() or "/qt" in x.lower()]
    assert (
        "site-packages/office/templates/" in listing
        and "site-packages/office/migrations/" in listing
    )
    assert ".pyc" in listing  # compiled at build time: the service cannot write under /opt
    assert "bin/pip" not in listing and "bin/activate" not in listing
    installed = tmp_path / "installed"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(installed)], check=True)
    assert "/opt/infomat-office/venv" in (installed / OFFICE.venv / "pyvenv.cfg").read_text()
    serve_extracted(installed / OFFICE.venv, tmp_path)
    remind_extracted(installed / OFFICE.venv, tmp_path)


def remind_extracted(venv: Path, folder: Path) -> None:
    """The timer's job runs from the extracted venv (the shipped config sends no e-mail)."""
    command = [str(venv / "bin" / "python"), str(venv / "bin" / "office"), "visits", "remind",
               "--config", str(HERE / "office.toml")]  # fmt: skip
    done = subprocess.run(command, env={"PATH": "/usr/bin:/bin", "HOME": str(folder)},
                          cwd=folder, capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert (done.returncode, done.stdout) == (0, "reminders are off: smtp_host is not set\n")


def serve_extracted(venv: Path, folder: Path) -> None:
    """The extracted venv's office (its shebang names /opt: run with its python) answers."""
    port = free_port()
    config = folder / "office.toml"
    config.write_text(f'data_dir = "{folder / "data"}"\nport = {port}\nmetrics_port = 0\n')
    command = [
        str(venv / "bin" / "python"),
        str(venv / "bin" / "office"),
        "serve",
        "--config",
        str(config),
    ]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(folder)}  # nothing of this checkout's venv
    with subprocess.Popen(command, env=env, cwd=folder, stderr=subprocess.PIPE) as server:
        try:
            url = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    assert requests.get(url + "/healthz", timeout=2).status_code == 204
                    break
                except requests.ConnectionError:
                    assert server.poll() is None, server.stderr.read() if server.stderr else ""
                    time.sleep(0.1)
            assert requests.get(url + "/logowanie", timeout=5).status_code == 200
            page = requests.get(url + "/s/" + mistyped_code(), timeout=5)
            assert page.status_code == 400 and "Jeden znak się nie zgadza" in page.text
        finally:
            server.terminate()
            server.wait(10)


def mistyped_code() -> str:
    """A real code with its last character changed: the status page's 400."""
    code = new_code()
    return next(code[:-1] + c for c in ALPHABET if not is_valid(code[:-1] + c))
