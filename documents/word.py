"""DOCX: paragraphs, tables and content controls in order; Word's list numbers rendered."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml.etree import XMLSyntaxError

from .errors import DocumentError, UnreadableDocument
from .limits import Limits, TextBudget, check_zip, list_number, over
from .numbering import DASHES, format_number

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees whose text is not part of the visible wording: deletions in tracked changes,
# duplicate fallbacks of drawings, field codes, paragraph/run properties.
_SKIP = {f"{_W}del", f"{_W}pPr", f"{_W}rPr", f"{_W}instrText", _MC_FALLBACK}
# Word writes level texts such as "%1.%2)"; a longer one is not a list number.
_MAX_LEVEL_TEXT = 64


def text_from_docx(data: bytes, filename: str, limits: Limits) -> str:
    check_zip(data, limits, "[Content_Types].xml", "DOCX")
    budget = TextBudget(limits)
    try:
        document = docx.Document(io.BytesIO(data))
        numbering = _Numbering(document, limits)
        return "\n".join(budget.lines(_blocks(document.element.body, numbering)))
    except DocumentError:
        raise
    except (PackageNotFoundError, zipfile.BadZipFile, XMLSyntaxError, KeyError, ValueError) as exc:
        raise UnreadableDocument(
            f"{filename!r} is damaged or not a valid DOCX.", code="corrupt"
        ) from exc


def _blocks(container, numbering: _Numbering):
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            yield numbering.prefix(child) + _run_text(child)
        elif child.tag == f"{_W}tbl":
            yield from _table(child, numbering)
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content, numbering)


def _table(table, numbering: _Numbering):
    for row in table.iterchildren(f"{_W}tr"):
        cells = []
        for cell in row.iterchildren(f"{_W}tc"):
            text = " ".join(line for line in _blocks(cell, numbering) if line.strip())
            cells.append(text.strip())
        if any(cells):
            yield " | ".join(cells)


_INLINE = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def _run_text(element) -> str:
    parts: list[str] = []
    for node in element.iterdescendants():
        tag = node.tag
        if not isinstance(tag, str) or _skipped(node, element):
            continue
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag in _INLINE:
            parts.append(_INLINE[tag])
        elif tag == f"{_W}softHyphen":
            parts.append("\u00ad")
    return "".join(parts)


def _skipped(node, stop) -> bool:
    """Whether the node or one of its ancestors below ``stop`` is a skipped subtree."""
    while node is not None and node is not stop:
        if node.tag in _SKIP:
            return True
        node = node.getparent()
    return False


class _Numbering:
    """Renders Word's automatic list numbers ("1)", "a)", "§ 1.") that are not in the text."""

    def __init__(self, document, limits: Limits):
        self.limits = limits
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.styles: dict = {}
        for style in document.styles.element.iterchildren(f"{_W}style"):
            self.styles.setdefault(style.get(f"{_W}styleId"), style)  # Word uses the first
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError):
            return
        abstract = {
            node.get(f"{_W}abstractNumId"): self._read_levels(node)
            for node in root.iterchildren(f"{_W}abstractNum")
        }
        for num in root.iterchildren(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            levels = dict(abstract.get(ref.get(f"{_W}val") if ref is not None else None, {}))
            for override in num.iterchildren(f"{_W}lvlOverride"):
                ilvl = list_number(override.get(f"{_W}ilvl"), 0, limits)
                start = override.find(f"{_W}startOverride")
                if start is not None and ilvl in levels:
                    fmt, text, _start = levels[ilvl]
                    levels[ilvl] = (fmt, text, list_number(start.get(f"{_W}val"), 1, limits))
            self.levels[num.get(f"{_W}numId")] = levels

    def _read_levels(self, node) -> dict[int, tuple[str, str, int]]:
        levels = {}
        for lvl in node.iterchildren(f"{_W}lvl"):

            def val(tag, default, lvl=lvl):
                child = lvl.find(f"{_W}{tag}")
                return child.get(f"{_W}val", default) if child is not None else default

            text = val("lvlText", "")
            if len(text) > _MAX_LEVEL_TEXT:
                raise over("too_complex", "A list level text is too long.", _MAX_LEVEL_TEXT)
            levels[list_number(lvl.get(f"{_W}ilvl"), 0, self.limits)] = (
                val("numFmt", "decimal"),
                text,
                list_number(val("start", "1"), 1, self.limits),
            )
        return levels

    def _num_pr(self, paragraph):
        ppr = paragraph.find(f"{_W}pPr")
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if num_pr is None and ppr is not None:
            style = ppr.find(f"{_W}pStyle")
            if style is not None:
                num_pr = self._style_num_pr(style.get(f"{_W}val"))
        if num_pr is None:
            return None, 0
        num_id = num_pr.find(f"{_W}numId")
        ilvl = num_pr.find(f"{_W}ilvl")
        return (
            num_id.get(f"{_W}val") if num_id is not None else None,
            list_number(ilvl.get(f"{_W}val") if ilvl is not None else None, 0, self.limits),
        )

    def _style_num_pr(self, style_id):
        for _depth in range(10):
            style = self.styles.get(style_id)
            if style is None:
                return None
            ppr = style.find(f"{_W}pPr")
            num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
            if num_pr is not None:
                return num_pr
            based = style.find(f"{_W}basedOn")
            style_id = based.get(f"{_W}val") if based is not None else None
        return None

    def prefix(self, paragraph) -> str:
        num_id, ilvl = self._num_pr(paragraph)
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][2] - 1) + 1
        if counters[ilvl] > self.limits.max_list_number:
            raise over("too_complex", "A list runs past its limit.", self.limits.max_list_number)
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, text, _start = levels[ilvl]
        if fmt == "bullet":
            return (text if text in DASHES else "•") + " "
        if fmt == "none":
            return ""
        for level, (level_fmt, _text, start) in levels.items():
            if f"%{level + 1}" in text:
                value = counters.get(level, start)
                text = text.replace(f"%{level + 1}", format_number(value, level_fmt))
        return text + " " if text else ""
