"""Assemble the infomat-captive-portal Debian package: a virtualenv in /opt on Debian's Python.

Usage: python3 build/portal-deb/make_portal_deb.py --out build/dist [--python /usr/bin/python3]
How the venv is made and staged: build/venv_deb.py (shared with the office's package).
No Qt and nothing of the kiosk: captive_portal/ imports neither. The nftables gateway
drives the kernel through Debian's python3-nftables (not on PyPI; captive_portal loads it
from Debian's dist-packages), libnetfilter-conntrack3 (ctypes) and `ip` (iproute2).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))
import venv_deb  # noqa: E402

# What captive_portal/ imports: uvicorn runs its own httptools protocol on uvloop (no
# WebSocket, so not uvicorn[standard]); cryptography for openNDS's FAS level 2; psycopg
# and its pool for the PostgreSQL store (database_url). Versions: requirements.lock.
REQUIREMENTS = (
    "starlette", "uvicorn", "httptools", "uvloop", "jinja2", "prometheus-client",
    "psycopg[binary]", "psycopg-pool", "cryptography",
)  # fmt: skip
PACKAGE = venv_deb.VenvDeb(
    name="infomat-captive-portal",
    command="captive-portal",
    entry="captive_portal.cli",
    requirements=REQUIREMENTS,
    modules=("captive_portal",),
    unit=HERE / "infomat-captive-portal.service",
    config=HERE / "captive-portal.toml",
    docs=(
        ROOT / "docs" / "captive-portal.md",
        ROOT / "docs" / "gateways.md",
        ROOT / "docs" / "vouchers.md",
    ),
    depends="nftables, python3-nftables, libnetfilter-conntrack3, iproute2",
    # openNDS on this host cannot be driven by the packaged unit (see captive-portal.md).
    suggests="opennds, postgresql",
    # The kiosk package carries the portal too: the same unit, command and config file.
    conflicts="infomat-kiosk",
    section="net",
    summary="Infomat hotspot captive portal",
    description="""
The terms splash of the municipal Wi-Fi hotspots (four languages, no JavaScript),
the operating systems' connectivity probes, the RFC 8908 API and an admin API, with
the nftables or openNDS gateway, as a hardened systemd service whose only
capability is CAP_NET_ADMIN. No Qt: the kiosk is not needed.
""",
    gecos="Infomat hotspot portal",
    data_kept="sessions and consents",
)

if __name__ == "__main__":
    sys.exit(venv_deb.main(PACKAGE))
