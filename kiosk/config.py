"""The kiosk's one typed configuration, read from a TOML file.

Every option is declared once below: its type, its default, a one-line doc (the `doc`
metadata) and, for a number, its range. Reading a file refuses unknown keys, wrong types and
numbers out of range (`nan` and `inf` too), naming the file, the key and the reason.
The defaults run the embedded demo with nothing else installed.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
import tomllib
import types
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

from kiosk.admin_pin import is_pin_hash

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR

Language = Literal["pl", "en", "uk", "de"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]


def option(
    default: Any, doc: str, *, minimum: float | None = None, maximum: float | None = None
) -> Any:
    """Declare one config option: its default, a one-line doc and, for a number, its range.

    Every number needs both bounds: reading the file refuses what lies outside them, and
    `nan` and `inf` (TOML has both) always.
    """
    return field(default=default, metadata={"doc": doc, "minimum": minimum, "maximum": maximum})


@dataclass(frozen=True)
class CatalogueConfig:
    url: str = option("", "Address of the signed catalogue.json; empty: use the bundled one only.")
    public_key: str = option("", "Base64 Ed25519 public key that must have signed the catalogue.")
    bundled: str = option(
        "", "Catalogue file used until a sync succeeds; empty: the demo catalogue."
    )
    sync_interval_s: int = option(
        900, "Seconds between background syncs.", minimum=60, maximum=7 * DAY
    )
    timeout_s: float = option(
        30.0, "Seconds a sync may take to download, at most.", minimum=1, maximum=HOUR
    )
    max_bytes: int = option(
        50_000_000,
        "Largest catalogue download accepted, in bytes.",
        minimum=1024,
        maximum=2_000_000_000,
    )


Orientation = Literal["portrait", "landscape"]


@dataclass(frozen=True)
class ScreenConfig:
    idle_s: int = option(
        90, "Seconds without a touch before the 'still there?' countdown.", minimum=10, maximum=HOUR
    )
    countdown_s: int = option(
        20,
        "Seconds the countdown shows before the session is dropped.",
        minimum=5,
        maximum=10 * MINUTE,
    )
    attract_s: int = option(
        120,
        "Seconds of nobody on the home screen before the attract loop.",
        minimum=10,
        maximum=DAY,
    )
    orientation: Orientation = option(
        "portrait",
        "How the touchscreen is mounted; any size"
        " (tested at 1080x1920, 1920x1080, 1366x768, 1280x800).",
    )
    hide_cursor: bool = option(True, "Hide the mouse pointer (touchscreens have none).")
    municipality: str = option("Gmina Miasto Łańcut", "Name shown at the top of the home screen.")


@dataclass(frozen=True)
class AdminConfig:
    pin_hash: str = option(
        "", "scrypt hash of the technician PIN (`kiosk admin hash-pin`); empty: no admin mode."
    )
    allow_exit: bool = option(False, "Whether the admin screen may close the kiosk app.")


IntakeKind = Literal["spool", "http", "smtp"]


@dataclass(frozen=True)
class IntakeConfig:
    kind: IntakeKind = option(
        "spool", "How filed applications reach the office: a spool folder, HTTP or e-mail."
    )
    spool_dir: str = option("", "Spool folder for kind = spool; empty: 'spool' in the data dir.")
    url: str = option("", "Office intake address for kind = http (JSON POST).")
    token: str = option("", "Bearer token sent to the HTTP intake; empty: none.")
    timeout_s: float = option(
        15.0,
        "Seconds one delivery (HTTP request or e-mail) may take.",
        minimum=1,
        maximum=10 * MINUTE,
    )
    smtp_host: str = option("", "Mail server for kind = smtp.")
    smtp_port: int = option(587, "Mail server port.", minimum=1, maximum=65535)
    smtp_starttls: bool = option(True, "Switch the mail connection to TLS (STARTTLS).")
    smtp_username: str = option("", "Mail server login; empty: send without logging in.")
    smtp_password: str = option("", "Mail server password for smtp_username.")
    mail_from: str = option("", "Sender address of the e-mails (its domain names the Message-ID).")
    mail_to: str = option("", "The office's address that receives the applications.")


@dataclass(frozen=True)
class OutboxConfig:
    first_retry_s: float = option(
        30.0,
        "Seconds before the first retry of a failed delivery (then doubling).",
        minimum=1,
        maximum=DAY,
    )
    max_retry_s: float = option(
        3600.0,
        "Longest wait between two delivery attempts, in seconds.",
        minimum=1,
        maximum=7 * DAY,
    )
    retention_days: int = option(
        30,
        "Days the answers of a delivered application are kept before purging.",
        minimum=1,
        maximum=3650,
    )


PrinterKind = Literal["virtual", "usb", "network", "file"]
PaperWidth = Literal[58, 80]
PrintText = Literal["auto", "raster"]


@dataclass(frozen=True)
class PrinterConfig:
    kind: PrinterKind = option(
        "virtual",
        "Receipt printer: virtual (PNG files in the data dir), usb, network (TCP 9100) or "
        "file (a device file such as /dev/usb/lp0).",
    )
    paper_mm: PaperWidth = option(80, "Width of the receipt paper roll in mm.")
    text: PrintText = option(
        "auto",
        "auto: text in code page CP852, images of the text for Ukrainian; raster: always "
        "images (for printers whose CP852 is missing or wrong).",
    )
    usb_vendor_id: int = option(
        0, "USB printer's vendor id as `lsusb` shows it, e.g. 0x0416.", minimum=0, maximum=0xFFFF
    )
    usb_product_id: int = option(
        0, "USB printer's product id as `lsusb` shows it, e.g. 0x5011.", minimum=0, maximum=0xFFFF
    )
    host: str = option("", "Network printer's IP address or host name.")
    port: int = option(9100, "Network printer's raw TCP port.", minimum=1, maximum=65535)
    device: str = option("/dev/usb/lp0", "Device file of the printer when kind is 'file'.")
    folder: str = option(
        "", "Where the virtual printer writes receipts; empty: receipts/ in the data dir."
    )
    timeout_s: float = option(
        5.0,
        "Seconds to reach the printer and to send a receipt before giving up.",
        minimum=0.1,
        maximum=5 * MINUTE,
    )
    status_timeout_s: float = option(
        0.5,
        "Seconds to wait for each status answer; silence means 'unknown'.",
        minimum=0.05,
        maximum=MINUTE,
    )
    check_every_s: int = option(
        60,
        "Seconds between two status questions to the printer (paper, cover).",
        minimum=5,
        maximum=DAY,
    )


@dataclass(frozen=True)
class ReceiptConfig:
    status_url: str = option(
        "https://infomat.example.pl/s/",
        "Start of the status address in the receipt's QR code; the submission code is "
        "appended, and both together must fit 42 bytes (at most 32 bytes here).",
    )


@dataclass(frozen=True)
class StatusConfig:
    api_url: str = option(
        "",
        "Start of the office's status API ('Sprawdź stan sprawy'); the code is appended, "
        "e.g. https://urzad.example.pl/api/status/. Empty: only what this kiosk's outbox knows.",
    )
    timeout_s: float = option(
        8.0, "Seconds the office may take to answer, at most.", minimum=1, maximum=60
    )


@dataclass(frozen=True)
class VisitsConfig:
    api_url: str = option(
        "",
        "The office's visits API ('Umów wizytę', 'Pobierz numerek'), e.g. "
        "https://urzad.example.pl/api/visits/; empty: no visits at this kiosk. The kiosk's "
        "token is 'intake.token'.",
    )
    office: str = option("", "The office (tenant id) whose visits this kiosk books.")
    notice_version: str = option(
        "1", "Version of the office's notice on visits the resident accepts (it is recorded)."
    )
    phone: str = option(
        "",
        "The office's phone, said when the office cannot be reached before it has told its "
        "own (empty: the catalogue's phone of 'office', if it has one).",
    )
    timeout_s: float = option(
        8.0, "Seconds the office may take to answer, at most.", minimum=1, maximum=60
    )


@dataclass(frozen=True)
class WifiConfig:
    ssid: str = option(
        "", "Name of the municipal hotspot on the Wi-Fi slip; empty: no 'Internet Wi-Fi' button."
    )
    password: str = option(
        "", "The network's WPA password, printed in the slip's join QR; empty: an open network."
    )
    voucher_key_file: str = option(
        "",
        "File holding the commune's voucher key 'id:secret' (docs/vouchers.md); empty: the "
        "slip joins the network but carries no voucher.",
    )
    voucher_days: int = option(
        7, "Days a printed voucher may be first used.", minimum=1, maximum=60
    )
    voucher_hours: int = option(
        8,
        "Hours online a voucher gives, as the portal's 'vouchers.hours' (printed on the slip).",
        minimum=1,
        maximum=168,
    )


@dataclass(frozen=True)
class MetricsConfig:
    enabled: bool = option(True, "Serve Prometheus metrics at http://BIND:PORT/metrics.")
    bind: str = option(
        "127.0.0.1", "Address the metrics listen on; 0.0.0.0 lets the fleet's Prometheus in."
    )
    port: int = option(
        9101, "Port of the metrics endpoint (0: any free port).", minimum=0, maximum=65535
    )
    remote_write_url: str = option(
        "",
        "Remote-write address of the fleet's Prometheus, e.g. "
        "https://prometheus.example.gov.pl/api/v1/write: a local Prometheus agent scrapes "
        "this kiosk and pushes there (for kiosks behind NAT; apply-config). Empty: no push.",
    )
    remote_write_token_file: str = option(
        "", "Absolute path of a file holding the bearer token of the push; empty: none."
    )
    remote_write_user: str = option(
        "", "User name for basic auth on the push (password in remote_write_password_file)."
    )
    remote_write_password_file: str = option(
        "", "Absolute path of a file holding the basic-auth password of remote_write_user."
    )
    remote_write_interval_s: int = option(
        30, "Seconds between two scrapes the agent pushes.", minimum=5, maximum=HOUR
    )


@dataclass(frozen=True)
class HeartbeatConfig:
    url: str = option("", "Address the signed status is POSTed to; empty: no heartbeat.")
    key_file: str = option(
        "", "Ed25519 private key that signs the heartbeat (`kiosk heartbeat keygen`)."
    )
    interval_s: int = option(300, "Seconds between heartbeats.", minimum=30, maximum=DAY)
    timeout_s: float = option(
        10.0, "Seconds one heartbeat may take, at most.", minimum=1, maximum=10 * MINUTE
    )


@dataclass(frozen=True)
class DisplayConfig:
    off_at: str = option(
        "", "Time the screen turns off each day, HH:MM (systemd timer); empty: never."
    )
    on_at: str = option("07:00", "Time the screen turns back on each day, HH:MM.")


FLEET_GROUP = re.compile(r"[a-z0-9][a-z0-9._-]{0,62}")
"""A group's name: it names the fleet config's file on the server and is checked inside it."""


@dataclass(frozen=True)
class FleetConfig:
    url: str = option(
        "", "Address of this kiosk group's signed fleet config (JSON); empty: no fleet config."
    )
    group: str = option("", "Group of kiosks this one belongs to, e.g. 'powiat-lancut'.")
    public_keys: tuple[str, ...] = option(
        (), "Base64 Ed25519 public keys trusted to sign the fleet config (one is enough)."
    )
    interval_s: int = option(
        900, "Seconds between two checks of the fleet config.", minimum=60, maximum=7 * DAY
    )
    timeout_s: float = option(
        20.0, "Seconds one fetch of the fleet config may take.", minimum=1, maximum=10 * MINUTE
    )


@dataclass(frozen=True)
class SpeechConfig:
    command: str = option(
        "espeak-ng", "Speech synthesizer reading text from stdin (espeak-ng's options)."
    )
    words_per_minute: int = option(
        150,
        "Speech rate in words per minute, before the resident's own choice.",
        minimum=80,
        maximum=450,
    )
    volume: int = option(
        100,
        "Speech volume (espeak-ng amplitude), before the resident's choice.",
        minimum=0,
        maximum=200,
    )
    key_up: str = option("Up", "Keypad key for the previous item in speech mode (a Qt key name).")
    key_down: str = option("Down", "Keypad key for the next item in speech mode.")
    key_select: str = option("Return", "Keypad key that chooses the item spoken last.")
    key_back: str = option("Escape", "Keypad key that closes a panel or goes one screen back.")
    key_help: str = option("F1", "Keypad key that turns speech mode on and says how it works.")
    attract_hint_s: int = option(
        60,
        "Seconds between spoken hints on the attract screen (how to turn speech on); 0: never.",
        minimum=0,
        maximum=3600,
    )
    attract_hint_volume: int = option(
        60,
        "Volume of the attract screen's spoken hint (espeak-ng amplitude).",
        minimum=0,
        maximum=200,
    )

    def keypad(self) -> dict[str, str]:
        return {
            "up": self.key_up,
            "down": self.key_down,
            "select": self.key_select,
            "back": self.key_back,
            "help": self.key_help,
        }


@dataclass(frozen=True)
class KioskConfig:
    kiosk_id: str = option(
        "demo-kiosk", "Name of this kiosk in logs, metrics and the admin screen."
    )
    language: Language = option("pl", "Language the home screen starts in.")
    data_dir: str = option(
        "", "Folder for the catalogue and outbox; empty: the user's data folder."
    )
    log_level: LogLevel = option("INFO", "Least important log level written to stderr.")
    catalogue: CatalogueConfig = field(default_factory=CatalogueConfig)
    screen: ScreenConfig = field(default_factory=ScreenConfig)
    admin: AdminConfig = field(default_factory=AdminConfig)
    intake: IntakeConfig = field(default_factory=IntakeConfig)
    outbox: OutboxConfig = field(default_factory=OutboxConfig)
    printer: PrinterConfig = field(default_factory=PrinterConfig)
    receipt: ReceiptConfig = field(default_factory=ReceiptConfig)
    status: StatusConfig = field(default_factory=StatusConfig)
    wifi: WifiConfig = field(default_factory=WifiConfig)
    visits: VisitsConfig = field(default_factory=VisitsConfig)
    metrics: MetricsConfig = field(default_factory=MetricsConfig)
    heartbeat: HeartbeatConfig = field(default_factory=HeartbeatConfig)
    display: DisplayConfig = field(default_factory=DisplayConfig)
    speech: SpeechConfig = field(default_factory=SpeechConfig)
    fleet: FleetConfig = field(default_factory=FleetConfig)

    def data_path(self) -> Path:
        """`data_dir`, or $XDG_DATA_HOME/infomat (~/.local/share/infomat) when empty."""
        if self.data_dir:
            return Path(self.data_dir).expanduser()
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return Path(base) / "infomat"


@dataclass(frozen=True)
class LocalConfig:
    """This kiosk's own config file as read: the keys it sets win over the fleet config's."""

    tables: Mapping[str, Any]
    source: str


class ConfigError(ValueError):
    """The config file is missing, not TOML, or has an unknown key or a wrong value."""


def load_config(path: Path | None) -> KioskConfig:
    """The config from `path`, or the demo defaults when `path` is None."""
    if path is None:
        return KioskConfig()
    return config_from(read_config_file(path), str(path))


def read_config_file(path: Path) -> dict[str, Any]:
    """The TOML tables of `path`, not yet checked (the fleet config needs the keys set)."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such config file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


