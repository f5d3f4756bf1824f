"""What the parser was unsure about, told to the official next to the units it concerns.

The parser reports a doubt where the text does not settle a choice (a "1." list read as
points, a bullet lost in the copy, units found inside a line whose breaks were lost). The
review screen reads them from the version's own text, so nothing is stored: a unit the
official has since corrected (another label or level) no longer shows its doubt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .parsing import DoubtKind, parse_act

MESSAGES = {
    DoubtKind.COLON_POINTS: _(
        "Numbered like a paragraph (1.) but read as a point, because its list follows a colon."
    ),
    DoubtKind.POINT_OR_PARAGRAPH: _(
        "Could be the next point of the list above or the next paragraph: check the level."
    ),
    DoubtKind.IMPLIED_FIRST: _(
        "Read as paragraph 2: the first sentence of the unit above is taken as its unnumbered "
        "paragraph 1."
    ),
    DoubtKind.LOST_BULLET: _(
        "The list mark was lost in the copy; read as a tiret of the list above."
    ),
    DoubtKind.ROMAN_CHAPTER: _("A heading such as “II. Title” above a § was read as a chapter."),
    DoubtKind.RUN_ON: _(
        "The text had lost its line breaks, so units were found inside long lines: check where "
        "each unit begins and ends."
    ),
    DoubtKind.POSSIBLE_HEADING: _(
        "The last line of this unit may be a heading of the next unit rather than part of "
        "this wording."
    ),
    DoubtKind.COVER_NOTE: _(
        "The annex heading above the act's title (of the order or notice that publishes the "
        "draft) was set aside and is not a unit."
    ),
}


@dataclass
class ReviewNotes:
    general: list[str] = field(default_factory=list)
    by_clause: dict[int, list[str]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.general) + sum(len(notes) for notes in self.by_clause.values())


def review_notes(version, clauses) -> ReviewNotes:
    """The parser's doubts about an unpublished version, for the text and per clause pk."""
    notes = ReviewNotes()
    if version.is_published or not version.source_text.strip():
        return notes
    parsed = parse_act(version.source_text)
    units = {unit.anchor: unit for unit in parsed.units}
    clauses_by_anchor = {clause.anchor: clause for clause in clauses}
    for doubt in parsed.doubts:
        message = str(MESSAGES[doubt.kind])
        if not doubt.anchor:
            notes.general.append(message)
            continue
        clause, unit = clauses_by_anchor.get(doubt.anchor), units.get(doubt.anchor)
        if clause is None or unit is None:
            continue
        if (clause.label, clause.level) == (unit.label, str(unit.level)):
            notes.by_clause.setdefault(clause.pk, []).append(message)
    return notes
