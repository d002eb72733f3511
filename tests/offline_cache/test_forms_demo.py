"""The demo's application forms: every kiosk channel can be filed, in four languages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kiosk.forms.filling import FormFilling
from kiosk.forms.problems import Problem
from offline_cache.catalogue_store import CatalogueStore
from offline_cache.records import LANGUAGES, Form, FormField, Text
from tests.kiosk.forms.numbers import pesel_of

FILEABLE = {
    "gl-informacja-publiczna": "wniosek-informacja-publiczna",
    "gl-skarga-wniosek": "skarga-wniosek-petycja",
    "gl-petycja": "skarga-wniosek-petycja",
    "gl-deklaracja-oplata-za-odpady": "deklaracja-odpady",
    "gl-wypis-wyrys-mpzp": "wypis-wyrys-mpzp",
    "wp-skarga-wniosek-petycja": "skarga-wniosek-petycja-umwp",
    "womp-wizyta-medycyna-pracy": "wizyta-medycyna-pracy",
}


def kiosk_forms(service: dict[str, Any]) -> list[str]:
    return [str(c["form"]) for c in service["channels"] if c["type"] == "kiosk"]


def test_every_kiosk_channel_of_the_demo_has_its_form(demo_store: CatalogueStore) -> None:
    for service_id, form_id in FILEABLE.items():
        service = demo_store.service(service_id)
        assert service is not None
        assert kiosk_forms(dict(service)) == [form_id]
        form = demo_store.form(form_id)
        assert form is not None, form_id
        assert form.consent.controller == service["authority"]


def test_no_other_demo_service_names_a_form(demo_bundle: dict[str, Any]) -> None:
    named = {s["id"] for s in demo_bundle["services"] if kiosk_forms(s)}
    assert named == set(FILEABLE)


def texts_of(form: Form) -> list[Text]:
    found = [form.title, form.consent.clause, form.consent.statement]
    found += [form.intro] if form.intro else []
    for step in form.steps:
        found += [step.title, *([step.intro] if step.intro else [])]
        for field in step.fields:
            found += [field.label, field.help, *(c.label for c in field.choices)]
    return found


@pytest.mark.parametrize("form_id", sorted(set(FILEABLE.values())))
def test_every_text_of_a_demo_form_is_in_four_languages(
    demo_store: CatalogueStore, form_id: str
) -> None:
    form = demo_store.form(form_id)
    assert form is not None
    texts = texts_of(form)
    assert all(set(t) == set(LANGUAGES) for t in texts)
    # Translations are translations, not copies of the Polish text (one language may share
    # a word with Polish: "Termin" and "Dokument" are German too).
    copied = [t["pl"] for t in texts if [t["en"], t["uk"], t["de"]].count(t["pl"]) > 1]
    assert copied == []
    assert len(form.consent.clause["pl"]) > 800  # the whole information clause, not a stub


@pytest.mark.parametrize("form_id", sorted(set(FILEABLE.values())))
def test_a_resident_can_fill_each_demo_form_to_the_end(
    demo_store: CatalogueStore, form_id: str
) -> None:
    form = demo_store.form(form_id)
    assert form is not None
    today = dt.date(2026, 11, 20)
    filling = FormFilling(form, today=lambda: today)
    for step in range(len(form.steps)):
        # An answer can reveal more questions on the same screen: answer until none is left.
        while unanswered := [
            f for f in filling.visible_fields(step) if not filling.raw_answer(f.id)
        ]:
            for field in unanswered:
                filling.set_answer(field.id, typical_answer(field))
        assert filling.check_step(step) == {}, (form_id, step)
    filling.accept_consent(form.consent.version)
    assert filling.ready_to_submit()
    filled = filling.filled()
    assert filled.form_id == form_id
    assert filled.answers
    assert len(filling.review("uk")) == sum(
        len(filling.visible_fields(i)) for i in range(len(form.steps))
    )


def typical_answer(field: FormField) -> str:
    """What a resident would type: the first choice, yes, and plausible values per type."""
    answers = {
        "pesel": pesel_of(dt.date(1985, 3, 7), 123, female=True),
        "nip": "526-025-02-74",
        "regon": "000331501",
        "id_card": "ABA300000",
        "postal_code": "37100",
        "phone": "600 100 200",
        "email": "mieszkaniec@example.pl",
        "date": "15.12.2026",
        "number": "3",
        "yes_no": "yes",
        "text": "Plac Sobieskiego 18",
        "long_text": "Proszę o informację.\nDziękuję.",
    }
    if field.type == "choice":
        return field.choices[0].value
    return answers[field.type]


def info_request(store: CatalogueStore) -> tuple[Form, FormFilling]:
    """The demo's request for public information, about to be filled in."""
    form = store.form("wniosek-informacja-publiczna")
    assert form is not None
    return form, FormFilling(form)


def test_conditional_questions_of_the_demo_look_back_at_real_answers(
    demo_store: CatalogueStore,
) -> None:
    form, filling = info_request(demo_store)
    reply = next(i for i, s in enumerate(form.steps) if s.id == "odpowiedz")
    filling.set_answer("sposob", "email")
    assert "email" in [f.id for f in filling.visible_fields(reply)]
    filling.set_answer("sposob", "poczta")
    shown = [f.id for f in filling.visible_fields(reply)]
    assert "email" not in shown
    assert {"ulica", "kod-pocztowy", "miejscowosc"} <= set(shown)


def test_an_electronic_file_is_not_offered_by_post_nor_a_paper_copy_by_e_mail(
    demo_store: CatalogueStore,
) -> None:
    _form, filling = info_request(demo_store)
    offered = {}
    for form_of_answer in ("plik", "kopia-papierowa", "wglad"):
        filling.set_answer("forma", form_of_answer)
        offered[form_of_answer] = [c.value for c in filling.offered_choices("sposob")]
    assert offered == {
        "plik": ["email", "odbior"],
        "kopia-papierowa": ["poczta", "odbior"],
        "wglad": ["odbior"],
    }


def test_post_chosen_and_then_an_electronic_file_is_a_problem_for_the_resident(
    demo_store: CatalogueStore,
) -> None:
    form, filling = info_request(demo_store)
    reply = next(i for i, s in enumerate(form.steps) if s.id == "odpowiedz")
    filling.set_answer("forma", "kopia-papierowa")
    for field_id, answer in (("sposob", "poczta"), ("ulica", "Plac Sobieskiego 18"),
                             ("kod-pocztowy", "37-100"), ("miejscowosc", "Łańcut")):  # fmt: skip
        filling.set_answer(field_id, answer)
    assert filling.check_step(reply) == {}
    filling.set_answer("forma", "plik")  # back on step 1, the resident changes their mind
    assert filling.check_step(reply) == {"sposob": Problem("choice.not_offered")}
    assert "earlier" in Problem("choice.not_offered").message()
    assert not filling.ready_to_submit()
