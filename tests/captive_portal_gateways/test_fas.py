"""openNDS FAS parameters: strict decoding, round trips, the login token and URL."""

from __future__ import annotations

import base64
import contextlib
import hashlib
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from captive_portal.gateway import ClientContext, GatewayInputError
from captive_portal.gateways._fas import FasRequest, auth_token, decode_fas, encode_fas, fas_text
from captive_portal.gateways._fas_aes import decrypt_fas, encrypt_fas
from captive_portal.gateways.opennds import OpenNdsGateway

FASKEY = "Infomat0Test0Faskey0Wroclaw2026"
# Sent by openNDS 9.10 in the namespace test (client token "ead4ed65"), unchanged.
REAL_FAS = (
    "aGlkPTk5ZDMzNjYyNmRkMjI4NjE2OWU1MWYwZmVlZmE3YzljYTI3ZTA0OTdhOGIzOGZlMjk5OWFkZTEzYTlhMmQ2MD"
    "YsIGNsaWVudGlwPTE5Mi4xNjguNzcuMiwgY2xpZW50bWFjPTJlOjRlOmE2OjQ5OjU3OmZjLCBjbGllbnRfdHlwZT1j"
    "cGRfY2FuLCBnYXRld2F5bmFtZT1JbmZvbWF0JTIwdGVzdCUyMGhvdHNwb3QlMjBOb2RlJTNhMDZmNjhiNmVkMzgyJT"
    "IwLCBnYXRld2F5dXJsPWh0dHAlM2ElMmYlMmYxOTIuMTY4Ljc3LjEsIHZlcnNpb249OS4xMC4wLCBnYXRld2F5YWRk"
    "cmVzcz0xOTIuMTY4Ljc3LjE6MjA1MCwgZ2F0ZXdheW1hYz0wNmY2OGI2ZWQzODIsIG9yaWdpbnVybD1odHRwJTNhJT"
    "JmJTJmMTAuNzcuMC4yJTJmeCUzZnklM2QxLCBjbGllbnRpZj1sYW4wLCB0aGVtZXNwZWM9KG51bGwpLCAobnVsbCko"
    "bnVsbCkobnVsbCkobnVsbCk="
)
HID = "99d336626dd2286169e51f0feefa7c9ca27e0497a8b38fe2999ade13a9a2d606"


def test_what_opennds_9_10_sends_is_decoded() -> None:
    request = decode_fas(REAL_FAS)
    assert request == FasRequest(
        hid=HID,
        clientip="192.168.77.2",
        clientmac="2e:4e:a6:49:57:fc",
        gatewayaddress="192.168.77.1:2050",
        gatewaymac="06f68b6ed382",
        gatewayname="Infomat test hotspot Node:06f68b6ed382 ",
        gatewayurl="http://192.168.77.1",
        version="9.10.0",
        originurl="http://10.77.0.2/x?y=1",
        client_type="cpd_can",
        clientif="lan0",
    )
    assert hashlib.sha256(b"ead4ed65").hexdigest() == HID  # hid = sha256hex(client token)


def test_the_token_is_sha256_of_hid_then_faskey() -> None:
    # Fixed vector; the openNDS journey test shows openNDS 9.10 accepts tokens made so.
    expected = "cdbdfa1311e52352671589e2e4932287096daa9c267dd46a8b674b5013f731fa"
    assert auth_token(HID, FASKEY) == expected
    assert auth_token(HID, FASKEY + "x") != expected


def test_authorise_sends_the_client_to_opennds_auth_with_its_original_url() -> None:
    gateway = OpenNdsGateway(FASKEY, trusted_gateways=["192.168.77.1:2050"])
    client = gateway.identify({"fas": REAL_FAS}, "192.168.77.2")
    assert (client.ip, client.mac, client.gateway_id) == (
        "192.168.77.2",
        "2e:4e:a6:49:57:fc",
        "06f68b6ed382",
    )
    assert gateway.authorise(client, 600) == (
        "http://192.168.77.1:2050/opennds_auth/?tok=cdbdfa1311e52352671589e2e4932287096daa9c"
        "267dd46a8b674b5013f731fa&redir=http%3A%2F%2F10.77.0.2%2Fx%3Fy%3D1"
    )


def test_a_gateway_outside_the_trusted_list_is_refused() -> None:
    gateway = OpenNdsGateway(FASKEY, trusted_gateways=["10.0.0.1:2050"])
    with pytest.raises(GatewayInputError, match="gatewayaddress"):
        gateway.identify({"fas": REAL_FAS}, "192.168.77.2")
    forged = ClientContext(
        "192.168.77.2", None, "x", None, {"hid": HID, "gatewayaddress": "6.6.6.6:80"}
    )
    with pytest.raises(GatewayInputError, match="gatewayaddress"):
        gateway.authorise(forged, 600)


def test_a_weak_faskey_is_refused_at_configuration() -> None:
    for key in ("", "short", "has spaces in it ok", "x" * 65):
        with pytest.raises(ValueError, match="faskey"):
            OpenNdsGateway(key)


