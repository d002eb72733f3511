"""A synthetic but realistic Polish catalogue for benchmarks and scale tests."""

from __future__ import annotations

import json
import random
from typing import Any

ACTIONS = [
    "Zaświadczenie o",
    "Wniosek o",
    "Zezwolenie na",
    "Decyzja w sprawie",
    "Zgłoszenie",
    "Deklaracja",
    "Rejestracja",
    "Wpis do rejestru",
    "Dofinansowanie do",
    "Wydanie",
    "Zmiana danych w",
    "Ulga w",
    "Odwołanie od decyzji w sprawie",
    "Umorzenie",
    "Zwrot",
]
OBJECTS = [
    "niezaleganiu w podatkach",
    "podatku od nieruchomości",
    "usunięcia drzew i krzewów",
    "zajęcia pasa drogowego",
    "opłaty za odpady komunalne",
    "dowodu osobistego",
    "zameldowania na pobyt stały",
    "karty wędkarskiej",
    "prawa jazdy",
    "pojazdu",
    "pozwolenia na budowę",
    "dodatku mieszkaniowego",
    "Karty Dużej Rodziny",
    "stypendium szkolnego",
    "sprzedaży napojów alkoholowych",
    "działalności gospodarczej",
    "lokalu socjalnego",
    "wycinki drzewa na działce",
    "wypisu z planu miejscowego",
    "numeru porządkowego budynku",
    "psa rasy uznawanej za agresywną",
    "imprezy masowej",
    "zbiórki publicznej",
    "ewidencji gruntów i budynków",
    "przewozu osób taksówką",
    "aktu urodzenia",
    "aktu małżeństwa",
    "aktu zgonu",
    "zmiany imienia i nazwiska",
    "informacji publicznej",
    "opieki wytchnieniowej",
    "transportu dzieci niepełnosprawnych",
    "żłobka gminnego",
    "przedszkola publicznego",
    "świadczenia wychowawczego",
    "wody i ścieków",
    "przyłącza kanalizacyjnego",
    "licencji na transport drogowy",
    "rejestru zabytków",
    "łowiectwa i rybactwa",
]
SENTENCES = [
    "Sprawę załatwisz w urzędzie lub przez internet, jeśli masz profil zaufany.",
    "Wniosek składa osoba, której sprawa dotyczy, albo jej pełnomocnik.",
    "Do wniosku dołącz dokumenty potwierdzające prawo do nieruchomości.",
    "Opłatę skarbową wnieś na rachunek urzędu przed złożeniem wniosku.",
    "Urząd rozpatruje sprawę bez zbędnej zwłoki, nie później niż w ciągu miesiąca.",
    "Od decyzji przysługuje odwołanie do samorządowego kolegium odwoławczego.",
    "Mieszkańcy gminy mogą skorzystać z pomocy pracownika punktu obsługi.",
    "Zaświadczenie wydaje się w terminie siedmiu dni od dnia złożenia wniosku.",
    "Informacje o terminach uzyskasz w biurze obsługi klienta lub telefonicznie.",
    "Formularz jest dostępny w urzędzie oraz na stronie internetowej gminy.",
    "Łączna wysokość opłaty zależy od powierzchni i sposobu użytkowania.",
    "Złóż wniosek co najmniej trzydzieści dni przed planowanym terminem.",
]
KEYWORDS = [
    "podatki",
    "opłaty",
    "budowa",
    "drzewa",
    "droga",
    "meldunek",
    "dokumenty",
    "rodzina",
    "pomoc",
    "przedsiębiorca",
    "samochód",
    "szkoła",
    "woda",
    "śmieci",
    "zabytki",
    "łowiectwo",
]
KINDS = ["commune", "county", "voivodeship", "body"]


def synthetic_bundle(services: int = 10_000, tenants: int = 100, seed: int = 7) -> dict[str, Any]:
    """A valid native bundle with `services` services spread over `tenants` tenants."""
    rng = random.Random(seed)
    tenant_list = [
        {"id": f"t{n:03d}", "kind": KINDS[n % 4], "name": {"pl": f"Gmina Łąka Wielka {n}"}}
        for n in range(tenants)
    ]
    categories = [
        {"id": f"kat-{n}", "name": {"pl": f"Kategoria {w}"}} for n, w in enumerate(KEYWORDS)
    ]
    events = [
        {"id": f"zd-{n}", "name": {"pl": f"Zdarzenie {w}"}} for n, w in enumerate(KEYWORDS[:10])
    ]
    return {
        "format": "infomat-catalogue/1",
        "generated": "2026-11-20T10:00:00Z",
        "tenants": tenant_list,
        "categories": categories,
        "life_events": events,
        "services": [_service(rng, n, tenants) for n in range(services)],
    }


def _service(rng: random.Random, n: int, tenants: int) -> dict[str, Any]:
    name = f"{rng.choice(ACTIONS)} {rng.choice(OBJECTS)}"
    description = " ".join(rng.sample(SENTENCES, 4))
    return {
        "id": f"s{n:05d}",
        "name": {"pl": name, "en": f"Service {n}"},
        "description": {"pl": description},
        "keywords": {"pl": rng.sample(KEYWORDS, 3)},
        "authority": f"t{rng.randrange(tenants):03d}",
        "categories": [f"kat-{rng.randrange(len(KEYWORDS))}"],
        "life_events": [f"zd-{rng.randrange(10)}"],
        "channels": [{"type": "online", "url": f"https://example.gov.pl/uslugi/s{n:05d}"}],
        "popularity": rng.randrange(1000),
        "updated": "2026-10-01",
    }


def synthetic_bytes(services: int = 10_000, tenants: int = 100) -> bytes:
    return json.dumps(synthetic_bundle(services, tenants), ensure_ascii=False).encode("utf-8")
