"""Footnotes: told apart from points by the references to them earlier in the act."""

from __future__ import annotations

from .nodes import _join
from .patterns import (
    _FOOTNOTE_REF,
    _NUMBERED_FOOTNOTE,
    _SUPERSCRIPT_DIGITS,
    _SUPERSCRIPT_FOOTNOTE,
    _follows,
)
from .units import Level


class _FootnoteRules:
    """Part of the builder: sets footnotes aside."""

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
