"""Plain text out of uploaded documents: TXT, DOCX, ODT and PDF.

Used for draft acts (``parsing.parse_act`` reads the result) and for attachments that the
search index reads, so the output is generic: one line per paragraph, list numbering rendered
where the file only stores it as a style ("1)", "a)", "–"), table rows as cells joined by
" | ". No Django here; callers translate the errors' ``code`` into messages for people.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from os import PathLike
from pathlib import Path
from typing import IO
from xml.parsers.expat import ExpatError

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml.etree import XMLSyntaxError
from odf.opendocument import load as load_odf
from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

SUPPORTED_EXTENSIONS = (".txt", ".docx", ".odt", ".pdf")


class DocumentError(ValueError):
    """A document that cannot be turned into text. ``code`` says why, for translated messages."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None, filename: str = ""):
        super().__init__(message)
        self.code = code or self.code
        self.filename = filename


class UnsupportedDocument(DocumentError):
    """The file type is not one we read (``.doc``, ``.rtf``, images...)."""

    code = "unsupported"


class UnreadableDocument(DocumentError):
    """A supported type, but the file is missing, damaged, encrypted or holds no text.

    ``code`` is one of ``missing``, ``empty``, ``corrupt``, ``encrypted``, ``no_text``.
    """

    code = "corrupt"


Source = str | PathLike | IO[bytes]


def extract_text(path_or_file: Source, filename: str | None = None) -> str:
    """The text of a document, lines separated by ``\\n``.

    ``path_or_file`` is a path or a binary file object (e.g. a Django ``UploadedFile``);
    ``filename`` decides the format by its extension and defaults to the path's name.
    Raises ``UnsupportedDocument`` or ``UnreadableDocument`` (both ``ValueError``).
    """
    if filename is None:
        filename = str(getattr(path_or_file, "name", None) or path_or_file)
    extension = Path(filename).suffix.lower()
    extractor = _EXTRACTORS.get(extension)
    if extractor is None:
        supported = ", ".join(SUPPORTED_EXTENSIONS)
        raise UnsupportedDocument(
            f"Unsupported file type {extension or '(none)'!r} for {filename!r}; "
            f"upload one of: {supported}.",
            filename=filename,
        )
    data = _read_bytes(path_or_file, filename)
    if not data.strip():
        raise UnreadableDocument(f"{filename!r} is empty.", code="empty", filename=filename)
    text = extractor(data, filename)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableDocument(
            f"{filename!r} contains no text.", code="no_text", filename=filename
        )
    return text


def _read_bytes(path_or_file: Source, filename: str) -> bytes:
    if hasattr(path_or_file, "read"):
        if getattr(path_or_file, "seekable", lambda: False)():
            path_or_file.seek(0)
        data = path_or_file.read()
        if isinstance(data, str):
            return data.encode()
        return data
    try:
        return Path(path_or_file).read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableDocument(
            f"File not found: {filename!r}.", code="missing", filename=filename
        ) from exc
    except OSError as exc:
        raise UnreadableDocument(
            f"Cannot read {filename!r}: {exc.strerror or exc}.", code="missing", filename=filename
        ) from exc


def _corrupt(filename: str, kind: str) -> UnreadableDocument:
    return UnreadableDocument(
        f"{filename!r} is damaged or is not a valid {kind} document.",
        code="corrupt",
        filename=filename,
    )


# --- TXT -------------------------------------------------------------------------------------


