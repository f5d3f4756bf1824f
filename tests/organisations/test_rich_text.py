"""organisations.rich_text: what a representative types becomes rich text that only
holds the formatting the window's editor offers."""

import pytest

from organisations.rich_text import clean_rich_text, plain_length


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", ""),
        ("Jeden akapit.", "<p>Jeden akapit.</p>"),
        ("Pierwszy\ndruga linia\n\nDrugi", "<p>Pierwszy<br>druga linia</p><p>Drugi</p>"),
        ("a < b & c", "<p>a &lt; b &amp; c</p>"),
        ("<b>Ważne</b> i <em>ładne</em>", "<p><b>Ważne</b> i <em>ładne</em></p>"),
        ("<ul><li>jeden</li><li>dwa</li></ul>", "<ul><li>jeden</li><li>dwa</li></ul>"),
        ("<h2>Program</h2>\n\nTekst", "<h2>Program</h2><p>Tekst</p>"),
        (
            '<a href="https://gmina.example.pl">strona</a>',
            '<p><a href="https://gmina.example.pl">strona</a></p>',
        ),
    ],
)
def test_allowed_formatting_is_kept(typed, expected):
    assert clean_rich_text(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">klik</a>',
        '<a href="https://x.example" onclick="alert(1)" style="color:red">x</a>',
        '<a linktype="page" id="3">strona</a>',
        "<iframe src='https://evil.example'></iframe>",
        '<p style="position:fixed">x</p>',
        "<!-- komentarz --><h1>Tytuł</h1>",
    ],
)
def test_anything_else_is_removed(typed):
    html = clean_rich_text(typed)
    for forbidden in (
        "<script",
        "<img",
        "javascript:",
        "onclick",
        "onerror",
        "style=",
        "linktype",
        "<iframe",
        "<h1",
        "<!--",
        ' id="',
    ):
        assert forbidden not in html


def test_markup_without_text_leaves_nothing():
    assert clean_rich_text("<script></script>\n\n<div></div>") == ""


def test_plain_length_counts_the_text_only():
    assert plain_length("<p><b>abc</b></p><p>de</p>") == 5
