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

Real texts need more (``reflow.py``): line breaks lost in a PDF copy are put back before the
labels that start units, bullets lost in a web copy are restored, and "II. Title" above a §
is read as a chapter. A list numbered "1." after a colon is a list of points, and a cover note
("Załącznik Nr 1 do Zarządzenia…") above the draft is not a unit. Where the text leaves such a
choice open, ``ParsedAct.doubts`` names the unit, so the official can check it.

Modules: ``units`` (levels, labels, results), ``text`` (clean-up, quotations), ``reflow``,
``patterns`` (line patterns, numbering), ``builder`` with ``structure`` and ``footnotes``.
"""

from __future__ import annotations

from .builder import parse_act
from .units import (
    Doubt,
    DoubtKind,
    Level,
    ParsedAct,
    Unit,
    label_slug,
    make_label,
    split_label,
    to_json,
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