def config_from(data: Mapping[str, Any], source: str) -> KioskConfig:
    """The config of TOML tables `data`, every check applied; errors name `source`."""
    config: KioskConfig = _build(KioskConfig, data, source, "")
    _check_catalogue(config.catalogue, source)
    _check_intake(config.intake, source)
    _check_outbox(config.outbox, source)
    _check_printer(config.printer, source)
    _check_receipt(config.receipt, source)
    _check_status(config.status, source)
    _check_wifi(config.wifi, source)
    _check_visits(config.visits, source)
    if config.admin.pin_hash and not is_pin_hash(config.admin.pin_hash):
        raise ConfigError(f"{source}: 'admin.pin_hash' is not a hash from `kiosk admin hash-pin`")
    _check_metrics(config.metrics, source)
    _check_heartbeat(config.heartbeat, source)
    _check_speech(config.speech, source)
    _check_fleet(config.fleet, source)
    for key in ("off_at", "on_at"):
        value = getattr(config.display, key)
        if value and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
            raise ConfigError(
                f"{source}: 'display.{key}' must be a time like 22:00 (got {value!r})"
            )
    return config


_NAMED_KEYS = (
    "Up Down Left Right Return Enter Escape Space Tab Backspace Home End PageUp PageDown "
    "Insert Delete Plus Minus Asterisk Slash Period Comma Select Help Back Forward"
)
KEY_NAMES = frozenset(
    [
        *"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        *(f"F{n}" for n in range(1, 36)),
        *_NAMED_KEYS.split(),
    ]
)
"""Key names the speech keypad may use (Qt's names without "Key_"; kiosk/ has no Qt)."""


