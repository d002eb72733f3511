"""No client address in any log line (attack 7 of issue 13).

A real portal process at DEBUG, its whole output captured, while a client on its own
loopback address loads the splash, accepts, asks for a WebSocket (uvicorn used to log
`IP:port - "WebSocket /" 403`), an h2c upgrade, a malformed request and an unknown page.
"""

from __future__ import annotations

import http.client
import re
import socket
from pathlib import Path

import pytest

from captive_portal.log_privacy import NoClientAddresses, loggable_path
from tests.captive_portal.portal_process import running_portal

pytestmark = [pytest.mark.slow, pytest.mark.attack(7)]
CLIENT = "127.0.0.77"
WEBSOCKET = (
    "GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
)
H2C = "GET /generate_204 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\n" \
      "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n"  # fmt: skip


def from_client(port: int) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", port, timeout=5, source_address=(CLIENT, 0))


def raw(port: int, request: str) -> bytes:
    with socket.create_connection(("127.0.0.1", port), 5, source_address=(CLIENT, 0)) as conn:
        conn.sendall(request.encode())
        answer = b""
        while chunk := conn.recv(65536):  # the portal closes after an upgrade request
            answer += chunk
    return answer


def test_no_client_address_reaches_the_log(tmp_path: Path) -> None:
    with running_portal(tmp_path) as portal:
        client = from_client(portal.port)
        client.request("GET", "/?mac=a4:5e:60:d1:2b:9c")
        page = client.getresponse().read().decode()
        fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', page))
        body = "&".join(f"{k}={v}" for k, v in fields.items())
        client.request(
            "POST", "/accept", body, {"Content-Type": "application/x-www-form-urlencoded"}
        )
        accepted = client.getresponse()
        accepted.read()
        assert accepted.status == 303
        client.request("GET", "/no/such/page")
        missing = client.getresponse()
        missing.read()
        assert missing.status == 404  # online now: the portal's own 404
        client.close()
        upgraded = raw(portal.port, WEBSOCKET)
        assert upgraded.startswith(b"HTTP/1.1 200 ")  # served as plain HTTP, then closed
        assert raw(portal.port, H2C).startswith(b"HTTP/1.1 204 ")
        assert raw(portal.port, "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n").startswith(
            b"HTTP/1.1 400 "
        )
    log = portal.log()
    assert "dry-run gateway: authorise client" in log  # the log is there, and speaks
    assert CLIENT not in log, log
    assert "WebSocket" not in log and "Traceback" not in log


@pytest.mark.parametrize(
    "line",
    ['203.0.113.7:51234 - "WebSocket /" 403', '[2001:db8::7]:443 - "GET / HTTP/1.1" 200',
     '::ffff:10.0.0.9:5000 - "WebSocket /ws" [accepted]'],
)  # fmt: skip
def test_a_uvicorn_line_loses_its_client_prefix(line: str) -> None:
    import logging

    record = logging.LogRecord("uvicorn.error", logging.INFO, __file__, 1, "%s", (line,), None)
    assert NoClientAddresses().filter(record)
    assert not re.search(r"203\.0|2001:db8|10\.0\.0\.9", record.getMessage())


def test_an_address_in_a_logged_path_is_masked() -> None:
    assert loggable_path("/admin/clients/10.0.0.5/deauthorise") == "/admin/clients/{ip}/deauthorise"
    assert loggable_path("/admin/clients/fd00::7/deauthorise") == "/admin/clients/{ip}/deauthorise"
    assert loggable_path("/generate_204") == "/generate_204"
    assert loggable_path("/zażółć/2024") == "/zażółć/2024"
