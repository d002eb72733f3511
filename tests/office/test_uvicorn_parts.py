"""The uvicorn internals status_http.py relies on are still there, in the tested versions.

When uvicorn, httptools or uvloop move beyond the minors in office/uvicorn_parts.TESTED, or
one of the named internals changes, this fails first and says which; then read the new
httptools_impl.py and proxy_headers.py, adapt office/uvicorn_parts.py and status_http.py,
rerun test_status_parser.py, and move the bounds in pyproject.toml.
"""

from __future__ import annotations

import asyncio
import inspect
import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from uvicorn.config import Config
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware
from uvicorn.protocols.http.flow_control import FlowControl
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol, RequestResponseCycle
from uvicorn.server import ServerState

from office import uvicorn_parts
from office.status_http import StatusHttpProtocol

ROOT = Path(__file__).resolve().parents[2]


async def _app(scope: object, receive: object, send: object) -> None:
    pass


@pytest.mark.parametrize("package", sorted(uvicorn_parts.TESTED))
def test_the_installed_version_is_the_tested_minor(package: str) -> None:
    minor = uvicorn_parts.TESTED[package]
    assert version(package).startswith(minor + "."), (
        f"{package} {version(package)} is installed; status_http.py was checked against {minor}.x"
    )
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert re.search(rf"^{package}=={re.escape(minor)}\.\d+$", lock, re.MULTILINE)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    major, number = minor.split(".")
    bound = f">={minor},<{major}.{int(number) + 1}"
    declared = [d.replace(" ", "") for d in project["project"]["dependencies"]]
    assert any(re.fullmatch(rf"{package}(\[\w+\])?{re.escape(bound)}", d) for d in declared)


@pytest.mark.parametrize("name", sorted(uvicorn_parts.PROTOCOL_METHODS))
def test_each_protocol_method_keeps_its_signature(name: str) -> None:
    method = getattr(HttpToolsProtocol, name, None)
    assert method is not None, f"HttpToolsProtocol.{name} is gone"
    assert str(inspect.signature(method)) == uvicorn_parts.PROTOCOL_METHODS[name]


def test_the_protocol_the_cycle_and_the_flow_have_the_named_attributes() -> None:
    loop = asyncio.new_event_loop()
    try:
        config = Config(_app, lifespan="off", proxy_headers=False)
        config.load()
        protocol = StatusHttpProtocol(config=config, server_state=ServerState(),
                                      app_state={}, _loop=loop)  # fmt: skip
        for name in uvicorn_parts.PROTOCOL_ATTRIBUTES:
            if name not in ("url",):  # made by on_message_begin, at the first request
                assert hasattr(protocol, name), f"HttpToolsProtocol has no {name} any more"
        for name in uvicorn_parts.SERVER_STATE_ATTRIBUTES:
            assert hasattr(protocol.server_state, name), name
    finally:
        loop.close()
    cycle_init = inspect.getsource(RequestResponseCycle.__init__)
    for name in uvicorn_parts.CYCLE_ATTRIBUTES:
        assert f"self.{name} =" in cycle_init, name
    flow_source = inspect.getsource(FlowControl)
    for name in uvicorn_parts.FLOW_ATTRIBUTES:
        assert f"self.{name} =" in flow_source, name


@pytest.mark.parametrize("name", sorted(uvicorn_parts.TRUSTED_HOSTS_METHODS))
def test_the_proxy_middleware_s_trusted_hosts_keep_their_signatures(name: str) -> None:
    middleware = ProxyHeadersMiddleware(_app, trusted_hosts=["10.0.0.0/8"])
    for attribute in uvicorn_parts.PROXY_ATTRIBUTES:
        assert hasattr(middleware, attribute), attribute
    assert uvicorn_parts.inner_app(middleware) is _app
    trusted = uvicorn_parts.trusted_proxies(middleware)
    assert trusted is not None
    method = getattr(type(trusted), name)
    assert str(inspect.signature(method)) == uvicorn_parts.TRUSTED_HOSTS_METHODS[name]
    assert "10.1.2.3" in trusted and "192.0.2.1" not in trusted
    assert trusted.get_trusted_client_address("192.0.2.1, 10.0.0.1")[0] == "192.0.2.1"
