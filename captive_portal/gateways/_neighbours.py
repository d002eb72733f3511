"""LAN clients' MAC addresses from the gateway's neighbour table (`ip -j neigh`).

A missing MAC (no entry, or `ip` failing) only means a client is let through by its
address alone, so failures here are None or nothing, never an error.
"""

from __future__ import annotations

import json
import subprocess

from captive_portal.gateways import _validate as v

TIMEOUT_S = 2.0


def neighbour_mac(ip_command: str, ip: str, interface: str) -> str | None:
    """The MAC the kernel has for `ip` on `interface`, or None."""
    return _macs(ip_command, ["to", ip, "dev", interface]).get(ip)


def neighbour_macs(ip_command: str, interface: str) -> dict[str, str]:
    """Every address on `interface` the kernel knows a MAC for (one `ip` call)."""
    return _macs(ip_command, ["dev", interface])


def _macs(ip_command: str, selector: list[str]) -> dict[str, str]:
    try:
        result = subprocess.run(
            [ip_command, "-j", "neigh", "show", *selector],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
        entries = json.loads(result.stdout) if result.returncode == 0 else []
    except (OSError, subprocess.TimeoutExpired, json.JSONDecodeError):
        return {}
    found: dict[str, str] = {}
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        address, lladdr = entry.get("dst"), entry.get("lladdr")
        if isinstance(address, str) and isinstance(lladdr, str):
            try:
                found[address] = v.mac("lladdr", lladdr)
            except ValueError:
                continue
    return found