def _check_speech(speech: SpeechConfig, source: str) -> None:
    if 0 < speech.attract_hint_s < 10:
        raise ConfigError(f"{source}: 'speech.attract_hint_s' must be 0 (never) or at least 10")
    keys = speech.keypad()
    for action, name in keys.items():
        if name not in KEY_NAMES:
            raise ConfigError(
                f"{source}: 'speech.key_{action}' = {name!r} is not a key name "
                "(e.g. Up, Down, Return, Escape, F1)"
            )
    if len(set(keys.values())) < len(keys):
        raise ConfigError(f"{source}: the 'speech.key_*' options must be five different keys")


def _check_catalogue(catalogue: CatalogueConfig, source: str) -> None:
    """Options that only make sense together, checked when the file is read."""
    if catalogue.url and not catalogue.url.startswith(("https://", "http://")):
        raise ConfigError(
            f"{source}: 'catalogue.url' must start with https:// (got {catalogue.url!r})"
        )
    if catalogue.url and not catalogue.public_key:
        raise ConfigError(
            f"{source}: 'catalogue.url' needs 'catalogue.public_key' to check signatures"
        )
    if catalogue.public_key:
        # cryptography is loaded only when there is a key to check (kiosk start-up time).
        from offline_cache.signing import SignatureError, load_public_key  # noqa: PLC0415

        try:
            load_public_key(catalogue.public_key)
        except SignatureError as exc:
            raise ConfigError(f"{source}: 'catalogue.public_key' {exc}") from exc


