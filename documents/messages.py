"""What to tell the uploader when a document gives no text, by the error's ``code``."""

from django.utils.translation import gettext as _


def error_message(exc, filename: str = "") -> str:
    """A translated reason for a ``DocumentError`` (any other exception: its text)."""
    messages_by_code = {
        "unsupported": _("%(name)s is not a DOCX, ODT, PDF or TXT file."),
        "missing": _("%(name)s could not be read."),
        "empty": _("%(name)s is empty."),
        "encrypted": _("%(name)s is password-protected; upload an unprotected copy."),
        "no_text": _(
            "%(name)s contains no text (a scanned image?). Upload a DOCX, ODT or a PDF "
            "with a text layer, or paste the text."
        ),
        "corrupt": _("%(name)s is damaged or is not a valid document of its type."),
        "mismatch": _(
            "The content of %(name)s is not what its extension says (for example a PDF "
            "renamed to .docx). Save it in its real format and upload it again."
        ),
        "too_large": _(
            "%(name)s unpacks to far more data than a document of its size should. "
            "Save it again from an office program, or paste the text."
        ),
        "too_complex": _(
            "%(name)s is built in a way we do not read (for example list numbers out of "
            "range or parts nested too deeply). Save it again from an office program, or "
            "paste the text."
        ),
        "too_long": _(
            "%(name)s holds more text than we accept in one document. Split it into smaller files."
        ),
        "too_many_pages": _(
            "%(name)s has more pages than we accept in one document. Split it into smaller files."
        ),
        "timeout": _(
            "Reading %(name)s took too long, so it was stopped. Save it again from an "
            "office program, or paste the text."
        ),
        "out_of_memory": _(
            "Reading %(name)s needed too much memory, so it was stopped. Save it again "
            "from an office program, or paste the text."
        ),
    }
    code = getattr(exc, "code", None)
    name = filename or getattr(exc, "filename", "") or _("The file")
    if code in messages_by_code:
        return messages_by_code[code] % {"name": name}
    return str(exc)
