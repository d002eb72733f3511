"""libnftables through Debian's `python3-nftables`, loaded on first use.

The binding is not on PyPI: it is pure Python over ctypes in Debian's dist-packages, so the
loader imports just that package from there when the venv does not have it. One context
serves every call (a lock makes it safe for a threaded server); a change is one JSON batch,
which the kernel applies as one transaction, never an `nft` subprocess per client.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
import threading
from types import ModuleType
from typing import Any, Protocol, cast

from captive_portal.gateway import GatewayError

DIST_PACKAGES = "/usr/lib/python3/dist-packages"
Json = dict[str, Any]


class _Context(Protocol):
    def json_cmd(self, json_root: Json) -> tuple[int, Any, str]: ...


def load_nftables() -> ModuleType:
    """The `nftables` module: from the environment, else from Debian's dist-packages only."""
    try:
        return importlib.import_module("nftables")
    except ModuleNotFoundError:
        pass
    spec = importlib.machinery.PathFinder.find_spec("nftables", [DIST_PACKAGES])
    if spec is None or spec.loader is None:
        raise GatewayError("python3-nftables is not installed (apt-get install python3-nftables)")
    module = importlib.util.module_from_spec(spec)
    sys.modules["nftables"] = module
    spec.loader.exec_module(module)
    return module


class Nft:
    def __init__(self) -> None:
        self._context: _Context | None = None
        self._lock = threading.Lock()

    def run(self, commands: list[Json]) -> list[Json]:
        """Apply `commands` as one batch; the output objects (for `list` commands)."""
        with self._lock:
            if self._context is None:
                self._context = cast(_Context, load_nftables().Nftables())
            rc, output, error = self._context.json_cmd({"nftables": commands})
        if rc != 0:
            # Only the first line: the rest echoes the command, client addresses included.
            reason = error.strip().splitlines()[0] if error.strip() else f"code {rc}"
            raise GatewayError(f"nftables refused the change: {reason}")
        if not isinstance(output, dict):
            return []
        objects = output.get("nftables", [])
        return [o for o in objects if isinstance(o, dict)] if isinstance(objects, list) else []