def _check_fleet(fleet: FleetConfig, source: str) -> None:
    if not fleet.url:
        return
    if not fleet.url.startswith(("https://", "http://")):
        raise ConfigError(f"{source}: 'fleet.url' must start with https:// (got {fleet.url!r})")
    if not FLEET_GROUP.fullmatch(fleet.group):
        raise ConfigError(
            f"{source}: 'fleet.group' must name this kiosk's group in lower-case letters, "
            f"digits, '.', '_' or '-', such as 'powiat-lancut' (got {fleet.group!r})"
        )
    if not fleet.public_keys:
        # Not catalogue.public_key: the fleet config sets where applications are sent, so
        # whoever publishes the catalogue must not also be able to redirect them.
        raise ConfigError(
            f"{source}: 'fleet.url' needs 'fleet.public_keys', the keys of the fleet's publisher"
        )
    from offline_cache.signing import SignatureError, load_public_key  # noqa: PLC0415

    for number, key in enumerate(fleet.public_keys, 1):
        try:
            load_public_key(key)
        except SignatureError as exc:
            raise ConfigError(f"{source}: 'fleet.public_keys' key {number}: {exc}") from exc


def _check_intake(intake: IntakeConfig, source: str) -> None:
    """The chosen intake has what it needs to deliver."""
    if intake.kind == "http" and not intake.url.startswith(("https://", "http://")):
        raise ConfigError(
            f"{source}: 'intake.url' must be an https:// address for kind = http "
            f"(got {intake.url!r})"
        )
    if intake.kind == "smtp":
        if not intake.smtp_host:
            raise ConfigError(f"{source}: 'intake.smtp_host' is needed for kind = smtp")
        for key in ("mail_from", "mail_to"):
            address = getattr(intake, key)
            if "@" not in address.strip("@") or any(c.isspace() for c in address):
                raise ConfigError(
                    f"{source}: 'intake.{key}' must be an e-mail address (got {address!r})"
                )
        for key in ("smtp_username", "smtp_password"):
            if not getattr(intake, key).isascii():
                # smtplib sends logins as ASCII only; fail here, not at the first delivery.
                raise ConfigError(f"{source}: 'intake.{key}' must be ASCII (smtplib's limit)")
        if intake.smtp_password and not intake.smtp_username:
            raise ConfigError(f"{source}: 'intake.smtp_password' needs 'intake.smtp_username'")


