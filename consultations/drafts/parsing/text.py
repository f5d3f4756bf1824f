"""Text clean-up before parsing: spaces, ligatures, PDF noise, and where quotations run."""

from __future__ import annotations

import re
import unicodedata

from .reflow import Origin, mark_roman_chapters, restore_bullet, split_run_on

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"}
_LIGATURE = re.compile("|".join(_LIGATURES))

_NOISE = [
    re.compile(r"^[-–—]\s*\d{1,4}\s*[-–—]$"),  # - 3 -
    re.compile(r"^(?:strona|str\.)\s*\d{1,4}(?:\s*(?:z|/)\s*\d{1,4})?$", re.IGNORECASE),
    re.compile(r"^\d{1,4}\s*(?:/|z)\s*\d{1,4}$"),  # 2/5, 2 z 5
    re.compile(r"^\d{1,3}$"),  # a bare page number
    re.compile(r"^\(\d{1,3}\)$"),  # (2): a page marker of some PDF-to-text services
    # The running header of the voivodeship gazette: "Dziennik Urzędowy… – 2 – Poz. 6457".
    re.compile(r"^(?:Dziennik Urzędowy\b.*?)?[–—-]\s*\d{1,4}\s*[–—-]\s*Poz\.\s*\d+$"),
    # The footer of acts drafted in the government's Legislator editor.
    re.compile(r"^Id:\s*[0-9A-F]{8}(?:-[0-9A-F]{4}){3}-[0-9A-F]{12}\b.*$", re.IGNORECASE),
]


# Page furniture caught inside a line when the PDF's line breaks were lost.
_NOISE_INSIDE = re.compile(
    r"\s*\bId:\s*[0-9A-F][0-9A-F -]{20,40}\.\s*(?:Podpisany|Projekt|Uchwalony|Przyjęty)?\s*"
    r"Strona\s*\d{1,4}(?:\s*z\s*\d{1,4})?"
    r"|\s*\bDziennik Urzędowy Województwa [\w-]+ [–—-] \d{1,4} [–—-] Poz\. \d+"
    r"|\s*\bStrona \d{1,4} z \d{1,4}\b"
)

# A page number run into the annex heading that starts the page ("2 Załącznik nr 1").
_PAGE_NUMBER_BEFORE_ANNEX = re.compile(r"^\d{1,3}\s+(?=(?:Załącznik|ZAŁĄCZNIK)\b)")


def _prepare_lines(text: str) -> tuple[list[str], list[str]]:
    """The cleaned lines, and for each the ``Origin`` of a change made to it (or "")."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    text = _LIGATURE.sub(lambda m: _LIGATURES[m.group(0)], text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = re.sub(r"\u00ad[ \t]*\n[ \t]*", "", text).replace("\u00ad", "")
    lines: list[str] = []
    origins: list[str] = []
    previous = ""
    for raw in text.split("\n"):
        line = _NOISE_INSIDE.sub(" ", _SPACES.sub(" ", raw)).strip()
        if any(p.match(line) for p in _NOISE):
            line = ""
        line = _PAGE_NUMBER_BEFORE_ANNEX.sub("", line)
        pieces = split_run_on(line)
        for piece in pieces:
            bulleted = restore_bullet(raw, piece, previous) if piece is pieces[0] else None
            lines.append(bulleted or piece)
            origins.append(Origin.BULLET if bulleted else Origin.SPLIT if len(pieces) > 1 else "")
            previous = piece or previous
    mark_roman_chapters(lines, origins)
    return lines, origins


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
