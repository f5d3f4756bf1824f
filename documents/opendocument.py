"""ODT: paragraphs, headings, lists and tables in order; list numbers from the list styles."""

from __future__ import annotations

import io
import zipfile
from xml.parsers.expat import ExpatError

from odf.opendocument import load as load_odf

from .errors import DocumentError, UnreadableDocument
from .limits import Limits, TextBudget, check_zip, list_number, over
from .numbering import DASHES, format_number

_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
# Footnote bodies, comments and deleted text are not part of the wording.
_SKIP = {
    (_TEXT_NS, "note"),
    (_TEXT_NS, "tracked-changes"),
    (_TEXT_NS, "soft-page-break"),
    ("urn:oasis:names:tc:opendocument:xmlns:office:1.0", "annotation"),
}
_PARAGRAPHS = ((_TEXT_NS, "p"), (_TEXT_NS, "h"))
_ITEMS = ((_TEXT_NS, "list-item"), (_TEXT_NS, "list-header"))
# ODF has ten list levels; a prefix or suffix is a few characters ("§ ", ")").
_MAX_LEVELS = 10
_MAX_AFFIX = 64


def text_from_odt(data: bytes, filename: str, limits: Limits) -> str:
    check_zip(data, limits, "content.xml", "ODT")
    budget = TextBudget(limits)
    try:
        document = load_odf(io.BytesIO(data))
        lists = _Lists(document, limits)
        return "\n".join(budget.lines(_blocks(document.text, lists, budget)))
    except DocumentError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, ExpatError, AttributeError) as exc:
        raise UnreadableDocument(
            f"{filename!r} is damaged or not a valid ODT.", code="corrupt"
        ) from exc


def _blocks(element, lists: _Lists, budget: TextBudget, list_style=None, depth: int = 0):
    for child in element.childNodes:
        qname = getattr(child, "qname", None)
        if qname is None or qname in _SKIP:
            continue
        if qname in _PARAGRAPHS:
            yield _inline(child, budget)
        elif qname == (_TEXT_NS, "list"):
            yield from _list(child, lists, budget, list_style, depth)
        elif qname == (_TABLE_NS, "table-row"):
            cells = [
                " ".join(x for x in _blocks(cell, lists, budget) if x.strip()).strip()
                for cell in child.childNodes
                if getattr(cell, "qname", None) == (_TABLE_NS, "table-cell")
            ]
            if any(cells):
                yield " | ".join(cells)
        else:
            yield from _blocks(child, lists, budget, list_style, depth)


def _list(element, lists: _Lists, budget: TextBudget, list_style, depth: int):
    style = element.attributes.get((_TEXT_NS, "style-name")) or list_style
    if depth == 0:
        lists.start_list(element, style)
    for item in element.childNodes:
        if getattr(item, "qname", None) not in _ITEMS:
            continue
        numbered = item.qname == (_TEXT_NS, "list-item")
        prefix = lists.prefix(style, depth, item) if numbered else ""
        for i, line in enumerate(_blocks(item, lists, budget, style, depth + 1)):
            yield (prefix + line) if i == 0 and prefix else line


def _inline(element, budget: TextBudget) -> str:
    parts: list[str] = []

    def walk(node):
        for child in node.childNodes:
            if child.nodeType == child.TEXT_NODE:
                parts.append(child.data)
                continue
            qname = getattr(child, "qname", None)
            if qname in _SKIP:
                continue
            if qname == (_TEXT_NS, "s"):
                # <text:s text:c="N"/> stands for N spaces: count them before making them.
                count = max(1, _count(child.attributes.get((_TEXT_NS, "c"))))
                budget.spend(count)
                parts.append(" " * count)
            elif qname == (_TEXT_NS, "tab"):
                parts.append("\t")
            elif qname == (_TEXT_NS, "line-break"):
                parts.append("\n")
            else:
                walk(child)

    walk(element)
    return "".join(parts)


def _count(value) -> int:
    try:
        return int(value or 1)
    except ValueError:
        return 1


class _Lists:
    """Renders list numbers from ODF list styles (ODF stores the number in the style only)."""

    def __init__(self, document, limits: Limits):
        self.limits = limits
        self.styles: dict[str, dict[int, dict[str, str]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        for container in (document.automaticstyles, document.styles):
            for style in container.childNodes:
                if getattr(style, "qname", None) == (_TEXT_NS, "list-style"):
                    name = style.attributes.get((_STYLE_NS, "name"))
                    self.styles.setdefault(name, self._levels(style))

    def _levels(self, style) -> dict[int, dict[str, str]]:
        levels = {}
        for level in style.childNodes:
            qname = getattr(level, "qname", None)
            if qname not in (
                (_TEXT_NS, "list-level-style-number"),
                (_TEXT_NS, "list-level-style-bullet"),
            ):
                continue
            attrs = {name: value for (_ns, name), value in level.attributes.items()}
            attrs["kind"] = qname[1]
            affixes = attrs.get("num-prefix", "") + attrs.get("num-suffix", "")
            if len(affixes) > _MAX_AFFIX:
                raise over("too_complex", "A list number's prefix is too long.", _MAX_AFFIX)
            attrs["start-value"] = list_number(attrs.get("start-value"), 1, self.limits)
            levels[list_number(attrs.get("level"), 1, self.limits) - 1] = attrs
        return levels

    def start_list(self, element, style: str | None) -> None:
        attrs = element.attributes
        continues = attrs.get((_TEXT_NS, "continue-numbering")) == "true" or attrs.get(
            (_TEXT_NS, "continue-list")
        )
        if not continues:
            self.counters[style] = {}

    def prefix(self, style: str | None, depth: int, item) -> str:
        level = self.styles.get(style, {}).get(depth)
        if level is None:
            return ""
        if level["kind"] == "list-level-style-bullet":
            bullet = level.get("bullet-char", "•")
            return (bullet if bullet in DASHES else "•") + " "
        counters = self.counters.setdefault(style, {})
        override = item.attributes.get((_TEXT_NS, "start-value"))
        if override:
            counters[depth] = list_number(override, 1, self.limits)
        else:
            counters[depth] = counters.get(depth, level["start-value"] - 1) + 1
        if counters[depth] > self.limits.max_list_number:
            raise over("too_complex", "A list runs past its limit.", self.limits.max_list_number)
        for deeper in [k for k in counters if k > depth]:
            del counters[deeper]
        if not level.get("num-format", "1"):
            return ""
        shown = min(list_number(level.get("display-levels"), 1, self.limits), _MAX_LEVELS)
        numbers = [
            format_number(counters.get(d, 1), self._fmt(style, d))
            for d in range(depth - shown + 1, depth + 1)
            if d >= 0
        ]
        return level.get("num-prefix", "") + ".".join(numbers) + level.get("num-suffix", "") + " "

    def _fmt(self, style: str | None, depth: int) -> str:
        return self.styles.get(style, {}).get(depth, {}).get("num-format", "1")
