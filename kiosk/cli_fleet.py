"""`kiosk fleet ...`: the publisher's build, sign and verify, the kiosk's pull and status.

The publisher's key is made with `kiosk catalogue keygen` (the same Ed25519 scheme); keep
the fleet's key apart from the catalogue's (see docs/technician-guide.md, "Fleet config").
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tomllib
from pathlib import Path
from typing import Any

from kiosk.cli_catalogue import UsageError, write_atomically

SIGNATURE_SUFFIX = ".sig"  # as the catalogue's: FILE and FILE.sig side by side


def add_commands(commands: Any) -> None:
    group = commands.add_parser("fleet", help="signed config for a group of kiosks")
    tools = group.add_subparsers(dest="tool", required=True, metavar="TOOL")

    build = tools.add_parser("build", help="write one group's fleet config from an options file")
    build.add_argument("--group", required=True, help="the group, e.g. powiat-lancut")
    build.add_argument(
        "--from", dest="options", type=Path, required=True, help="TOML file of fleet options"
    )
    build.add_argument("--image-version", required=True, help="image version the group runs")
    build.add_argument(
        "--image-url", default="", help="http(s) address of that version's RAUC bundle"
    )
    build.add_argument("--out", type=Path, required=True, help="fleet config file to write")
    build.add_argument("--issued", help="issue time (RFC 3339); default: now")
    build.add_argument(
        "--valid-days", type=int, default=90, help="days kiosks accept it after issue (90)"
    )
    build.set_defaults(handler=_build)

    signer = tools.add_parser("sign", help="write FILE.sig, a detached Ed25519 signature")
    signer.add_argument("file", type=Path)
    signer.add_argument("--key", type=Path, required=True, help="the fleet publisher's key")
    signer.set_defaults(handler=_sign)

    verifier = tools.add_parser("verify", help="check FILE.sig and every field of FILE")
    verifier.add_argument("file", type=Path)
    verifier.add_argument(
        "--public-key",
        action="append",
        help="base64 public key, may repeat (default: fleet.public_keys of the config)",
    )
    verifier.set_defaults(handler=_verify)

    pull = tools.add_parser("pull", help="fetch, check and keep this group's fleet config once")
    pull.set_defaults(handler=_pull)
    status = tools.add_parser("status", help="the fleet config in use and the last pull")
    status.set_defaults(handler=_status)
    image = tools.add_parser(
        "image", help="the group's image version and bundle address, checked again (for root)"
    )
    image.set_defaults(handler=_image)


def _build(args: argparse.Namespace) -> int:
    from kiosk.fleet_document import (  # noqa: PLC0415
        FleetDocumentError,
        dotted_keys,
        render_document,
    )

    if not 1 <= args.valid_days <= 3650:
        raise UsageError(f"--valid-days must be 1 to 3650 (got {args.valid_days})")
    issued = _issued(args.issued)
    options = _options_file(args.options)
    expires = issued + dt.timedelta(days=args.valid_days)
    try:
        raw = render_document(
            args.group,
            options,
            args.image_version,
            (issued, expires),
            str(args.options),
            image_url=args.image_url,
        )
    except FleetDocumentError as exc:
        raise UsageError(str(exc)) from exc
    write_atomically(args.out, raw)
    count = len(list(dotted_keys(options)))
    print(f"{args.out}: group {args.group}, image {args.image_version}, {count} option(s)")
    return 0


def _sign(args: argparse.Namespace) -> int:
    from offline_cache.signing import sign  # noqa: PLC0415

    target = Path(str(args.file) + SIGNATURE_SUFFIX)
    write_atomically(target, sign(args.file.read_bytes(), args.key.read_bytes()))
    print(target)
    return 0


def _verify(args: argparse.Namespace) -> int:
    from kiosk.fleet_document import FleetDocumentError, parse_document, rfc3339  # noqa: PLC0415
    from kiosk.fleet_trust import check_signature  # noqa: PLC0415
    from offline_cache.signing import SignatureError  # noqa: PLC0415

    keys = tuple(args.public_key or args.services.config.fleet.public_keys)
    if not keys:
        raise UsageError("no public key: pass --public-key or set fleet.public_keys")
    raw = args.file.read_bytes()
    try:
        check_signature(raw, Path(str(args.file) + SIGNATURE_SUFFIX).read_bytes(), keys)
        document = parse_document(raw, str(args.file))
    except SignatureError as exc:
        raise UsageError(f"{args.file}: {exc}") from exc
    except FleetDocumentError as exc:
        raise UsageError(str(exc)) from exc
    print(
        f"{args.file}: signature good; group {document.group}, image {document.image_version}, "
        f"{len(document.option_keys())} option(s), expires {rfc3339(document.expires)}"
    )
    return 0


def _pull(args: argparse.Namespace) -> int:
    sync = args.services.fleet_sync
    if sync is None:
        print("kiosk: no fleet.url in the config; nothing to pull", file=sys.stderr)
        return 2
    status = sync.run_once()
    print(f"{status.outcome}: {status.reason}")
    return 0 if status.outcome != "failed" else 1


def _status(args: argparse.Namespace) -> int:
    from kiosk.fleet_report import report_lines  # noqa: PLC0415

    for line in report_lines(args.effective, args.services.fleet_store.status()):
        print(line)
    return 0


def _image(args: argparse.Namespace) -> int:
    """For the image's updater, run as root: the kept fleet config was written by the
    kiosk's user, so its signature and group were checked again with the keys of the local
    file (load_effective_config) before this runs. Prints `version=`, `url=` and `issued=`
    (Unix time) lines; exit 3 when there is nothing to install from."""
    from kiosk.fleet_document import rfc3339  # noqa: PLC0415

    document = args.effective.fleet
    if args.effective.problem:
        print(f"kiosk: {args.effective.problem}", file=sys.stderr)
        return 3
    if document is None or not document.image_url:
        print("kiosk: the fleet config in use names no image_url", file=sys.stderr)
        return 3
    if document.expires <= dt.datetime.now(dt.UTC):
        print(f"kiosk: the fleet config expired at {rfc3339(document.expires)}", file=sys.stderr)
        return 3
    print(f"version={document.image_version}")
    print(f"url={document.image_url}")
    print(f"issued={int(document.issued.timestamp())}")
    return 0


def _options_file(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise UsageError(f"{path}: no such options file") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from exc


def _issued(text: str | None) -> dt.datetime:
    if text is None:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise UsageError(f"--issued must be an RFC 3339 time (got {text!r})") from exc
    if moment.tzinfo is None:
        raise UsageError(f"--issued needs its zone, e.g. 2026-12-06T08:00:00Z (got {text!r})")
    return moment
