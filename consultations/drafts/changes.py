"""What changed between two versions of the act, clause by clause.

Clauses are matched by their anchor (derived from the labels: `par-3-ust-2`), falling
back to the citation; a clause is *added*, *removed*, *changed* (with a word diff) or
unchanged. Each changed or removed clause carries the comments made on it (on any
earlier version of the consultation) so the page can link to the responses behind the
change. Renumbered clauses show as removed + added: the anchors follow the labels.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..models import Clause, ConsultationComment

# A word with the whitespace after it (leading whitespace is its own token).
_TOKENS = re.compile(r"^\s+|\S+\s*")


@dataclass
class Segment:
    kind: str  # "equal", "insert", "delete"
    text: str


@dataclass
class ClauseChange:
    kind: str  # "added", "removed", "changed", "unchanged"
    old: Clause | None
    new: Clause | None
    segments: list[Segment] = field(default_factory=list)
    comments: list = field(default_factory=list)

    @property
    def clause(self) -> Clause:
        return self.new or self.old

    @property
    def anchor(self) -> str:
        return self.clause.anchor


def word_diff(old: str, new: str) -> list[Segment]:
    """Word-level diff of two texts as equal / delete / insert segments (whitespace kept)."""
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    segments: list[Segment] = []

    def add(kind, tokens):
        text = "".join(tokens)
        if not text:
            return
        if segments and segments[-1].kind == kind:
            segments[-1].text += text
        else:
            segments.append(Segment(kind, text))

    # Compare the words without their trailing whitespace, keep the whitespace in output.
    matcher = difflib.SequenceMatcher(
        None, [t.strip() for t in a], [t.strip() for t in b], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            add("equal", a[i1:i2])
        else:
            add("delete", a[i1:i2])
            add("insert", b[j1:j2])
    return segments


def _key(clause: Clause) -> str:
    return clause.anchor or clause.citation


def compare_versions(old_version, new_version, with_comments: bool = False) -> dict:
    """Compare two versions: {"changes": [...], "unchanged": n, "added": n, ...}.

    Changes follow the order of the new version; removed clauses appear where they
    stood in the old one. Three queries (old clauses, new clauses, comments).
    """
    old = list(Clause.objects.filter(version=old_version).order_by("position"))
    new = list(Clause.objects.filter(version=new_version).order_by("position"))
    changes, unchanged = _changes(old, new)
    if with_comments:
        _attach_comments(changes, old_version)
    counts = {
        kind: sum(1 for c in changes if c.kind == kind) for kind in ("added", "removed", "changed")
    }
    return {"changes": changes, "unchanged": unchanged, **counts}


def _changes(old: list[Clause], new: list[Clause]) -> tuple[list[ClauseChange], int]:
    """(changes in the new version's order, number of unchanged clauses)."""
    old_by_key = {_key(c): c for c in old}
    new_keys = {_key(c) for c in new}
    changes: list[ClauseChange] = []
    # Removed clauses, by the key of the last clause before them that is still there.
    removed_after: dict[str | None, list[Clause]] = defaultdict(list)
    previous_key = None
    for clause in old:
        if _key(clause) in new_keys:
            previous_key = _key(clause)
        else:
            removed_after[previous_key].append(clause)

    def flush_removed(after_key):
        for clause in removed_after.pop(after_key, []):
            changes.append(ClauseChange("removed", clause, None))

    flush_removed(None)
    unchanged = 0
    for clause in new:
        before = old_by_key.get(_key(clause))
        if before is None:
            changes.append(ClauseChange("added", None, clause))
        elif (before.text or "").split() != (clause.text or "").split():
            changes.append(
                ClauseChange("changed", before, clause, word_diff(before.text, clause.text))
            )
        else:
            unchanged += 1
        if before is not None:
            flush_removed(_key(clause))
    for key in list(removed_after):
        flush_removed(key)
    return changes, unchanged


def _attach_comments(changes: list[ClauseChange], old_version) -> None:
    """Each change gets the comments made on its clause in this or an earlier version."""
    keys = {_key(c.old) for c in changes if c.old is not None}
    keys |= {_key(c.new) for c in changes if c.new is not None}
    by_anchor: dict[str, list] = defaultdict(list)
    comments = (
        ConsultationComment.objects.reportable()
        .filter(
            consultation_id=old_version.consultation_id,
            clause__anchor__in=[k for k in keys if k],
            clause__version__number__lte=old_version.number,
        )
        .select_related("clause", "response", "organisation", "user")
        .order_by("submit_date", "pk")
    )
    for comment in comments:
        by_anchor[comment.clause.anchor].append(comment)
    for change in changes:
        change.comments = by_anchor.get(change.anchor, [])
