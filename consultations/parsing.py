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

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    ZALACZNIK = "zalacznik"
    ROZDZIAL = "rozdzial"
    ARTYKUL = "artykul"
    PARAGRAF = "paragraf"
    USTEP = "ustep"
    PUNKT = "punkt"
    LITERA = "litera"
    TIRET = "tiret"


# A new unit closes every open unit of the same or a higher rank. § sits below Art. so that
# codes ("Art. 10. § 1.") nest; in ordinary acts only one of the two occurs.
_RANK = {
    Level.ZALACZNIK: 0,
    Level.ROZDZIAL: 1,
    Level.ARTYKUL: 2,
    Level.PARAGRAF: 3,
    Level.USTEP: 4,
    Level.PUNKT: 5,
    Level.LITERA: 6,
    Level.TIRET: 7,
}

_LABEL_FORMS = {
    Level.ZALACZNIK: ("Załącznik Nr {}", "zal-{}"),
    Level.ROZDZIAL: ("Rozdział {}", "rozdz-{}"),
    Level.ARTYKUL: ("Art. {}", "art-{}"),
    Level.PARAGRAF: ("§ {}", "par-{}"),
    Level.USTEP: ("ust. {}", "ust-{}"),
    Level.PUNKT: ("pkt {}", "pkt-{}"),
    Level.LITERA: ("lit. {}", "lit-{}"),
    Level.TIRET: ("tiret {}", "tiret-{}"),
}

_LABEL_RE = re.compile(
    r"^(?:(?P<zalacznik>Załącznik)(?: Nr (?P<zal_no>\S+))?"
    r"|Rozdział (?P<rozdzial>\S+)|Art\. (?P<artykul>\S+)|§ (?P<paragraf>\S+)"
    r"|ust\. (?P<ustep>\S+)|pkt (?P<punkt>\S+)|lit\. (?P<litera>\S+)|tiret (?P<tiret>\S+))$"
)


def make_label(level: Level | str, number: str) -> str:
    """The canonical label of a unit: ``§ 3``, ``ust. 1a``, ``Załącznik Nr 1``..."""
    level = Level(level)
    if level is Level.ZALACZNIK and not number:
        return "Załącznik"
    return _LABEL_FORMS[level][0].format(number)


def split_label(label: str) -> tuple[Level, str]:
    """Inverse of ``make_label``: ``"ust. 1a"`` -> ``(Level.USTEP, "1a")``."""
    match = _LABEL_RE.match(label)
    if not match:
        raise ValueError(f"Not a canonical unit label: {label!r}")
    if match["zalacznik"]:
        return Level.ZALACZNIK, match["zal_no"] or ""
    for level in Level:
        if level is not Level.ZALACZNIK and match[level.value]:
            return level, match[level.value]
    raise AssertionError("unreachable")  # pragma: no cover


def label_slug(label: str) -> str:
    """One anchor segment: ``"§ 3"`` -> ``"par-3"``, ``"Rozdział IV"`` -> ``"rozdz-iv"``."""
    level, number = split_label(label)
    if level is Level.ZALACZNIK and not number:
        return "zal"
    slug = _LABEL_FORMS[level][1].format(number).lower()
    return re.sub(r"[^a-z0-9-]+", "-", slug).strip("-")


@dataclass(frozen=True)
class Unit:
    """One editorial unit. ``parent`` holds the ancestors' labels, outermost first."""

    label: str
    level: Level
    parent: tuple[str, ...]
    text: str
    number: str
    # Set by parse_act, which knows about repeated labels; derived from the path otherwise.
    anchor: str = ""

    def __post_init__(self):
        object.__setattr__(self, "level", Level(self.level))
        object.__setattr__(self, "parent", tuple(self.parent))
        if not self.anchor:
            object.__setattr__(self, "anchor", "-".join(label_slug(x) for x in self.path))

    @property
    def path(self) -> tuple[str, ...]:
        return (*self.parent, self.label)

    @property
    def depth(self) -> int:
        return len(self.parent)

    @property
    def citation(self) -> str:
        """How Polish drafting cites the unit: ``"Załącznik Nr 1 § 3 ust. 1"``.

        Chapters are left out once an article or a paragraph identifies the unit, because
        § and Art. numbering does not restart in a new chapter.
        """
        levels = [split_label(label)[0] for label in self.path]
        numbered = any(lv in (Level.ARTYKUL, Level.PARAGRAF) for lv in levels)
        return " ".join(
            label
            for label, lv in zip(self.path, levels, strict=True)
            if not (numbered and lv is Level.ROZDZIAL)
        )


