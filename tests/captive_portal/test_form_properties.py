"""Whatever a client posts to /accept, the portal answers 303, 400, 403, 413 or 429: never 500."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from captive_portal.form_token import FormSigner, _client_json
from captive_portal.gateway import ClientContext
from captive_portal.redirects import safe_origin
from tests.captive_portal.portal_server import PortalServer

FIELD_TEXT = st.text(st.characters(codec="utf-8"), max_size=60)


@pytest.fixture(scope="module")
def lenient_portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PortalServer]:
    server = PortalServer(tmp_path_factory.mktemp("form"), accepts_per_minute=100_000)
    yield server
    server.stop()


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    fields=st.dictionaries(
        st.sampled_from(["client", "token", "lang", "other", ""]), FIELD_TEXT, max_size=4
    ),
    keep=st.sampled_from(["none", "client", "token", "both"]),
)
def test_the_accept_form_never_fails(
    lenient_portal: PortalServer, fields: dict[str, str], keep: str
) -> None:
    form = lenient_portal.form() if keep != "none" else {}
    if keep == "client":
        fields.pop("client", None)
        fields["client"] = form["client"]
    elif keep == "token":
        fields.pop("token", None)
        fields["token"] = form["token"]
    elif keep == "both":
        fields = {**fields, "client": form["client"], "token": form["token"]}
    answer = lenient_portal.post("/accept", data=fields)
    assert answer.status_code in (303, 400, 403, 413)
    if answer.status_code == 303:
        assert keep == "both"


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    query=st.dictionaries(
        st.sampled_from(["mac", "tag", "origin", "lang", "x"]), FIELD_TEXT, max_size=4
    )
)
def test_the_splash_never_fails_whatever_the_query(
    lenient_portal: PortalServer, query: dict[str, str]
) -> None:
    answer = lenient_portal.get("/", params=query)
    assert answer.status_code in (200, 400)


@given(st.text(max_size=80))
def test_safe_origin_only_passes_web_urls_of_other_hosts(url: str) -> None:
    result = safe_origin(url, {"portal.gmina.pl"})
    if result is not None:
        assert result.startswith(("http://", "https://"))
        assert "portal.gmina.pl" not in result.split("/")[2].lower()


ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=30)


@settings(max_examples=300, deadline=None)
@given(
    ip=ANY_TEXT, gateway=ANY_TEXT, mac=st.none() | ANY_TEXT, origin=st.none() | ANY_TEXT,
    extra=st.dictionaries(ANY_TEXT, ANY_TEXT, max_size=4),
)  # fmt: skip
def test_the_signed_client_round_trips_and_is_what_json_would_write(
    ip: str, gateway: str, mac: str | None, origin: str | None, extra: dict[str, str]
) -> None:
    client = ClientContext(ip, mac, gateway, origin, extra)
    payload = {"ip": ip, "mac": mac, "gw": gateway, "origin": origin, "extra": extra}
    assert _client_json(client) == json.dumps(payload, separators=(",", ":"), sort_keys=True)
    signer = FormSigner(b"k" * 32, 60, lambda: 1_800_000_000.0)
    blob, token = signer.fields(client, ip)
    assert signer.verify(blob, token, ip) == client