def _check_outbox(outbox: OutboxConfig, source: str) -> None:
    if outbox.max_retry_s < outbox.first_retry_s:
        raise ConfigError(
            f"{source}: 'outbox.max_retry_s' must be at least 'outbox.first_retry_s' "
            f"(got {outbox.max_retry_s:g} < {outbox.first_retry_s:g})"
        )


def _check_printer(printer: PrinterConfig, source: str) -> None:
    """The options the chosen kind of printer needs."""
    ids = {"usb_vendor_id": printer.usb_vendor_id, "usb_product_id": printer.usb_product_id}
    for key, value in ids.items():
        if printer.kind == "usb" and value == 0:
            raise ConfigError(
                f"{source}: 'printer.{key}' must be the printer's USB id from `lsusb`, "
                f"1 to 0xFFFF (got {value:#x})"
            )
    if printer.kind == "network" and not printer.host:
        raise ConfigError(f"{source}: 'printer.host' is needed when printer.kind is 'network'")
    if printer.kind == "file" and not printer.device:
        raise ConfigError(f"{source}: 'printer.device' is needed when printer.kind is 'file'")


def _check_receipt(receipt: ReceiptConfig, source: str) -> None:
    from kiosk.status_url import status_url_problem  # noqa: PLC0415 - a start checks no URL

    problem = status_url_problem(receipt.status_url)
    if problem:
        raise ConfigError(f"{source}: 'receipt.status_url' {problem}")


