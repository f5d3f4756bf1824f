"""``manage.py parse_act FILE``: show how the portal splits a draft act into units."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from consultations.drafts.parsing import parse_act, to_json
from documents.errors import DocumentError
from documents.extraction import extract_text
from documents.messages import error_message


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
            raise CommandError(error_message(error, str(path))) from error
        units = to_json(parse_act(text))
        self.stdout.write(json.dumps(units, ensure_ascii=False, indent=2))
