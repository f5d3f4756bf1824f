"""What reading one document may cost, and the checks that enforce it before and while parsing.

The values come from ``settings.DOCUMENT_EXTRACTION`` (keys as the field names, upper-case);
see docs/documents.md. Everything here runs inside the sandboxed child (`documents.sandbox`),
so a check that is missed still ends at the CPU-time or memory limit.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, fields
from xml.parsers import expat

from .errors import DocumentOverLimit, UnreadableDocument, damaged

MB = 1024 * 1024
_CHUNK = 64 * 1024
# Parts smaller than this are not held to the compression ratio: short, repetitive XML
# (styles, settings) compresses far better than text does.
_RATIO_FLOOR = MB


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 20 * MB  # the uploaded file
    max_part_bytes: int = 64 * MB  # one unpacked part: a zip member or a PDF content stream
    max_unpacked_bytes: int = 256 * MB  # all zip members together
    max_compression_ratio: int = 200  # unpacked / packed size of one zip member
    max_zip_entries: int = 5_000
    max_xml_depth: int = 200  # nesting of XML elements
    max_chars: int = 5_000_000  # text produced
    max_pages: int = 3_000  # PDF pages
    max_list_number: int = 100_000  # list start values and numbering counters
    cpu_seconds: int = 20  # CPU time of the reading child process
    wall_seconds: int = 40  # wall-clock time the caller waits for it
    memory_mb: int = 1024  # address space the child may add to what it inherits

    @classmethod
    def from_settings(cls) -> Limits:
        from django.conf import settings

        configured = getattr(settings, "DOCUMENT_EXTRACTION", {}) or {}
        known = {f.name for f in fields(cls)}
        values = {k.lower(): v for k, v in configured.items() if k.lower() in known}
        return cls(**values)


def over(code: str, message: str, limit=None) -> DocumentOverLimit:
    return DocumentOverLimit(message, code=code, limit=limit)


class TextBudget:
    """Counts the characters a parser produces and stops it at ``max_chars``."""

    def __init__(self, limits: Limits):
        self.left = limits.max_chars
        self.limit = limits.max_chars

    def spend(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            raise over("too_long", f"More than {self.limit} characters of text.", self.limit)

    def lines(self, lines):
        """Pass lines through, counting each with its line break."""
        for line in lines:
            self.spend(len(line) + 1)
            yield line


def list_number(value, default: int, limits: Limits) -> int:
    """A list start value or counter from the file, refused when absurd ("1e18" items)."""
    try:
        number = int(str(value).strip()) if value not in (None, "") else default
    except ValueError:
        return default
    if abs(number) > limits.max_list_number:
        raise over(
            "too_complex",
            f"List number {str(value)[:30]} is beyond {limits.max_list_number}.",
            limits.max_list_number,
        )
    return number


def check_zip(data: bytes, limits: Limits, required: str, kind: str) -> None:
    """Refuse a DOCX/ODT package before a parser unpacks it.

    Declared sizes and ratios are checked first (zipfile never unpacks more than a member
    declares); then every XML part is read in chunks through expat, which refuses a
    DOCTYPE (neither format uses one: entity expansion and external entities start
    there) and nesting deeper than ``max_xml_depth``.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise damaged("The package", kind) from exc
    names = {m.filename for m in members}
    if required not in names:
        raise damaged(f"The package (no {required})", kind)
    if len(members) > limits.max_zip_entries:
        raise over("too_complex", f"More than {limits.max_zip_entries} parts.")
    total = 0
    for member in members:
        _check_member_size(member, limits)
        total += member.file_size
        if total > limits.max_unpacked_bytes:
            raise over("too_large", "The parts unpack to too much.", limits.max_unpacked_bytes)
    for member in members:
        if member.filename.endswith((".xml", ".rels")):
            _scan_xml(archive, member, limits)


def _check_member_size(member: zipfile.ZipInfo, limits: Limits) -> None:
    if member.file_size > limits.max_part_bytes:
        raise over("too_large", f"{member.filename} unpacks too large.", limits.max_part_bytes)
    packed = max(member.compress_size, 1)
    if member.file_size > _RATIO_FLOOR and member.file_size / packed > limits.max_compression_ratio:
        raise over(
            "too_large",
            f"{member.filename} is compressed {member.file_size // packed}:1.",
            limits.max_part_bytes,
        )


class _Refused(Exception):
    pass


def _scan_xml(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: Limits) -> None:
    parser = expat.ParserCreate()
    depth = 0

    def start(_name, _attrs):
        nonlocal depth
        depth += 1
        if depth > limits.max_xml_depth:
            raise _Refused(f"{member.filename} nests deeper than {limits.max_xml_depth}.")

    def end(_name):
        nonlocal depth
        depth -= 1

    def doctype(*_args):
        raise _Refused(f"{member.filename} declares a DOCTYPE.")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    read = 0
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                if read > limits.max_part_bytes:
                    raise over("too_large", f"{member.filename} unpacks too large.")
                parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Refused as exc:
        raise over("too_complex", str(exc), limits.max_xml_depth) from None
    except (
        expat.ExpatError,
        zipfile.BadZipFile,
        EOFError,
        OSError,
        NotImplementedError,
        RuntimeError,
    ) as exc:
        raise UnreadableDocument(f"{member.filename} is damaged.", code="corrupt") from exc
