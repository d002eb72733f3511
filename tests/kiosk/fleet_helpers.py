"""Signed fleet configs and kiosk config files for the fleet tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from kiosk.fleet_document import FLEET_FORMAT
from offline_cache.signing import generate_private_key, public_key_text, sign

KEY = generate_private_key()
PUBLIC_KEY = public_key_text(KEY)
GROUP = "powiat-lancut"
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def document(
    options: dict[str, Any],
    *,
    group: str = GROUP,
    issued: dt.datetime | None = None,
    expires: dt.datetime | None = None,
    image_version: str = "0.1.1",
    image_url: str = "",
) -> bytes:
    """A fleet config's bytes, written by hand (not by the code under test)."""
    issued = issued or NOW - dt.timedelta(hours=1)
    expires = expires or issued + dt.timedelta(days=30)
    data = {
        "format": FLEET_FORMAT,
        "group": group,
        "issued": issued.isoformat().replace("+00:00", "Z"),
        "expires": expires.isoformat().replace("+00:00", "Z"),
        "image_version": image_version,
        "options": options,
    }
    if image_url:
        data["image_url"] = image_url
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def signature(body: bytes, key: bytes = KEY) -> bytes:
    return sign(body, key)


def kiosk_toml(tmp_path: Path, url: str, extra: str = "", keys: str = "") -> Path:
    """A kiosk config file in the fleet's group, its data under tmp_path."""
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'kiosk_id = "łańcut-ratusz-1"\ndata_dir = "{tmp_path / "data"}"\n{extra}\n'
        f'[fleet]\nurl = "{url}"\ngroup = "{GROUP}"\n'
        f"public_keys = [{keys or json.dumps(PUBLIC_KEY)}]\n",
        encoding="utf-8",
    )
    return path
