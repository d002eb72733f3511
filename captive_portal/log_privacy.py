"""No client address in the portal's log (attack 7 of issue 13).

Our own log lines name clients only by a keyed tag (gateways/_privacy.py). uvicorn's lines
begin with `IP:port - ` wherever they speak of a connection (the access log, which is off,
and the WebSocket lines, which cannot happen with `ws="none"`); this filter on the handler
takes such a prefix out of any uvicorn line a later release might add.
"""

from __future__ import annotations

import ipaddress
import logging
import re

_CLIENT_PREFIX = re.compile(r"\[?[0-9A-Fa-f:.]+\]?:[0-9]+ - ")


def loggable_path(path: str) -> str:
    """A request path for the log, with any segment that is an address as `{ip}` (the
    admin API's /admin/clients/{ip}/deauthorise; a phone may ask for any path)."""
    if not any(c.isdigit() or c == ":" for c in path):
        return path
    return "/".join("{ip}" if _is_address(part) else part for part in path.split("/"))


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        return False
    return True


class NoClientAddresses(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("uvicorn"):
            message = record.getMessage()
            cleaned = _CLIENT_PREFIX.sub("", message)
            if cleaned != message:
                record.msg, record.args = cleaned, None
        return True
