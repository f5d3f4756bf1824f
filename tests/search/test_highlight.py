"""Snippets are escaped text with balanced <mark> pairs, with or without bleach."""

from search.highlight import START, STOP, markers_to_html, safe_snippet


def test_markers_become_balanced_marks_and_the_rest_is_escaped():
    text = f"<b>Nowy</b> {START}park{STOP} & <script>x</script>"
    assert markers_to_html(text) == (
        "&lt;b&gt;Nowy&lt;/b&gt; <mark>park</mark> &amp; &lt;script&gt;x&lt;/script&gt;"
    )


def test_stray_markers_in_the_text_do_not_unbalance_the_marks():
    text = f"a {START}b {START}c{STOP} d{STOP} e {START}f"
    assert markers_to_html(text) == "a <mark>b c</mark> d e <mark>f</mark>"


def test_safe_snippet_keeps_marked_text_and_strips_other_tags():
    assert safe_snippet("<mark>park</mark> &amp; ławki") == "<mark>park</mark> &amp; ławki"
    assert safe_snippet('<mark>park</mark> <a href="x">ł</a>') == "<mark>park</mark> ł"
    assert safe_snippet("<mark>park") == "<mark>park</mark>"
