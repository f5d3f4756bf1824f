"""``manage.py parse_act FILE``: show how the portal splits a draft act into units."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from consultations.extraction import DocumentError, UnsupportedDocument, extract_text
from consultations.parsing import parse_act, to_json


def _message(error: DocumentError, name: str) -> str:
    if isinstance(error, UnsupportedDocument):
        return _("%(name)s: unsupported file type; use a .txt, .docx, .odt or .pdf file.") % {
            "name": name
        }
    messages = {
        "missing": _("%(name)s: no such file, or it cannot be read."),
        "empty": _("%(name)s: the file is empty."),
        "encrypted": _("%(name)s: the file is password-protected."),
        "no_text": _(
            "%(name)s: no text found in the file (a scanned image?); "
            "use a DOCX, ODT or a PDF with a text layer."
        ),
    }
    default = _("%(name)s: the file is damaged or is not a valid document of its type.")
    return messages.get(error.code, default) % {"name": name}


class Command(BaseCommand):
    help = (
        "Split a draft act (.txt, .docx, .odt or .pdf) into its editorial units and print "
        'them as a JSON list of {"label", "level", "parent", "text"}, in document order.'
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the draft act.")

    def handle(self, *args, file, **options):
        path = Path(file)
        try:
            text = extract_text(path, path.name)
        except DocumentError as error:
            raise CommandError(_message(error, str(path))) from error
        units = to_json(parse_act(text))
        self.stdout.write(json.dumps(units, ensure_ascii=False, indent=2))