@dataclass(frozen=True)
class ParsedAct:
    title: str
    preamble: str
    units: list[Unit]
    footnotes: list[str] = field(default_factory=list)
    justification: str = ""

    @property
    def subject(self) -> str:
        """The "w sprawie ..." part of the title, or the whole title when it has none."""
        match = re.search(r"\bw sprawie\b.*", self.title)
        return match.group(0) if match else self.title


def to_json(parsed: ParsedAct) -> list[dict]:
    """The units as JSON-ready dicts: ``{"label", "level", "parent", "text"}``."""
    return [
        {"label": u.label, "level": str(u.level), "parent": list(u.parent), "text": u.text}
        for u in parsed.units
    ]


def parse_act(text: str) -> ParsedAct:
    """Split the plain text of a draft act into title, preamble and units."""
    lines = _prepare_lines(text)
    builder = _Builder()
    for line, quoted in zip(lines, _quoted_line_starts(lines), strict=True):
        builder.feed(line, quoted=quoted)
    return builder.finish()


# --- Text clean-up ---------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"}
_LIGATURE = re.compile("|".join(_LIGATURES))

_NOISE = [
    re.compile(r"^[-–—]\s*\d{1,4}\s*[-–—]$"),  # - 3 -
    re.compile(r"^(?:strona|str\.)\s*\d{1,4}(?:\s*(?:z|/)\s*\d{1,4})?$", re.IGNORECASE),
    re.compile(r"^\d{1,4}\s*(?:/|z)\s*\d{1,4}$"),  # 2/5, 2 z 5
    re.compile(r"^\d{1,3}$"),  # a bare page number
    # The footer of acts drafted in the government's Legislator editor.
    re.compile(r"^Id:\s*[0-9A-F]{8}(?:-[0-9A-F]{4}){3}-[0-9A-F]{12}\b.*$", re.IGNORECASE),
]


