"""consultations.bleaching.render_user_text: plain text in, safe HTML out.

Text with nothing to link skips bleach's final clean; these tests hold that shortcut
to what bleach itself would return, over a few thousand hostile random texts."""

import random

import pytest

from consultations.comments.bleaching import _CONTROL, _MAY_LINK, _cleaner, render_user_text

PIECES = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<p>",
    "</p>",
    "<br>",
    "&",
    "&amp;",
    "&lt;",
    '"',
    "'",
    "`",
    "<!--",
    "-->",
    "<![CDATA[x]]>",
    "\n",
    "\n\n",
    "\r\n",
    " \n \n ",
    "\u00a0",
    "\u200b",
    "\x00",
    "zażółć gęślą jaźń",
    "§ 3 ust. 2",
    "„cytat”",
    "javascript:alert(1)",
    "<a href='javascript:alert(1)'>x</a>",
    "<svg onload=alert(1)>",
    "<style>body{}</style>",
    "\t",
    ">",
    "<",
    "a<b",
    "1.5",
    "np.",
]


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12)))


def test_text_without_links_is_exactly_what_bleach_returns():
    rng = random.Random(2026)
    checked = 0
    for _ in range(3000):  # seeded: the same texts on every run
        text = random_text(rng)
        if _MAY_LINK.search(text):
            continue
        html = render_user_text(text)
        assert _cleaner.clean(html) == html, text
        assert "<script" not in html and "<img" not in html and "<svg" not in html
        checked += 1
    assert checked > 1000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ala\nma kota", "<p>Ala<br>ma kota</p>"),
        ("Pierwszy\n\n\nDrugi", "<p>Pierwszy</p><p>Drugi</p>"),
        ("<b>gruby</b> & x", "<p>&lt;b&gt;gruby&lt;/b&gt; &amp; x</p>"),
        ("  \n ", ""),
    ],
)
def test_paragraphs_breaks_and_escaping(text, expected):
    assert render_user_text(text) == expected


def test_links_get_rel_and_hostile_links_are_dropped():
    html = render_user_text(
        "Zob. https://bip.example.org/uchwala?id=1&x=2 oraz <javascript:alert(1)>"
    )
    assert (
        '<a href="https://bip.example.org/uchwala?id=1&amp;x=2" rel="nofollow ugc noopener">'
        in html
    )
    assert "javascript:alert" not in html.split("</a>", 1)[0]
    assert "<javascript" not in html
    random_links = random.Random(7)
    for _ in range(300):
        text = random_text(random_links) + " www.gmina.example.pl " + random_text(random_links)
        html = render_user_text(text)
        assert _cleaner.clean(html) == html
        assert "<script" not in html and "onerror" not in html.replace("onerror=&quot;", "")


def test_every_code_point_renders_as_bleach_would():
    """The shortcut's premise, exhaustively: every character (in runs of 1,024; a
    difference anywhere in a run fails it), surrogates and \r (a line break) aside."""
    points = [cp for cp in range(0x110000) if not (0xD800 <= cp < 0xE000 or cp == 0x0D)]
    for start in range(0, len(points), 1024):
        text = "a" + "".join(chr(cp) for cp in points[start : start + 1024]) + "b"
        if _MAY_LINK.search(text) or _CONTROL.search(text):
            # Runs with something to link or a control character take the full clean;
            # check that the characters of such a run alone take the shortcut safely.
            for cp in points[start : start + 1024]:
                one = f"a{chr(cp)}b"
                if not _MAY_LINK.search(one):
                    assert _cleaner.clean(render_user_text(one)) == render_user_text(one)
            continue
        html = render_user_text(text)
        assert _cleaner.clean(html) == html, hex(points[start])