def _text_from_txt(data: bytes, filename: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise _corrupt(filename, "text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Windows Notepad and older office systems in Poland save as cp1250.
        return data.decode("cp1250")
    except UnicodeDecodeError:
        return data.decode("iso-8859-2")


# --- DOCX ------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees whose text is not part of the visible wording: deletions in tracked changes,
# duplicate fallbacks of drawings, field codes, paragraph/run properties.
_DOCX_SKIP = {f"{_W}del", f"{_W}pPr", f"{_W}rPr", f"{_W}instrText", _MC_FALLBACK}
_DASHES = "–—-•·"


def _text_from_docx(data: bytes, filename: str) -> str:
    try:
        document = docx.Document(io.BytesIO(data))
        numbering = _DocxNumbering(document)
        lines = list(_docx_blocks(document.element.body, numbering))
    except (PackageNotFoundError, zipfile.BadZipFile, XMLSyntaxError, KeyError, ValueError) as exc:
        raise _corrupt(filename, "DOCX") from exc
    return "\n".join(lines)


def _docx_blocks(container, numbering: _DocxNumbering):
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            yield numbering.prefix(child) + _docx_run_text(child)
        elif child.tag == f"{_W}tbl":
            yield from _docx_table(child, numbering)
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _docx_blocks(content, numbering)


def _docx_table(table, numbering: _DocxNumbering):
    for row in table.iterchildren(f"{_W}tr"):
        cells = []
        for cell in row.iterchildren(f"{_W}tc"):
            text = " ".join(line for line in _docx_blocks(cell, numbering) if line.strip())
            cells.append(text.strip())
        if any(cells):
            yield " | ".join(cells)


def _docx_run_text(element) -> str:
    parts: list[str] = []

    def walk(node):
        for child in node.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _DOCX_SKIP:
                continue
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag == f"{_W}tab":
                parts.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{_W}softHyphen":
                parts.append("\u00ad")
            else:
                walk(child)

    walk(element)
    return "".join(parts)


class _DocxNumbering:
    """Renders Word's automatic list numbers ("1)", "a)", "§ 1.") that are not in the text."""

    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.styles = document.styles.element
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError):
            return
        abstract = {}
        for node in root.iterchildren(f"{_W}abstractNum"):
            abstract[node.get(f"{_W}abstractNumId")] = self._read_levels(node)
        for num in root.iterchildren(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            levels = dict(abstract.get(ref.get(f"{_W}val") if ref is not None else None, {}))
            for override in num.iterchildren(f"{_W}lvlOverride"):
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                start = override.find(f"{_W}startOverride")
                if start is not None and ilvl in levels:
                    fmt, text, _start = levels[ilvl]
                    levels[ilvl] = (fmt, text, int(start.get(f"{_W}val", "1")))
            self.levels[num.get(f"{_W}numId")] = levels

    @staticmethod
    def _read_levels(node) -> dict[int, tuple[str, str, int]]:
        levels = {}
        for lvl in node.iterchildren(f"{_W}lvl"):

            def val(tag, default, lvl=lvl):
                child = lvl.find(f"{_W}{tag}")
                return child.get(f"{_W}val", default) if child is not None else default

            levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                val("numFmt", "decimal"),
                val("lvlText", ""),
                int(val("start", "1")),
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
            int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0,
        )

    def _style_num_pr(self, style_id, depth=0):
        if not style_id or depth > 10:
            return None
        for style in self.styles.iterchildren(f"{_W}style"):
            if style.get(f"{_W}styleId") == style_id:
                ppr = style.find(f"{_W}pPr")
                num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
                if num_pr is not None:
                    return num_pr
                based = style.find(f"{_W}basedOn")
                return self._style_num_pr(
                    based.get(f"{_W}val") if based is not None else None, depth + 1
                )
        return None

    def prefix(self, paragraph) -> str:
        num_id, ilvl = self._num_pr(paragraph)
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, text, _start = levels[ilvl]
        if fmt == "bullet":
            return (text if text in _DASHES else "•") + " "
        if fmt == "none":
            return ""
        for level, (level_fmt, _text, start) in levels.items():
            value = counters.get(level, start)
            text = text.replace(f"%{level + 1}", _format_number(value, level_fmt))
        return text + " " if text else ""


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter", "a", "A"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt in ("upperLetter", "A") else letters
    if fmt in ("lowerRoman", "upperRoman", "i", "I"):
        roman = _roman(value)
        return roman.lower() if fmt in ("lowerRoman", "i") else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    numerals = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    result = ""
    for number, numeral in numerals:
        while value >= number:
            result += numeral
            value -= number
    return result


# --- ODT -------------------------------------------------------------------------------------

_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
# Footnote bodies, comments and deleted text are not part of the wording.
_ODT_SKIP = {
    (_TEXT_NS, "note"),
    (_TEXT_NS, "tracked-changes"),
    (_TEXT_NS, "soft-page-break"),
    ("urn:oasis:names:tc:opendocument:xmlns:office:1.0", "annotation"),
}


def _text_from_odt(data: bytes, filename: str) -> str:
    try:
        document = load_odf(io.BytesIO(data))
        lists = _OdtLists(document)
        lines = list(_odt_blocks(document.text, lists))
    except (zipfile.BadZipFile, KeyError, ValueError, ExpatError, AttributeError) as exc:
        raise _corrupt(filename, "ODT") from exc
    return "\n".join(lines)


def _odt_blocks(element, lists: _OdtLists, list_style: str | None = None, depth: int = 0):
    for child in element.childNodes:
        qname = getattr(child, "qname", None)
        if qname is None or qname in _ODT_SKIP:
            continue
        if qname in ((_TEXT_NS, "p"), (_TEXT_NS, "h")):
            yield _odt_inline(child)
        elif qname == (_TEXT_NS, "list"):
            style = child.attributes.get((_TEXT_NS, "style-name")) or list_style
            if depth == 0:
                lists.start_list(child, style)
            for item in child.childNodes:
                if getattr(item, "qname", None) not in (
                    (_TEXT_NS, "list-item"),
                    (_TEXT_NS, "list-header"),
                ):
                    continue
                numbered = item.qname == (_TEXT_NS, "list-item")
                prefix = lists.prefix(style, depth, item) if numbered else ""
                for i, line in enumerate(_odt_blocks(item, lists, style, depth + 1)):
                    yield (prefix + line) if i == 0 and prefix else line
        elif qname == (_TABLE_NS, "table-row"):
            cells = [
                " ".join(x for x in _odt_blocks(cell, lists) if x.strip()).strip()
                for cell in child.childNodes
                if getattr(cell, "qname", None) == (_TABLE_NS, "table-cell")
            ]
            if any(cells):
                yield " | ".join(cells)
        else:
            yield from _odt_blocks(child, lists, list_style, depth)


def _odt_inline(element) -> str:
    parts: list[str] = []

    def walk(node):
        for child in node.childNodes:
            if child.nodeType == child.TEXT_NODE:
                parts.append(child.data)
                continue
            qname = getattr(child, "qname", None)
            if qname in _ODT_SKIP:
                continue
            if qname == (_TEXT_NS, "s"):
                parts.append(" " * int(child.attributes.get((_TEXT_NS, "c"), "1")))
            elif qname == (_TEXT_NS, "tab"):
                parts.append("\t")
            elif qname == (_TEXT_NS, "line-break"):
                parts.append("\n")
            else:
                walk(child)

    walk(element)
    return "".join(parts)


class _OdtLists:
    """Renders list numbers from ODF list styles (ODF stores the number in the style only)."""

    def __init__(self, document):
        self.styles: dict[str, dict[int, dict[str, str]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        for container in (document.automaticstyles, document.styles):
            for style in container.childNodes:
                if getattr(style, "qname", None) != (_TEXT_NS, "list-style"):
                    continue
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
                    levels[int(attrs.get("level", "1")) - 1] = attrs
                name = style.attributes.get((_STYLE_NS, "name"))
                self.styles.setdefault(name, levels)

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
            return (bullet if bullet in _DASHES else "•") + " "
        counters = self.counters.setdefault(style, {})
        override = item.attributes.get((_TEXT_NS, "start-value"))
        start = int(override or level.get("start-value", "1"))
        counters[depth] = start if override else counters.get(depth, start - 1) + 1
        for deeper in [k for k in counters if k > depth]:
            del counters[deeper]
        fmt = level.get("num-format", "1")
        if not fmt:
            return ""
        shown = int(level.get("display-levels", "1"))
        numbers = [
            _format_number(counters.get(d, 1), self._fmt(style, d))
            for d in range(depth - shown + 1, depth + 1)
            if d >= 0
        ]
        prefix = level.get("num-prefix", "") + ".".join(numbers) + level.get("num-suffix", "")
        return prefix + " "

    def _fmt(self, style: str | None, depth: int) -> str:
        return self.styles.get(style, {}).get(depth, {}).get("num-format", "1")


# --- PDF -------------------------------------------------------------------------------------


def _text_from_pdf(data: bytes, filename: str) -> str:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument(
                f"{filename!r} is encrypted and cannot be read.",
                code="encrypted",
                filename=filename,
            )
        pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
    except DocumentError:
        raise
    except (FileNotDecryptedError, DependencyError) as exc:
        # DependencyError: AES encryption needs the optional "cryptography" package.
        raise UnreadableDocument(
            f"{filename!r} is encrypted and cannot be read.", code="encrypted", filename=filename
        ) from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise _corrupt(filename, "PDF") from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise UnreadableDocument(
            f"{filename!r} has no text layer (a scanned image?); upload a DOCX, ODT or a "
            "PDF with text, or paste the text.",
            code="no_text",
            filename=filename,
        )
    return text


_EXTRACTORS: dict[str, Callable[[bytes, str], str]] = {
    ".txt": _text_from_txt,
    ".docx": _text_from_docx,
    ".odt": _text_from_odt,
    ".pdf": _text_from_pdf,
}
