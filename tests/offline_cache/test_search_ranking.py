"""Search results a resident can trust: the service named by the word first, typos only
when nothing is spelled that way, shared category names and documents to bring below."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offline_cache.catalogue_store import CatalogueStore, Filters
from offline_cache.folding import words
from offline_cache.search_query import one_typo_variants, stem
from tests.factories import bundle, imported_store, service


def ids(store: CatalogueStore, text: str, language: str = "pl", **filters: str) -> list[str]:
    return [r.id for r in store.search(text, Filters(**filters), language, limit=100)]


@pytest.fixture
def id_cards(demo_bundle: dict[str, Any]) -> set[str]:
    """The demo's ID card services: those with "dowód" in their Polish name."""
    named = {
        s["id"]
        for s in demo_bundle["services"]
        if any(w.startswith("dowod") for w in words(s["name"]["pl"]))
    }
    assert len(named) >= 2, named
    return named


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("pl", "dowod"),
        ("pl", "dowód"),
        ("pl", "DOWOD"),
        ("pl", "dow"),
        ("pl", "dowo"),
        ("pl", "dowdo"),  # two letters swapped
        ("pl", "dowud"),  # a wrong letter
        ("uk", "посвідчення особи"),
        ("uk", "посвідчення особа"),  # the word in another case than in the catalogue
        ("de", "personalausw"),
        ("de", "Personalausweis"),
        ("de", "Ausweis für mein Kind"),
        ("en", "ID card"),
    ],
)
def test_id_card_services_come_first(
    demo_store: CatalogueStore, id_cards: set[str], language: str, typed: str
) -> None:
    found = ids(demo_store, typed, language)
    assert set(found[: len(id_cards)]) == id_cards, found


def test_a_shared_category_name_ranks_below_the_services_own_words(
    demo_store: CatalogueStore,
) -> None:
    # Deregistration is in "Meldunek i dowód osobisty" and asks for an ID card, but says
    # nothing about ID cards itself; the death registration's description does.
    found = ids(demo_store, "dowod")
    assert found.index("gl-zgloszenie-zgonu") < found.index("gl-wymeldowanie")


def test_a_document_to_bring_counts_only_when_nothing_else_matches(
    demo_store: CatalogueStore,
) -> None:
    # The forest tax asks for an ID card and has nothing else to do with one.
    assert "gl-podatek-lesny" not in ids(demo_store, "dowod")
    assert "gl-podatek-lesny" in ids(demo_store, "lesny dowod")
    # No service of the voivodeship is about ID cards: those asking for one are listed.
    assert "womp-wizyta-medycyna-pracy" in ids(demo_store, "dowod", tenant="woj-podkarpackie")


DOWOLNY = bundle(
    service("dowod", "Wniosek o wydanie dowodu osobistego"),
    service("dowolny", "Wniosek składany w dowolnym urzędzie osobiście"),
    service("powod", "Pozew, w którym powód występuje osobiście"),
    service(
        "pojazd",
        "Rejestracja pojazdu",
        documents=[{"name": {"pl": "Dowód osobisty właściciela"}}],
    ),
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CatalogueStore]:
    opened = imported_store(tmp_path_factory.mktemp("ranking"), DOWOLNY)
    yield opened
    opened.close()


def test_a_word_spelled_right_is_not_turned_into_another(store: CatalogueStore) -> None:
    # "osobsty" has a typo, "dowod" has none: it must not become "dowol" or "powod".
    assert ids(store, "dowod osobsty") == ["dowod"]


def test_a_typo_reads_as_the_longest_word_it_can_be(store: CatalogueStore) -> None:
    # "dowdo" is "dowod" with two letters swapped, or "dowo" with one too many; "dowo" would
    # also find "dowolnym".
    assert ids(store, "dowdo") == ["dowod"]
    assert "dowo" not in one_typo_variants("dowdo", ["dowod", "dowolnym"], "dlmnowy")


def test_a_real_typo_still_finds_the_service(store: CatalogueStore) -> None:
    assert ids(store, "dowud")[0] == "dowod"
    assert ids(store, "wniosk o dowud") == ["dowod"]


def test_the_document_match_comes_back_when_the_name_match_is_filtered_out(
    store: CatalogueStore,
) -> None:
    assert "pojazd" not in ids(store, "dowod")
    assert ids(store, "dowod wlasciciela") == ["pojazd"]


def _demo_name_words(demo_bundle: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted(
        {
            (s["id"], w)
            for s in demo_bundle["services"]
            for n in s["name"].values()
            for w in words(n)
        }
    )


def _searched_words(demo_bundle: dict[str, Any]) -> dict[str, list[str]]:
    """Every word of each service's record and of the names of its terms and authority."""
    names = {
        t["id"]: t["name"]
        for kind in ("tenants", "categories", "life_events")
        for t in demo_bundle[kind]
    }
    found = {}
    for s in demo_bundle["services"]:
        terms = [s["authority"], *s["categories"], *s.get("life_events", [])]
        texts = [s, *(names[t] for t in terms)]
        found[s["id"]] = words(json.dumps(texts, ensure_ascii=False))
    return found


def test_a_word_of_a_name_finds_that_service_without_typos(
    demo_store: CatalogueStore, demo_bundle: dict[str, Any]
) -> None:
    searched = _searched_words(demo_bundle)

    @given(st.sampled_from(_demo_name_words(demo_bundle)))
    def check(pair: tuple[str, str]) -> None:
        service_id, word = pair
        found = ids(demo_store, word)
        assert service_id in found
        # Spelled as in the catalogue, the word reaches nothing through a typo.
        for other in found:
            assert any(w.startswith(stem(word)) for w in searched[other]), other

    check()


REGISTRATIONS = ["gl-zameldowanie-na-pobyt-czasowy", "gl-zameldowanie-na-pobyt-staly",
                 "gl-zaswiadczenie-o-zameldowaniu"]  # fmt: skip
ROAD_DAMAGE = "pzdw-zgloszenie-uszkodzenia-drogi"  # German name: "Meldung von Schäden…"


def test_a_name_in_another_language_ranks_with_the_keywords(demo_store: CatalogueStore) -> None:
    """ "meldunek" and the German "Meldung" share the stem "meldun": a Polish resident
    looking for a registration of residence meets those first (their keywords), and the
    road damage named so only in German still comes, after them."""
    found = ids(demo_store, "meldunek")
    assert set(found[:3]) == set(REGISTRATIONS), found
    assert ROAD_DAMAGE in found[3:]


def test_a_name_in_the_resident_s_own_language_stays_first(demo_store: CatalogueStore) -> None:
    assert ids(demo_store, "Meldung", "de")[0] == ROAD_DAMAGE
    assert ids(demo_store, "Meldung", "pl")[0] in REGISTRATIONS
