"""The one entry point: the text of an uploaded document, read within limits.

The output is generic: one line per paragraph, list numbering rendered where the file only
stores it as a style ("1)", "a)", "–"), table rows as cells joined by " | ", PDF pages
separated by a blank line. Callers show ``documents.messages.error_message(exc)``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from os import PathLike
from pathlib import Path
from typing import IO

from .errors import DocumentError, UnreadableDocument, UnsupportedDocument, damaged
from .limits import Limits, over
from .opendocument import text_from_odt
from .pdf import text_from_pdf
from .plain import text_from_txt
from .sandbox import run_limited
from .word import text_from_docx

logger = logging.getLogger(__name__)

SUPPORTED_EXTENSIONS = (".txt", ".docx", ".odt", ".pdf")
_EXTRACTORS: dict[str, Callable[[bytes, str, Limits], str]] = {
    ".txt": text_from_txt,
    ".docx": text_from_docx,
    ".odt": text_from_odt,
    ".pdf": text_from_pdf,
}

Source = str | PathLike | IO[bytes]


def is_supported(filename: str) -> bool:
    return Path(filename or "").suffix.lower() in SUPPORTED_EXTENSIONS


def extract_text(path_or_file: Source, filename: str | None = None, *, limits=None) -> str:
    """The text of a document, lines separated by ``\\n``.

    ``path_or_file`` is a path or a binary file object (e.g. a Django ``UploadedFile``);
    ``filename`` decides the format by its extension and defaults to the path's name.
    The parsing runs in a child process within ``limits`` (default: from settings).
    Raises ``UnsupportedDocument``, ``UnreadableDocument`` or ``DocumentOverLimit`` (all
    ``DocumentError``, a ``ValueError``); each is also logged as a warning.
    """
    if filename is None:
        filename = str(getattr(path_or_file, "name", None) or path_or_file)
    limits = limits or Limits.from_settings()
    try:
        return _extract(path_or_file, filename, limits)
    except DocumentError as exc:
        exc.filename = filename
        logger.warning("No text from %r (%s): %s", filename, exc.code, exc)
        raise


def _extract(path_or_file: Source, filename: str, limits: Limits) -> str:
    extension = Path(filename).suffix.lower()
    if extension not in _EXTRACTORS:
        supported = ", ".join(SUPPORTED_EXTENSIONS)
        raise UnsupportedDocument(
            f"Unsupported file type {extension or '(none)'!r}; upload one of: {supported}."
        )
    data = _read_bytes(path_or_file, limits)
    if not data.strip():
        raise UnreadableDocument("The file is empty.", code="empty")
    _check_kind(data, extension)
    text = run_limited(_EXTRACTORS[extension], data, filename, limits, limits=limits)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableDocument("The file contains no text.", code="no_text")
    return text


def _read_bytes(path_or_file: Source, limits: Limits) -> bytes:
    """At most ``max_file_bytes`` (one more byte tells that the file is larger)."""
    allowed = limits.max_file_bytes
    if hasattr(path_or_file, "read"):
        if getattr(path_or_file, "seekable", lambda: False)():
            path_or_file.seek(0)
        data = path_or_file.read(allowed + 1)
        data = data.encode() if isinstance(data, str) else data
    else:
        try:
            with open(path_or_file, "rb") as handle:
                data = handle.read(allowed + 1)
        except FileNotFoundError as exc:
            raise UnreadableDocument("File not found.", code="missing") from exc
        except OSError as exc:
            raise UnreadableDocument(
                f"Cannot read: {exc.strerror or exc}.", code="missing"
            ) from exc
    if len(data) > allowed:
        raise over("too_large", f"The file is larger than {allowed} bytes.", allowed)
    return data


_SIGNATURES = {b"PK\x03\x04": "zip", b"%PDF-": "pdf"}
_EXPECTED = {".docx": "zip", ".odt": "zip", ".pdf": "pdf", ".txt": None}


def _check_kind(data: bytes, extension: str) -> None:
    """Refuse content of another format than the extension says (a PDF named .docx)."""
    found = next((kind for sig, kind in _SIGNATURES.items() if data.startswith(sig)), None)
    if found is None and extension == ".pdf" and b"%PDF-" in data[:1024]:
        found = "pdf"  # PDF allows bytes before the header
    expected = _EXPECTED[extension]
    if found != expected and (found is not None or expected == "pdf"):
        if found is None:
            raise damaged("The file", "PDF")
        raise UnreadableDocument(f"The content is {found}, not {extension}.", code="mismatch")
