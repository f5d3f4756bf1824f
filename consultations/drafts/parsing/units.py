"""Units of a Polish act: levels, canonical labels and anchors, the parse result."""

from __future__ import annotations

import re
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


class DoubtKind(StrEnum):
    """A choice the parser made that the text does not settle; the official should check it."""

    COLON_POINTS = "colon_points"  # "1." items after a colon read as points, not paragraphs
    POINT_OR_PARAGRAPH = "point_or_paragraph"  # a "2." that could continue either list
    IMPLIED_FIRST = "implied_first"  # "2." under a § whose own text is the unnumbered ust. 1
    LOST_BULLET = "lost_bullet"  # a list item whose bullet glyph was lost, read as a tiret
    RUN_ON = "run_on"  # a unit found inside a line whose line breaks were lost
    ROMAN_CHAPTER = "roman_chapter"  # "II. Title" above a § read as a chapter
    COVER_NOTE = "cover_note"  # an annex heading above the act's title set aside as a cover note
    POSSIBLE_HEADING = "possible_heading"  # the unit's last line may be a heading of the next one


@dataclass(frozen=True)
class Doubt:
    """``anchor`` is the unit concerned, or "" for the whole text."""

    anchor: str
    kind: DoubtKind


@dataclass(frozen=True)
class ParsedAct:
    title: str
    preamble: str
    units: list[Unit]
    footnotes: list[str] = field(default_factory=list)
    justification: str = ""
    doubts: list[Doubt] = field(default_factory=list)

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
