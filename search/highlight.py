"""Snippets with <mark>ed query words, safe to render.

Backends that produce their own highlights (PostgreSQL's ts_headline,
Elasticsearch's highlighter) wrap matches in the control characters START/STOP;
`markers_to_html` escapes everything else and turns the markers into balanced
<mark> pairs. Backends without a highlighter (SQLite) use
`highlight()`, which matches words the way the SQLite index does (folded lemma
or folded surface form).
"""

import html
import re

import bleach

from . import polish

START, STOP = "\x02", "\x03"
_TOKEN_RE = re.compile(r"\w+|\W+", re.UNICODE)
_SPACES_RE = re.compile(r"\s+")
_MARK_RE = re.compile(r"</?mark>")
_MARKERS_RE = re.compile(f"[{START}{STOP}]")


def safe_snippet(snippet_html: str) -> str:
    """Only <mark> survives; everything else is escaped text.

    Snippets built here (escaped text and balanced <mark> pairs) are returned as they
    are: bleach's HTML parser costs ~0.7 ms a snippet, most of a search's Python time.
    """
    if _is_marked_text(snippet_html):
        return snippet_html
    return bleach.clean(snippet_html, tags={"mark"}, attributes={}, strip=True)


def _is_marked_text(snippet_html: str) -> bool:
    """Whether the only markup is <mark>...</mark> pairs, not nested, all closed."""
    depth = 0
    for tag in _MARK_RE.findall(snippet_html):
        depth += 1 if tag == "<mark>" else -1
        if depth not in (0, 1):
            return False
    if depth:
        return False
    rest = _MARK_RE.sub("", snippet_html)
    return "<" not in rest and ">" not in rest


def markers_to_html(text: str) -> str:
    """Escaped text with START...STOP as <mark> pairs (a stray marker is dropped)."""
    escaped = html.escape(_SPACES_RE.sub(" ", text).strip(), quote=False)
    return _balance(escaped)


def _balance(escaped: str) -> str:
    out, open_, last = [], False, 0
    for match in _MARKERS_RE.finditer(escaped):
        out.append(escaped[last : match.start()])
        last = match.end()
        if match.group() == START and not open_:
            out.append("<mark>")
            open_ = True
        elif match.group() == STOP and open_:
            out.append("</mark>")
            open_ = False
    out.append(escaped[last:])
    if open_:
        out.append("</mark>")
    return "".join(out)


def query_terms(words: list[str]) -> set[str]:
    """Folded lemmas and forms of query words (with their vocabulary expansions)."""
    terms = set()
    for word in words:
        if polish.is_stop_word(word):
            continue
        terms.update(polish.index_terms(word))
    return terms


def highlight(text: str, words: list[str], width: int = 32, fragments: int = 2) -> str:
    """Cut up to `fragments` windows of about `width` words around the best matches."""
    tokens = _TOKEN_RE.findall(_SPACES_RE.sub(" ", text or "").strip())
    if not tokens:
        return ""
    terms = query_terms(words)
    word_positions = [i for i, tok in enumerate(tokens) if tok[0].isalnum() or tok[0] == "_"]
    hits = {
        i
        for i in word_positions
        if not polish.is_stop_word(tokens[i]) and terms.intersection(polish.index_terms(tokens[i]))
    }
    if not hits:
        end = word_positions[min(len(word_positions), width * fragments) - 1] + 1
        return html.escape("".join(tokens[:end]), quote=False) + ("…" if end < len(tokens) else "")
    # Greedy windows: start a window a few words before each uncovered hit.
    windows = []
    for hit in sorted(hits):
        if len(windows) == fragments:
            break
        if windows and hit < windows[-1][1]:
            continue
        idx = word_positions.index(hit)
        start = word_positions[max(0, idx - 6)]
        stop_idx = min(len(word_positions) - 1, max(0, idx - 6) + width)
        windows.append((start, word_positions[stop_idx] + 1))
    parts = []
    for start, stop in windows:
        piece = []
        for i in range(start, stop):
            escaped = html.escape(tokens[i], quote=False)
            piece.append(f"<mark>{escaped}</mark>" if i in hits else escaped)
        prefix = "…" if start > 0 else ""
        suffix = "…" if stop < len(tokens) else ""
        parts.append(prefix + "".join(piece).strip() + suffix)
    return safe_snippet(" ".join(parts))
