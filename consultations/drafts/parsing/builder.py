"""The line-by-line reader that grows the tree of units."""

from __future__ import annotations

import re

from .footnotes import _FootnoteRules
from .nodes import _join, _Node
from .patterns import (
    _ACT_NAME,
    _DRAFT_MARK,
    _JUSTIFICATION,
    _PREAMBLE_START,
    _QUOTE_CHARS,
    _SEPARATOR,
)
from .reflow import Origin
from .structure import _StructureRules
from .text import _prepare_lines, _quoted_line_starts
from .units import _RANK, Doubt, DoubtKind, Level, ParsedAct, Unit, label_slug, make_label

# What an annex heading attaches the draft to when the annex is a cover note, not a unit.
_COVERING_DOCUMENT = re.compile(
    r"\bdo\s+(?:zarządzeni|ogłoszeni|obwieszczeni|informacji|pisma)", re.IGNORECASE
)
_DRAFT_TITLE = re.compile(r"^[-/ ]*(?:PROJEKT|Projekt)\b")


class _Builder(_FootnoteRules, _StructureRules):
    """Reads an act line by line and grows its tree of units."""

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
        self.origin = ""  # the current line's Origin, when text preparation changed it
        self.doubts: list[tuple[_Node | None, DoubtKind]] = []

    # --- entry points

    def feed(self, line: str, *, quoted: bool, origin: str = "") -> None:
        self.origin = origin
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
            doubts=self._doubts(),
        )

    def _doubts(self) -> list[Doubt]:
        kept = {id(node) for node in self.nodes}  # a cover note's annex was undone
        doubts = []
        for node, kind in self.doubts:
            if node is not None and id(node) not in kept:
                continue
            doubt = Doubt(anchor=node.anchor if node else "", kind=kind)
            if doubt not in doubts:
                doubts.append(doubt)
        return doubts

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
        self._set_aside_cover_note(line)
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
        if self.origin == Origin.SPLIT:
            self.doubts.append((None, DoubtKind.RUN_ON))
        return node

    def _set_aside_cover_note(self, line: str) -> None:
        """An order's "Załącznik Nr 1 do Zarządzenia…" above the draft's title is not a unit.

        The draft attached to the order is the whole text; its own § 1… and its own annexes
        follow. Seen only once the title comes, so the annex opened for it is undone.
        """
        if len(self.nodes) != 1 or not (_ACT_NAME.match(line) or _DRAFT_TITLE.match(line)):
            return
        annex = self.nodes[0]
        if annex.level is not Level.ZALACZNIK or annex.child_count:
            return
        if not _COVERING_DOCUMENT.search(" ".join(annex.heading)):
            return
        self.head.extend(annex.heading)
        self.nodes, self.stack = [], []
        self.root_last, self.root_count, self.section_last = {}, {}, {}
        self.used_anchors = set()
        self.doubts.append((None, DoubtKind.COVER_NOTE))

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


def parse_act(text: str) -> ParsedAct:
    """Split the plain text of a draft act into title, preamble and units."""
    lines, origins = _prepare_lines(text)
    builder = _Builder()
    for line, origin, quoted in zip(lines, origins, _quoted_line_starts(lines), strict=True):
        builder.feed(line, quoted=quoted, origin=origin)
    return builder.finish()
