"""A throwaway PostgreSQL cluster: Debian's initdb/pg_ctl in a temp dir, a unix socket there.

It listens on no TCP port. Run as root, the server runs as `nobody` (PostgreSQL refuses to
run as root), in a folder chowned to it; the tests connect as the cluster's superuser
(named after that user) with trust authentication over the socket.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

BIN_GLOB = "/usr/lib/postgresql/*/bin"
SERVER_USER = "nobody"


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder, or None."""
    found = sorted(Path("/").glob(BIN_GLOB.lstrip("/")), key=lambda p: int(p.parent.name))
    return next((b for b in reversed(found) if (b / "initdb").exists()), None)


class PostgresCluster:
    def __init__(self, bin_dir: Path, *, durable: bool = False) -> None:
        """`durable`: fsync as a production server does (the benchmarks); the tests skip it."""
        self._bin = bin_dir
        self._durable = durable
        self.folder = Path(tempfile.mkdtemp(prefix="infomat-pg-"))
        self.data = self.folder / "data"
        self._as_root = os.geteuid() == 0
        self.user = SERVER_USER if self._as_root else pwd.getpwuid(os.geteuid()).pw_name

    def start(self) -> None:
        if self._as_root:
            server = pwd.getpwnam(SERVER_USER)
            os.chown(self.folder, server.pw_uid, server.pw_gid)
        self._run("initdb", "-D", str(self.data), "--auth=trust", "--no-locale", "-E", "UTF8",
                  "--no-sync")  # fmt: skip
        options = f"-k {self.folder} -c listen_addresses='' -c max_connections=200"
        if not self._durable:
            options += " -c fsync=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                  str(self.folder / "server.log"), "-w", "start")  # fmt: skip

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql://{self.user}@/{database}?host={self.folder}"

    def new_database(self) -> str:
        """A fresh empty database; its URL."""
        name = f"office_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = urlsplit(url).path.lstrip("/")
        with psycopg.connect(self.url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _run(self, program: str, *args: str) -> None:
        command = [str(self._bin / program), *args]
        if self._as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd="/")
        if done.returncode != 0:
            raise RuntimeError(f"{program} failed: {done.stderr.strip()[-2000:]}")


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    """A throwaway cluster for the test session (import it into a conftest to use it)."""
    bin_dir = binaries()
    if bin_dir is None:
        pytest.skip("PostgreSQL's server is not installed (Debian: apt-get install postgresql)")
    cluster = PostgresCluster(bin_dir)
    cluster.start()
    yield cluster
    cluster.stop()
