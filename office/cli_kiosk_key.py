"""`office kiosk key KIOSK_ID --public-key KEY`, and `--public-key` of `office kiosk add`:
the kiosk's heartbeat public key (what `kiosk heartbeat keygen` prints, base64)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from office.fleet_records import KioskUnknown, PublicKeyTaken
from office.heartbeats import canonical_key
from office.open_store import open_store
from office.settings import OfficeSettings
from office.store import CaseStore
from offline_cache.signing import SignatureError

PUBLIC_KEY_HELP = "the kiosk's heartbeat public key (`kiosk heartbeat keygen` prints it)"


class KeyCommandError(ValueError):
    """A public key that is not one, or for a kiosk that is not registered: exit 2."""


def add_key_parser(kiosk_commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    key = kiosk_commands.add_parser(
        "key",
        help="register (or replace) a kiosk's heartbeat public key",
        description="Register the Ed25519 public key whose signature the office accepts "
        "on the kiosk's heartbeats; a key set before is replaced.",
    )
    key.add_argument("kiosk_id", metavar="KIOSK_ID", help="a kiosk registered with `kiosk add`")
    key.add_argument("--public-key", required=True, metavar="KEY", help=PUBLIC_KEY_HELP)
    key.add_argument("--config", type=Path, help="office TOML file (default: built-in)")


def checked_key(text: str) -> str:
    try:
        return canonical_key(text)
    except SignatureError as exc:
        raise KeyCommandError(f"--public-key: {exc}") from None


def set_key(settings: OfficeSettings, kiosk_id: str, public_key: str) -> None:
    key = checked_key(public_key)
    store = open_store(settings)
    try:
        store_key(store, kiosk_id, key)
        kiosk = store.kiosk_by_public_key(key)
    finally:
        store.close()
    if kiosk is not None and kiosk.revoked_at is not None:
        print(
            f"kiosk {kiosk_id}: key kept, but the kiosk is revoked: its heartbeats are refused"
            f" until office kiosk token {kiosk_id}",
            file=sys.stderr,
        )
        return
    print(f"kiosk {kiosk_id}: heartbeats signed with this key are accepted", file=sys.stderr)


def store_key(store: CaseStore, kiosk_id: str, key: str) -> None:
    try:
        store.set_kiosk_key(kiosk_id, key)
    except KioskUnknown:
        raise KeyCommandError(
            f"no kiosk {kiosk_id!r} is registered (register it first: office kiosk add)"
        ) from None
    except PublicKeyTaken:
        raise KeyCommandError("--public-key: another kiosk is registered with this key") from None


def key_is_free(settings: OfficeSettings, key: str) -> None:
    """Before `kiosk add` registers a kiosk with a key: refuse one another kiosk has."""
    store = open_store(settings)
    try:
        taken = store.kiosk_by_public_key(key)
    finally:
        store.close()
    if taken is not None:
        if taken.revoked_at is None:
            raise KeyCommandError(
                f"--public-key: kiosk {taken.kiosk_id} is registered with this key"
            )
        raise KeyCommandError(
            f"--public-key: the revoked kiosk {taken.kiosk_id} keeps this key; give the kiosk"
            " a new one (kiosk heartbeat keygen)"
        )
