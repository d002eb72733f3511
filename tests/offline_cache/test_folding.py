"""Polish folding, the same on the index and the query side."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offline_cache.folding import fold, words
from offline_cache.search_query import MAX_TOKENS, parse, stem


def test_all_eighteen_polish_letters_fold_to_ascii() -> None:
    assert fold("ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ") == "acelnoszz acelnoszz"


def test_sqlite_cannot_fold_l_stroke_so_we_do() -> None:
    assert fold("Łódź") == "lodz"
    assert fold("Łańcut") == fold("LANCUT") == "lancut"


@given(st.text())
def test_folding_is_idempotent_and_leaves_no_marks(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert not any(unicodedata.combining(ch) for ch in once)
    assert not set(once) & set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")


@given(st.text())
def test_words_are_only_word_characters(text: str) -> None:
    for word in words(text):
        assert word
        assert all(ch.isalnum() or ch == "_" for ch in word)


def test_queries_drop_stopwords_but_keep_a_lone_one() -> None:
    assert parse("zaświadczenie o niezaleganiu").tokens == ("zaswiadczenie", "niezaleganiu")
    assert parse("o").tokens == ("o",)
    assert parse("dowód dowód DOWÓD").tokens == ("dowod",)


def test_very_long_input_is_capped() -> None:
    query = parse(" ".join(f"slowo{n}" for n in range(1000)))
    assert len(query.tokens) == MAX_TOKENS
    assert len(parse("ą" * 10_000).tokens[0]) == 40


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [
        ("podatek", "podat"),
        ("smieci", "smiec"),
        ("karty", "kart"),
        ("dowod", "dowod"),
        ("psy", "psy"),
    ],
)
def test_stems_keep_enough_to_stay_specific(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed
