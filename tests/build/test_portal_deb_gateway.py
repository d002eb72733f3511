"""The packaged unit's one capability is enough, and needed: the built package's portal,
run as an unprivileged user with CAP_NET_ADMIN alone (as infomat-captive-portal.service runs
it: ambient, bounding set, no new privileges), installs its nftables table and lets a phone
through after the accept; without the capability the gateway is refused. Root, network
namespaces (tests/peers/netns.py) and INFOMAT_PORTAL_DEB=1 (the built package)."""

from __future__ import annotations

import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.peers import netns
from tests.peers.netns import Hotspot, wait_until
from tests.peers.portal_in_ns import send, submit_splash
from tests.peers.web import WebServer, fixed

VENV = Path("opt/infomat-captive-portal/venv")
UPSTREAM_BODY = "Zażółć gęślą jaźń — za bramką".encode()
# As the unit has it: User= (here nobody), AmbientCapabilities=, CapabilityBoundingSet=,
# NoNewPrivileges=yes; the environment is systemd's bare one.
SERVICE_USER = ("--reuid=nobody", "--regid=nogroup", "--clear-groups", "--no-new-privs")


def why_not_here() -> str:
    """Why the test cannot run here (checked before the package is built), or ''."""
    missing = [x for x in ("setpriv", "nft") if shutil.which(x) is None]
    return netns.can_use_namespaces() or (f"needs {', '.join(missing)}" if missing else "")


pytestmark = [
    pytest.mark.root,
    pytest.mark.slow,
    pytest.mark.skipif(bool(why_not_here()), reason=why_not_here()),
]


@pytest.fixture
def installed(built_portal_deb: Path) -> Iterator[Path]:
    """The package extracted where `nobody` may read it (pytest's tmp is root's alone), with
    a data dir of nobody's own, 0700, as postinst makes /var/lib/infomat-captive-portal."""
    folder = Path(tempfile.mkdtemp(prefix="portal-deb-"))
    try:
        folder.chmod(0o755)
        subprocess.run(["dpkg-deb", "-x", str(built_portal_deb), str(folder)], check=True)
        (folder / "data").mkdir(mode=0o700)
        shutil.chown(folder / "data", "nobody", "nogroup")
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def nftables_config(folder: Path, hs: Hotspot) -> Path:
    config = folder / "captive-portal.toml"
    config.write_text(
        f'data_dir = "{folder / "data"}"\ngateway = "nftables"\nhost = "{hs.gateway_lan_ip}"\n'
        f"port = 8080\n[metrics]\nport = 0\n[nftables]\n"
        f'lan_interface = "{hs.lan_interface}"\nportal_address = "{hs.gateway_lan_ip}"\n'
    )
    config.chmod(0o644)
    return config


@contextmanager
def portal_as_service_user(
    folder: Path, hs: Hotspot, capabilities: str
) -> Iterator[subprocess.Popen[bytes]]:
    """captive-portal serve in the gateway's namespace as nobody with `capabilities` alone
    ('+net_admin' or '')."""
    caps = f"-all{',' + capabilities if capabilities else ''}"
    venv = folder / VENV
    command = [
        "setpriv", *SERVICE_USER, f"--inh-caps={caps}", f"--ambient-caps={caps}",
        f"--bounding-set={caps}", "env", "-i", "PATH=/usr/bin:/bin", f"HOME={folder}",
        str(venv / "bin" / "python"), str(venv / "bin" / "captive-portal"),
        "serve", "--config", str(nftables_config(folder, hs)),
    ]  # fmt: skip
    log = folder / f"portal{capabilities or '-none'}.log"
    with log.open("wb") as sink:
        server = hs.gateway.popen(command, stdout=sink, stderr=subprocess.STDOUT)
    try:
        yield server
    finally:
        server.terminate()
        server.wait(10)


def log_of(folder: Path, capabilities: str) -> str:
    return (folder / f"portal{capabilities or '-none'}.log").read_text(errors="replace")


def table_listed(hs: Hotspot) -> str:
    done = hs.gateway.run(["nft", "list", "table", "inet", "infomat_portal"], check=False)
    return done.stdout if done.returncode == 0 else ""


def splash_answers(hs: Hotspot) -> bool:
    try:
        return send(hs.client, "GET", f"http://{hs.gateway_lan_ip}:8080/").status == 200
    except OSError:
        return False


def test_cap_net_admin_alone_runs_the_nftables_gateway_and_nothing_less(installed: Path) -> None:
    with netns.hotspot("pdeb") as hs:
        upstream = WebServer(hs.upstream, 80, fixed(UPSTREAM_BODY))
        try:
            with portal_as_service_user(installed, hs, ""):
                wait_until(lambda: splash_answers(hs), 20, "the portal without capabilities")
                wait_until(
                    lambda: "Operation not permitted" in log_of(installed, ""), 10, "a refusal"
                )
                assert table_listed(hs) == ""
            with portal_as_service_user(installed, hs, "+net_admin"):
                wait_until(lambda: table_listed(hs) != "", 20, "the portal's nftables table")
                site = f"http://{hs.upstream_ip}/"
                redirected = send(hs.client, "GET", site)
                assert redirected.status == 302, redirected  # to the splash, by our rules
                splash = send(hs.client, "GET", redirected.location or "")
                accepted = submit_splash(hs.client, splash)
                assert accepted.status == 303, accepted
                assert hs.client_ip in table_listed(hs)
                through = send(hs.client, "GET", site)
                assert (through.status, through.body) == (200, UPSTREAM_BODY.decode())
            log = log_of(installed, "+net_admin")
            assert "not permitted" not in log and "cannot be opened" not in log, log
        finally:
            upstream.stop()
    store = installed / "data" / "portal.sqlite3"
    assert (store.stat().st_uid, store.stat().st_mode & 0o777) == (
        pwd.getpwnam("nobody").pw_uid,
        0o600,
    )
