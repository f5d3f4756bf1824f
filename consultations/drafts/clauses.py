"""Clause rows of a version of the act, made from the parser's units and kept consistent.

`build_clauses` stores a parsed text as the version's clauses (document order, parents
first); `recompute_references` derives every citation and anchor again after an official
corrected one clause, exactly as the parser derives them.
"""

from __future__ import annotations

from django.utils.text import slugify

from ..models import Clause, DraftActVersion
from .parsing import Unit


def _unit_refs(label: str, level: str, ancestors: tuple[str, ...], text: str = ""):
    """(anchor, citation) for a unit, derived exactly as the parser derives them."""
    try:
        unit = Unit(label=label, level=level, parent=tuple(ancestors), text=text, number="")
        return unit.anchor, unit.citation
    except (ValueError, KeyError):  # a label the parser's grammar does not know
        path = (*ancestors, label)
        return slugify("-".join(path)), " ".join(path)


def _unique(anchor: str, taken: set[str]) -> str:
    candidate, n = anchor or "jednostka", 2
    while candidate in taken:
        candidate = f"{anchor}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def build_clauses(version: DraftActVersion, units) -> int:
    """Create the version's clauses from parser units (document order), parents first."""
    by_path: dict[tuple, Clause] = {}
    taken: set[str] = set()
    pending = []
    for position, unit in enumerate(units, start=1):
        parent_path = tuple(unit.parent)
        clause = Clause(
            version=version,
            position=position,
            depth=len(parent_path),
            level=unit.level,
            label=unit.label[:60],
            citation=unit.citation[:255],
            anchor=_unique(unit.anchor[:190], taken),
            text=unit.text,
        )
        pending.append((clause, parent_path))
        by_path[(*parent_path, unit.label)] = clause
    # Insert depth by depth so that every parent has a primary key before its children.
    for depth in sorted({c.depth for c, _path in pending}):
        batch = []
        for clause, parent_path in pending:
            if clause.depth != depth:
                continue
            parent = by_path.get(parent_path) if parent_path else None
            if parent is not None and parent.pk is None:
                parent = None  # parser gave an ancestor that is not a unit: keep it flat
            clause.parent = parent
            batch.append(clause)
        created = Clause.objects.bulk_create(batch)
        if any(c.pk is None for c in created):  # backends without RETURNING
            pks = dict(
                Clause.objects.filter(version=version, depth=depth).values_list("position", "pk")
            )
            for c in created:
                c.pk = pks[c.position]
    return len(pending)


def recompute_references(version) -> None:
    clauses = list(version.clauses.order_by("position"))
    by_pk = {c.pk: c for c in clauses}
    taken: set[str] = set()
    for c in clauses:
        path = []
        parent = by_pk.get(c.parent_id)
        while parent is not None:
            path.append(parent.label)
            parent = by_pk.get(parent.parent_id)
        anchor, citation = _unit_refs(c.label, c.level, tuple(reversed(path)), c.text)
        c.anchor = f"tmp-{c.pk}"  # avoid transient clashes with the unique constraint
        c.citation = citation[:255]
        c._new_anchor = _unique(anchor[:190], taken)
    Clause.objects.bulk_update(clauses, ["anchor", "citation"])
    for c in clauses:
        c.anchor = c._new_anchor
    Clause.objects.bulk_update(clauses, ["anchor"])
