"""Put back what copying and PDF extraction lose: line breaks, bullets, chapter words.

Text pulled out of a PDF often comes as one long line, with every unit run together
("...uchwala, co następuje: § 1. Ustala się... ROZDZIAŁ I ... §2. Przepisy ... dotyczące:
1) wymagań..."). Web copies drop list glyphs (a leading space is all that is left of a bullet,
or a private-use character of the Symbol font) and write chapters as "I. Postanowienia
ogólne". These functions restore the line structure the builder reads; every change they make
is reported (``Origin``), so that the official is told where the parser had to guess.
"""

from __future__ import annotations

import re
from enum import StrEnum

from .patterns import _CONJUNCTIONS, _DANGLING


class Origin(StrEnum):
    """Why a prepared line is not exactly a line of the text as supplied."""

    SPLIT = "split"  # cut out of a longer line whose breaks were lost
    BULLET = "bullet"  # a list item whose bullet glyph was lost or replaced
    CHAPTER = "chapter"  # a heading "I. Title" read as a chapter


# Lines longer than this are checked for units run together; hard-wrapped PDF lines and
# ordinary paragraphs with a cross-reference at a line start are shorter or have no label.
RUN_ON_LENGTH = 160

_UPPER = "A-ZĄĆĘŁŃÓŚŹŻ"
_LOWER = "a-ząćęłńóśźż"
_STRONG_AHEAD = re.compile(
    rf"(?:§\s?\d{{1,4}}[a-z]{{0,3}}\.\s?(?=[{_UPPER}\d„\"])"
    rf"|§\s?\d{{1,4}}[a-z]{{0,3}}\s(?=[{_UPPER}]|\d{{1,3}}\.\s)"
    r"|(?:Art\.|Artykuł)\s?\d{1,4}[a-z]{0,3}\.\s"
    r"|(?:Rozdział|ROZDZIAŁ)\s(?:[IVXLC]{1,6}|\d{1,3})\b"
    r"|(?:UZASADNIENIE|Uzasadnienie)\b)"
)
# An annex heading inside a run-on line: "…podpisania. Załącznik nr 1 SKŁAD ZESPOŁU…".
_ANNEX_AHEAD = re.compile(
    rf"(?:Załącznik|ZAŁĄCZNIK)(?: (?:nr|Nr|NR)\.? ?\w{{1,4}})? (?:do |[{_UPPER}]{{2,}})"
)
_ANNEX_OF_AN_ACT = re.compile(
    r"[^ ]+(?: (?:nr|Nr|NR)\.? ?\w{1,4})? do (?:[Uu]chwały|[Zz]arządzenia) Nr"
)
# The draft's own title after a cover note on the same line: "…2015 r. PROJEKT UCHWAŁY NR…".
_TITLE_AHEAD = re.compile(
    r"(?:PROJEKT|Projekt) (?:UCHWAŁY|uchwały)\b|(?:UCHWAŁA|UCHWAŁY) (?:NR|Nr)\b"
)
_DASH_ITEM_AHEAD = re.compile(rf"[–-] (?=[{_LOWER}])")
_PARAGRAPH_NUMBER = re.compile(r"§\s?(\d{1,4})")
_DOTTED_PARAGRAPH = re.compile(r"§\s?\d{1,4}[a-z]{0,3}\.")
_WEAK_AHEAD = re.compile(rf"(?:\d{{1,3}}[a-z]?[.)]|[a-z]{{1,2}}\))\s(?=[{_UPPER}{_LOWER}„\"])")
_PREAMBLE_AHEAD = re.compile(r"(?:Na podstawie|Działając na podstawie)\s")
_SPACE = re.compile(r"\s+")


# A heading glued to the word before it when a web page or PDF lost the break between them:
# "…Miasta BydgoszczyRozdział I", "…stanowi załącznik.§ 2. Wykonanie…".
_GLUED_LABEL = re.compile(
    rf"(?<=[{_LOWER}])(?=(?:Rozdział|ROZDZIAŁ) (?:[IVXLC]{{1,6}}|\d{{1,3}})\b)"
    rf"|(?<=[.;:])(?=§ ?\d{{1,4}}[a-z]{{0,3}}\. ?[{_UPPER}])"
)