def real_text() -> str:
    return base64.b64decode(REAL_FAS).decode()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda t: t.replace("hid=99d3", "hid=99D3"), "hid"),
        (lambda t: t.replace("clientip=192.168.77.2", "clientip=192.168.77.256"), "clientip"),
        (lambda t: t.replace("clientmac=2e:4e", "clientmac=2e-4e"), "clientmac"),
        (lambda t: t.replace("192.168.77.1:2050", "portal.example:2050"), "gatewayaddress"),
        (lambda t: t.replace("192.168.77.1:2050", "192.168.77.1:0"), "gatewayaddress"),
        (lambda t: t.replace("originurl=http%3a", "originurl=javascript%3a"), "originurl"),
        (lambda t: t.replace("clientif=lan0", "clientif=lan0%0a"), "clientif"),
        (lambda t: t.replace("version=9.10.0", "version=9.10.0, version=9.10.0"), "version"),
        (lambda t: t.replace("clientif=lan0", "clientif=lan0, evil=1"), "fas"),
        (lambda t: t.replace("clientmac=2e:4e:a6:49:57:fc, ", ""), "clientmac"),
        (lambda t: t.replace("(null)(null)", "(nul)"), "fas"),
        (lambda t: t.replace("gatewayname=Infomat", "gatewayname=%ff"), "gatewayname"),
    ],
)
def test_malformed_or_forged_parameters_are_refused(change: object, field: str) -> None:
    text = change(real_text())  # type: ignore[operator]
    with pytest.raises(GatewayInputError, match=f"^{field}:"):
        decode_fas(base64.b64encode(text.encode()).decode())


@pytest.mark.parametrize(
    "value", ["", "@@@", "aGlk", "aGlkPQ", REAL_FAS[:-1], "ą" * 10, "x" * 9000]
)
def test_not_base64_or_truncated_is_refused(value: str) -> None:
    with pytest.raises(GatewayInputError):
        decode_fas(value)


def test_no_fas_parameter_is_refused() -> None:
    with pytest.raises(GatewayInputError, match="fas: missing"):
        OpenNdsGateway(FASKEY).identify({}, "192.168.77.2")


hex64 = st.text("0123456789abcdef", min_size=64, max_size=64)
macs = st.binary(min_size=6, max_size=6).map(lambda b: ":".join(f"{x:02x}" for x in b))
ips = st.ip_addresses().map(str)
ports = st.integers(1, 65535)
printable = st.text(
    st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]), max_size=60
).filter(str.isprintable)
url_chars = st.text("abcdefghijklmnopqrstuvwxyz0123456789-._~/=&", max_size=40)
urls = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}/{path}",
    st.sampled_from(["http", "https"]),
    st.from_regex(r"[a-z][a-z0-9-]{0,20}(\.[a-z]{2,6}){0,2}", fullmatch=True),
    url_chars,
)
requests = st.builds(
    FasRequest,
    hid=hex64,
    clientip=ips,
    clientmac=macs,
    gatewayaddress=st.builds(lambda ip, port: f"{ip}:{port}", st.ip_addresses(v=4), ports),
    gatewaymac=macs.map(lambda m: m.replace(":", "")),
    gatewayname=printable,
    gatewayurl=st.none() | urls,
    version=st.none() | st.just("9.10.0"),
    originurl=st.none() | urls,
    client_type=st.none() | st.sampled_from(["cpd_can", "cpd_ios", "preemptive"]),
    clientif=st.none() | st.sampled_from(["lan0", "br-lan", "wlan0 aa:bb:cc:dd:ee:ff mesh0"]),
    themespec=st.none() | printable.filter(lambda t: t not in ("", "(null)")),
    authdir=st.none() | st.sampled_from(["opennds_auth", "ndsauth_1a2b"]),
    cpi_query=st.none(),
)


@given(requests)
def test_what_opennds_would_send_round_trips(request: FasRequest) -> None:
    gatewayname_set = replace(request, gatewayname=request.gatewayname or "")
    assert decode_fas(encode_fas(request)) == gatewayname_set


@given(
    requests, st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=16, max_size=16)
)
def test_level_2_round_trips_and_needs_the_key(request: FasRequest, iv: str) -> None:
    secret = encrypt_fas(fas_text(request), iv, FASKEY)
    gateway = OpenNdsGateway(FASKEY, fas_level=2)
    assert gateway.identify({"fas": secret, "iv": iv}, "10.0.0.1").ip == request.clientip
    with pytest.raises(GatewayInputError):
        OpenNdsGateway("Other0Key0Of0Sufficient0Length", fas_level=2).identify(
            {"fas": secret, "iv": iv}, "10.0.0.1"
        )
    with pytest.raises(GatewayInputError):
        decrypt_fas(secret, "short", FASKEY)


@given(st.text(max_size=300))
def test_any_text_is_a_fas_or_an_input_error(text: str) -> None:
    for value in (text, base64.b64encode(text.encode()).decode()):
        with contextlib.suppress(GatewayInputError):
            decode_fas(value)


known = st.sampled_from(["hid", "clientip", "clientmac", "gatewayaddress", "gatewaymac",
                         "originurl", "gatewayurl", "version", "clientif", "themespec"])  # fmt: skip
items = st.tuples(known, st.text(max_size=80)).map(lambda kv: f"{kv[0]}={kv[1]}")


@given(st.lists(items | st.text(max_size=20), max_size=14))
def test_any_parameter_list_is_a_fas_or_an_input_error(parts: list[str]) -> None:
    encoded = base64.b64encode(", ".join(parts).encode()).decode()
    try:
        request = decode_fas(encoded)
    except GatewayInputError:
        return
    assert request.clientip and request.hid


@given(st.dictionaries(st.sampled_from(["fas", "iv", "x"]), st.text(max_size=200)))
def test_identify_raises_only_input_errors(query: dict[str, str]) -> None:
    for level in (1, 2):
        with contextlib.suppress(GatewayInputError):
            OpenNdsGateway(FASKEY, fas_level=level).identify(query, "10.0.0.1")