def _check_status(status: StatusConfig, source: str) -> None:
    url = status.api_url
    if url and (not url.startswith(("https://", "http://")) or not url.endswith("/")):
        raise ConfigError(
            f"{source}: 'status.api_url' must start with https:// and end with '/', the code "
            f"is appended to it (got {url!r})"
        )


def _check_visits(visits: VisitsConfig, source: str) -> None:
    if not visits.api_url:
        return
    if not visits.api_url.startswith(("https://", "http://")):
        raise ConfigError(
            f"{source}: 'visits.api_url' must start with https:// (got {visits.api_url!r})"
        )
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", visits.office):
        raise ConfigError(
            f"{source}: 'visits.office' must name the office as the office service knows it, "
            f"e.g. 'gmina-miasto-lancut' (got {visits.office!r})"
        )


def _check_wifi(wifi: WifiConfig, source: str) -> None:
    if len(wifi.ssid.encode("utf-8")) > MAX_SSID_BYTES or not wifi.ssid.isprintable():
        raise ConfigError(
            f"{source}: 'wifi.ssid' must be the network's name as phones list it, at most "
            f"32 bytes without control characters (got {wifi.ssid!r})"
        )
    if wifi.password and not 8 <= len(wifi.password) <= MAX_WPA_CHARS:
        raise ConfigError(f"{source}: 'wifi.password' must be 8 to 63 characters (WPA)")
    if wifi.voucher_key_file and not wifi.ssid:
        raise ConfigError(f"{source}: 'wifi.voucher_key_file' needs 'wifi.ssid' (the slip)")
    if wifi.voucher_key_file:
        # Imported for a configured key only (it brings hmac and OpenSSL's hashlib).
        from kiosk.wifi_voucher import VoucherKeyError, read_key  # noqa: PLC0415

        try:
            read_key(Path(wifi.voucher_key_file))
        except VoucherKeyError as exc:
            raise ConfigError(f"{source}: 'wifi.voucher_key_file' {exc}") from None


def _check_metrics(metrics: MetricsConfig, source: str) -> None:
    """The push through the Prometheus agent: an address, one way to log in, files by path."""
    files = ("remote_write_token_file", "remote_write_password_file")
    for key in files:
        path = getattr(metrics, key)
        if path and not path.startswith("/"):
            raise ConfigError(
                f"{source}: 'metrics.{key}' must be an absolute path such as "
                f"/etc/infomat/remote-write.token (got {path!r})"
            )
    if not metrics.remote_write_url:
        for key in (*files, "remote_write_user"):
            if getattr(metrics, key):
                raise ConfigError(f"{source}: 'metrics.{key}' needs 'metrics.remote_write_url'")
        return
    _check_remote_write(metrics, source)


def _check_remote_write(metrics: MetricsConfig, source: str) -> None:
    url = metrics.remote_write_url
    if not url.startswith(("https://", "http://")) or any(c.isspace() for c in url):
        raise ConfigError(
            f"{source}: 'metrics.remote_write_url' must be an https:// address (got {url!r})"
        )
    if not metrics.enabled or metrics.port == 0:
        raise ConfigError(
            f"{source}: 'metrics.remote_write_url' needs 'metrics.enabled' = true and a fixed "
            f"'metrics.port' (the agent scrapes it; got {metrics.enabled}, {metrics.port})"
        )
    user, password = metrics.remote_write_user, metrics.remote_write_password_file
    if bool(user) != bool(password):
        raise ConfigError(
            f"{source}: 'metrics.remote_write_user' and 'metrics.remote_write_password_file' "
            "go together (basic auth)"
        )
    if user and metrics.remote_write_token_file:
        raise ConfigError(
            f"{source}: set 'metrics.remote_write_token_file' or 'metrics.remote_write_user', "
            "not both"
        )
    if ":" in user or not user.isprintable():
        raise ConfigError(
            f"{source}: 'metrics.remote_write_user' must have no ':' nor control characters "
            f"(got {user!r})"
        )


