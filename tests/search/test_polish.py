"""Polish word forms for search: lemmas and diacritic restoring from Morfeusz 2 (SGJP)."""

import pytest

from search import polish


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("mikrodotacji", "mikrodotacja"),
        ("organizacjami", "organizacja"),
        ("budżecie", "budżet"),
        ("Gminy", "gmina"),  # not the archaic "gmin"
        ("projektów", "projekt"),
        ("zamku", "zamek"),  # homonym marks ("zamek:Sm3~a") are dropped
        ("oceniający", "oceniać"),  # a participle goes to its verb ...
        ("ocenia", "oceniać"),  # ... so that it meets the verb's forms
    ],
)
def test_lemma_is_the_dictionary_form(word, expected):
    assert polish.lemma(word) == expected


def test_verbal_nouns_meet_in_one_lemma():
    forms = ["dofinansowanie", "dofinansowania", "dofinansowaniem", "dofinansowań"]
    assert {polish.lemma(w) for w in forms} == {"dofinansowanie"}
    assert polish.lemma("uchwalenia") == polish.lemma("uchwaleniu") == "uchwalenie"


def test_unknown_words_and_numbers_come_back_lower_cased():
    assert polish.lemma("Qwertzowy") == "qwertzowy"
    assert polish.lemma("2026") == "2026"
    assert not polish.is_known("qwertzowy")
    assert polish.is_known("uchwały")


def test_words_typed_without_polish_letters_are_restored():
    assert polish.restorations("uchwaly") == ("uchwały",)
    assert set(polish.restorations("zadan")) == {"zadań", "żądań"}
    assert polish.restorations("uchwały") == ()
