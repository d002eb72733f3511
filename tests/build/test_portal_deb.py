"""The infomat-captive-portal package: its unit passes systemd-analyze verify, holds exactly
CAP_NET_ADMIN and the hardening of the office's, and matches the kiosk package's portal unit;
the config it ships loads; the package holds what it must with the right modes and no Qt;
and (INFOMAT_PORTAL_DEB=1, ~1 min: pip fills a real venv) the built package's portal serves
the splash and the probes from its own venv."""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
import requests

from captive_portal.settings import PortalSettings
from captive_portal.settings_file import load_settings
from tests.build import deb_parts
from tests.build.deb_parts import QT, dpkg_deb, load
from tests.captive_portal.portal_process import free_port, wait_until_answering

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "build" / "portal-deb"
UNIT = HERE / "infomat-captive-portal.service"
KIOSK_UNIT = ROOT / "build" / "deb" / "systemd" / "infomat-captive-portal.service"
venv_deb = deb_parts.venv_deb
make_portal_deb = load("make_portal_deb", HERE / "make_portal_deb.py")
PORTAL = make_portal_deb.PACKAGE


def service_lines(unit: Path) -> list[str]:
    return [x for x in unit.read_text().splitlines() if x and not x.startswith("#")]


NEEDS_ANALYZE = pytest.mark.skipif(
    not shutil.which("systemd-analyze"), reason="needs systemd-analyze (make test-debs)"
)


@NEEDS_ANALYZE
def test_the_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    deb_parts.check_verify(UNIT, "captive-portal", tmp_path)


def capabilities_left(unit_text: str, folder: Path) -> list[str]:
    """The capability groups systemd leaves the unit, as `systemd-analyze security` reads it
    (verify passes a misspelled capability in silence; this sees it gone)."""
    deb_parts.verify(UNIT, unit_text, "captive-portal", folder)
    done = deb_parts.analyze("security", folder / UNIT.name, "--offline=yes", "--json=short")
    checks = json.loads(done.stdout)
    groups = [x for x in checks if x["name"].startswith("CapabilityBoundingSet=~")]
    assert len(groups) > 20, done.stderr
    return [x["name"].split("~", 1)[1] for x in groups if not x["set"]]


@NEEDS_ANALYZE
def test_systemd_reads_cap_net_admin_as_the_units_only_capability(tmp_path: Path) -> None:
    assert capabilities_left(UNIT.read_text(), tmp_path / "unit") == ["CAP_NET_ADMIN"]
    misspelled = UNIT.read_text().replace("=CAP_NET_ADMIN", "=CAP_NET_ADMN")
    assert capabilities_left(misspelled, tmp_path / "misspelled") == []


def test_the_units_only_capability_is_cap_net_admin() -> None:
    lines = service_lines(UNIT)
    granting = [
        x for x in lines if x.split("=")[0] in ("AmbientCapabilities", "CapabilityBoundingSet")
    ]
    assert granting == ["AmbientCapabilities=CAP_NET_ADMIN", "CapabilityBoundingSet=CAP_NET_ADMIN"]
    assert not [x for x in lines if "CAP_" in x and x not in granting]
    assert "NoNewPrivileges=yes" in lines and "User=infomat-captive-portal" in lines
    # No CAP_NET_BIND_SERVICE: neither the settings nor the shipped config listen below 1024.
    assert PortalSettings().port >= 1024
    assert load_settings(HERE / "captive-portal.toml").port >= 1024


def test_the_unit_runs_as_its_own_user_hardened() -> None:
    lines = service_lines(UNIT)
    for line in (
        "User=infomat-captive-portal",
        "Group=infomat-captive-portal",
        "ExecStart=/usr/bin/captive-portal serve --config /etc/infomat/captive-portal.toml",
        "Restart=on-failure",
        "StateDirectory=infomat-captive-portal",
        "StateDirectoryMode=0700",
        "ReadWritePaths=/var/lib/infomat-captive-portal",
        "ProtectSystem=strict",
        "PrivateTmp=yes",
        "UMask=0077",
    ):
        assert line in lines, line
    office = service_lines(ROOT / "build" / "office-deb" / "infomat-office.service")
    sandbox = [x for x in office if x.startswith(("Protect", "Private", "Restrict", "System"))]
    missing = [x for x in sandbox if x not in lines and not x.startswith("RestrictAddress")]
    assert missing == []  # the office's sandbox; only the address families differ:
    assert "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK" in lines  # nft, ip


def test_limit_nofile_holds_a_thousand_phones_at_their_connection_cap() -> None:
    limit = next(int(x.split("=")[1]) for x in service_lines(UNIT) if x.startswith("LimitNOFILE="))
    # The cap is per worker process, as the limit is: a thousand phones at the cap, the
    # store's pool (4) and listener, the listeners and the files of the data dir.
    assert limit >= PortalSettings().connections_per_client * 1000 + 1024


def test_the_kiosk_packages_portal_unit_differs_only_in_user_folders_and_docs() -> None:
    own = ("User=", "Group=", "StateDirectory", "ReadWritePaths=", "Documentation=", "After=")
    ours = [x for x in service_lines(UNIT) if not x.startswith(own)]
    kiosk = [x for x in service_lines(KIOSK_UNIT) if not x.startswith(own)]
    assert ours == kiosk


def test_the_shipped_config_loads_into_the_packages_data_dir_with_the_dry_run_gateway() -> None:
    settings = load_settings(HERE / "captive-portal.toml")
    assert settings.data_dir == "/var/lib/infomat-captive-portal"
    assert (settings.host, settings.port, settings.gateway) == ("127.0.0.1", 8080, "dry-run")
    assert settings.database_url == ""


def test_the_package_control_names_its_needs_and_no_qt(tmp_path: Path) -> None:
    _, deb = deb_parts.staged_package(PORTAL, tmp_path)
    info = dpkg_deb("--info", str(deb))
    assert "Package: infomat-captive-portal" in info and "Version: 9.8.7" in info
    fields = dict(re.findall(r"^ (\w[\w-]*): (.*)$", info, re.MULTILINE))
    depends = fields["Depends"]
    for needed in ("python3 (>= 3.11), python3 (<< 3.12)", "adduser", "systemd", "nftables",
                   "python3-nftables", "libnetfilter-conntrack3", "iproute2"):  # fmt: skip
        assert needed in depends, needed
    needs = " ".join(fields.get(x, "") for x in ("Depends", "Recommends", "Suggests")).lower()
    assert not [word for word in QT if word in needs]
    assert "opennds" in fields["Suggests"]
    assert fields["Conflicts"] == "infomat-kiosk"  # the same unit, command and config
    assert dpkg_deb("--info", str(deb), "conffiles") == "/etc/infomat/captive-portal.toml\n"


def test_the_package_holds_the_unit_config_docs_and_scripts(tmp_path: Path) -> None:
    root, deb = deb_parts.staged_package(PORTAL, tmp_path)
    listing = dpkg_deb("--contents", str(deb)).splitlines()
    config = [x for x in listing if x.endswith("./etc/infomat/captive-portal.toml")]
    assert len(config) == 1 and config[0].startswith("-rw-r----- root/root")  # postinst: group
    for path in (
        "./lib/systemd/system/infomat-captive-portal.service",
        "./usr/bin/captive-portal -> /opt/infomat-captive-portal/venv/bin/captive-portal",
        "./usr/share/doc/infomat-captive-portal/captive-portal.md",
        "./usr/share/doc/infomat-captive-portal/gateways.md",
        "./opt/infomat-captive-portal/venv/bin/captive-portal",
    ):
        assert any(x.endswith(" " + path) for x in listing), path
    for script in ("postinst", "prerm", "postrm"):
        text = (root / "DEBIAN" / script).read_text()
        assert "@" not in text.replace("$@", ""), f"{script}: a placeholder left"
        subprocess.run(["sh", "-n", str(root / "DEBIAN" / script)], check=True)
    postinst = (root / "DEBIAN" / "postinst").read_text()
    for line in (
        "adduser --system --group --home /var/lib/infomat-captive-portal --no-create-home",
        "install -d -o infomat-captive-portal -g infomat-captive-portal -m 0700"
        " /var/lib/infomat-captive-portal",
        "chown root:infomat-captive-portal /etc/infomat/captive-portal.toml",
        "chmod 0640 /etc/infomat/captive-portal.toml",
        "systemctl enable infomat-captive-portal.service",
    ):
        assert line in postinst, line
    assert (
        "systemctl disable --now infomat-captive-portal.service"
        in (root / "DEBIAN" / "prerm").read_text()
    )


