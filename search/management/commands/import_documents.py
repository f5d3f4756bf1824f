"""Import a folder of existing files into the document library, searchable at once.

    manage.py import_documents DIR [--collection NAME] [--tag TAG ...] [--no-recursive]

Reads PDF, DOCX, ODT and TXT files; extracts their text first, so a damaged,
encrypted, empty or unsupported file is reported and skipped, never imported
half-way. Files whose content is already in the library are skipped too.
Exit status: 0 if at least one file was imported or found already imported;
1 (CommandError) if the folder is missing or every file failed.
"""

from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection

from documents.errors import DocumentError
from documents.extraction import SUPPORTED_EXTENSIONS, extract_text
from search import services
from search.models import DocumentText


def title_from_filename(path: Path) -> str:
    words = path.stem.replace("_", " ").replace("-", " ").split()
    title = " ".join(words) or path.name
    return title[:1].upper() + title[1:]


class Command(BaseCommand):
    help = "Import PDF/DOCX/ODT/TXT files from a folder into the document library, searchable."

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument(
            "--collection", default="", help="Collection name (created if missing)."
        )
        parser.add_argument("--tag", action="append", default=[], help="Tag to add (repeatable).")
        parser.add_argument("--no-recursive", action="store_true", help="Skip subfolders.")

    def handle(self, directory, collection, tag, no_recursive, **options):
        folder = Path(directory)
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder")
        target = self.collection(collection)
        pattern = folder.glob("*") if no_recursive else folder.rglob("*")
        files = sorted(p for p in pattern if p.is_file() and not p.name.startswith("."))
        imported = duplicates = failed = 0
        Document = get_document_model()
        for path in files:
            name = path.relative_to(folder)
            if path.suffix.lower() not in SUPPORTED_EXTENSIONS:
                failed += 1
                self.stdout.write(f"SKIPPED  {name}: unsupported file type")
                continue
            try:
                text = extract_text(path, path.name)
            except DocumentError as error:
                failed += 1
                self.stdout.write(f"SKIPPED  {name}: {error.code} ({error})")
                continue
            except OSError as error:
                failed += 1
                self.stdout.write(f"SKIPPED  {name}: cannot read ({error})")
                continue
            with path.open("rb") as handle:
                document = Document(title=title_from_filename(path), collection=target)
                document.file.save(path.name, File(handle, name=path.name), save=False)
                document._set_document_file_metadata()
            if Document.objects.filter(file_hash=document.file_hash).exists():
                document.file.delete(save=False)
                duplicates += 1
                self.stdout.write(f"EXISTS   {name}: already in the library")
                continue
            with transaction.atomic():
                document.save()
                if tag:
                    document.tags.add(*tag)
                DocumentText.objects.update_or_create(
                    document_id=document.pk,
                    defaults={"file_hash": document.file_hash, "text": text, "error": ""},
                )
            services.index_instance(document)
            imported += 1
            self.stdout.write(f"IMPORTED {name}: {len(text)} characters of text")
        summary = f"{imported} imported, {duplicates} already there, {failed} skipped."
        if failed and not imported and not duplicates:
            raise CommandError(f"Nothing could be imported. {summary}")
        self.stdout.write(self.style.SUCCESS(summary))

    def collection(self, name: str):
        root = Collection.get_first_root_node()
        if not name:
            return root
        existing = root.get_children().filter(name=name).first()
        return existing or root.add_child(name=name)