def _check_heartbeat(heartbeat: HeartbeatConfig, source: str) -> None:
    if heartbeat.url and not heartbeat.url.startswith(("https://", "http://")):
        raise ConfigError(
            f"{source}: 'heartbeat.url' must start with https:// (got {heartbeat.url!r})"
        )
    if heartbeat.url and not heartbeat.key_file:
        raise ConfigError(
            f"{source}: 'heartbeat.url' needs 'heartbeat.key_file' to sign the status "
            "(make one with `kiosk heartbeat keygen --out FILE`)"
        )


def _build(cls: type[Any], data: Mapping[str, Any], source: str, prefix: str) -> Any:
    hints = get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    for key in data:
        if key not in fields:
            known = ", ".join(sorted(fields))
            raise ConfigError(f"{source}: unknown key '{prefix}{key}' (known here: {known})")
    values = {}
    for name, value in data.items():
        key = f"{prefix}{name}"
        kind = hints[name]
        if dataclasses.is_dataclass(kind):
            if not isinstance(value, dict):
                raise ConfigError(f"{source}: '{key}' must be a table [{key}]")
            values[name] = _build(kind, value, source, f"{key}.")  # type: ignore[arg-type]
        else:
            values[name] = _convert(kind, value, fields[name].metadata, source, key)
    return cls(**values)


def _convert(kind: Any, value: Any, meta: Mapping[str, Any], source: str, key: str) -> Any:
    def refuse(reason: str) -> ConfigError:
        return ConfigError(f"{source}: '{key}' {reason} (got {value!r})")

    if get_origin(kind) is Literal:
        if value not in get_args(kind):
            raise refuse("must be one of " + ", ".join(map(repr, get_args(kind))))
        return value
    if kind == tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise refuse('must be a list of texts, such as ["..."]')
        return tuple(value)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise refuse(f"must be {_TYPE_NAMES.get(kind, kind.__name__)}")
    if kind in (int, float):
        _check_range(value, meta, key, refuse)
    return value


def _check_range(
    value: float, meta: Mapping[str, Any], key: str, refuse: Callable[[str], ConfigError]
) -> None:
    """Finite and within the declared bounds; `nan` compares false with any bound."""
    minimum, maximum = meta.get("minimum"), meta.get("maximum")
    if minimum is None or maximum is None:
        raise TypeError(f"config option {key!r} is a number declared without its range")
    if not math.isfinite(value):
        raise refuse("must be a finite number")
    if value < minimum:
        raise refuse(f"must be at least {_number(minimum)}")
    if value > maximum:
        raise refuse(f"must be at most {_number(maximum)}")


def _number(bound: float) -> str:
    return str(int(bound)) if float(bound).is_integer() else repr(float(bound))


MAX_SSID_BYTES = 32
MAX_WPA_CHARS = 63
_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


@dataclass(frozen=True)
class OptionDoc:
    key: str
    type: str
    default: str
    doc: str
    minimum: float | None = None  # numbers only: the range the file is held to
    maximum: float | None = None


def describe(cls: type[Any] = KioskConfig, prefix: str = "") -> Iterator[OptionDoc]:
    """Every option with its type, default and doc (for `kiosk config` and the guide)."""
    hints = get_type_hints(cls)
    for f in dataclasses.fields(cls):
        kind = hints[f.name]
        if dataclasses.is_dataclass(kind):
            yield from describe(kind, f"{prefix}{f.name}.")  # type: ignore[arg-type]
            continue
        minimum, maximum = f.metadata["minimum"], f.metadata["maximum"]
        kind_text = _type_text(kind)
        if minimum is not None and maximum is not None:
            kind_text += f", {_number(minimum)} to {_number(maximum)}"
        key = f"{prefix}{f.name}"
        yield OptionDoc(key, kind_text, repr(f.default), f.metadata["doc"], minimum, maximum)


def _type_text(kind: Any) -> str:
    if get_origin(kind) is Literal:
        return " | ".join(map(repr, get_args(kind)))
    if kind == tuple[str, ...]:
        return "list of texts"
    if isinstance(kind, types.GenericAlias):
        return str(kind)
    return _TYPE_NAMES.get(kind, getattr(kind, "__name__", str(kind)))
