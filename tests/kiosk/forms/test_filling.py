"""One resident through a form: conditions, answers kept, review, consent, submission."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.forms.filling import FormFilling, FormNotReady, ReviewLine
from kiosk.forms.problems import Problem
from offline_cache.form_records import read_form
from tests.kiosk.forms.fields import raw_field, raw_form, reply_form, text4
from tests.kiosk.forms.numbers import pesel_of

TODAY = dt.date(2026, 11, 20)
PESEL = pesel_of(dt.date(1985, 3, 7), 12, female=True)


def filling() -> FormFilling:
    return FormFilling(reply_form(), today=lambda: TODAY)


def ids(form: FormFilling, step: int) -> list[str]:
    return [f.id for f in form.visible_fields(step)]


def test_conditional_fields_follow_the_answers_they_look_at() -> None:
    form = filling()
    assert ids(form, 1) == ["odpowiedz"]
    form.set_answer("odpowiedz", "email")
    assert ids(form, 1) == ["odpowiedz", "email"]
    form.set_answer("odpowiedz", "poczta")
    assert ids(form, 1) == ["odpowiedz", "inny-adres"]
    form.set_answer("inny-adres", "yes")
    assert ids(form, 1) == ["odpowiedz", "inny-adres", "ulica", "kod"]


def test_a_field_behind_a_hidden_field_is_hidden_too() -> None:
    form = filling()
    form.set_answer("odpowiedz", "poczta")
    form.set_answer("inny-adres", "yes")
    form.set_answer("odpowiedz", "email")  # "inny-adres" disappears, and with it street and code
    assert ids(form, 1) == ["odpowiedz", "email"]


def test_only_shown_fields_are_checked() -> None:
    form = filling()
    assert form.check_step(1) == {"odpowiedz": Problem("required")}
    form.set_answer("odpowiedz", "email")
    assert form.check_step(1) == {"email": Problem("required")}
    form.set_answer("email", "mieszkaniec@lancut")
    assert form.check_step(1) == {"email": Problem("email.domain")}
    form.set_answer("email", "mieszkaniec@lancut.pl")
    assert form.check_step(1) == {}


def test_answers_are_kept_as_typed_when_going_back_and_forth() -> None:
    form = filling()
    form.set_answer("imie-nazwisko", "  Zofia Żółkiewska ")
    form.set_answer("odpowiedz", "poczta")
    form.set_answer("odpowiedz", "email")
    form.set_answer("odpowiedz", "poczta")
    assert form.raw_answer("imie-nazwisko") == "  Zofia Żółkiewska "
    assert form.raw_answer("odpowiedz") == "poczta"
    assert form.raw_answer("ulica") == ""


def test_hidden_answers_are_not_submitted() -> None:
    form = filled_in()
    form.set_answer("odpowiedz", "poczta")
    form.set_answer("inny-adres", "no")
    answers = form.answers()
    assert "email" not in answers
    assert answers["inny-adres"] == "no"
    assert "ulica" not in answers and "kod" not in answers


def filled_in() -> FormFilling:
    form = filling()
    form.set_answer("imie-nazwisko", "Zofia Żółkiewska")
    form.set_answer("odpowiedz", "email")
    form.set_answer("email", "Zofia@Example.PL")
    form.set_answer("tresc", "Proszę o kopię umowy\r\nna odbiór odpadów.")
    return form


def test_the_outbox_gets_normalised_answers_of_shown_fields_only() -> None:
    form = filled_in()
    form.accept_consent("rodo-2026-01")
    filled = form.filled()
    assert filled.answers == {
        "imie-nazwisko": "Zofia Żółkiewska",
        "odpowiedz": "email",
        "email": "Zofia@example.pl",
        "tresc": "Proszę o kopię umowy\nna odbiór odpadów.",
    }
    assert (filled.form_id, filled.form_version, filled.consent_version) == (
        "wniosek-testowy",
        "2026-11-20",
        "rodo-2026-01",
    )
    assert form.contact() == {"full_name": "Zofia Żółkiewska", "email": "Zofia@example.pl"}


def test_nothing_is_submitted_before_every_answer_passes_and_the_consent_is_given() -> None:
    form = filling()
    form.accept_consent("rodo-2026-01")
    assert not form.ready_to_submit()
    with pytest.raises(FormNotReady, match="still need fixing"):
        form.answers()
    form = filled_in()
    assert not form.ready_to_submit()
    with pytest.raises(FormNotReady, match="privacy notice"):
        form.filled()
    form.accept_consent("rodo-2026-01")
    assert form.ready_to_submit()


def test_consent_to_another_version_of_the_notice_is_refused() -> None:
    form = filled_in()
    with pytest.raises(ValueError, match="rodo-2025-07"):
        form.accept_consent("rodo-2025-07")
    assert not form.consent_accepted


def test_the_review_reads_answers_back_in_the_residents_language() -> None:
    form = filled_in()
    form.set_answer("pesel", PESEL)
    form.set_answer("data-urodzenia", "7.3.1985")
    lines = form.review("uk")
    assert lines[0] == ReviewLine(
        0, "imie-nazwisko", "Krok 1 (uk)", "Pytanie imie-nazwisko – źdźbło (uk)", "Zofia Żółkiewska"
    )
    shown = {line.field_id: line.shown for line in lines}
    assert shown["data-urodzenia"] == "07.03.1985"
    assert shown["odpowiedz"] == "E-mailem (uk)"
    assert shown["pesel"] == PESEL
    assert [line.field_id for line in lines] == [
        "imie-nazwisko", "pesel", "data-urodzenia", "odpowiedz", "email", "tresc",
    ]  # fmt: skip


def test_yes_no_and_empty_optional_answers_in_the_review() -> None:
    form = filled_in()
    form.set_answer("odpowiedz", "poczta")
    form.set_answer("inny-adres", "no")
    shown = {line.field_id: line.shown for line in form.review("de")}
    assert shown["inny-adres"] == "Nein"
    assert shown["pesel"] == "—"


@pytest.mark.parametrize(
    ("birth", "problem"),
    [
        ("07.03.1985", None),
        ("08.03.1985", Problem("pesel.not_birth_date", {"birth_date": "1985-03-07"})),
    ],
)
def test_a_date_of_birth_must_agree_with_the_pesel(birth: str, problem: Problem | None) -> None:
    form = filling()
    form.set_answer("pesel", PESEL)
    form.set_answer("data-urodzenia", birth)
    assert form.check_step(0).get("data-urodzenia") == problem


def test_unknown_fields_are_a_programming_error() -> None:
    with pytest.raises(KeyError, match="no field 'nazwisko'"):
        filling().set_answer("nazwisko", "Kowalski")


def test_steps_with_nothing_to_ask_are_skipped() -> None:
    form = FormFilling(
        read_form(
            raw_form(
                [raw_field("firma", "yes_no")],
                [raw_field("nip", "nip", show_if={"field": "firma", "equals": "yes"})],
                [raw_field("tresc", "long_text")],
            )
        )
    )
    assert form.visible_steps() == [0, 2]
    form.set_answer("firma", "yes")
    assert form.visible_steps() == [0, 1, 2]


def test_a_sex_chosen_must_agree_with_the_pesel() -> None:
    sexes = [{"value": v, "label": text4(v)} for v in ("female", "male")]
    form = FormFilling(
        read_form(
            raw_form(
                [raw_field("pesel", "pesel", role="pesel")],
                [raw_field("plec", "choice", role="sex", choices=sexes)],
            )
        ),
        today=lambda: TODAY,
    )
    form.set_answer("pesel", PESEL)
    form.set_answer("plec", "male")
    assert form.check_step(0) == {}
    assert form.check_step(1) == {"plec": Problem("pesel.not_sex")}
    form.set_answer("plec", "female")
    assert form.check_all() == {}
