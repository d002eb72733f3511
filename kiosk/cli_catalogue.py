"""`kiosk catalogue ...`: tools for publishers (keygen, build, sign) and technicians."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

from offline_cache.catalogue_store import Filters
from offline_cache.records import BUNDLE_FORMAT, LANGUAGES

# The tools' own modules (validation, signing, HTTP: ~0.15 s of imports) are imported in the
# tools, so that building this parser costs `kiosk run` nothing at its start.

_SECTIONS = ("tenants", "categories", "life_events", "services", "forms")


class UsageError(ValueError):
    """The command was given something it cannot work with."""


def add_commands(commands: Any) -> None:
    group = commands.add_parser(
        "catalogue", help="build, sign, check, import and search catalogues"
    )
    tools = group.add_subparsers(dest="tool", required=True, metavar="TOOL")

    keygen = tools.add_parser("keygen", help="make a signing key; prints the public key for kiosks")
    keygen.add_argument("--out", type=Path, required=True, help="private key file to create (PEM)")
    keygen.set_defaults(handler=_keygen)

    build = tools.add_parser("build", help="merge source files into one validated catalogue.json")
    build.add_argument(
        "sources",
        type=Path,
        nargs="+",
        help="JSON files with tenants/categories/life_events/services",
    )
    build.add_argument("--out", type=Path, required=True, help="bundle file to write")
    build.add_argument("--generated", help="bundle time (RFC 3339); default: now")
    build.set_defaults(handler=_build)

    signer = tools.add_parser("sign", help="write BUNDLE.sig, a detached Ed25519 signature")
    signer.add_argument("bundle", type=Path)
    signer.add_argument("--key", type=Path, required=True, help="private key from keygen")
    signer.set_defaults(handler=_sign)

    verifier = tools.add_parser("verify", help="check BUNDLE.sig against the public key")
    verifier.add_argument("bundle", type=Path)
    verifier.add_argument(
        "--public-key", help="base64 public key (default: catalogue.public_key of the config)"
    )
    verifier.set_defaults(handler=_verify)

    validate = tools.add_parser("validate", help="check every record; lists each invalid one")
    validate.add_argument("file", type=Path, help="native catalogue.json or CPSV-AP JSON-LD")
    validate.set_defaults(handler=_validate)

    importer = tools.add_parser("import", help="validate a file and make it the kiosk's catalogue")
    source = importer.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "file", type=Path, nargs="?", help="native catalogue.json or CPSV-AP JSON-LD"
    )
    source.add_argument(
        "--bundled",
        action="store_true",
        help="on a kiosk with no catalogue yet, load the one bundled with this build, as its "
        "first start would (the kiosk image does it at build time); else say what is in use",
    )
    importer.set_defaults(handler=_import)

    search = tools.add_parser("search", help="search the kiosk's catalogue; best match first")
    search.add_argument("query", nargs="?", help="what to look for (omit with --interactive)")
    search.add_argument(
        "-i",
        "--interactive",
        action="store_true",
        help="read queries line by line until an empty one",
    )
    search.add_argument("--language", choices=LANGUAGES, default="pl")
    search.add_argument("--tenant", help="only this tenant (and its bodies)")
    search.add_argument("--category")
    search.add_argument("--life-event")
    search.add_argument("--limit", type=int, default=10)
    search.set_defaults(handler=_search)


def _keygen(args: argparse.Namespace) -> int:
    from offline_cache.signing import generate_private_key, public_key_text  # noqa: PLC0415

    out: Path = args.out
    pem = generate_private_key()
    try:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise UsageError(f"{out}: exists already; not overwriting a signing key") from exc
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    print(public_key_text(pem))
    return 0


def _build(args: argparse.Namespace) -> int:
    from offline_cache.catalogue_load import read_bundle  # noqa: PLC0415
    from offline_cache.validation import parse_json  # noqa: PLC0415

    bundle: dict[str, Any] = {"format": BUNDLE_FORMAT, "generated": args.generated or _now()}
    bundle.update({section: [] for section in _SECTIONS})
    for source in args.sources:
        part = parse_json(source.read_bytes(), str(source))
        if not isinstance(part, dict) or set(part) - {*_SECTIONS, "publisher"}:
            raise UsageError(
                f"{source}: expected an object with only {', '.join(_SECTIONS)}, publisher"
            )
        for key, value in part.items():
            if key == "publisher":
                bundle["publisher"] = value
            elif isinstance(value, list):
                bundle[key].extend(value)
            else:
                raise UsageError(f"{source}: '{key}' must be a list")
    raw = (json.dumps(bundle, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    read_bundle(raw, str(args.out))  # refuses invalid records before anything is written
    write_atomically(args.out, raw)
    print(f"{args.out}: {len(bundle['services'])} services")
    return 0


def _sign(args: argparse.Namespace) -> int:
    from offline_cache.signing import sign  # noqa: PLC0415
    from offline_cache.sync import SIGNATURE_SUFFIX  # noqa: PLC0415

    signature = sign(args.bundle.read_bytes(), args.key.read_bytes())
    target = Path(str(args.bundle) + SIGNATURE_SUFFIX)
    write_atomically(target, signature)
    print(target)
    return 0


def _verify(args: argparse.Namespace) -> int:
    from offline_cache.signing import verify  # noqa: PLC0415
    from offline_cache.sync import SIGNATURE_SUFFIX  # noqa: PLC0415

    key = args.public_key or args.services.config.catalogue.public_key
    if not key:
        raise UsageError("no public key: pass --public-key or set catalogue.public_key")
    signature = Path(str(args.bundle) + SIGNATURE_SUFFIX).read_bytes()
    verify(args.bundle.read_bytes(), signature, key)
    print(f"{args.bundle}: signature good")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from offline_cache.catalogue_load import read_bundle  # noqa: PLC0415

    bundle = read_bundle(args.file.read_bytes(), str(args.file))
    print(f"{args.file}: valid, {len(bundle['services'])} services")
    return 0


def _import(args: argparse.Namespace) -> int:
    from offline_cache.catalogue_load import load  # noqa: PLC0415

    if args.bundled:
        info = args.services.catalogue.info()
        print(f"catalogue in use: {info.generation}, {info.services} services ({info.source})")
        return 0

    loaded = load(args.file.read_bytes(), args.services.generations, str(args.file.name), {})
    print(f"{args.file}: {loaded.services} services loaded as {loaded.path.name}")
    return 0


def _search(args: argparse.Namespace) -> int:
    if args.interactive:
        return _search_interactively(args)
    if args.query is None:
        raise UsageError("give a QUERY, or --interactive")
    _print_results(args, args.query)
    return 0


def _search_interactively(args: argparse.Namespace) -> int:
    print("Type what you are looking for (Enter on an empty line ends):")
    while True:
        print("> ", end="", flush=True)
        line = sys.stdin.readline()
        if not line.strip():
            return 0
        _print_results(args, line)


def _print_results(args: argparse.Namespace, query: str) -> None:
    filters = Filters(args.tenant, args.category, args.life_event)
    results = args.services.catalogue.search(query, filters, args.language, max(1, args.limit))
    for result in results:
        print(f"{result.name} — {result.authority} [{result.id}]")
    if not results:
        print("nothing found", file=sys.stderr)


def write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