def split_run_on(line: str) -> list[str]:
    """Cut a line before each unit label that starts a new unit rather than citing one."""
    if _GLUED_LABEL.search(line):
        return [piece for part in _GLUED_LABEL.split(line) for piece in split_run_on(part)]
    if len(line) <= RUN_ON_LENGTH:
        return [line]
    cuts = []
    paragraph = 0  # the last § number cut before: "§ 3 Text" without its full stop must follow
    for space in _SPACE.finditer(line):
        start = space.end()
        # Only the last word before and the label after matter: bounded slices keep a long
        # run-on text linear.
        before, after = line[max(0, space.start() - 40) : space.start()], line[start : start + 40]
        if not after or not _cut_here(before, after, paragraph):
            continue
        if number := _PARAGRAPH_NUMBER.match(after):
            paragraph = int(number[1])
        cuts.append((space.start(), start))
    if not cuts:
        return [line]
    pieces, begin = [], 0
    for end, next_begin in cuts:
        pieces.append(line[begin:end])
        begin = next_begin
    pieces.append(line[begin:])
    return [piece for piece in pieces if piece]


def _cut_here(before: str, after: str, paragraph: int) -> bool:
    words = before.split()
    if not words:
        return False
    last = words[-1]
    if last in _DANGLING or last in _CONJUNCTIONS:
        return False
    if _STRONG_AHEAD.match(after):
        if after[0] != "§" or _DOTTED_PARAGRAPH.match(after) or before[-1] in ".:;)":
            return True
        # "§ 2 Text" without the full stop, after an unpunctuated word: a unit only as the
        # next number of the § sequence.
        return int(_PARAGRAPH_NUMBER.match(after)[1]) == paragraph + 1
    if _ANNEX_AHEAD.match(after):
        if before[-1] in ".:;)" or last.isdigit():
            return True
        # After a signature ("…Jan Kowalski Załącznik do Uchwały Nr…"), not after a verb
        # citing it ("stanowiący Załącznik Nr 1 do uchwały").
        return last[0].isupper() and bool(_ANNEX_OF_AN_ACT.match(after))
    if _TITLE_AHEAD.match(after):
        return True
    if _DASH_ITEM_AHEAD.match(after):
        return before[-1] in ":;,"
    if _WEAK_AHEAD.match(after):
        return before[-1] in ".:;,"
    return bool(_PREAMBLE_AHEAD.match(after))


_PRIVATE_USE = re.compile("^[\ue000-\uf8ff]\\s*")
_LEADING_SPACE_ITEM = re.compile(rf"^[ \t\u00a0]+[{_LOWER}]")
_LETTER_O_BULLET = re.compile(rf"^o\s+(?=[{_LOWER}])")


def restore_bullet(raw: str, line: str, previous: str) -> str | None:
    """The line with its bullet put back, or None when it is not a list item."""
    if _PRIVATE_USE.match(line):
        return "• " + _PRIVATE_USE.sub("", line)
    if not previous.endswith((":", ";", ",")):
        return None
    # After a comma only a single space (what a lost glyph leaves) counts: an indented
    # continuation of a wrapped item usually starts with several.
    leading = len(raw) - len(raw.lstrip(" \t\u00a0"))
    if _LEADING_SPACE_ITEM.match(raw) and (leading == 1 or not previous.endswith(",")):
        return "• " + line
    if _LETTER_O_BULLET.match(line):
        return "• " + _LETTER_O_BULLET.sub("", line)
    return None


_ROMAN_HEADING = re.compile(rf"^[IVXLC]{{1,6}}\.\s+[{_UPPER}][^.]{{2,80}}$")


def mark_roman_chapters(lines: list[str], origins: list[str]) -> None:
    """ "II. Zakres działania" directly above a § is a chapter heading without its word."""
    for i, line in enumerate(lines):
        if not _ROMAN_HEADING.match(line):
            continue
        following = next((x for x in lines[i + 1 :] if x), "")
        if following.startswith("§"):
            lines[i] = "Rozdział " + line
            origins[i] = Origin.CHAPTER
