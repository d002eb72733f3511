"""`kiosk outbox list|show|retry`: the technician's view of filed applications.

Reads the outbox of the data dir the config names (the same file the running kiosk
uses; SQLite's WAL lets both work at once). A retry is picked up by the running kiosk's
sender within a minute.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

from kiosk.composition import Services
from offline_cache.intake.document import local_time
from offline_cache.outbox import NotRetryable, Outbox, SubmissionNotFound
from offline_cache.outbox_records import STATES, Submission
from offline_cache.submission_code import display, is_valid, normalise


def add_commands(commands: Any) -> None:
    group = commands.add_parser("outbox", help="filed applications and their delivery state")
    tools = group.add_subparsers(dest="tool", required=True, metavar="TOOL")

    lister = tools.add_parser("list", help="every submission, oldest first, one per line")
    lister.add_argument("--state", choices=STATES, help="only submissions in this state")
    lister.set_defaults(handler=_list)

    show = tools.add_parser("show", help="one submission in full (answers until purged)")
    show.add_argument("code", help="submission code as printed, e.g. K7P4M-X9RCA")
    show.set_defaults(handler=_show)

    retry = tools.add_parser("retry", help="queue a rejected submission (or all) again")
    which = retry.add_mutually_exclusive_group(required=True)
    which.add_argument("code", nargs="?", help="submission code to send again")
    which.add_argument(
        "--all-rejected", action="store_true", help="queue every rejected submission again"
    )
    retry.set_defaults(handler=_retry)


def _list(args: argparse.Namespace) -> int:
    outbox = _open(args.services, missing_ok=True, looking=True)
    if outbox is None:
        print("no submissions (nothing filed on this kiosk yet)")
        return 0
    with contextlib.closing(outbox):  # a read-only look must not keep a mount busy
        submissions = outbox.list(args.state)
        counts = outbox.counts()
    for item in submissions:
        print(_line(item))
    summary = ", ".join(f"{counts[state]} {state}" for state in STATES)
    print(f"{len(submissions)} shown; in the outbox: {summary}")
    return 0


def _show(args: argparse.Namespace) -> int:
    code = _valid_code(args.code)
    if code is None:
        return 2
    outbox = _open(args.services, looking=True)
    found = None
    if outbox is not None:
        with contextlib.closing(outbox):
            found = outbox.get(code)
    if found is None:
        print(f"kiosk: no submission {display(code)} in the outbox", file=sys.stderr)
        return 1
    for label, value in _details(found):
        print(f"{label + ':':17} {value}")
    if found.answers is None:
        print(f"answers:          purged {_when(found.purged_at)} (retention period over)")
        return 0
    print("answers:")
    for field_id, value in found.answers.items():
        print(f"  {found.answer_labels.get(field_id, field_id)} [{field_id}]: {value}")
    return 0


def _retry(args: argparse.Namespace) -> int:
    outbox = _open(args.services)
    if args.all_rejected:
        codes = outbox.retry_all_rejected() if outbox is not None else []
        print(f"{len(codes)} rejected submission(s) queued again")
        return 0
    code = _valid_code(args.code)
    if code is None:
        return 2
    try:
        if outbox is None:
            raise SubmissionNotFound(f"no submission {display(code)} in the outbox")
        outbox.retry(code)
    except (SubmissionNotFound, NotRetryable) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    print(f"{display(code)} queued again; the kiosk sends it within a minute")
    return 0


def _open(services: Services, missing_ok: bool = False, looking: bool = False) -> Outbox | None:
    """The outbox, or None if this data dir has none yet (not created by a look).

    A look (`looking`) where the file or its folder cannot be written (a read-only mount,
    the kiosk's files seen by another user) opens it read-only instead. OutboxWriteError and
    OutboxReadError (a damaged or unreadable file) are reported by kiosk.cli in one line.
    """
    path: Path = services.config.data_path() / "outbox.sqlite"
    if not path.exists():
        if not missing_ok:
            print(f"kiosk: no outbox at {path} yet", file=sys.stderr)
        return None
    if looking and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return Outbox(path, read_only=True)
    return services.outbox


def _valid_code(typed: str) -> str | None:
    if not is_valid(typed):
        print(
            f"kiosk: {typed!r} is not a submission code (10 characters, e.g. K7P4M-X9RCA; "
            "check the receipt for a typo)",
            file=sys.stderr,
        )
        return None
    return normalise(typed)


def _line(item: Submission) -> str:
    if item.state == "delivered":
        detail = f"case {item.case_number}"
    elif item.state == "rejected":
        detail = f"needs a technician: {item.last_error}"
    elif item.attempts:
        detail = (
            f"{item.attempts} attempt(s), next {_when(item.next_attempt_at)}: {item.last_error}"
        )
    elif item.last_error:
        detail = f"queued again after: {item.last_error}"
    else:
        detail = "waiting for the first attempt"
    filed = local_time(item.filed_at)
    return f"{display(item.code)}  {item.state:9}  {filed}  {item.service_id}  {detail}"


def _details(item: Submission) -> list[tuple[str, str]]:
    return [
        ("code", display(item.code)),
        ("state", item.state),
        ("service", f"{item.service_name} [{item.service_id}]"),
        ("office", f"{item.office_name} [{item.tenant_id}]"),
        ("form", f"{item.form_id} version {item.form_version}"),
        ("language", item.language),
        ("consent version", item.consent_version),
        ("kiosk", item.kiosk_id),
        ("filed", _when(item.filed_at)),
        ("attempts", str(item.attempts)),
        ("next attempt", _when(item.next_attempt_at)),
        ("last error", item.last_error or "-"),
        ("delivered", _when(item.delivered_at)),
        ("case number", item.case_number or "-"),
    ]


def _when(moment: dt.datetime | None) -> str:
    return "-" if moment is None else local_time(moment)
