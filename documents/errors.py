"""Why a document gives no text. No Django here: `documents.messages` words them for people."""


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

    ``code`` is one of ``missing``, ``empty``, ``corrupt``, ``encrypted``, ``no_text``,
    ``mismatch`` (the content is another format than the extension says).
    """

    code = "corrupt"


class DocumentOverLimit(DocumentError):
    """The file is refused because reading it would cost more than the limits allow.

    ``code`` is one of ``too_large`` (file or unpacked parts), ``too_complex`` (nesting,
    list numbers, markup the portal does not read), ``too_long`` (text), ``too_many_pages``,
    ``timeout`` (CPU or wall-clock time), ``out_of_memory``. ``limit`` is the limit's value.
    """

    code = "too_complex"

    def __init__(self, message: str, *, code: str | None = None, filename: str = "", limit=None):
        super().__init__(message, code=code, filename=filename)
        self.limit = limit


def damaged(what: str, kind: str) -> UnreadableDocument:
    return UnreadableDocument(f"{what} is damaged or not a valid {kind}.", code="corrupt")
