"""The fleet config document: what one group of kiosks should run, signed by the publisher.

One JSON file per group (the exact bytes are signed, as the catalogue's are):

    {"format": "infomat-fleet/1", "group": "powiat-lancut",
     "issued": "2026-12-06T08:00:00Z", "expires": "2027-03-06T08:00:00Z",
     "image_version": "0.1.1",
     "image_url": "https://aktualizacje.example.pl/infomat-kiosk-0.1.1.raucb",
     "options": {"screen": {"idle_s": 60}, "display": {"off_at": "22:00"}}}

`options` has the shape of the kiosk's TOML and may set only FLEET_OPTIONS; each value is
held to the same declaration (type, range, checks) as the local config file. `image_url`
(optional: documents without it stay valid) is where the group's RAUC bundle is; the
image's updater installs it (docs/image.md, "Updates over the network").
"""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.config import FLEET_GROUP, ConfigError, config_from

FLEET_FORMAT = "infomat-fleet/1"

FLEET_OPTIONS = (
    "language",
    "screen.idle_s",
    "screen.countdown_s",
    "screen.attract_s",
    "display.off_at",
    "display.on_at",
    "intake.url",
    "status.api_url",
    "receipt.status_url",
    "printer.paper_mm",
)
"""The kiosk options a fleet config may set; everything else stays with the local file."""

_FIELDS = ("format", "group", "issued", "expires", "image_version", "options")
_OPTIONAL_FIELDS = ("image_url",)
MAX_IMAGE_URL = 512
# Printable ASCII without spaces, quotes, backslashes or angle brackets: the root updater
# passes it to curl, and a technician reads it in logs.
_URL_TEXT = re.compile(r"[A-Za-z0-9._~:/?#\[\]@!$&()*+,;=%-]+")
_GROUP_TEXT = "lower-case letters, digits, '.', '_' or '-', such as 'powiat-lancut'"
_VERSION = re.compile(r"[0-9][0-9A-Za-z.+~-]{0,63}")


class FleetDocumentError(ValueError):
    """The fleet config is not a valid document; the message names the file and the field."""


@dataclass(frozen=True)
class FleetDocument:
    group: str
    issued: dt.datetime
    expires: dt.datetime
    image_version: str
    options: dict[str, Any]  # TOML-shaped: {"screen": {"idle_s": 60}, "language": "pl"}
    image_url: str = ""  # where the group's RAUC bundle is; "" when the document names none

    def option_keys(self) -> list[str]:
        return list(dotted_keys(self.options))


