"""A FAS that plays "the portal" for openNDS: accept at once, redirect to the login URL.

On a GET with `fas=` it calls `gateway.identify(query, peer)` and answers 302 to
`gateway.authorise(...)`; input errors are 400 and gateway errors 503, as the real portal
will answer. The real portal takes its place in `portal_in_ns.PortalInNamespace`.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from captive_portal.gateway import ClientContext, Gateway, GatewayError, GatewayInputError
from tests.peers.netns import Namespace
from tests.peers.web import Reply, WebServer


class FasStub:
    def __init__(self, ns: Namespace, port: int, gateway: Gateway, seconds: int = 600) -> None:
        self.gateway = gateway
        self.seconds = seconds
        self.identified: list[ClientContext] = []
        self.server = WebServer(ns, port, self._respond)

    def stop(self) -> None:
        self.server.stop()

    def _respond(self, path: str, peer: str) -> Reply:
        query = dict(parse_qsl(urlsplit(path).query, keep_blank_values=True))
        try:
            client = self.gateway.identify(query, peer)
            self.identified.append(client)
            url = self.gateway.authorise(client, self.seconds)
        except GatewayInputError:
            return 400, {}, b"bad gateway parameters"
        except GatewayError:
            return 503, {}, b"gateway unavailable"
        if url is None:
            return 200, {}, b"online"
        return 302, {"Location": url}, b""
