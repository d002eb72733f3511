"""The uvicorn internals fast_http.py relies on are still there, in the tested versions.

When uvicorn, httptools or uvloop move beyond the minors in uvicorn_parts.TESTED, or one of
the named internals changes, this fails first and says which; then read the new
httptools_impl.py, adapt uvicorn_parts.py and fast_http.py, rerun test_fast_http.py and the
attack tests, and move the bounds in pyproject.toml.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib
import inspect
import re
import socket
import tomllib
from importlib.metadata import version
from pathlib import Path
from typing import Any

import httptools
import pytest
from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.server import ServerState

from captive_portal import uvicorn_parts
from captive_portal.fast_http import PortalHttpProtocol

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("package", sorted(uvicorn_parts.TESTED))
def test_the_installed_version_is_the_tested_minor(package: str) -> None:
    minor = uvicorn_parts.TESTED[package]
    assert version(package).startswith(minor + "."), (
        f"{package} {version(package)} is installed; fast_http.py was checked against {minor}.x"
    )


@pytest.mark.parametrize("package", sorted(uvicorn_parts.TESTED))
def test_pyproject_and_the_lock_hold_the_tested_minor(package: str) -> None:
    minor = uvicorn_parts.TESTED[package]
    major, number = minor.split(".")
    bound = f">={minor},<{major}.{int(number) + 1}"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = [d.replace(" ", "") for d in project["project"]["dependencies"]]
    assert any(re.fullmatch(rf"{package}(\[\w+\])?{re.escape(bound)}", d) for d in declared), (
        f"pyproject.toml must bound {package} to {bound}"
    )
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert re.search(rf"^{package}=={re.escape(minor)}\.\d+$", lock, re.MULTILINE)


@pytest.mark.parametrize("name", sorted(uvicorn_parts.PROTOCOL_METHODS))
def test_each_protocol_method_keeps_its_signature(name: str) -> None:
    method = getattr(HttpToolsProtocol, name, None)
    assert method is not None, f"HttpToolsProtocol.{name} is gone"
    assert str(inspect.signature(method)) == uvicorn_parts.PROTOCOL_METHODS[name]


@pytest.mark.parametrize("dotted", sorted(uvicorn_parts.OTHER_SIGNATURES))
def test_each_other_part_keeps_its_signature(dotted: str) -> None:
    module_name, _, rest = dotted.partition(".")
    found: Any = importlib.import_module(module_name)
    for part in rest.split("."):
        if not hasattr(found, part):
            found = importlib.import_module(f"{found.__name__}.{part}")
        else:
            found = getattr(found, part)
    assert str(inspect.signature(found)) == uvicorn_parts.OTHER_SIGNATURES[dotted]


def test_httptools_offers_what_the_protocol_calls() -> None:
    parser = httptools.HttpRequestParser(object())
    for name in ("feed_data", "get_method", "get_http_version", "should_keep_alive",
                 "should_upgrade", "set_dangerous_leniencies"):  # fmt: skip
        assert callable(getattr(parser, name)), name
    assert issubclass(httptools.HttpParserUpgrade, Exception)
    assert issubclass(httptools.HttpParserError, Exception)
    assert httptools.parse_url(b"/a?b=1").query == b"b=1"


class Transport(asyncio.Transport):
    def __init__(self) -> None:
        super().__init__()
        self.written = b""
        self.closing = False

    def write(self, data: Any) -> None:
        self.written += bytes(data)

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("10.1.2.3", 40000), "sockname": ("10.1.2.1", 8080)}.get(name, default)

    def is_closing(self) -> bool:
        return self.closing

    def close(self) -> None:
        self.closing = True


async def _app(scope: Any, receive: Any, send: Any) -> None:
    await receive()
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})


def test_every_named_attribute_is_where_fast_http_looks() -> None:
    async def drive() -> tuple[PortalHttpProtocol, Any, ServerState]:
        config = Config(_app, http=PortalHttpProtocol, lifespan="off", access_log=False)
        config.load()
        state = ServerState()
        protocol = PortalHttpProtocol(config=config, server_state=state, app_state={})
        protocol.connection_made(Transport())
        protocol.data_received(b"POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na")
        cycle = protocol.cycle
        await asyncio.sleep(0.01)  # the app's task answers
        protocol.connection_lost(None)
        return protocol, cycle, state

    protocol, cycle, state = asyncio.run(drive())
    for name in uvicorn_parts.PROTOCOL_ATTRIBUTES:
        assert hasattr(protocol, name), f"HttpToolsProtocol has no {name} now"
    for name in uvicorn_parts.CYCLE_ATTRIBUTES:
        assert hasattr(cycle, name), f"RequestResponseCycle has no {name} now"
    assert cycle.response_complete
    for name in uvicorn_parts.SERVER_STATE_ATTRIBUTES:
        assert hasattr(state, name), f"ServerState has no {name} now"
    assert state.total_requests == 1


def test_uvicorn_connection_made_is_the_one_replaced() -> None:
    source = inspect.getsource(HttpToolsProtocol.connection_made)
    assert hashlib.sha256(source.encode()).hexdigest() == uvicorn_parts.CONNECTION_MADE_SHA256, (
        "uvicorn's HttpToolsProtocol.connection_made changed: UvicornParserProtocol."
        "connection_made replaces it; do what the new one does there, then update the hash"
    )


def _connected(family: socket.AddressFamily, address: Any) -> tuple[socket.socket, ...]:
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.bind(address)
    listener.listen()
    client = socket.socket(family, socket.SOCK_STREAM)
    client.connect(listener.getsockname())
    accepted, _ = listener.accept()
    return listener, client, accepted


@pytest.mark.parametrize("where", ["127.0.0.1", "::1", "unix"])
def test_the_addresses_are_uvicorns_from_the_transports_names(where: str, tmp_path: Path) -> None:
    """What uvicorn reads through the "socket", ours from the names the transport holds."""
    if where == "unix":
        sockets = _connected(socket.AF_UNIX, str(tmp_path / "portal.sock"))
    else:
        sockets = _connected(socket.AF_INET6 if ":" in where else socket.AF_INET, (where, 0))
    accepted = sockets[2]

    class Named(Transport):
        def get_extra_info(self, name: str, default: Any = None) -> Any:
            names = {"socket": accepted, "peername": accepted.getpeername(),
                     "sockname": accepted.getsockname()}  # fmt: skip
            return names.get(name, default)

    config = Config(_app, http=PortalHttpProtocol, lifespan="off", access_log=False)
    config.load()
    state = ServerState()
    loop = asyncio.new_event_loop()
    try:
        ours = PortalHttpProtocol(config=config, server_state=state, app_state={}, _loop=loop)
        ours.connection_made(Named())
        theirs = HttpToolsProtocol(config=config, server_state=state, app_state={}, _loop=loop)
        HttpToolsProtocol.connection_made(theirs, Named())
    finally:
        loop.close()
        for each in sockets:
            each.close()
    assert (ours.client, ours.server, ours.scheme) == (theirs.client, theirs.server, "http")
    assert ours.server is not None and (ours.client is None) == (where == "unix")
    assert ours in state.connections and ours.flow is not None


def test_uvicorn_init_is_the_one_copied() -> None:
    source = inspect.getsource(HttpToolsProtocol.__init__)
    assert hashlib.sha256(source.encode()).hexdigest() == uvicorn_parts.INIT_SHA256, (
        "uvicorn's HttpToolsProtocol.__init__ changed: UvicornParserProtocol.__init__ copies "
        "its attributes to every later connection; check FRESH_PER_CONNECTION against the new "
        "one (test_fresh_per_connection_names_what_uvicorn_makes_anew), then update the hash"
    )


def _two_of_uvicorns(loop: asyncio.AbstractEventLoop) -> tuple[dict[str, Any], dict[str, Any]]:
    config = Config(_app, http=PortalHttpProtocol, lifespan="off", access_log=False)
    config.load()
    state, app_state = ServerState(), {"lifespan": "state"}
    made = [
        HttpToolsProtocol(config=config, server_state=state, app_state=app_state, _loop=loop)
        for _ in range(2)
    ]
    return vars(made[0]), vars(made[1])


def test_fresh_per_connection_names_what_uvicorn_makes_anew() -> None:
    """Every attribute two of uvicorn's protocols of one server do not share is made afresh."""
    loop = asyncio.new_event_loop()
    try:
        first, second = _two_of_uvicorns(loop)
    finally:
        loop.close()
    assert first.keys() == second.keys()
    own = {name for name in first if first[name] is not second[name]}
    own -= {name for name in own if type(first[name]) in (int, float, str, bool)}  # equal values
    assert own == set(uvicorn_parts.FRESH_PER_CONNECTION) - {"app_state"}, (
        "uvicorn now makes other attributes per connection: add them to FRESH_PER_CONNECTION "
        "and make them in UvicornParserProtocol.__init__"
    )


