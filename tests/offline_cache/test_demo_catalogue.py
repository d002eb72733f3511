"""The demo catalogue shipped in the package: valid, signed, realistic and multilingual."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from kiosk.catalogue_service import demo_catalogue_path
from offline_cache.catalogue_store import CatalogueStore
from offline_cache.records import LANGUAGES
from offline_cache.signing import verify
from offline_cache.validation import validate_bundle

DEMO = demo_catalogue_path().parent
TEXT_FIELDS = ("name", "description", "who_can_apply", "appeal", "output")


def test_demo_is_valid_and_signed(demo_bytes: bytes) -> None:
    assert validate_bundle(json.loads(demo_bytes)) == []
    public_key = (DEMO / "catalogue.pub").read_text(encoding="ascii").strip()
    verify(demo_bytes, (DEMO / "catalogue.json.sig").read_bytes(), public_key)


def test_demo_matches_its_sources(demo_bundle: dict[str, Any]) -> None:
    """catalogue.json is built from src/ by `./dev demo-catalogue`; they must not drift."""
    from_sources: Counter[str] = Counter()
    for part in sorted((DEMO / "src").glob("*.json")):
        for section, records in json.loads(part.read_text(encoding="utf-8")).items():
            from_sources.update(f"{section}:{json.dumps(r, sort_keys=True)}" for r in records)
    shipped = Counter(
        f"{section}:{json.dumps(r, sort_keys=True)}"
        for section in ("tenants", "categories", "life_events", "services", "forms")
        for r in demo_bundle.get(section, [])
    )
    assert shipped == from_sources


def test_demo_covers_commune_county_voivodeship_and_its_bodies(demo_bundle: dict[str, Any]) -> None:
    kinds = Counter(t["kind"] for t in demo_bundle["tenants"])
    assert kinds == {"commune": 1, "county": 1, "voivodeship": 1, "body": 2}
    per_tenant = Counter(s["authority"] for s in demo_bundle["services"])
    assert len(demo_bundle["services"]) >= 60
    assert all(per_tenant[t["id"]] >= 3 for t in demo_bundle["tenants"]), per_tenant


def texts(service: dict[str, Any]) -> list[dict[str, str]]:
    found = [service[f] for f in TEXT_FIELDS if f in service]
    found += [d["name"] for d in service.get("documents", [])]
    found += [c["description"] for c in service.get("costs", [])]
    return found


def test_every_record_has_polish_and_english(demo_bundle: dict[str, Any]) -> None:
    missing = [
        s["id"] for s in demo_bundle["services"] for t in texts(s) if not {"pl", "en"} <= set(t)
    ]
    assert missing == []


def test_the_twenty_most_used_have_ukrainian(demo_bundle: dict[str, Any]) -> None:
    ranked = sorted(demo_bundle["services"], key=lambda s: -s.get("popularity", 0))[:20]
    assert all(s.get("popularity", 0) > 0 for s in ranked)
    missing = [s["id"] for s in ranked for t in texts(s) if "uk" not in t]
    assert missing == []


def translations_missing(record: Any, where: str) -> list[str]:
    """Where a text (or keyword list) of `record` has Polish but lacks another language."""
    if isinstance(record, list):
        return [
            m for i, item in enumerate(record) for m in translations_missing(item, f"{where}[{i}]")
        ]
    if not isinstance(record, dict):
        return []
    if "pl" in record and set(record) <= set(LANGUAGES):
        return [f"{where}: {lang}" for lang in LANGUAGES if not record.get(lang)]
    return [
        m for key, value in record.items() for m in translations_missing(value, f"{where}.{key}")
    ]


@pytest.mark.parametrize("section", ["services", "forms"])
def test_every_service_and_form_speaks_all_four_languages(
    demo_bundle: dict[str, Any], section: str
) -> None:
    """The kiosk offers pl, en, uk and de: no demo card or form may fall back to Polish."""
    records = demo_bundle.get(section, [])
    assert records
    missing = [m for r in records for m in translations_missing(r, r["id"])]
    assert missing == []


SEARCHES = {
    "zameldowanie na pobyt staly": "gl-zameldowanie-na-pobyt-staly",
    "dowod osobisty": "gl-dowod-osobisty",
    "akt urodzenia": "gl-odpis-aktu-urodzenia",
    "podatek od nieruchomosci": "gl-podatek-od-nieruchomosci-osoby-fizyczne",
    "deklaracja odpady": "gl-deklaracja-oplata-za-odpady",
    "firma ceidg": "gl-wpis-do-ceidg",
    "rejestracja pojazdu": "pl-rejestracja-pojazdu",
    "prawo jazdy": "pl-prawo-jazdy",
    "karta wędkarska": "pl-karta-wedkarska",
    "pozwolenie na budowę": "pl-pozwolenie-na-budowe",
    "wycinka drzew": "gl-zezwolenie-na-usuniecie-drzew-lub-krzewow",
    "zajęcie pasa drogi wojewódzkiej": "pzdw-zajecie-pasa-drogowego",
    "karta dużej rodziny": "gl-karta-duzej-rodziny",
    "dodatek mieszkaniowy": "gl-dodatek-mieszkaniowy",
    "wypis z planu miejscowego": "gl-wypis-wyrys-mpzp",
    "informacja publiczna gmina": "gl-informacja-publiczna",
    "petycja": "gl-petycja",
    "medycyna pracy": "womp-wizyta-medycyna-pracy",
    "zaswiadczenie o niezaleganiu": "gl-zaswiadczenie-o-niezaleganiu",
}


@pytest.mark.parametrize(("query", "expected"), SEARCHES.items())
def test_what_a_resident_types_finds_the_service_first(
    demo_store: CatalogueStore, query: str, expected: str
) -> None:
    assert [r.id for r in demo_store.search(query, limit=1)] == [expected]


def test_kiosk_forms_are_named_on_at_least_five_services(demo_bundle: dict[str, Any]) -> None:
    kiosk = [c for s in demo_bundle["services"] for c in s["channels"] if c["type"] == "kiosk"]
    assert len(kiosk) >= 5


def test_the_package_ships_the_demo_files() -> None:
    for name in ("catalogue.json", "catalogue.json.sig", "catalogue.pub"):
        assert (Path(DEMO) / name).is_file()
