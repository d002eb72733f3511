"""The portal's one typed configuration: every option declared once, read by settings_file.

Each option carries its type, its default and a one-line doc (the `doc` metadata); the
defaults serve the dry-run gateway on 127.0.0.1:8080 with a SQLite store in the data dir.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

Language = Literal["pl", "en", "uk", "de"]
LANGUAGES: tuple[Language, ...] = ("pl", "en", "uk", "de")
GatewayName = Literal["dry-run", "opennds", "nftables"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]

WIFI4EU_HOST = "collection.wifi4eu.ec.europa.eu"


def about(
    doc: str, *, minimum: float | None = None, maximum: float | None = None
) -> dict[str, Any]:
    """An option's metadata: its one-line doc and optional bounds."""
    return {"doc": doc, "minimum": minimum, "maximum": maximum}


@dataclass(frozen=True)
class PerLanguage:
    pl: str = field(default="", metadata=about("Polish text (the default language)."))
    en: str = field(default="", metadata=about("English text; empty: the Polish one."))
    uk: str = field(default="", metadata=about("Ukrainian text; empty: the Polish one."))
    de: str = field(default="", metadata=about("German text; empty: the Polish one."))

    def get(self, language: Language) -> str:
        text: str = getattr(self, language)
        return text or self.pl


def _default_municipality() -> PerLanguage:
    return PerLanguage(pl="Gmina Przykładowa", en="Example Municipality")


@dataclass(frozen=True)
class WiFi4EUSettings:
    enabled: bool = field(
        default=False, metadata=about("Embed the WiFi4EU measurement snippet on the splash page.")
    )
    network_id: str = field(
        default="", metadata=about("The network identifier WiFi4EU gave this hotspot network.")
    )
    language: str = field(
        default="", metadata=about("Two-letter language for the snippet; empty: the page's.")
    )
    self_test: bool = field(
        default=False, metadata=about("Run the snippet in WiFi4EU's self-test mode (set-up only).")
    )


@dataclass(frozen=True)
class OpenNdsSettings:
    faskey: str = field(
        default="",
        metadata=about("openNDS's faskey: 32 to 64 letters and digits, as in opennds.conf."),
        repr=False,
    )
    fas_level: int = field(
        default=1, metadata=about("openNDS's fas_secure_enabled: 1 (base64) or 2 (AES).", minimum=1)
    )
    trusted_gateways: list[str] = field(
        default_factory=list,
        metadata=about("'ip:port' of every openNDS router (its gatewayaddress) sending clients."),
    )
    landing_url: str = field(
        default="",
        metadata=about("Page after login when openNDS sent no original URL; empty: /success."),
    )
    ndsctl: list[str] = field(
        default_factory=lambda: ["ndsctl"],
        metadata=about("Command (and arguments) running ndsctl, e.g. ['ssh', 'router', 'ndsctl']."),
    )


@dataclass(frozen=True)
class NftablesSettings:
    lan_interface: str = field(
        default="", metadata=about("Interface of the hotspot clients, e.g. 'wlan0'.")
    )
    portal_address: str = field(
        default="", metadata=about("The portal's IPv4 address on the LAN (the DNAT target).")
    )
    portal_address6: str = field(
        default="", metadata=about("The portal's IPv6 address on the LAN; empty: IPv4 only.")
    )
    portal_port: int = field(
        default=0, metadata=about("Port port 80 is redirected to; 0: the portal's port.", minimum=0)
    )
    table: str = field(default="infomat_portal", metadata=about("Name of our inet table."))
    registered_name: str = field(
        default="",
        metadata=about(
            "This router's name in the gateway registry ('captive-portal gateway add NAME "
            "--kind nftables'); needed with database_url."
        ),
    )
    walled_garden: list[str] = field(
        default_factory=list,
        metadata=about("More addresses or networks (CIDR) reachable before accepting."),
    )


@dataclass(frozen=True)
class VoucherSettings:
    keys: list[str] = field(
        default_factory=list,
        metadata=about(
            "'id:secret' keys of the kiosks printing Wi-Fi vouchers (id 0-63); empty: no field."
        ),
        repr=False,
    )
    hours: int = field(
        default=8,
        metadata=about("Hours online a voucher gives its one device.", minimum=1, maximum=168),
    )


@dataclass(frozen=True)
class MetricsSettings:
    host: str = field(
        default="127.0.0.1",
        metadata=about("Address of the listener for /metrics and /healthz (not the hotspot's)."),
    )
    port: int = field(
        default=9102,
        metadata=about("Port of that listener; 0: no /metrics and /healthz.", minimum=0),
    )
    token: str = field(
        default="",
        metadata=about("Bearer token for /metrics and /healthz; needed unless host is loopback."),
        repr=False,
    )


