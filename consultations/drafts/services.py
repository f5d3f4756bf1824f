"""Verbs on the consulted act: import a draft, correct its split, publish a version.

Each checks its permission (consultations.permissions), runs in one transaction and
stores nothing unless the whole change succeeds.
"""

from __future__ import annotations

import io
import os

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.extraction import extract_text

from .. import permissions
from ..caching import touch
from ..models import Clause, DraftActVersion
from .clauses import build_clauses, recompute_references
from .parsing import parse_act


class DraftImportError(Exception):
    """The supplied draft could not be turned into clauses."""


def consulted_version(consultation) -> DraftActVersion | None:
    """The published version people comment on: the first one published."""
    return DraftActVersion.objects.filter(consultation=consultation).published().first()


def _parse(text: str):
    parsed = parse_act(text)
    if not parsed.units:
        raise DraftImportError(
            _("No editorial units (§, Art., ust., pkt…) were found in the text.")
        )
    return parsed


MAX_DRAFT_BYTES = 20 * 1024 * 1024
DRAFT_EXTENSIONS = (".docx", ".odt", ".pdf", ".txt")


def import_draft(*, consultation, text=None, file=None, by) -> DraftActVersion:
    """Create a new unpublished version of the act from pasted text or an uploaded file.

    The file (DOCX, ODT, PDF, TXT) is kept as the version's source file; its text is read
    within the limits of ``documents``. Raises PermissionDenied, DraftImportError or a
    ``documents.errors.DocumentError``; nothing is stored unless the whole import succeeds.
    """
    if not permissions.can_import_draft(by, consultation):
        raise PermissionDenied
    content = None
    filename = ""
    if file is not None:
        filename = os.path.basename(getattr(file, "name", "") or "draft")
        if not filename.lower().endswith(DRAFT_EXTENSIONS):
            raise DraftImportError(_("Upload a DOCX, ODT, PDF or TXT file."))
        if getattr(file, "size", 0) and file.size > MAX_DRAFT_BYTES:
            raise DraftImportError(_("The file is larger than 20 MB."))
        if hasattr(file, "seek"):
            file.seek(0)
        content = file.read()
        if len(content) > MAX_DRAFT_BYTES:
            raise DraftImportError(_("The file is larger than 20 MB."))
        text = extract_text(io.BytesIO(content), filename)
    if not (text or "").strip():
        raise DraftImportError(_("Paste the text of the act or upload a file."))
    parsed = _parse(text)
    with transaction.atomic():
        number = (
            DraftActVersion.objects.select_for_update()
            .filter(consultation=consultation)
            .aggregate(n=Max("number"))["n"]
            or 0
        ) + 1
        version = DraftActVersion(
            consultation=consultation,
            number=number,
            title=parsed.title or "",
            preamble=parsed.preamble or "",
            source_text=text,
            created_by=by,
        )
        if content is not None:
            version.source_file.save(filename, ContentFile(content), save=False)
        version.save()
        build_clauses(version, parsed.units)
    return version


def _check_editable(version, by):
    if version.is_published:
        raise ValidationError(_("A published version cannot be changed."))
    if not permissions.can_import_draft(by, version.consultation):
        raise PermissionDenied


def reparse_version(*, version, text, by) -> DraftActVersion:
    """Replace an unpublished version's clauses by splitting corrected text again."""
    _check_editable(version, by)
    parsed = _parse(text)
    with transaction.atomic():
        version.clauses.all().delete()
        version.source_text = text
        version.title = parsed.title or ""
        version.preamble = parsed.preamble or ""
        version.save(update_fields=["source_text", "title", "preamble"])
        build_clauses(version, parsed.units)
    return version


def edit_clause(*, clause, label, level, text, by) -> Clause:
    """Correct one clause of an unpublished version; citations and anchors follow."""
    version = clause.version
    _check_editable(version, by)
    with transaction.atomic():
        clause.label = label.strip()[:60]
        clause.level = level
        clause.text = text.strip()
        clause.save(update_fields=["label", "level", "text"])
        recompute_references(version)
    clause.refresh_from_db()
    return clause


def publish_version(*, version, by) -> DraftActVersion:
    """Make a version public; the first published version is the one consulted."""
    if version.is_published:
        return version
    if not permissions.can_publish_version(by, version.consultation):
        raise PermissionDenied
    with transaction.atomic():
        version.is_published = True
        version.published_at = timezone.now()
        version.save(update_fields=["is_published", "published_at"])
        touch(version.consultation)
    return version
