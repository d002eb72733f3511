"""Accepting the terms on a real portal: the signed form, the gateway, redirects, limits."""

from __future__ import annotations

import http.client
import logging
from pathlib import Path
from urllib.parse import urlencode

import pytest

from captive_portal.gateway import ClientContext, GatewayError
from tests.captive_portal.portal_server import MAC, PortalServer


def test_accepting_lets_the_client_through_and_shows_success(portal: PortalServer) -> None:
    answer = portal.accept(f"?mac={MAC}&tag=hid-7")
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/success?lang=pl"
    [action] = portal.gateway.actions
    assert action.action == "authorise" and action.seconds == 3600
    assert action.client == ClientContext("127.0.0.1", MAC, "dry-run", None, {"tag": "hid-7"})
    assert "Połączono z internetem" in portal.get(answer.headers["Location"]).text


def test_the_success_page_speaks_the_form_language(portal: PortalServer) -> None:
    form = portal.form("?lang=uk")
    answer = portal.post("/accept", data=form)
    assert answer.headers["Location"] == "/success?lang=uk"


@pytest.mark.parametrize("missing", ["client", "token"])
def test_a_form_without_its_token_or_client_is_refused(portal: PortalServer, missing: str) -> None:
    form = portal.form()
    del form[missing]
    answer = portal.post("/accept", data=form)
    assert answer.status_code == 400
    assert "Formularz jest niekompletny" in answer.text
    assert portal.gateway.actions == []


@pytest.mark.parametrize(
    "forge",
    [
        lambda f: {
            **f,
            "token": f["token"][:-2] + ("AA" if not f["token"].endswith("AA") else "BB"),
        },
        lambda f: {
            **f,
            "token": str(int(f["token"].split(".")[0]) + 1) + "." + f["token"].split(".")[1],
        },
        lambda f: {**f, "client": f["client"][:-4] + "AAAA"},
    ],
    ids=["signature", "time", "client"],
)
def test_a_forged_form_is_refused(portal: PortalServer, forge: object) -> None:
    form = portal.form("?tag=a1")
    answer = portal.post("/accept", data=forge(form))  # type: ignore[operator]
    assert answer.status_code == 403
    assert portal.gateway.actions == []


def test_a_tampered_gateway_extra_is_refused(portal: PortalServer) -> None:
    honest = portal.form("?tag=mine")
    other = portal.form("?tag=theirs")
    answer = portal.post("/accept", data={**honest, "client": other["client"]})
    assert answer.status_code == 403


def test_an_old_form_is_refused(portal: PortalServer) -> None:
    form = portal.form()
    portal.clock.advance(portal.settings.form_seconds + 1)
    answer = portal.post("/accept", data={**form, "lang": "en"})
    assert answer.status_code == 403
    assert "open too long" in answer.text


def test_a_form_from_another_address_is_refused(portal: PortalServer) -> None:
    form = portal.form()
    connection = http.client.HTTPConnection(
        "127.0.0.1", portal.port, timeout=5, source_address=("127.0.0.2", 0)
    )
    body = urlencode(form)
    connection.request(
        "POST", "/accept", body, {"Content-Type": "application/x-www-form-urlencoded"}
    )
    answer = connection.getresponse()
    assert answer.status == 403
    connection.close()
    assert portal.gateway.actions == []


def test_a_non_form_body_and_a_huge_body_are_refused(portal: PortalServer) -> None:
    as_json = portal.post("/accept", json=portal.form())
    assert as_json.status_code == 400
    huge = portal.post("/accept", data={"client": "x" * 20000, "token": "1.a"})
    assert huge.status_code == 413


def test_accepts_are_rate_limited_per_client(tmp_path: Path) -> None:
    server = PortalServer(tmp_path, accepts_per_minute=3)
    try:
        codes = [server.accept().status_code for _ in range(4)]
        assert codes == [303, 303, 303, 429]
        limited = server.accept()
        assert int(limited.headers["Retry-After"]) >= 1
        server.clock.advance(61)
        assert server.accept().status_code == 303
    finally:
        server.stop()


@pytest.mark.parametrize(
    ("origin", "location"),
    [
        ("http://example.org/news?a=1", "http://example.org/news?a=1"),
        ("https://bip.gmina.pl/", "https://bip.gmina.pl/"),
        ("javascript:alert(1)", "/success?lang=pl"),
        ("//evil.example/x", "/success?lang=pl"),
        ("http:\\\\evil.example", "/success?lang=pl"),
        ("data:text/html,hi", "/success?lang=pl"),
        ("http://user:pw@example.org/", "/success?lang=pl"),
        ("http://127.0.0.1:1/", "/success?lang=pl"),  # the portal's own host
        ("ftp://example.org/", "/success?lang=pl"),
    ],
)
def test_only_safe_origins_are_redirected_to(
    portal: PortalServer, origin: str, location: str
) -> None:
    answer = portal.accept("?" + urlencode({"origin": origin}))
    assert answer.status_code == 303
    assert answer.headers["Location"] == location


def test_a_gateway_redirect_wins_over_the_origin(portal: PortalServer) -> None:
    portal.gateway.authorise = lambda client, seconds: "http://10.0.0.1:2050/opennds_auth/?tok=ab"  # type: ignore[method-assign]
    answer = portal.accept("?origin=http://example.org/")
    assert answer.headers["Location"] == "http://10.0.0.1:2050/opennds_auth/?tok=ab"


def test_a_gateway_failure_is_503_counted_and_records_nothing(portal: PortalServer) -> None:
    def broken(client: ClientContext, seconds: int) -> str | None:
        raise GatewayError("ndsctl timed out")

    portal.gateway.authorise = broken  # type: ignore[method-assign]
    answer = portal.accept()
    assert answer.status_code == 503
    assert "nie odpowiada" in answer.text and "ndsctl" not in answer.text
    assert portal.get("/generate_204").status_code == 302
    assert "captive_portal_gateway_errors_total 1.0" in portal.management("/metrics").text


def test_re_accepting_extends_the_session(portal: PortalServer) -> None:
    portal.accept()
    portal.clock.advance(3000)
    assert portal.get("/api/captive").json()["seconds-remaining"] == 600
    assert portal.accept().status_code == 303
    assert portal.get("/api/captive").json()["seconds-remaining"] == 3600
    assert [a.action for a in portal.gateway.actions] == ["authorise", "authorise"]


def test_a_bad_gateway_parameter_is_400(portal: PortalServer) -> None:
    answer = portal.get("/?mac=zz:zz&lang=en")
    assert answer.status_code == 400
    assert "not recognised" in answer.text


def test_refusals_are_logged_without_client_data(
    portal: PortalServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="captive_portal")
    form = portal.form()
    portal.clock.advance(portal.settings.form_seconds + 1)
    assert portal.post("/accept", data=form).status_code == 403
    assert portal.get("/?mac=not-a-mac").status_code == 400
    assert portal.get("/no/such/page/here").status_code in (302, 404)  # not logged
    refusals = [r.getMessage() for r in caplog.records if r.getMessage().startswith("refused")]
    assert refusals == [
        "refused POST /accept: form_expired",
        "refused GET /: gateway_input (the mac parameter is not a MAC address)",
    ]
    assert not any("not-a-mac" in r.getMessage() or "127.0.0.1" in r.getMessage()
                   for r in caplog.records)  # fmt: skip
