"""The document library's upload form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``).

A file the portal reads (TXT, DOCX, ODT, PDF) is read once on upload, within the limits
of ``documents``: a file that is damaged, of another format than its extension, or that
hits a limit is refused with its reason, so it never reaches the search worker. A file
that is merely not searchable (a scan without text, password-protected, very long) is
accepted; search then finds it by its title.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from .errors import DocumentError
from .extraction import extract_text, is_supported
from .messages import error_message

REFUSED = {"corrupt", "mismatch", "too_large", "too_complex", "timeout", "out_of_memory"}


class LibraryDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile) and is_supported(upload.name):
            try:
                extract_text(upload, upload.name)
            except DocumentError as exc:
                if exc.code in REFUSED:
                    raise ValidationError(error_message(exc, upload.name), code=exc.code) from exc
            finally:
                upload.seek(0)
        return upload
