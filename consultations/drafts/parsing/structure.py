"""Which lines open a unit: strong labels (§, Art., chapters, annexes) and weak ones."""

from __future__ import annotations

import re

from .nodes import _Node
from .patterns import (
    _ANNEX_REST,
    _ARTYKUL,
    _CONJUNCTIONS,
    _DANGLING,
    _JUSTIFICATION,
    _LITERA,
    _OFFICE,
    _PARAGRAF,
    _PUNKT,
    _ROZDZIAL,
    _SIGNED,
    _TIRET,
    _UPPER_START,
    _USTEP,
    _ZALACZNIK,
    ORDINAL_NUMBERS,
    _follows,
    _is_first,
)
from .reflow import Origin
from .units import _RANK, DoubtKind, Level

_DOTTED_PARAGRAPH = re.compile(r"^§\s*\d{1,4}[a-z]{0,3}\.")
_SENTENCE_START = re.compile(r"^[A-ZĄĆĘŁŃÓŚŹŻ„\"\d]")
_EDITORIAL_TITLE = re.compile(r"^(\[[^\]]{1,200}\])\s*(.*)$")


class _StructureRules:
    """Part of the builder: decides whether a line opens a unit, and of which level."""

    def _try_annex(self, line: str) -> bool:
        match = _ZALACZNIK.match(line)
        if not match or not _ANNEX_REST.match(match[2]):
            return False
        annex = self.stack[0] if self.stack and self.stack[0].level is Level.ZALACZNIK else None
        if annex and annex.heading[0] == line:
            self.repeated_heading = annex.heading[1:]
            return True
        self.mode = "body"
        self.footnote_mode = False
        self.section_last = {}
        node = self._open(Level.ZALACZNIK, match[1] or "")
        node.heading = [line]
        rest = re.sub(r"^[.:–—-]\s*", "", match[2])
        if rest:
            node.parts.append(rest)
        return True

    def _try_strong(self, line: str) -> bool:
        if match := _ROZDZIAL.match(line):
            level, number, rest = Level.ROZDZIAL, match[1], match[2]
        elif match := _ARTYKUL.match(line):
            level, number, rest = Level.ARTYKUL, match[1], match[2]
        elif match := _PARAGRAF.match(line):
            level, number, rest = Level.PARAGRAF, match[1], match[2]
        else:
            return False
        if self._broken_phrase(strong=True, sentence=bool(_SENTENCE_START.match(rest))):
            return False
        # "§ 5 Regulaminu…" at a line start is as likely a wrapped reference as a unit written
        # without its full stop: only the next number of the § sequence counts.
        if (
            level is Level.PARAGRAF
            and rest
            and not _DOTTED_PARAGRAPH.match(line)
            and not self._continues_numbering(Level.PARAGRAF, number)
        ):
            return False
        if level is Level.ROZDZIAL:
            number = ORDINAL_NUMBERS.get(number.lower(), number)
        self._note_heading_above()
        node = self._open(level, number)
        if self.origin == Origin.CHAPTER:
            self.doubts.append((node, DoubtKind.ROMAN_CHAPTER))
        self._append_inline(level, rest)
        return True

    def _note_heading_above(self) -> None:
        """A short unpunctuated line after a finished unit and right above a § or an article
        ("Cel konsultacji") is rather a heading of what follows than the unit's last words; it
        stays in the wording, and the official is asked to check."""
        top = self.stack[-1] if self.stack else None
        if top is None or top.level in (Level.ZALACZNIK, Level.ROZDZIAL):
            return  # their text is a title anyway
        if len(top.parts) < 2 or top.parts[-1] != self.previous:
            return
        line, before = top.parts[-1], top.parts[-2]
        if (
            len(line) <= 80
            and _UPPER_START.match(line)
            and not line.endswith((".", ";", ":", ",", "-", "–"))
            and before.endswith((".", ";", ":", ","))
        ):
            self.doubts.append((top, DoubtKind.POSSIBLE_HEADING))

    def _append_inline(self, level: Level, rest: str) -> None:
        """Handle units run together on one line: ``§ 1. 1.Uchwala``, ``Art. 10. § 1.``."""
        if level is Level.ARTYKUL and (match := _PARAGRAF.match(rest)):
            self._open(Level.PARAGRAF, match[1])
            self._append_inline(Level.PARAGRAF, match[2])
            return
        if level is Level.ARTYKUL and (match := _EDITORIAL_TITLE.match(rest)):
            # "Art. 11a. [Program opieki…] 1. Rada gminy…": a legal portal's title, then ust. 1.
            self._append_text(match[1])
            rest = match[2]
        if level in (Level.ARTYKUL, Level.PARAGRAF):
            match = _USTEP.match(rest)
            if match and match[1] == "1" and self._ustep_text(match[2]) is not None:
                self._open(Level.USTEP, "1")
                rest = self._ustep_text(match[2])
        if rest:
            self._append_text(rest)

    @staticmethod
    def _ustep_text(rest: str) -> str | None:
        if rest and not rest[0].isspace() and not (rest[0].isalpha() or rest[0] in '„"“«§('):
            return None
        rest = rest.strip()
        if rest[:1].isdigit():
            return None
        return rest

    def _try_weak(self, line: str) -> bool:
        if not self._weak_labels_allowed():
            return False
        doubt = None
        if match := _USTEP.match(line):
            text = self._ustep_text(match[2])
            if text is None:
                return False
            number = match[1]
            level, doubt = self._dotted_level(number, text)
        elif match := _PUNKT.match(line):
            level, number, text = Level.PUNKT, match[1], match[2].strip()
        elif match := _LITERA.match(line):
            level, number, text = Level.LITERA, match[1], match[2].strip()
        elif match := _TIRET.match(line):
            if not self._tiret_allowed(bullet=bool(match[2])):
                return False
            level, text = Level.TIRET, match[3]
            number = str(self._parent_for(Level.TIRET)[1].get(Level.TIRET, 0) + 1)
            if self.origin == Origin.BULLET:
                doubt = DoubtKind.LOST_BULLET
        else:
            return False
        if level is not Level.TIRET and not self._continues_numbering(level, number):
            if not self._implied_first(level, number):
                return False
            doubt = DoubtKind.IMPLIED_FIRST
        if self._broken_phrase(strong=False):
            return False
        node = self._open(level, number)
        node.dotted = level is Level.PUNKT and match.re is _USTEP
        if doubt:
            self.doubts.append((node, doubt))
        if text:
            self._append_text(text)
        return True

    def _dotted_level(self, number: str, text: str) -> tuple[Level, DoubtKind | None]:
        """Whether a "1." line is a paragraph (ust.) or a point of a list after a colon.

        Drafting rules introduce an enumeration with a colon and number it "1)"; drafters who
        type "1." instead still mean points, as the act's own references ("§ 3 pkt 1") show.
        """
        top = self.stack[-1] if self.stack else None
        if top is None:
            return Level.USTEP, None
        if (
            _is_first(Level.USTEP, number)
            and top.tail().endswith(":")
            and top.level not in (Level.PUNKT, Level.LITERA, Level.TIRET)
        ):
            return Level.PUNKT, DoubtKind.COLON_POINTS
        point = next((n for n in reversed(self.stack) if n.level is Level.PUNKT), None)
        if point is None or not point.dotted:
            return Level.USTEP, None
        if not _follows(Level.PUNKT, point.number, number, gap_ok=False):
            return Level.USTEP, None
        parent, _counts = self._parent_for(Level.USTEP)
        last = (parent.last_child if parent else self.root_last).get(Level.USTEP)
        if last is None or not _follows(Level.USTEP, last, number, gap_ok=False):
            return Level.PUNKT, None
        # Both lists could go on: a point ending in ";" or "," announces the next point, a full
        # sentence after a full stop is rather the next paragraph.
        if point.tail().endswith((";", ",")):
            return Level.PUNKT, None
        if point.tail().endswith(".") and text[:1].isupper():
            return Level.USTEP, DoubtKind.POINT_OR_PARAGRAPH
        return Level.PUNKT, DoubtKind.POINT_OR_PARAGRAPH

    def _implied_first(self, level: Level, number: str) -> bool:
        """ "2." under a § whose own text is its unnumbered first paragraph: "§ 1. Text. 2. …"."""
        parent = self.stack[-1] if self.stack else None
        return (
            level is Level.USTEP
            and number == "2"
            and parent is not None
            and parent.level in (Level.PARAGRAF, Level.ARTYKUL)
            and bool(parent.parts)
            and not parent.child_count
            and self.previous.endswith(".")
        )

    def _weak_labels_allowed(self) -> bool:
        if self.mode != "body":
            return False
        if self.nodes:
            return True
        # Before the first § a weak label is a unit only in a bare list of clauses, or
        # straight after "uchwala, co następuje:".
        return not self.head or self.head[-1].endswith(":")

    def _parent_for(self, level: Level) -> tuple[_Node | None, dict[Level, int]]:
        rank = _RANK[level]
        parents = [node for node in self.stack if node.rank < rank]
        parent = parents[-1] if parents else None
        return parent, (parent.child_count if parent else self.root_count)

    def _continues_numbering(self, level: Level, number: str) -> bool:
        parent, _counts = self._parent_for(level)
        last = (parent.last_child if parent else self.root_last).get(level)
        gap_ok = self.previous.endswith((".", ";", ":"))
        if last is not None:
            return _follows(level, last, number, gap_ok=gap_ok)
        if _is_first(level, number):
            return True
        if parent is None or parent.level is Level.ROZDZIAL:
            run_on = self.section_last.get(level)
            return run_on is not None and _follows(level, run_on, number, gap_ok=gap_ok)
        return False

    def _tiret_allowed(self, *, bullet: bool) -> bool:
        if not self.stack:
            return False
        if bullet:
            return True
        # A dash also starts a hard-wrapped line ("ustawie\n– należy przez to rozumieć"), so
        # it opens a tiret only where a list is due.
        top = self.stack[-1]
        text = top.tail()
        if text.endswith(":"):
            return True
        if top.level is not Level.TIRET:
            return False
        words = text.split()
        return text.endswith((";", ",")) or bool(words and words[-1] in _CONJUNCTIONS)

    def _broken_phrase(self, *, strong: bool, sentence: bool = False) -> bool:
        """Whether the line continues a phrase the previous line broke off ("mowa w\n§ 3")."""
        words = self.previous.split()
        if not words:
            return False
        last = words[-1]
        if last in _DANGLING:
            return True
        if not strong:
            return False
        # After "§ 1," a "§ 2" continues a list of references, unless a sentence follows it.
        return last in _CONJUNCTIONS or (self.previous.endswith(",") and not sentence)

    def _looks_like_label(self, line: str) -> bool:
        return bool(
            _ZALACZNIK.match(line)
            and _ANNEX_REST.match(_ZALACZNIK.match(line)[2])
            or _ROZDZIAL.match(line)
            or _ARTYKUL.match(line)
            or _PARAGRAF.match(line)
            or _USTEP.match(line)
            or _PUNKT.match(line)
            or _LITERA.match(line)
            or _TIRET.match(line)
            or _JUSTIFICATION.match(line)
        )

    def _is_signature(self, line: str) -> bool:
        if not self.stack:
            return False
        if _SIGNED.match(line):
            return True
        if not _OFFICE.match(line) or len(line) > 90 or line.endswith((".", ",", ";", ":")):
            return False
        if not self.stack[-1].tail().endswith("."):
            return False
        # "Przewodniczący Rady Miejskiej w Brzezinach Dolnych": capitalised words only.
        return all(_UPPER_START.match(w) or w in {"w", "ds.", "i"} for w in line.split()[1:])
