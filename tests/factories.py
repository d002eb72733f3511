"""Small valid catalogue bundles for tests, with Polish letters everywhere."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from offline_cache.catalogue_load import load
from offline_cache.catalogue_store import CatalogueStore
from offline_cache.generations import GenerationFolder


def service(service_id: str, name: str, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": service_id,
        "name": {"pl": name, "en": f"{service_id} in English"},
        "description": {"pl": fields.pop("description", "Usługa urzędu gminy dla mieszkańców.")},
        "authority": fields.pop("authority", "gmina-lomza"),
        "categories": fields.pop("categories", ["podatki"]),
        "channels": [{"type": "online", "url": f"https://www.gov.pl/web/gov/{service_id}"}],
        "updated": "2026-10-01",
    }
    if "keywords" in fields:
        record["keywords"] = {"pl": fields.pop("keywords")}
    record.update(fields)
    return record


def bundle(*services: dict[str, Any], generated: str = "2026-11-20T10:00:00Z") -> dict[str, Any]:
    return {
        "format": "infomat-catalogue/1",
        "generated": generated,
        "tenants": [
            {"id": "woj-lodzkie", "kind": "voivodeship", "name": {"pl": "Województwo Łódzkie"}},
            {"id": "powiat-lomzynski", "kind": "county", "name": {"pl": "Powiat Łomżyński"}},
            {
                "id": "gmina-lomza",
                "kind": "commune",
                "parent": "powiat-lomzynski",
                "name": {"pl": "Gmina Łomża", "uk": "Гміна Ломжа"},
            },
            {
                "id": "zdw-lodz",
                "kind": "body",
                "parent": "woj-lodzkie",
                "name": {"pl": "Zarząd Dróg Wojewódzkich w Łodzi"},
            },
        ],
        "categories": [
            {"id": "podatki", "name": {"pl": "Podatki i opłaty"}},
            {"id": "drogi", "name": {"pl": "Drogi i transport"}},
        ],
        "life_events": [{"id": "przeprowadzka", "name": {"pl": "Przeprowadzka"}}],
        "services": list(services),
    }


def encoded(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def small_catalogue() -> dict[str, Any]:
    """Three services: enough to tell old from new generations apart."""
    return bundle(
        service("podatek-od-nieruchomosci", "Podatek od nieruchomości – informacja IN-1"),
        service(
            "zajecie-pasa",
            "Zezwolenie na zajęcie pasa drogowego",
            authority="zdw-lodz",
            categories=["drogi"],
        ),
        service("zameldowanie", "Zameldowanie na pobyt stały", life_events=["przeprowadzka"]),
    )


def imported_store(folder: Path, catalogue: dict[str, Any], name: str = "test") -> CatalogueStore:
    """The catalogue imported into a generation of `folder`, opened for reading."""
    return CatalogueStore(load(encoded(catalogue), GenerationFolder(folder), name, {}).path)
