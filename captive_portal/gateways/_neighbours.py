"""A LAN client's MAC address from the gateway's neighbour table (`ip -j neigh`)."""

from __future__ import annotations

import json
import subprocess

from captive_portal.gateways import _validate as v

TIMEOUT_S = 2.0


def neighbour_mac(ip_command: str, ip: str, interface: str) -> str | None:
    """The MAC the kernel has for `ip` on `interface`, or None if it has none (or `ip` fails:
    a missing MAC only means the client is authorised by address alone)."""
    try:
        result = subprocess.run(
            [ip_command, "-j", "neigh", "show", "to", ip, "dev", interface],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
        entries = json.loads(result.stdout) if result.returncode == 0 else []
    except (OSError, subprocess.TimeoutExpired, json.JSONDecodeError):
        return None
    for entry in entries if isinstance(entries, list) else []:
        lladdr = entry.get("lladdr") if isinstance(entry, dict) else None
        if isinstance(lladdr, str):
            try:
                return v.mac("lladdr", lladdr)
            except ValueError:
                return None
    return None
