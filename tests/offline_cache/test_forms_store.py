"""Forms stored in a catalogue generation and read back as typed records."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.catalogue_service import CatalogueService, Form
from offline_cache.catalogue_load import load
from offline_cache.catalogue_store import CatalogueStore, OutdatedSchemaError
from offline_cache.form_records import read_form
from offline_cache.generations import GenerationFolder
from offline_cache.records import Choice, ShowIf
from tests.factories import encoded
from tests.offline_cache.test_forms_validation import a_form, with_form


def test_a_form_comes_back_as_the_catalogue_declared_it(generations: GenerationFolder) -> None:
    store = CatalogueStore(load(encoded(with_form(a_form())), generations, "test", {}).path)
    form = store.form("wniosek-testowy")
    assert form == read_form(a_form())
    assert form is not None
    assert [s.id for s in form.steps] == ["krok-1", "krok-2"]
    reply, email = form.steps[1].fields[:2]
    assert reply.choices[1] == Choice(
        "poczta", {"pl": "Pocztą", "en": "Pocztą (en)", "uk": "Pocztą (uk)", "de": "Pocztą (de)"}
    )
    assert email.show_if == ShowIf("odpowiedz", "email")
    assert form.fields()[0].max_length == 120
    assert form.consent.version == "rodo-2026-01"
    assert store.form("nie-ma-takiego") is None
    store.close()


def test_text_fields_without_a_limit_get_the_default_one(generations: GenerationFolder) -> None:
    declared = a_form()
    del declared["steps"][0]["fields"][0]["max_length"]
    store = CatalogueStore(load(encoded(with_form(declared)), generations, "test", {}).path)
    form = store.form("wniosek-testowy")
    assert form is not None
    assert form.fields()[0].max_length == 200
    assert form.fields()[1].max_length is None  # a PESEL has its own length
    store.close()


def test_the_kiosk_finds_the_form_of_a_service(
    generations: GenerationFolder, tmp_path: Path
) -> None:
    load(encoded(with_form(a_form())), generations, "test", {})
    catalogue = CatalogueService(generations, bundled=tmp_path / "not-read.json")
    form = catalogue.form_of("wniosek")
    assert isinstance(form, Form)
    assert form == catalogue.form("wniosek-testowy")
    assert catalogue.form_of("nie-ma-takiej-uslugi") is None


def test_a_generation_from_before_forms_is_rebuilt_with_its_forms(
    generations: GenerationFolder, tmp_path: Path
) -> None:
    path = load(
        encoded(with_form(a_form())), generations, "https://katalog.example/c.json", {}
    ).path
    with sqlite3.connect(path) as conn:  # as Infomat with schema 2 wrote it: no forms table
        conn.execute("DROP TABLE forms")
        conn.execute("PRAGMA user_version = 2")
    conn.close()
    with pytest.raises(OutdatedSchemaError):
        CatalogueStore(path)
    catalogue = CatalogueService(generations, bundled=tmp_path / "not-read.json")
    assert catalogue.form("wniosek-testowy") == read_form(a_form())
    assert catalogue.info().generation == "gen-000002.sqlite"


def test_a_catalogue_without_forms_has_services_that_cannot_be_filed_here(
    generations: GenerationFolder, tmp_path: Path
) -> None:
    data = with_form(a_form())
    del data["forms"]
    load(encoded(data), generations, "test", {})
    catalogue = CatalogueService(generations, bundled=tmp_path / "not-read.json")
    assert catalogue.service("wniosek") is not None
    assert catalogue.form_of("wniosek") is None
