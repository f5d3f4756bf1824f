"""PDF: the text layer of each page, pages separated by a blank line."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError

from .errors import DocumentError, UnreadableDocument
from .limits import Limits, TextBudget, over


def text_from_pdf(data: bytes, filename: str, limits: Limits) -> str:
    budget = TextBudget(limits)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _encrypted(filename)
        if len(reader.pages) > limits.max_pages:
            raise over("too_many_pages", f"More than {limits.max_pages} pages.", limits.max_pages)
        pages = [_page_text(page, limits, budget) for page in reader.pages]
    except DocumentError:
        raise
    except (FileNotDecryptedError, DependencyError) as exc:
        # DependencyError: AES encryption needs the optional "cryptography" package.
        raise _encrypted(filename) from exc
    except LimitReachedError as exc:
        raise over("too_large", f"A stream in {filename!r} unpacks too large.") from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise UnreadableDocument(
            f"{filename!r} is damaged or not a valid PDF.", code="corrupt"
        ) from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise UnreadableDocument(
            f"{filename!r} has no text layer (a scanned image?).", code="no_text"
        )
    return text


def _page_text(page, limits: Limits, budget: TextBudget) -> str:
    # The content stream is unpacked (C zlib, bounded by pypdf) and measured before the
    # slow part, turning its operators into text, starts on it.
    contents = page.get_contents()
    if contents is not None and len(contents.get_data()) > limits.max_part_bytes:
        raise over("too_large", "A page's content unpacks too large.", limits.max_part_bytes)
    text = (page.extract_text() or "").strip("\n")
    budget.spend(len(text) + 2)
    return text


def _encrypted(filename: str) -> UnreadableDocument:
    return UnreadableDocument(f"{filename!r} is encrypted and cannot be read.", code="encrypted")
