"""Text of attached documents, cached so re-indexing does not parse files again.

The parsing itself is `documents.extraction.extract_text` (TXT, DOCX, ODT, PDF,
within the limits of `documents`, which also logs why a file gave no text); this module
adds the cache (`DocumentText`, keyed by document id and the file's content hash) used by
the document adapter and `import_documents`.
"""

import logging

from documents.errors import DocumentError
from documents.extraction import extract_text, is_supported

from .models import DocumentText

logger = logging.getLogger(__name__)


def document_text(document) -> str:
    """The text inside a Wagtail document's file ("" for unsupported or unreadable files).

    Parsed once per file content: the result (or the error) is stored in
    DocumentText under the file's hash and reused until the file changes.
    """
    if not is_supported(document.filename):
        return ""
    file_hash = document.file_hash
    if not file_hash:
        try:
            file_hash = document.get_file_hash()
        except OSError:
            file_hash = ""
    cached = DocumentText.objects.filter(document_id=document.pk).first()
    if cached and file_hash and cached.file_hash == file_hash:
        return cached.text
    text, error = "", ""
    try:
        with document.open_file() as handle:
            text = extract_text(handle, document.filename)
    except DocumentError as exc:
        error = f"{exc.code}: {exc}"
    except OSError as exc:
        error = f"missing: {exc}"
        logger.warning("Cannot open document %s (%s): %s", document.pk, document.filename, exc)
    DocumentText.objects.update_or_create(
        document_id=document.pk,
        defaults={"file_hash": file_hash, "text": text, "error": error[:300]},
    )
    return text