def parse_document(raw: bytes, source: str) -> FleetDocument:
    """The document in `raw`, every field and option checked; FleetDocumentError otherwise."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise FleetDocumentError(f"{source}: not a JSON document in UTF-8 ({exc})") from exc
    if not isinstance(data, dict) or sorted(set(data) - set(_OPTIONAL_FIELDS)) != sorted(_FIELDS):
        raise FleetDocumentError(
            f"{source}: must be an object with exactly {', '.join(_FIELDS)} "
            f"(and optionally {', '.join(_OPTIONAL_FIELDS)})"
        )
    if data["format"] != FLEET_FORMAT:
        raise FleetDocumentError(f"{source}: 'format' must be {FLEET_FORMAT!r}")
    group = _matching(data, "group", FLEET_GROUP, source, _GROUP_TEXT)
    version = _matching(data, "image_version", _VERSION, source, "a version such as '0.1.1'")
    issued, expires = _time(data, "issued", source), _time(data, "expires", source)
    if expires <= issued:
        raise FleetDocumentError(f"{source}: 'expires' must come after 'issued'")
    options = data["options"]
    if not isinstance(options, dict):
        raise FleetDocumentError(f"{source}: 'options' must be an object")
    check_options(options, f"{source}: options")
    image_url = data.get("image_url", "")
    if "image_url" in data:
        check_image_url(image_url, f"{source}: 'image_url'")
    return FleetDocument(group, issued, expires, version, options, image_url)


def check_image_url(url: object, where: str) -> None:
    """An http(s) address of at most MAX_IMAGE_URL characters, with a host and without a
    user or password in it (a bundle is public and signed; a secret there would leak)."""
    if not isinstance(url, str) or not 0 < len(url) <= MAX_IMAGE_URL:
        raise FleetDocumentError(
            f"{where} must be an address of 1 to {MAX_IMAGE_URL} characters (got {url!r})"
        )
    if not _URL_TEXT.fullmatch(url):
        raise FleetDocumentError(
            f"{where} may hold only ASCII letters, digits and URL punctuation, no spaces or "
            f"quotes; percent-encode the rest (got {url!r})"
        )
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
    except ValueError as exc:  # a bracketed host that is no IPv6 address
        raise FleetDocumentError(f"{where} is not a valid address ({exc})") from exc
    if parts.scheme not in ("https", "http") or not host:
        raise FleetDocumentError(f"{where} must start with https:// and name a host (got {url!r})")
    if "@" in parts.netloc:
        raise FleetDocumentError(
            f"{where} must not hold a user name or password; serve the bundle without them"
        )


def check_options(options: Mapping[str, Any], source: str) -> None:
    """Only fleet options, each as strict as in the kiosk's own file (ConfigError names it)."""
    for key in dotted_keys(options):
        if key not in FLEET_OPTIONS:
            raise FleetDocumentError(
                f"{source}: '{key}' is not a fleet option (allowed: {', '.join(FLEET_OPTIONS)})"
            )
    try:
        config = config_from(options, source)
    except ConfigError as exc:
        raise FleetDocumentError(str(exc)) from exc
    url = config.intake.url
    if url and not url.startswith(("https://", "http://")):
        raise FleetDocumentError(f"{source}: 'intake.url' must start with https:// (got {url!r})")


def dotted_keys(tables: Mapping[str, Any]) -> Iterator[str]:
    """'screen.idle_s' for {"screen": {"idle_s": 60}}; a table itself is not a key."""
    for name, value in tables.items():
        if isinstance(value, dict):
            yield from (f"{name}.{key}" for key in dotted_keys(value))
        else:
            yield name


def merged(fleet: Mapping[str, Any], local: Mapping[str, Any]) -> dict[str, Any]:
    """The fleet's options with every key the local file sets explicitly put over them."""
    result: dict[str, Any] = dict(fleet)
    for name, value in local.items():
        below = result.get(name)
        if isinstance(value, dict) and isinstance(below, dict):
            result[name] = merged(below, value)
        else:
            result[name] = value
    return result


def render_document(
    group: str,
    options: Mapping[str, Any],
    image_version: str,
    valid: tuple[dt.datetime, dt.datetime],
    source: str,
    *,
    image_url: str = "",
) -> bytes:
    """The document's bytes, valid from `valid[0]` to `valid[1]`, checked by the kiosk's own
    parser before anyone signs them (errors name `source`, the publisher's options file)."""
    check_options(options, f"{source}: options")  # before JSON: TOML has times JSON lacks
    if image_url:
        check_image_url(image_url, f"{source}: 'image_url'")
    document = {
        "format": FLEET_FORMAT,
        "group": group,
        "issued": rfc3339(valid[0]),
        "expires": rfc3339(valid[1]),
        "image_version": image_version,
        **({"image_url": image_url} if image_url else {}),
        "options": options,
    }
    raw = (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    parse_document(raw, source)
    return raw


def _matching(
    data: Mapping[str, Any], key: str, pattern: re.Pattern[str], source: str, what: str
) -> str:
    value = data[key]
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise FleetDocumentError(f"{source}: '{key}' must be {what} (got {value!r})")
    return value


def _time(data: Mapping[str, Any], key: str, source: str) -> dt.datetime:
    value = data[key]
    moment = None
    if isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            moment = None
    if moment is None or moment.tzinfo is None:
        raise FleetDocumentError(
            f"{source}: '{key}' must be an RFC 3339 time with its zone, such as "
            f"2026-12-06T08:00:00Z (got {value!r})"
        )
    return moment


def rfc3339(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