def _prepare_lines(text: str) -> list[str]:
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    text = _LIGATURE.sub(lambda m: _LIGATURES[m.group(0)], text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = re.sub(r"\u00ad[ \t]*\n[ \t]*", "", text).replace("\u00ad", "")
    lines = []
    for raw in text.split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        lines.append("" if any(p.match(line) for p in _NOISE) else line)
    return lines


# --- Quotations ------------------------------------------------------------------------------

_OPENERS = "„«‹"
_CLOSERS = "”»›"
_OPEN_CONTEXT = "([{/–—-„«"
_CLOSE_CONTEXT = ".,;:!?)]}»”"
_QUOTE_MARK = re.compile(f'[{_OPENERS}{_CLOSERS}"“]')


def _quoted_line_starts(lines: list[str]) -> list[bool]:
    """Whether each line starts inside quoted wording.

    An opening quote that is never closed (a typo, an inch mark) would otherwise swallow the
    rest of the act, so unmatched openers are ignored and the scan is repeated.
    """
    ignored: set[tuple[int, int]] = set()
    for _attempt in range(10):
        stack: list[tuple[int, int, str]] = []
        starts = []
        for i, line in enumerate(lines):
            starts.append(bool(stack))
            for match in _QUOTE_MARK.finditer(line):
                j = match.start()
                if (i, j) in ignored:
                    continue
                action = _quote_action(line, j, stack[-1][2] if stack else None)
                if action == "open":
                    stack.append((i, j, match.group(0)))
                elif action == "close" and stack:
                    stack.pop()
        if not stack:
            return starts
        ignored.update((i, j) for i, j, _char in stack)
    return starts  # pragma: no cover - needs 10 nested unmatched quotes


def _quote_action(line: str, j: int, top: str | None) -> str | None:
    char = line[j]
    if char in _OPENERS:
        return "open"
    if char in _CLOSERS:
        return "close" if top else None
    if char not in '"“':
        return None
    before = line[j - 1] if j else " "
    after = line[j + 1] if j + 1 < len(line) else " "
    opening = before.isspace() or before in _OPEN_CONTEXT
    closing = after.isspace() or after in _CLOSE_CONTEXT
    if char == "“" and top == "„":
        return "close"  # German-style „...“
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close" if top else None
    return "close" if top else "open"


# --- Line patterns ---------------------------------------------------------------------------

_NUM = r"\d{1,4}[a-z]{0,3}"
_PARAGRAF = re.compile(rf"^§\s*({_NUM})(?:\.\s*|\s*$)(.*)$")
_ARTYKUL = re.compile(rf"^(?:Art\.|ART\.|Artykuł|ARTYKUŁ)\s*({_NUM})(?:\.\s*|\s*$)(.*)$")
_ROZDZIAL = re.compile(
    r"^(?:Rozdział|ROZDZIAŁ|Rozdz\.)\s*([IVXLCDM]+|\d{1,3}[a-z]?)(?!\w)\.?\s*(?:[-–—:.]\s*)?(.*)$"
)
_ZALACZNIK = re.compile(
    r"^(?:Załącznik|ZAŁĄCZNIK)(?:\s+(?:nr|Nr|NR)\.?\s*(\d{1,3}[a-z]?|[IVXLC]+)(?!\w))?\s*(.*)$"
)
_ANNEX_REST = re.compile(
    r"^(?:[.:–—-]\s*)?(?:do\s+(?:projektu\s+)?"
    r"(?:uchwał|zarządzeni|ustaw|rozporządzeni|regulamin|program|statut|obwieszczeni)\w*"
    r"(?:\s+(?:nr|rady|wójta|burmistrza|prezydenta|zarządu|starosty|sejmiku|z\s+dnia)\b.*"
    r"|\s*[.,:]?\s*)"
    r")?$",
    re.IGNORECASE,
)
_JUSTIFICATION = re.compile(r"^(?:UZASADNIENIE|Uzasadnienie)(?:\s+do\s.*)?\s*:?$")
_USTEP = re.compile(rf"^({_NUM})\.(.*)$")
_PUNKT = re.compile(rf"^({_NUM})\)(.*)$")
_LITERA = re.compile(r"^([a-z]{1,3})\)(.*)$")
_TIRET = re.compile(r"^(?:([–—-])\s+|([•·▪◦])\s*)(.*)$")
_SEPARATOR = re.compile(r"^[_\-–—=*]{5,}$")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_FOOTNOTE = re.compile(rf"^([{_SUPERSCRIPTS}]+)\)?\s*(.+)$")
_NUMBERED_FOOTNOTE = re.compile(r"^(\d{1,2})\)\s*(.+)$")
# A footnote reference glued to a word ("ustawy1)") or written as a superscript ("ustawy¹").
_FOOTNOTE_REF = re.compile(rf"(?:(?<=[^\W\d_])|(?<=[.)]))(\d{{1,2}})\)|([{_SUPERSCRIPTS}]+)")
_PREAMBLE_START = re.compile(
    r"^(?:Na podstawie|Działając na podstawie|Działając na mocy|Mając na (?:uwadze|celu)"
    r"|Uznając|W celu|W związku z|Zważywszy|Rada |Wójt |Burmistrz |Prezydent |Zarząd |Sejm )"
)
_DRAFT_MARK = re.compile(r"^(?:PROJEKT|Projekt)$")
_ACT_NAME = re.compile(
    r"^(?:UCHWAŁA|Uchwała|ZARZĄDZENIE|Zarządzenie|USTAWA|Ustawa|ROZPORZĄDZENIE|Rozporządzenie"
    r"|OBWIESZCZENIE|Obwieszczenie|POSTANOWIENIE|Postanowienie|STATUT|REGULAMIN)\b"
)
_OFFICE = re.compile(
    r"^(?:(?:Wice)?(?:przewodnicząc[ya]|PRZEWODNICZĄC[YA])|Wójt|WÓJT|Burmistrz|BURMISTRZ"
    r"|Prezydent|PREZYDENT|Starosta|STAROSTA|Zastępca|ZASTĘPCA)\b",
    re.IGNORECASE,
)
_SIGNED = re.compile(r"^(?:\(\s*[-–—]\s*\)|/\s*[-–—]\s*/|\(podpis)")

# A label right after one of these words is a cross-reference broken by a line wrap
# ("o którym mowa w\n§ 3."), not a new unit.
_DANGLING = frozenset(
    "w we z ze do na o od przez według wg dla po przy pod nad za u mowa "  # noqa: SIM905
    "ust. pkt art. Art. lit. § poz. nr Nr str. tiret".split()
)
_CONJUNCTIONS = frozenset({"i", "oraz", "lub", "albo", "a"})
_UPPER_START = re.compile(r"^[A-ZĄĆĘŁŃÓŚŹŻ]")

_QUOTE_CHARS = '„"“«'


def _parse_number(number: str) -> tuple[int, str]:
    match = re.match(r"(\d+)([a-z]*)$", number)
    return (int(match[1]), match[2]) if match else (0, number)


def _is_first(level: Level, number: str) -> bool:
    return number == ("a" if level is Level.LITERA else "1")


def _follows(level: Level, previous: str, number: str, *, gap_ok: bool) -> bool:
    """Whether ``number`` may come right after the sibling ``previous``."""
    if level is Level.LITERA:
        stem, last = previous[:-1], previous[-1]
        return number in {
            stem + chr(ord(last) + 1),  # b after a, ab after aa
            previous + "a",  # aa inserted after a
            chr(ord(previous[0]) + 1),  # b after aa
        }
    prev_n, prev_s = _parse_number(previous)
    n, s = _parse_number(number)
    if n == prev_n:
        return s > prev_s  # inserted unit: 1a after 1, 1b after 1a
    if s:
        return False
    # A skipped number is a drafting slip worth tolerating only at a sentence boundary.
    return n == prev_n + 1 or (gap_ok and prev_n + 1 < n <= prev_n + 3)


# --- The builder -----------------------------------------------------------------------------


@dataclass
class _Node:
    level: Level
    number: str
    label: str
    parent: tuple[str, ...]
    anchor: str
    parts: list[str] = field(default_factory=list)
    last_child: dict[Level, str] = field(default_factory=dict)
    child_count: dict[Level, int] = field(default_factory=dict)
    # An annex's heading lines, to recognise them repeated as a PDF page header.
    heading: list[str] = field(default_factory=list)

    @property
    def rank(self) -> int:
        return _RANK[self.level]

    def text(self) -> str:
        return _join(self.parts)

    def tail(self) -> str:
        """The last line of the text: enough to see how the text ends, and cheap."""
        return self.parts[-1] if self.parts else ""


def _join(parts: list[str]) -> str:
    pieces = []
    previous = ""
    for part in parts:
        if previous and not part.startswith("\n"):
            hyphenated = previous[-1] == "-" and previous[-2:-1].isalpha()
            # A compound broken after its hyphen ("opiniodawczo-\ndoradczą") stays one word.
            pieces.append(part if hyphenated else " " + part)
        else:
            pieces.append(part)
        previous = part
    return "".join(pieces).strip()


class _Builder:
    def __init__(self):
        self.head: list[str] = []
        self.nodes: list[_Node] = []
        self.stack: list[_Node] = []
        self.root_last: dict[Level, str] = {}
        self.root_count: dict[Level, int] = {}
        # Last number per level among units directly under chapters, per annex (or the body),
        # because numbering without § often runs on from one chapter into the next.
        self.section_last: dict[Level, str] = {}
        self.used_anchors: set[str] = set()
        self.mode = "body"  # or "signature", "justification"
        self.justification: list[str] = []
        self.footnotes: list[str] = []
        self.footnote_mode = False
        self.after_separator = False
        self.referenced: set[int] = set()
        self.consumed: set[int] = set()
        self.previous = ""  # the last non-blank line, to spot a phrase broken by a wrap
        self.repeated_heading: list[str] = []

    # --- entry points

    def feed(self, line: str, *, quoted: bool) -> None:
        if not line:
            self.footnote_mode = self.after_separator = False
            return
        self._note_references(line)
        try:
            if quoted:
                self._feed_quoted(line)
            else:
                self._feed_line(line)
        finally:
            self.previous = line

    def finish(self) -> ParsedAct:
        title, preamble = self._split_head()
        units = [
            Unit(
                label=node.label,
                level=node.level,
                parent=node.parent,
                text=node.text(),
                number=node.number,
                anchor=node.anchor,
            )
            for node in self.nodes
        ]
        return ParsedAct(
            title=title,
            preamble=preamble,
            units=units,
            footnotes=self.footnotes,
            justification=_join(self.justification),
        )

    # --- line handling

    def _feed_quoted(self, line: str) -> None:
        if self.footnote_mode:
            self._append_footnote(line)
        elif self.mode == "justification":
            self.justification.append(line)
        elif self.mode == "body":
            self._append_text(line, quoted=True)

    def _feed_line(self, line: str) -> None:
        if self.repeated_heading:
            expected = self.repeated_heading.pop(0)
            if line == expected:
                return
            self.repeated_heading = []
        if _SEPARATOR.match(line):
            self.footnote_mode = self.after_separator = True
            return
        if self._try_footnote(line):
            return
        if self.footnote_mode:
            if not self._looks_like_label(line):
                self._append_footnote(line)
                return
            self.footnote_mode = False
        if self._try_annex(line):
            return
        if self.mode == "justification":
            self.justification.append(line)
            return
        if _JUSTIFICATION.match(line):
            self.mode = "justification"
            return
        if self._try_strong(line):
            self.mode = "body"
            return
        if self.mode == "signature":
            return
        if self._is_signature(line):
            self.mode = "signature"
            return
        if not self._try_weak(line):
            self._append_text(line)

    # --- footnotes

    def _note_references(self, line: str) -> None:
        for match in _FOOTNOTE_REF.finditer(line):
            if match[1]:
                self.referenced.add(int(match[1]))
            elif not (_SUPERSCRIPT_FOOTNOTE.match(line) and match.start() == 0):
                self.referenced.add(int(match[2].translate(_SUPERSCRIPT_DIGITS)))

    def _try_footnote(self, line: str) -> bool:
        if match := _SUPERSCRIPT_FOOTNOTE.match(line):
            number = int(match[1].translate(_SUPERSCRIPT_DIGITS))
        elif match := _NUMBERED_FOOTNOTE.match(line):
            number = int(match[1])
            pending = number in self.referenced and number not in self.consumed
            if self.footnote_mode:
                if not (pending or self.after_separator):
                    return False
            elif not pending or self._could_be_point(number):
                return False
        else:
            return False
        self.footnotes.append(f"{number}) {match[2]}")
        self.consumed.add(number)
        self.footnote_mode = True
        self.after_separator = False
        return True

    def _could_be_point(self, number: int) -> bool:
        top = self.stack[-1] if self.stack else None
        if top is None:
            return False
        if top.tail().endswith(":"):
            return True
        return top.level is Level.PUNKT and _follows(
            Level.PUNKT, top.number, str(number), gap_ok=False
        )

    def _append_footnote(self, line: str) -> None:
        if self.footnotes:
            self.footnotes[-1] = _join([self.footnotes[-1], line])

    # --- structure

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
        if self._broken_phrase(strong=True):
            return False
        self._open(level, number)
        self._append_inline(level, rest)
        return True

    def _append_inline(self, level: Level, rest: str) -> None:
        """Handle units run together on one line: ``§ 1. 1.Uchwala``, ``Art. 10. § 1.``."""
        if level is Level.ARTYKUL and (match := _PARAGRAF.match(rest)):
            self._open(Level.PARAGRAF, match[1])
            self._append_inline(Level.PARAGRAF, match[2])
            return
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
        if match := _USTEP.match(line):
            text = self._ustep_text(match[2])
            if text is None:
                return False
            level, number = Level.USTEP, match[1]
        elif match := _PUNKT.match(line):
            level, number, text = Level.PUNKT, match[1], match[2].strip()
        elif match := _LITERA.match(line):
            level, number, text = Level.LITERA, match[1], match[2].strip()
        elif match := _TIRET.match(line):
            if not self._tiret_allowed(bullet=bool(match[2])):
                return False
            level, text = Level.TIRET, match[3]
            number = str(self._parent_for(Level.TIRET)[1].get(Level.TIRET, 0) + 1)
        else:
            return False
        if level is not Level.TIRET and not self._continues_numbering(level, number):
            return False
        if self._broken_phrase(strong=False):
            return False
        self._open(level, number)
        if text:
            self._append_text(text)
        return True

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

    def _broken_phrase(self, *, strong: bool) -> bool:
        words = self.previous.split()
        if not words:
            return False
        last = words[-1]
        if last in _DANGLING:
            return True
        return strong and (last in _CONJUNCTIONS or self.previous.endswith(","))

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

    # --- building

    def _open(self, level: Level, number: str) -> _Node:
        rank = _RANK[level]
        while self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        label = make_label(level, number)
        base = f"{parent.anchor}-{label_slug(label)}" if parent else label_slug(label)
        anchor, n = base, 1
        while anchor in self.used_anchors:
            n += 1
            anchor = f"{base}-{n}"
        self.used_anchors.add(anchor)
        node = _Node(
            level=level,
            number=number,
            label=label,
            parent=tuple(x.label for x in self.stack),
            anchor=anchor,
        )
        if parent:
            parent.last_child[level] = number
            parent.child_count[level] = parent.child_count.get(level, 0) + 1
        else:
            self.root_last[level] = number
            self.root_count[level] = self.root_count.get(level, 0) + 1
        if parent is None or parent.level in (Level.ROZDZIAL, Level.ZALACZNIK):
            self.section_last[level] = number
        self.nodes.append(node)
        self.stack.append(node)
        return node

    def _append_text(self, line: str, *, quoted: bool = False) -> None:
        top = self.stack[-1] if self.stack else None
        target = top.parts if top else self.head
        if top and top.level is Level.ZALACZNIK and not top.child_count:
            top.heading.append(line)
        # Keep the layout of quoted wording readable: each quoted unit on its own line.
        inner = line.lstrip(_QUOTE_CHARS)
        if (quoted or inner != line) and self._looks_like_label(inner):
            line = "\n" + line
        target.append(line)

    def _split_head(self) -> tuple[str, str]:
        head = self.head
        # Editors put "Projekt", a date and an approval line above the act's name.
        starts = [i for i, line in enumerate(head) if _ACT_NAME.match(line)]
        if starts:
            head = head[starts[0] :]
        head = [line for line in head if not _DRAFT_MARK.match(line)]
        for i, line in enumerate(head):
            if _PREAMBLE_START.match(line):
                return _join(head[:i]), _join(head[i:])
        return _join(head), ""


_SUPERSCRIPT_DIGITS = str.maketrans(_SUPERSCRIPTS, "0123456789")
