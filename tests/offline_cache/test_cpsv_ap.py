"""The CPSV-AP 3.2.0 JSON-LD importer: sample, bad records, JSON-LD shapes, robustness."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from offline_cache.cpsv_ap import Conversion, convert, looks_like_jsonld
from offline_cache.problems import RecordProblem

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "cpsv_ap_sample.jsonld"
SCHEMA = ROOT / "offline_cache" / "schema" / "catalogue.schema.json"
STAMP = "2025-04-01T10:00:00+02:00"
CONTEXT = (
    "https://semiceu.github.io/uri.semic.eu-generated/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld"
)
BASE = "https://bip.lakowawola.pl/katalog/"
GOOD_IDS = {
    "zameldowanie-na-pobyt-staly",
    "podatek-od-nieruchomosci",
    "karta-wedkarska",
    "dowod-osobisty",
}

Json = Any


def sample() -> dict[str, Json]:
    document: dict[str, Json] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return document


def schema_errors(bundle: dict[str, object]) -> list[str]:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)  # format checking stays off
    return [f"{error.json_path}: {error.message}" for error in validator.iter_errors(bundle)]


def services_by_id(conversion: Conversion) -> dict[str, dict[str, Json]]:
    services: list[dict[str, Json]] = conversion.bundle["services"]  # type: ignore[assignment]
    return {service["id"]: service for service in services}


def with_service(extra: dict[str, Json]) -> dict[str, Json]:
    """The sample plus one more service built on a copy of the karta-wędkarska node."""
    document = sample()
    node = copy.deepcopy(document["@graph"][2])
    node.update({"@id": "lw:uslugi/wycinka-drzew", "PublicService.identifier": "wycinka-drzew"})
    node.update(extra)
    document["@graph"].append(node)
    return document


# --- the sample --------------------------------------------------------------------------


def test_sample_converts_without_problems_and_validates() -> None:
    conversion = convert(sample(), generated=STAMP)
    assert conversion.problems == []
    assert schema_errors(conversion.bundle) == []
    assert set(services_by_id(conversion)) == GOOD_IDS
    assert conversion.bundle["generated"] == STAMP


def test_sample_mapping_details() -> None:
    services = services_by_id(convert(sample(), generated=STAMP))
    podatek = services["podatek-od-nieruchomosci"]
    assert podatek["life_events"] == ["zakup-nieruchomosci"]  # via Event.hasRelatedService
    assert podatek["processing_time"]["text"]["pl"] == "do 1 miesiąca"
    assert podatek["costs"][0]["description"]["pl"] == "Bezpłatnie"
    karta = services["karta-wedkarska"]
    assert karta["costs"][0]["amount"] == 10
    assert karta["channels"][0]["opening_hours"] == [
        {"days": ["Mo", "Tu", "We", "Th", "Fr"], "opens": "08:00", "closes": "16:00"}
    ]
    assert services["dowod-osobisty"]["updated"] == "2024-11-02"
    assert services["dowod-osobisty"]["related"] == ["zameldowanie-na-pobyt-staly"]


def test_polish_letters_survive() -> None:
    conversion = convert(sample(), generated=STAMP)
    karta = services_by_id(conversion)["karta-wedkarska"]
    assert karta["name"] == {
        "pl": "Wydanie karty wędkarskiej",
        "en": "Issuing a fishing licence",
        "uk": "Видача картки рибалки",
        "de": "Ausstellung eines Angelscheins",
    }
    assert karta["keywords"]["pl"] == ["wędkowanie", "ryby", "łowienie"]
    assert karta["channels"][0]["address"] == {
        "street": "ul. Kościuszki 3",
        "postal_code": "05-200",
        "city": "Borów",
    }
    tenants = {tenant["id"]: tenant for tenant in conversion.bundle["tenants"]}  # type: ignore[attr-defined]
    assert tenants["gmina-lakowa-wola"]["name"]["pl"] == "Urząd Gminy Łąkowa Wola"
    assert tenants["gmina-lakowa-wola"]["kind"] == "commune"
    assert tenants["starostwo-borow"]["kind"] == "county"


# --- bad records -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "where", "reason_part"),
    [
        (
            {"PublicService.name": {"en": "Tree felling permit", "de": "Baumfällgenehmigung"}},
            "name",
            "no Polish name",
        ),
        (
            {"PublicService.hasCost": [{"Cost.hasValue": 82.5, "Cost.currency": "EUR"}]},
            "hasCost[0].currency",
            "EUR",
        ),
        (
            {
                "PublicService.hasCost": [
                    {
                        "Cost.hasValue": 5,
                        "Cost.currency": "http://publications.europa.eu/resource/authority/currency/EUR",
                    }
                ]
            },
            "hasCost[0].currency",
            "EUR",
        ),
        ({"PublicService.processingTime": "30 dni"}, "processingTime", "ISO 8601"),
        ({"PublicService.processingTime": "P1.5D"}, "processingTime", "ISO 8601"),
        (
            {"PublicService.hasCost": [{"Cost.hasValue": -10, "Cost.currency": "PLN"}]},
            "hasCost[0].hasValue",
            "number",
        ),
        (
            {"PublicService.hasChannel": [{"Channel.description": "Telefonicznie"}]},
            "hasChannel",
            "no channel",
        ),
        (
            {
                "PublicService.hasChannel": [
                    {"locn:address": {"Address.thoroughfare": "ul. Leśna 1"}}
                ]
            },
            "hasChannel[0].address",
            "lacks postal_code, city",
        ),
        (
            {
                "PublicService.hasChannel": [
                    {
                        "locn:address": {
                            "Address.fullAddress": "ul. Leśna 1, 05200 Borów",
                            "Address.postCode": "05200",
                        }
                    }
                ]
            },
            "hasChannel[0].address",
            "lacks",
        ),
        ({"PublicService.thematicArea": []}, "thematicArea", "thematic area"),
        (
            {"PublicService.hasCompetentAuthority": []},
            "hasCompetentAuthority",
            "no competent authority",
        ),
        (
            {"PublicService.relatedService": ["lw:uslugi/nie-ma-takiej"]},
            "relatedService[0]",
            "not a public service",
        ),
        ({"dct:modified": "wczoraj"}, "modified", "not a date"),
        ({"dct:issued": "2025-02-30"}, "issued", "not a date"),
        (
            {"PublicService.hasCost": [{"Cost.hasValue": 10**400, "Cost.currency": "PLN"}]},
            "hasCost[0].hasValue",
            "number",
        ),
        ({"PublicService.processingTime": "P" + "9" * 5000 + "D"}, "processingTime", "ISO 8601"),
    ],
)
def test_bad_record_is_reported_and_good_ones_convert(
    extra: dict[str, Json], where: str, reason_part: str
) -> None:
    conversion = convert(with_service(extra), generated=STAMP)
    assert conversion.problems, "the bad record must be reported"
    assert {problem.record_id for problem in conversion.problems} == {"wycinka-drzew"}
    assert any(p.where == where and reason_part in p.reason for p in conversion.problems), (
        conversion.problems
    )
    assert set(services_by_id(conversion)) == GOOD_IDS
    assert schema_errors(conversion.bundle) == []


def test_several_bad_records_each_named() -> None:
    document = with_service({"PublicService.name": {"en": "No Polish"}})
    extra = copy.deepcopy(document["@graph"][2])
    extra.update({"@id": "lw:uslugi/oplata-eur", "PublicService.identifier": "opłata-w-euro"})
    extra["PublicService.hasCost"] = [{"Cost.hasValue": 3, "Cost.currency": "EUR"}]
    document["@graph"].append(extra)
    problems = convert(document, generated=STAMP).problems
    assert {p.record_id for p in problems} == {"wycinka-drzew", "oplata-w-euro"}


def test_duplicate_service_id_is_a_problem() -> None:
    document = with_service({"PublicService.identifier": "karta-wędkarska"})
    problems = convert(document, generated=STAMP).problems
    assert problems == [RecordProblem("karta-wedkarska", "identifier", problems[0].reason)]
    assert "duplicate" in problems[0].reason


@pytest.mark.parametrize("document", [None, 42, 3.5, "tekst", True, [], {}, {"@context": CONTEXT}])
def test_document_level_problems(document: Json) -> None:
    conversion = convert(document, generated=STAMP)
    assert [p.record_id for p in conversion.problems] == ["document"]
    assert conversion.bundle["services"] == []


def test_updated_defaults_to_today() -> None:
    document = with_service({})
    del document["@graph"][-1]["dct:issued"]
    service = services_by_id(convert(document))["wycinka-drzew"]
    assert service["updated"] == datetime.now(UTC).date().isoformat()


@pytest.mark.parametrize(
    ("duration", "polish"),
    [
        ("P30D", "do 30 dni"),
        ("P1D", "do 1 dnia"),
        ("P1Y", "do 1 roku"),
        ("P2Y", "do 2 lat"),
        ("P1M15D", "do 1 miesiąca i 15 dni"),
        ("PT2H30M", "do 2 godzin i 30 minut"),
        ("P1WT1H1S", "do 1 tygodnia, 1 godziny i 1 sekundy"),
        ("P0D", "od ręki"),
    ],
)
def test_processing_time_wording(duration: str, polish: str) -> None:
    conversion = convert(with_service({"PublicService.processingTime": duration}))
    processing = services_by_id(conversion)["wycinka-drzew"]["processing_time"]
    assert processing == {
        "duration": duration,
        "text": {"pl": polish, "en": processing["text"]["en"]},
    }


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Gmina Łąkowa Wola", "commune"),
        ("Urząd Miasta Borów", "commune"),
        ("Powiat borowski", "county"),
        ("Starostwo Powiatowe w Borowie", "county"),
        ("Urząd Marszałkowski Województwa Mazowieckiego", "voivodeship"),
        ("Województwo mazowieckie", "voivodeship"),
        ("Wojewódzki Zarząd Dróg", "body"),
    ],
)
def test_tenant_kind_guess(label: str, kind: str) -> None:
    authority = {"@id": "lw:organ", "skos:prefLabel": {"pl": label}}
    conversion = convert(with_service({"PublicService.hasCompetentAuthority": [authority]}))
    tenants = {tenant["id"]: tenant for tenant in conversion.bundle["tenants"]}  # type: ignore[attr-defined]
    assert conversion.problems == []
    assert tenants["organ"]["kind"] == kind


# --- JSON-LD shapes ----------------------------------------------------------------------


def lang(pl: str, en: str) -> list[dict[str, str]]:
    return [{"@language": "pl", "@value": pl}, {"@language": "en", "@value": en}]


def compact_shape() -> dict[str, Json]:
    return {
        "@context": [CONTEXT, {"lw": BASE}],
        "@graph": [
            {
                "@id": "lw:uslugi/odbior-odpadow",
                "@type": "PublicService",
                "PublicService.name": lang(
                    "Deklaracja o opłacie za odpady", "Waste fee declaration"
                ),
                "PublicService.description": lang(
                    "Składana w ciągu 14 dni od zamieszkania.", "Filed within 14 days."
                ),
                "PublicService.keyword": [{"@language": "pl", "@value": "śmieci"}],
                "PublicService.thematicArea": ["lw:kategorie/gospodarka-odpadami"],
                "PublicService.hasCompetentAuthority": ["lw:urzad-gminy"],
                "PublicService.hasCost": [
                    {
                        "Cost.hasValue": 31.5,
                        "Cost.currency": "PLN",
                        "Cost.description": lang("Za osobę", "Per person"),
                    }
                ],
                "PublicService.processingTime": "P2W3D",
                "PublicService.hasChannel": [
                    {"ContactPoint.contactPage": "https://bip.lakowawola.pl/odpady"}
                ],
                "dct:modified": "2025-02-01",
            },
            {
                "@id": "lw:urzad-gminy",
                "@type": "PublicOrganization",
                "PublicOrganization.preferredLabel": lang(
                    "Urząd Gminy Łąkowa Wola", "Commune Office"
                ),
            },
            {
                "@id": "lw:kategorie/gospodarka-odpadami",
                "skos:prefLabel": lang("Gospodarka odpadami", "Waste management"),
            },
        ],
    }


def curie_shape() -> list[Json]:
    context = {"cv": "http://data.europa.eu/m8g/", "dct": "http://purl.org/dc/terms/", "ex": BASE}
    return [
        {
            "@context": context,
            "@id": "ex:uslugi/odbior-odpadow",
            "@type": "cpsv:PublicService",
            "dct:title": {"pl": "Deklaracja o opłacie za odpady", "en": "Waste fee declaration"},
            "dct:description": {
                "pl": "Składana w ciągu 14 dni od zamieszkania.",
                "en": "Filed within 14 days.",
            },
            "dcat:keyword": {"pl": "śmieci"},
            "cv:thematicArea": {"@id": "ex:kategorie/gospodarka-odpadami"},
            "cv:hasCompetentAuthority": {
                "@id": "ex:urzad-gminy",
                "@type": "cv:PublicOrganisation",
                "skos:prefLabel": {"pl": "Urząd Gminy Łąkowa Wola", "en": "Commune Office"},
            },
            "cv:hasCost": {
                "cv:hasValue": {"@value": "31.5", "@type": "xsd:double"},
                "cv:currency": {
                    "@id": "http://publications.europa.eu/resource/authority/currency/PLN"
                },
                "dct:description": {"pl": "Za osobę", "en": "Per person"},
            },
            "cv:processingTime": {"@value": "P2W3D", "@type": "xsd:duration"},
            "cv:hasChannel": {"cv:contactPage": {"@id": "https://bip.lakowawola.pl/odpady"}},
            "dct:modified": "2025-02-01",
        },
        {
            "@id": "ex:kategorie/gospodarka-odpadami",
            "skos:prefLabel": [
                {"@language": "pl", "@value": "Gospodarka odpadami"},
                {"@language": "en", "@value": "Waste management"},
            ],
        },
    ]


def expanded_shape() -> list[Json]:
    dct, m8g = "http://purl.org/dc/terms/", "http://data.europa.eu/m8g/"
    label = "http://www.w3.org/2004/02/skos/core#prefLabel"
    return [
        {
            "@id": BASE + "uslugi/odbior-odpadow",
            "@type": ["http://purl.org/vocab/cpsv#PublicService"],
            dct + "title": lang("Deklaracja o opłacie za odpady", "Waste fee declaration"),
            dct + "description": lang(
                "Składana w ciągu 14 dni od zamieszkania.", "Filed within 14 days."
            ),
            "http://www.w3.org/ns/dcat#keyword": [{"@value": "śmieci", "@language": "pl"}],
            m8g + "thematicArea": [{"@id": BASE + "kategorie/gospodarka-odpadami"}],
            m8g + "hasCompetentAuthority": [{"@id": BASE + "urzad-gminy"}],
            m8g + "hasCost": [
                {
                    m8g + "hasValue": [{"@value": 31.5}],
                    m8g + "currency": [
                        {"@id": "http://publications.europa.eu/resource/authority/currency/PLN"}
                    ],
                    dct + "description": lang("Za osobę", "Per person"),
                }
            ],
            m8g + "processingTime": [{"@value": "P2W3D"}],
            m8g + "hasChannel": [
                {m8g + "contactPage": [{"@id": "https://bip.lakowawola.pl/odpady"}]}
            ],
            dct + "modified": [{"@value": "2025-02-01"}],
        },
        {"@id": BASE + "urzad-gminy", label: lang("Urząd Gminy Łąkowa Wola", "Commune Office")},
        {
            "@id": BASE + "kategorie/gospodarka-odpadami",
            label: lang("Gospodarka odpadami", "Waste management"),
        },
    ]


def test_three_shapes_give_equal_native_records() -> None:
    results = [
        convert(shape(), generated=STAMP) for shape in (compact_shape, curie_shape, expanded_shape)
    ]
    for result in results:
        assert result.problems == []
        assert schema_errors(result.bundle) == []
    assert results[0].bundle == results[1].bundle == results[2].bundle
    service = services_by_id(results[0])["odbior-odpadow"]
    assert service["processing_time"]["text"] == {
        "pl": "do 2 tygodni i 3 dni",
        "en": "up to 2 weeks and 3 days",
    }
    assert service["channels"] == [{"type": "online", "url": "https://bip.lakowawola.pl/odpady"}]


# --- format detection --------------------------------------------------------------------


def test_looks_like_jsonld() -> None:
    assert looks_like_jsonld(sample())
    assert looks_like_jsonld(curie_shape())
    assert looks_like_jsonld({"@type": "PublicService"})
    assert looks_like_jsonld({"@graph": []})
    native = {"format": "infomat-catalogue/1", "generated": STAMP, "tenants": [], "services": []}
    assert not looks_like_jsonld(native)
    assert not looks_like_jsonld(convert(sample(), generated=STAMP).bundle)
    others: list[Json] = [None, 1, "x", [], [1, "a"], {}]
    for other in others:
        assert not looks_like_jsonld(other)


# --- robustness --------------------------------------------------------------------------

KEYS = st.sampled_from(
    [
        "@context",
        "@graph",
        "@id",
        "@type",
        "@value",
        "@language",
        "@list",
        "pl",
        "en",
        "PublicService",
        "PublicService.name",
        "dct:title",
        "cv:hasCost",
        "Cost.hasValue",
        "cv:currency",
        "cv:hasChannel",
        "locn:address",
        "cv:processingTime",
        "cv:thematicArea",
        "cv:hasCompetentAuthority",
    ]
) | st.text(max_size=8)
SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
)
JSON_VALUES = st.recursive(
    SCALARS
    | st.sampled_from(
        ["PublicService", "cpsv:PublicService", "P30D", "PLN", "EUR", "lw:urzad-gminy"]
    ),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(KEYS, children, max_size=5),
    max_leaves=30,
)


def check_result(conversion: Conversion) -> None:
    assert isinstance(conversion.problems, list)
    assert all(isinstance(problem, RecordProblem) for problem in conversion.problems)
    assert conversion.bundle["format"] == "infomat-catalogue/1"
    if not conversion.problems:
        assert schema_errors(conversion.bundle) == []


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_convert_never_raises_on_arbitrary_json(document: Json) -> None:
    check_result(convert(document, generated=STAMP))


def json_paths(value: Json, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every place inside a JSON value, as a path of keys and indexes."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += json_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += json_paths(item, (*path, index))
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_convert_never_raises_on_damaged_sample(data: st.DataObject) -> None:
    document = sample()
    path = data.draw(st.sampled_from(json_paths(document)[1:]))
    parent: Json = document
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = data.draw(JSON_VALUES)
    check_result(convert(document, generated=STAMP))


def test_deeply_nested_input_is_a_document_problem() -> None:
    nested: list[Json] = []
    innermost = nested
    for _ in range(50_000):
        innermost.append([])
        innermost = innermost[0]
    assert [p.record_id for p in convert(nested).problems] == ["document"]
