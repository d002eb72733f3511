"""The office service's one typed configuration: every option declared once.

Each option carries its type, its default and a one-line doc (the `doc` metadata);
settings_file.py reads them from one TOML file. The defaults serve on 127.0.0.1:8090 with a
SQLite store in the data dir and one demo office.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from office.settings_meta import about
from office.visit_settings import OpeningHours, VisitService

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]
MAX_PORT = 65535


@dataclass(frozen=True)
class Office:
    """One office (tenant) whose kiosks file here; its case numbers start with `prefix`."""

    tenant_id: str = field(
        default="", metadata=about("The office's id, as the kiosks' catalogue names it.")
    )
    name: str = field(default="", metadata=about("The office's name for people."))
    prefix: str = field(
        default="", metadata=about("Start of its case numbers, e.g. 'UM' for UM-2026/00017.")
    )
    phone: str = field(
        default="", metadata=about("Its phone for residents, on the status page; empty: none.")
    )
    processing_days: int = field(
        default=30,
        metadata=about("Days a case may take from its receipt; later it is overdue.", minimum=1,
                       maximum=365),
    )  # fmt: skip
    export_dir: str = field(
        default="",
        metadata=about("Folder the office's EZD imports from; clerks forward cases there. "
                       "Empty: no forwarding."),
    )  # fmt: skip
    visit_services: list[VisitService] = field(
        default_factory=list,
        metadata=about("Services residents may book a visit for or queue for: "
                       "[[offices.visit_services]]; empty: no visits."),
    )  # fmt: skip
    opening_hours: list[OpeningHours] = field(
        default_factory=list,
        metadata=about("When the office receives visitors: [[offices.opening_hours]], one "
                       "per weekday; a day not listed is closed."),
    )  # fmt: skip
    notice_url: str = field(
        default="",
        metadata=about("The office's notice on personal data (RODO) for residents, e.g. "
                       "https://bip.lancut.pl/rodo; linked beside the visit reminder's consent."),
    )  # fmt: skip
    notice_version: str = field(
        default="1",
        metadata=about("Version of that notice, recorded with each consent to a visit "
                       "reminder."),
    )  # fmt: skip


def _demo_offices() -> list[Office]:
    return [Office("gmina-miasto-lancut", "Urząd Miasta Łańcut", "UM")]


@dataclass(frozen=True)
class OfficeSettings:
    host: str = field(default="127.0.0.1", metadata=about("Address the service listens on."))
    port: int = field(
        default=8090, metadata=about("TCP port the service listens on.", minimum=1, maximum=65535)
    )
    log_level: LogLevel = field(
        default="INFO", metadata=about("Least important log level written to stderr.")
    )
    data_dir: str = field(
        default="", metadata=about("Folder for the SQLite store; empty: the user data dir.")
    )
    database_url: str = field(
        default="",
        metadata=about("postgresql://user@host/db for PostgreSQL; empty: SQLite in data_dir."),
        repr=False,
    )
    pool_size: int = field(
        default=10,
        metadata=about("Most PostgreSQL connections one instance opens.", minimum=1, maximum=200),
    )
    max_body_kib: int = field(
        default=256,
        metadata=about("Largest application body the intake reads, in KiB.", minimum=1,
                       maximum=16384),
    )  # fmt: skip
    max_header_kib: int = field(
        default=16,
        metadata=about("Largest request line and headers together, in KiB; larger: 431.",
                       minimum=1, maximum=256),
    )  # fmt: skip
    header_timeout_s: int = field(
        default=10,
        metadata=about("Seconds a connection has to send a request line and headers; then "
                       "it is closed.", minimum=1, maximum=300),
    )  # fmt: skip
    body_timeout_s: int = field(
        default=60,
        metadata=about("Seconds a request has to send its body after its headers; then the "
                       "connection is closed.", minimum=1, maximum=3600),
    )  # fmt: skip
    store_timeout_s: float = field(
        default=10.0,
        metadata=about("Seconds one request waits for the store.", minimum=0.1, maximum=600),
    )
    offices: list[Office] = field(
        default_factory=_demo_offices,
        metadata=about("The offices served here: [[offices]] tables of tenant_id, name, prefix."),
    )
    status_misses_per_minute: int = field(
        default=10,
        metadata=about("Unknown or mistyped codes one client may ask for per minute (status "
                       "page and API) before it waits.", minimum=1, maximum=10000),
    )  # fmt: skip
    metrics_host: str = field(
        default="127.0.0.1", metadata=about("Address of the listener for /metrics (not the API's).")
    )
    metrics_port: int = field(
        default=9103,
        metadata=about("Port of the /metrics listener; 0: no metrics.", minimum=0, maximum=65535),
    )
    metrics_token: str = field(
        default="",
        metadata=about("Bearer token for /metrics; needed unless metrics_host is loopback."),
        repr=False,
    )
    stale_kiosk_after_s: int = field(
        default=900,
        metadata=about("Seconds without a heartbeat after which a kiosk counts as stale.",
                       minimum=60, maximum=7 * 86400),
    )  # fmt: skip
    trusted_proxies: list[str] = field(
        default_factory=list,
        metadata=about("Load balancers (addresses or networks) whose X-Forwarded-For names the "
                       "client; empty: the peer is the client."),
    )  # fmt: skip
    heartbeat_max_skew_s: int = field(
        default=900,
        metadata=about("Most seconds a heartbeat's time may differ from the office's clock.",
                       minimum=10, maximum=86400),
    )  # fmt: skip
    session_idle_min: int = field(
        default=30,
        metadata=about("Minutes without a request that end a clerk's session.", minimum=1,
                       maximum=480),
    )  # fmt: skip
    session_max_hours: int = field(
        default=10,
        metadata=about("Hours after login that end a clerk's session, however busy.",
                       minimum=1, maximum=24),
    )  # fmt: skip
    cookie_secure: bool = field(
        default=False,
        metadata=about("Send the session cookie over HTTPS only (true behind TLS)."),
    )
    login_attempts_per_account: int = field(
        default=5,
        metadata=about("Failed logins of one account within login_window_min before refusing.",
                       minimum=1, maximum=100),
    )  # fmt: skip
    login_attempts_per_address: int = field(
        default=20,
        metadata=about("Failed logins from one address within login_window_min before refusing.",
                       minimum=1, maximum=1000),
    )  # fmt: skip
    retention_days: int = field(
        default=90,
        metadata=about("Days a closed case keeps the resident's personal data; then it is "
                       "removed.", minimum=1, maximum=3650),
    )  # fmt: skip
    purge_interval_min: int = field(
        default=60,
        metadata=about("Minutes between two retention purges in `office serve`.", minimum=1,
                       maximum=1440),
    )  # fmt: skip
    public_url: str = field(
        default="",
        metadata=about("The service's address for residents, e.g. https://wnioski.lancut.pl; "
                       "e-mails link to its /s/CODE."),
    )  # fmt: skip
    smtp_host: str = field(
        default="", metadata=about("Mail server for e-mail to residents; empty: none is sent.")
    )
    smtp_port: int = field(
        default=587, metadata=about("Its TCP port.", minimum=1, maximum=MAX_PORT)
    )
    smtp_starttls: bool = field(
        default=True, metadata=about("Switch to TLS with STARTTLS before logging in.")
    )
    smtp_from: str = field(
        default="", metadata=about("Sender of the e-mails, e.g. wnioski@lancut.pl.")
    )
    smtp_user: str = field(default="", metadata=about("Login at the mail server; empty: none."))
    smtp_password_file: str = field(
        default="",
        metadata=about("File holding the mail server's password (readable by the service "
                       "alone); or set INFOMAT_OFFICE_SMTP_PASSWORD."),
    )  # fmt: skip
    smtp_timeout_s: float = field(
        default=30.0,
        metadata=about("Seconds one conversation with the mail server may take.", minimum=1,
                       maximum=300),
    )  # fmt: skip
    mail_check_s: int = field(
        default=30,
        metadata=about("Seconds between two looks for e-mail due to be sent.", minimum=1,
                       maximum=3600),
    )  # fmt: skip
    login_window_min: int = field(
        default=15,
        metadata=about("Minutes failed logins are counted for throttling.", minimum=1,
                       maximum=1440),
    )  # fmt: skip

    def data_path(self) -> Path:
        """`data_dir`, or $XDG_DATA_HOME/infomat-office (~/.local/share/...) when empty."""
        if self.data_dir:
            return Path(self.data_dir).expanduser()
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return Path(base) / "infomat-office"

    def sqlite_file(self) -> Path:
        return self.data_path() / "office.sqlite3"

    def office(self, tenant_id: str) -> Office | None:
        return next((o for o in self.offices if o.tenant_id == tenant_id), None)