@pytest.mark.slow
def test_the_built_package_serves_the_splash_and_probes_from_its_venv(
    built_portal_deb: Path, tmp_path: Path
) -> None:
    listing = dpkg_deb("--contents", str(built_portal_deb))
    assert not [x for x in listing.splitlines() if "pyside" in x.lower() or "/qt" in x.lower()]
    for part in ("captive_portal/templates/splash.html", "captive_portal/static/portal.css",
                 "captive_portal/gateways/nftables.py", "/psycopg_pool/", "/uvloop/"):  # fmt: skip
        assert part in listing, part
    assert "/office/" not in listing and "/kiosk/" not in listing and "/ui/" not in listing
    assert ".pyc" in listing  # compiled at build time: the service cannot write under /opt
    assert "bin/pip" not in listing and "bin/activate" not in listing
    installed = tmp_path / "installed"
    subprocess.run(["dpkg-deb", "-x", str(built_portal_deb), str(installed)], check=True)
    venv = installed / PORTAL.venv
    assert "/opt/infomat-captive-portal/venv" in (venv / "pyvenv.cfg").read_text()
    serve_extracted(venv, tmp_path)


def serve_extracted(venv: Path, folder: Path) -> None:
    """The extracted venv's portal (its shebang names /opt: run with its python) answers the
    splash, a phone's probe as a captive one (302 to the splash) and, after the accept, 204."""
    port, metrics_port = free_port(), free_port()
    config = folder / "captive-portal.toml"
    config.write_text(
        f'data_dir = "{folder / "data"}"\nport = {port}\n[metrics]\nport = {metrics_port}\n'
    )
    command = [str(venv / "bin" / "python"), str(venv / "bin" / "captive-portal"), "serve",
               "--config", str(config)]  # fmt: skip
    env = {"PATH": "/usr/bin:/bin", "HOME": str(folder)}  # nothing of this checkout's venv
    with subprocess.Popen(command, env=env, cwd=folder, stderr=subprocess.PIPE) as server:
        try:
            wait_until_answering(port)
            url = f"http://127.0.0.1:{port}"
            with requests.Session() as phone:
                splash = phone.get(url + "/", timeout=5)
                assert splash.status_code == 200 and "Akceptuję i łączę" in splash.text
                probe = phone.get(url + "/generate_204", allow_redirects=False, timeout=5)
                assert probe.status_code == 302 and probe.headers["Location"] == url + "/"
                form = dict(re.findall(r'type="hidden" name="(\w+)" value="([^"]*)"', splash.text))
                accepted = phone.post(url + "/accept", data=form, allow_redirects=False, timeout=5)
                assert accepted.status_code == 303, accepted.text
                probe = phone.get(url + "/generate_204", allow_redirects=False, timeout=5)
                assert (probe.status_code, probe.content) == (204, b"")
            health = requests.get(f"http://127.0.0.1:{metrics_port}/healthz", timeout=5)
            assert health.json() == {"status": "ok", "gateway": "dry-run"}
        finally:
            server.terminate()
            server.wait(10)
        log = server.stderr.read().decode() if server.stderr else ""
    # uvicorn stops cleanly, then dies of the signal it got; systemd counts that a clean stop.
    assert server.returncode == -signal.SIGTERM and "Application shutdown complete" in log, log
    data = folder / "data"
    assert (data.stat().st_mode & 0o777, (data / "portal.sqlite3").stat().st_mode & 0o777) == (
        0o700,
        0o600,
    )
