"""The fleet config document: strict fields, only fleet options, each as strict as kiosk.toml."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.config import describe
from kiosk.fleet_document import (
    FLEET_OPTIONS,
    FleetDocumentError,
    check_options,
    merged,
    parse_document,
    render_document,
)
from tests.kiosk.fleet_helpers import GROUP, NOW, document


def test_a_good_document_is_read_with_its_fields() -> None:
    options = {"language": "uk", "screen": {"idle_s": 60}, "printer": {"paper_mm": 58}}
    parsed = parse_document(document(options, image_version="0.2.0~rc1"), "grupa.json")
    assert (parsed.group, parsed.image_version, parsed.options) == (GROUP, "0.2.0~rc1", options)
    assert parsed.option_keys() == ["language", "screen.idle_s", "printer.paper_mm"]
    assert parsed.expires - parsed.issued == dt.timedelta(days=30)


def test_every_fleet_option_is_a_real_kiosk_option() -> None:
    known = {option.key for option in describe()}
    assert [key for key in FLEET_OPTIONS if key not in known] == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"screen": {"idle_s": 5}}, "'screen.idle_s' must be at least 10 (got 5)"),
        ({"screen": {"idle_s": 1e309}}, "'screen.idle_s' must be a whole number"),
        ({"screen": {"countdown_s": True}}, "'screen.countdown_s' must be a whole number"),
        ({"display": {"off_at": "25:00"}}, "'display.off_at' must be a time like 22:00"),
        ({"printer": {"paper_mm": 57}}, "'printer.paper_mm' must be one of 58, 80"),
        ({"language": "fr"}, "'language' must be one of 'pl', 'en', 'uk', 'de'"),
        ({"intake": {"url": "ftp://urząd"}}, "'intake.url' must start with https://"),
        ({"status": {"api_url": "https://x.pl/api"}}, "'status.api_url' must start with"),
        ({"intake": {"token": "sekret"}}, "'intake.token' is not a fleet option"),
        ({"kiosk_id": "inny"}, "'kiosk_id' is not a fleet option"),
        ({"fleet": {"group": "inna"}}, "'fleet.group' is not a fleet option"),
        ({"screen": 60}, "'screen' is not a fleet option"),
    ],
)
def test_a_bad_option_is_refused_naming_the_file_and_the_key(
    options: dict[str, Any], message: str
) -> None:
    with pytest.raises(FleetDocumentError) as refused:
        parse_document(document(options), "grupa.json")
    assert str(refused.value).startswith("grupa.json: options: ")
    assert message in str(refused.value)


def _with(field: str, value: object) -> bytes:
    data = json.loads(document({}))
    data[field] = value
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "not a JSON document in UTF-8"),
        (document({})[:40], "not a JSON document in UTF-8"),
        ("{}".encode("utf-16"), "not a JSON document in UTF-8"),
        (b"[]", "must be an object with exactly format, group"),
        (b"[" * 60_000 + b"]" * 60_000, "not a JSON document in UTF-8"),
        (_with("format", "infomat-fleet/2"), "'format' must be 'infomat-fleet/1'"),
        (_with("group", "Powiat Łańcut"), "'group' must be lower-case letters"),
        (_with("image_version", ""), "'image_version' must be a version such as '0.1.1'"),
        (_with("issued", "wczoraj"), "'issued' must be an RFC 3339 time with its zone"),
        (_with("expires", "2027-01-01T00:00:00"), "'expires' must be an RFC 3339 time"),
        (_with("expires", "2000-01-01T00:00:00Z"), "'expires' must come after 'issued'"),
        (_with("options", []), "'options' must be an object"),
        (_with("extra", 1), "must be an object with exactly"),
        (_with("image_url", ""), "'image_url' must be an address of 1 to 512 characters"),
        (_with("image_url", 7), "'image_url' must be an address of 1 to 512 characters"),
        (_with("image_url", "https://a.pl/" + "x" * 500), "'image_url' must be an address"),
        (_with("image_url", "ftp://a.pl/k.raucb"), "'image_url' must start with https://"),
        (_with("image_url", "file:///k.raucb"), "'image_url' must start with https://"),
        (_with("image_url", "https:///k.raucb"), "must start with https:// and name a host"),
        (_with("image_url", "https://jan:haslo@a.pl/k"), "must not hold a user name or pass"),
        (_with("image_url", "https://token@a.pl/k"), "must not hold a user name or password"),
        (_with("image_url", "https://a.pl/k raucb"), "may hold only ASCII letters, digits"),
        (_with("image_url", "https://a.pl/'$(x)'"), "may hold only ASCII letters, digits"),
        (_with("image_url", "https://a.pl/\nx"), "may hold only ASCII letters, digits"),
        (_with("image_url", "https://urząd.pl/k"), "may hold only ASCII letters, digits"),
        (_with("image_url", "https://[a.pl]/k"), "'image_url' is not a valid address"),
    ],
)
def test_a_bad_document_is_refused(raw: bytes, message: str) -> None:
    with pytest.raises(FleetDocumentError, match=r"^grupa\.json: ") as refused:
        parse_document(raw, "grupa.json")
    assert message in str(refused.value)


@given(st.binary(max_size=300))
def test_any_other_bytes_are_refused_with_a_reason(raw: bytes) -> None:
    with pytest.raises(FleetDocumentError, match=r"^grupa\.json: "):
        parse_document(raw, "grupa.json")


def test_merge_puts_the_local_files_keys_over_the_fleets() -> None:
    fleet = {"language": "uk", "screen": {"idle_s": 60, "countdown_s": 30}}
    local = {"kiosk_id": "k", "screen": {"idle_s": 120, "orientation": "landscape"}}
    assert merged(fleet, local) == {
        "language": "uk",
        "kiosk_id": "k",
        "screen": {"idle_s": 120, "countdown_s": 30, "orientation": "landscape"},
    }
    assert fleet == {"language": "uk", "screen": {"idle_s": 60, "countdown_s": 30}}


def test_the_bundles_address_is_optional_and_read_when_given() -> None:
    assert parse_document(document({}), "grupa.json").image_url == ""
    url = "http://10.0.2.2:8080/bundles/infomat-kiosk-0.2.0.raucb?k=1"
    assert parse_document(_with("image_url", url), "grupa.json").image_url == url


def test_render_writes_what_parse_reads_and_refuses_what_parse_refuses(tmp_path: Path) -> None:
    options = {"display": {"off_at": "22:00", "on_at": "06:30"}}
    valid = (NOW, NOW + dt.timedelta(days=7))
    parsed = parse_document(render_document(GROUP, options, "0.1.1", valid, "o.toml"), "x")
    assert (parsed.issued, parsed.expires, parsed.options) == (*valid, options)
    assert b"image_url" not in render_document(GROUP, options, "0.1.1", valid, "o.toml")
    url = "https://aktualizacje.example.pl/infomat-kiosk-0.1.1.raucb"
    raw = render_document(GROUP, options, "0.1.1", valid, "o.toml", image_url=url)
    assert parse_document(raw, "x").image_url == url
    with pytest.raises(FleetDocumentError, match=r"^o\.toml: 'image_url' must not hold"):
        render_document(GROUP, options, "0.1.1", valid, "o.toml", image_url="https://u:p@a.pl/")
    with pytest.raises(FleetDocumentError, match=r"^o\.toml: options: 'display\.on_at'"):
        render_document(GROUP, {"display": {"on_at": "7:00"}}, "0.1.1", valid, "o.toml")


GUIDE = Path(__file__).resolve().parents[2] / "docs" / "technician-guide.md"


def fleet_section() -> str:
    guide = GUIDE.read_text(encoding="utf-8")
    return guide.split("## Fleet config\n", 1)[1].split("\n## ", 1)[0]


def test_the_guides_example_file_and_options_are_what_a_kiosk_takes() -> None:
    section = fleet_section()
    example = re.search(r"```json\n(.*?)```", section, re.DOTALL)
    assert example is not None
    parsed = parse_document(example.group(1).encode(), "technician-guide.md")
    assert parsed.option_keys() == ["language", "screen.idle_s"]
    options = re.search(r"```toml\n# powiat-lancut.toml\n(.*?)```", section, re.DOTALL)
    assert options is not None
    check_options(tomllib.loads(options.group(1)), "technician-guide.md")
    assert [key for key in FLEET_OPTIONS if f"`{key}`" not in section] == []
