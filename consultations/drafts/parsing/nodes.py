"""The node under construction while an act is parsed."""

from __future__ import annotations

from dataclasses import dataclass, field

from .units import _RANK, Level


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
    # A point written "1." (as a paragraph would be) because its list follows a colon.
    dotted: bool = False

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
