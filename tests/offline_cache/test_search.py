"""Search: Polish folding, prefixes as you type, tiers, one typo, filters, hostile input."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from offline_cache.catalogue_load import load
from offline_cache.catalogue_store import CatalogueStore, Filters
from offline_cache.generations import GenerationFolder
from tests.factories import bundle, encoded, imported_store, service

CATALOGUE = bundle(
    service(
        "opis",
        "Wniosek ogólny",
        description="Możesz tu złożyć zaświadczenie o niezaleganiu innego urzędu.",
    ),
    service("klucz", "Zgłoszenie do ewidencji", keywords=["zaświadczenie", "niezaleganie"]),
    service("nazwa", "Zaświadczenie o niezaleganiu w podatkach lokalnych"),
    service(
        "lodz", "Dofinansowanie łodzi rybackiej w Łodzi", authority="zdw-lodz", categories=["drogi"]
    ),
    service("zameldowanie", "Zameldowanie na pobyt stały", life_events=["przeprowadzka"]),
    service("psy", "Podatek od posiadania psów", popularity=5),
    service("drzewa", "Zezwolenie na usunięcie drzew lub krzewów", categories=["drogi"]),
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CatalogueStore]:
    opened = imported_store(tmp_path_factory.mktemp("search"), CATALOGUE)
    yield opened
    opened.close()


def ids(store: CatalogueStore, text: str, **filters: str) -> list[str]:
    return [r.id for r in store.search(text, Filters(**filters))]


def test_name_ranks_over_keywords_over_description(store: CatalogueStore) -> None:
    assert ids(store, "zaświadczenie o niezaleganiu") == ["nazwa", "klucz", "opis"]


def test_polish_letters_fold_on_both_sides_including_l_stroke(store: CatalogueStore) -> None:
    assert ids(store, "lodzi")[0] == "lodz"
    assert ids(store, "ŁÓDŹ")[0] == "lodz"
    assert ids(store, "zaswiadczenie")[0] == "nazwa"


def test_every_prefix_typed_finds_the_service(store: CatalogueStore) -> None:
    typed = "zezwolenie na usuniecie drzew"
    for end in range(3, len(typed) + 1):
        assert "drzewa" in ids(store, typed[:end]), typed[:end]


def test_inflected_forms_match(store: CatalogueStore) -> None:
    assert ids(store, "podatku od psow")[0] == "psy"
    assert ids(store, "zameldowania")[0] == "zameldowanie"


@pytest.mark.parametrize(
    "typo", ["zameldowamie", "zameldownie", "zameldowannie", "zamledowanie", "zamelodwanie"]
)
def test_one_typo_is_forgiven_when_nothing_matches(store: CatalogueStore, typo: str) -> None:
    assert ids(store, typo) == ["zameldowanie"]


def test_two_typos_in_one_word_find_nothing(store: CatalogueStore) -> None:
    assert ids(store, "zamleodwamie") == []


def test_filters_narrow_and_tenant_includes_its_bodies(store: CatalogueStore) -> None:
    assert ids(store, "zezwolenie", category="drogi") == ["drzewa"]
    assert ids(store, "dofinansowanie", tenant="woj-lodzkie") == ["lodz"]
    assert ids(store, "dofinansowanie", tenant="gmina-lomza") == []
    assert ids(store, "zameldowanie", life_event="przeprowadzka") == ["zameldowanie"]
    assert ids(store, "zameldowanie", tenant="no-such-tenant") == []


def test_browse_lists_a_category_most_used_first(store: CatalogueStore) -> None:
    listed = [r.id for r in store.browse(Filters(category="podatki"))]
    assert listed[0] == "psy"
    assert set(listed) == {"opis", "klucz", "nazwa", "zameldowanie", "psy"}


def test_results_come_in_the_residents_language_with_polish_fallback(store: CatalogueStore) -> None:
    result = store.search("zameldowanie", language="en")[0]
    assert result.name == "zameldowanie in English"
    assert result.description == "Usługa urzędu gminy dla mieszkańców."
    assert result.authority == "Gmina Łomża"
    assert store.search("zameldowanie", language="uk")[0].authority == "Гміна Ломжа"


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        "(",
        "zaświadczenie)",
        "*",
        "NEAR(a b)",
        "a OR b",
        "NOT AND",
        "col:value",
        "^start",
        "🙂🙃",
        "' OR 1=1 --",
        "\x00\x01",
        "x" * 10_000,
        "zaświadczenie " * 2_000,
    ],
)
def test_any_text_gives_results_or_none_never_an_error(store: CatalogueStore, hostile: str) -> None:
    results = store.search(hostile)
    assert isinstance(results, list)
    assert len(results) <= 20


def test_fts_keywords_are_searched_as_plain_words(store: CatalogueStore) -> None:
    assert ids(store, "NEAR zameldowanie") == []  # "near" is a word that matches nothing
    assert ids(store, "zameldowanie OR") == []


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_search_never_raises_on_any_unicode(store: CatalogueStore, text: str) -> None:
    assert len(store.search(text, limit=5)) <= 5


def test_demo_certificate_of_no_tax_arrears_comes_first(demo_store: CatalogueStore) -> None:
    results = demo_store.search("zaswiadczenie o niezaleganiu")
    assert results, "the demo catalogue must answer this query"
    assert results[0].name.startswith("Zaświadczenie o niezaleganiu")


def test_short_prefix_over_a_large_catalogue_is_bounded(tmp_path: Path) -> None:
    many = [service(f"s{n:04d}", f"Zaświadczenie numer {n}", popularity=n) for n in range(1500)]
    folder = GenerationFolder(tmp_path)
    big = CatalogueStore(load(encoded(bundle(*many)), folder, "big", {}).path)
    results = big.search("za", limit=20)
    assert len(results) == 20
    # Only the 200 most used name matches are ranked: all 1,500 match "za".
    assert all(int(r.id[1:]) >= 1300 for r in results)
    big.close()


def test_a_county_filter_does_not_include_its_communes(store: CatalogueStore) -> None:
    assert ids(store, "zameldowanie", tenant="powiat-lomzynski") == []
    assert ids(store, "zameldowanie", tenant="gmina-lomza") == ["zameldowanie"]
