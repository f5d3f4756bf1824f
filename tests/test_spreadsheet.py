"""CSV cells never become spreadsheet formulas, however a spreadsheet splits the line."""

import re

import pytest

from portal.spreadsheet import neutralise_formula

STARTS = ("=", "+", "-", "@", "\t", "\r")
# Every way a spreadsheet might cut a line into cells (and trim the spaces).
SPLITTERS = re.compile(r"[,;|\t\r\n]")


def cells_after_any_split(text: str) -> list[str]:
    return [piece.lstrip(" ") for piece in SPLITTERS.split(text)]


@pytest.mark.parametrize("value", ["=1+1", "+48 123", "-2", "@A1", "\tx", "\rx", " =1"])
def test_dangerous_start_gets_an_apostrophe(value):
    assert neutralise_formula(value) == "'" + value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("x;=1+1;", "x;'=1+1;"),  # Polish Excel splits a comma file on semicolons
        ("a,=HYPERLINK(1)", "a,'=HYPERLINK(1)"),
        ("a|@SUM(A1)", "a|'@SUM(A1)"),
        ("a; -cmd", "a; '-cmd"),
        ("wiersz\n+48 123", "wiersz\n'+48 123"),
        ("wiersz\r\n=1", "wiersz\r\n'=1"),
        ("a\t=b", "a\t'=b"),
    ],
)
def test_dangerous_start_after_a_separator_gets_an_apostrophe(value, expected):
    assert neutralise_formula(value) == expected


@pytest.mark.parametrize(
    "value",
    ["Zwykły tekst", "2026-12-04T10:00:00+01:00", "a-b, c", "e-mail: ala@example.org", ""],
)
def test_ordinary_text_is_unchanged(value):
    assert neutralise_formula(value) == value


def test_none_and_numbers_become_text():
    assert neutralise_formula(None) == ""
    assert neutralise_formula(12) == "12"
    assert neutralise_formula(-3) == "'-3"


@pytest.mark.parametrize(
    "value",
    ["x;=1+1;", "a,;=b", "=a;+b,-c|@d\t\te\r\nf", "x; \t =1", ";;;=", "\r\n\t=;"],
)
def test_no_split_of_the_result_starts_a_formula(value):
    for cell in cells_after_any_split(neutralise_formula(value)):
        assert not cell.startswith(STARTS), (value, cell)