@dataclass(frozen=True)
class PortalSettings:
    host: str = field(default="127.0.0.1", metadata=about("Address the portal listens on."))
    port: int = field(default=8080, metadata=about("TCP port the portal listens on.", minimum=1))
    workers: int = field(
        default=1, metadata=about("Worker processes serving requests (one per core).", minimum=1)
    )
    log_level: LogLevel = field(
        default="INFO", metadata=about("Least important log level written to stderr.")
    )
    data_dir: str = field(
        default="", metadata=about("Folder for the store and the local key; empty: user data dir.")
    )
    store_path: str = field(
        default="", metadata=about("SQLite file of sessions and consents; empty: in data_dir.")
    )
    database_url: str = field(
        default="",
        metadata=about(
            "PostgreSQL for every portal instance (postgresql://...); empty: SQLite store_path."
        ),
    )
    gateway: GatewayName = field(
        default="dry-run", metadata=about("Gateway backend that lets clients through.")
    )
    public_url: str = field(
        default="", metadata=about("Portal address phones reach; empty: http://HOST:PORT/.")
    )
    venue_info_url: str = field(
        default="", metadata=about("Page about the venue (RFC 8908 venue-info-url).")
    )
    eservices_url: str = field(
        default="", metadata=about("E-services portal linked and reachable before accepting.")
    )
    logo_path: str = field(
        default="", metadata=about("PNG, SVG, JPEG or WebP logo shown on the page; empty: none.")
    )
    language: Language = field(
        default="pl", metadata=about("Language of the page when the address has no ?lang=.")
    )
    municipality_name: PerLanguage = field(
        default_factory=_default_municipality, metadata=about("Name shown on the page.")
    )
    terms: PerLanguage = field(
        default_factory=PerLanguage,
        metadata=about("Terms of use; empty: the built-in model terms."),
    )
    terms_version: str = field(
        default="1", metadata=about("Version of the terms, recorded with every consent.")
    )
    session_seconds: int = field(
        default=3600, metadata=about("Seconds a client stays online per accept.", minimum=60)
    )
    idle_timeout_seconds: int = field(
        default=0,
        metadata=about(
            "Seconds without traffic before a client's session ends (checked every"
            " session_check_seconds); 0: never.",
            minimum=0,
        ),
    )
    consent_secrets: list[str] = field(
        default_factory=list,
        metadata=about("'id:secret' keys hashing MACs, newest first; empty: a key in data_dir."),
        repr=False,
    )
    consent_retention_days: int = field(
        default=365, metadata=about("Days a consent entry is kept before it is purged.", minimum=1)
    )
    admin_token: str = field(
        default="", metadata=about("Bearer token of the admin API; empty: API off."), repr=False
    )
    accepts_per_minute: int = field(
        default=10,
        metadata=about("Accepts one client (IPv6: one /64) may make per minute.", minimum=1),
    )
    form_seconds: int = field(
        default=900, metadata=about("Seconds a splash page's accept form stays valid.", minimum=30)
    )
    session_check_seconds: int = field(
        default=30,
        metadata=about("Seconds between sweeps ending expired sessions at the gateway.", minimum=1),
    )
    max_header_bytes: int = field(
        default=8192,
        metadata=about(
            "Longest request line and headers; longer: 431 and the connection closed.",
            minimum=1024, maximum=65536,
        ),
    )  # fmt: skip
    max_body_bytes: int = field(
        default=16384,
        metadata=about(
            "Largest request body; larger: 413 and the connection closed.",
            minimum=1024, maximum=1048576,
        ),
    )  # fmt: skip
    header_timeout_seconds: int = field(
        default=5,
        metadata=about(
            "Seconds a client has for a request line and headers; then it is disconnected.",
            minimum=1, maximum=60,
        ),
    )  # fmt: skip
    body_timeout_seconds: int = field(
        default=10,
        metadata=about(
            "Seconds a client has for a request body after its headers; then disconnected.",
            minimum=1, maximum=120,
        ),
    )  # fmt: skip
    connections_per_client: int = field(
        default=32,
        metadata=about(
            "Open connections per client (IPv4 address, IPv6 /64) per worker; more are closed.",
            minimum=1, maximum=65536,
        ),
    )  # fmt: skip
    metrics: MetricsSettings = field(
        default_factory=MetricsSettings,
        metadata=about("The technicians' listener: Prometheus metrics and the health check."),
    )
    vouchers: VoucherSettings = field(
        default_factory=VoucherSettings,
        metadata=about("Wi-Fi vouchers printed at the kiosk (docs/vouchers.md)."),
    )
    wifi4eu: WiFi4EUSettings = field(
        default_factory=WiFi4EUSettings, metadata=about("The EU WiFi4EU programme's snippet.")
    )
    opennds: OpenNdsSettings = field(
        default_factory=OpenNdsSettings,
        metadata=about("The openNDS backend (gateway = 'opennds')."),
    )
    nftables: NftablesSettings = field(
        default_factory=NftablesSettings,
        metadata=about("The nftables backend (gateway = 'nftables')."),
    )

    def data_path(self) -> Path:
        """`data_dir`, or $XDG_DATA_HOME/infomat-portal (~/.local/share/...) when empty."""
        if self.data_dir:
            return Path(self.data_dir).expanduser()
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return Path(base) / "infomat-portal"

    def accept_limits_file(self) -> Path:
        """The accept counts per address that every worker process shares."""
        return self.data_path() / "accept-limits-v1.bin"

    def metrics_folder(self) -> Path:
        """Where each worker process keeps its counts (emptied when `serve` starts)."""
        return self.data_path() / "metrics"

    def store_file(self) -> Path:
        if self.store_path:
            return Path(self.store_path).expanduser()
        return self.data_path() / "portal.sqlite3"

    def portal_url(self) -> str:
        """The splash page's absolute address, ending in '/'."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        url = self.public_url or f"http://{host}:{self.port}/"
        return url if url.endswith("/") else url + "/"

    def portal_host(self) -> str:
        return (urlsplit(self.portal_url()).hostname or "").lower()

    def splash_hosts(self) -> frozenset[str] | None:
        """Hosts the splash and accept are served on; None: any. Behind our nftables DNAT a
        request for another host came on a redirected connection and is sent to the portal."""
        if self.gateway != "nftables":
            return None
        hosts = {self.portal_host(), self.nftables.portal_address, self.nftables.portal_address6}
        return frozenset(host.lower() for host in hosts if host)

    def walled_garden_hosts(self) -> list[str]:
        """Hosts a client may reach before accepting (for the gateway backends)."""
        hosts = [urlsplit(self.eservices_url).hostname or ""] if self.eservices_url else []
        if self.wifi4eu.enabled:
            hosts.append(WIFI4EU_HOST)
        return [host for host in hosts if host]
