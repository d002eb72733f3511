"""Assemble the infomat-office Debian package: a virtualenv in /opt on Debian's Python 3.11.

Usage: python3 build/office-deb/make_office_deb.py --out build/dist [--python /usr/bin/python3]
How the venv is made and staged: build/venv_deb.py (shared with the portal's package).
No Qt: the office needs none, and Depends names only Python, adduser and systemd.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))
import venv_deb  # noqa: E402

# What `office` imports (office/*.py), the lock's versions chosen by pip's constraints.
REQUIREMENTS = (
    "starlette", "uvicorn[standard]", "httptools", "uvloop", "jinja2", "python-multipart",
    "prometheus-client", "psycopg[binary]", "psycopg-pool", "cryptography", "holidays",
)  # fmt: skip
# office/ and the three offline_cache modules it uses.
MODULES = (
    "office", "offline_cache/__init__.py", "offline_cache/submission_code.py",
    "offline_cache/signing.py",
)  # fmt: skip
PACKAGE = venv_deb.VenvDeb(
    name="infomat-office",
    command="office",
    entry="office.cli",
    requirements=REQUIREMENTS,
    modules=MODULES,
    unit=HERE / "infomat-office.service",
    config=HERE / "office.toml",
    docs=(ROOT / "docs" / "office.md",),
    depends="",
    suggests="postgresql, sqlite3",
    conflicts="",
    section="web",
    summary="Infomat office service",
    description="""
The office's side of the Infomat kiosks: the intake of the applications residents
file at the kiosks, the case register (SQLite or PostgreSQL), the clerks' pages and
the residents' status page, as a hardened systemd service.
""",
    gecos="Infomat office service",
    data_kept="the case register",
    timers=(HERE / "infomat-office-remind.timer",),  # with infomat-office-remind.service
)

if __name__ == "__main__":
    sys.exit(venv_deb.main(PACKAGE))
