"""Split a Polish draft legal act into its editorial units.

Pure functions, no Django and no I/O: ``parse_act(text)`` takes the plain text of a draft
(pasted, or extracted from DOCX/ODT/PDF by ``documents.extraction``) and returns its title, its
preamble and its units (``§``, ``ust.``, ``pkt``, ``lit.``, tirets, articles, chapters and
annexes) in document order.

Polish drafting writes the units as ``§ 3.``, ``Art. 5.``, ``1.`` (ust.), ``1)`` (pkt),
``a)`` (lit.) and a dash (tiret). Only the first two are unambiguous; the rest also occur at
the start of a hard-wrapped line or in a footnote, so they are accepted only when they continue
the numbering of their siblings (``2.`` after ``1.``, ``1a.`` after ``1.``, ``b)`` after
``a)``) and the previous line does not end in the middle of a phrase (``mowa w``, ``poz.``).
Quoted wording in amending acts („...”) never becomes a unit, footnotes and signatures are set
aside, and PDF noise (page numbers, Legislator footers) is dropped.
"""

from __future__ import annotations

from .builder import _Builder
from .text import _prepare_lines, _quoted_line_starts
from .units import (
    Doubt,
    DoubtKind,
    Level,
    ParsedAct,
    Unit,
    label_slug,
    make_label,
    split_label,
)

__all__ = [
    "Doubt",
    "DoubtKind",
    "Level",
    "ParsedAct",
    "Unit",
    "label_slug",
    "make_label",
    "parse_act",
    "split_label",
    "to_json",
]


def to_json(parsed: ParsedAct) -> list[dict]:
    """The units as JSON-ready dicts: ``{"label", "level", "parent", "text"}``."""
    return [
        {"label": u.label, "level": str(u.level), "parent": list(u.parent), "text": u.text}
        for u in parsed.units
    ]


def parse_act(text: str) -> ParsedAct:
    """Split the plain text of a draft act into title, preamble and units."""
    lines, origins = _prepare_lines(text)
    builder = _Builder()
    for line, origin, quoted in zip(lines, origins, _quoted_line_starts(lines), strict=True):
        builder.feed(line, quoted=quoted, origin=origin)
    return builder.finish()