def test_a_later_connection_is_the_first_ones_copy_with_its_own_parser() -> None:
    async def drive() -> None:
        config = Config(_app, http=PortalHttpProtocol, lifespan="off", access_log=False)
        config.load()
        state, app_state = ServerState(), dict[str, Any]()
        first, later = (
            PortalHttpProtocol(config=config, server_state=state, app_state=app_state)
            for _ in range(2)
        )
        assert vars(first).keys() == vars(later).keys()
        for name, value in vars(first).items():
            if name in uvicorn_parts.FRESH_PER_CONNECTION:
                assert value is not vars(later)[name] or name == "app_state", name
            else:
                assert value is vars(later)[name], name
        assert later.loop is asyncio.get_running_loop() and later.app is config.loaded_app
        for protocol, target in ((first, b"/first"), (later, b"/later")):
            transport = Transport()
            protocol.connection_made(transport)
            protocol.data_received(b"GET " + target + b" HTTP/1.1\r\nHost: x\r\n\r\n")
            assert protocol.url == target and protocol.headers == [(b"host", b"x")]
            protocol.connection_lost(None)
        another = Config(_app, http=PortalHttpProtocol, lifespan="off", access_log=False,
                         timeout_keep_alive=17)  # fmt: skip
        another.load()
        other = PortalHttpProtocol(config=another, server_state=ServerState(), app_state={})
        assert other.config is another and other.timeout_keep_alive == 17

    asyncio.run(drive())
