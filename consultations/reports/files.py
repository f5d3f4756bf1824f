"""Report files: built once per state of the report, stored privately, served again.

A report download (PDF, DOCX, XLSX, CSV) costs seconds of CPU and is the same for
everyone until the report changes, so a download is a stored ReportExport keyed by
`report_state()` — what changes the file: the comments stamp (every comment, response,
moderation and published version bumps it), the report date, the page's last
publication and the language. The first request for a state builds the file; while it
is being built, other requests are told to come back in a minute (Retry-After), and
afterwards everyone gets the stored file. A build that stops giving signs of life
(its worker was killed) is marked failed after `export_timeout()`; the next request
builds again and the status page says "failed, try again".
"""

from __future__ import annotations

import datetime
import hashlib
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import ReportExport
from .exports import writer_for
from .report import build_report

logger = logging.getLogger(__name__)
IN_PROGRESS = (ReportExport.Status.QUEUED, ReportExport.Status.RUNNING)


def export_timeout() -> datetime.timedelta:
    return datetime.timedelta(
        seconds=getattr(settings, "CONSULTATIONS_EXPORT_TIMEOUT_SECONDS", 15 * 60)
    )


def report_state(consultation, language: str) -> str:
    stamps = consultation.state_stamps
    raw = ":".join([*(s.isoformat() if s else "-" for s in stamps), language])
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def fail_stuck_exports(now=None) -> int:
    """Mark queued or running exports silent for longer than the timeout as failed."""
    now = now or timezone.now()
    stuck = ReportExport.objects.alias(last_sign=Coalesce("heartbeat_at", "created_at")).filter(
        status__in=IN_PROGRESS, last_sign__lt=now - export_timeout()
    )
    return stuck.update(
        status=ReportExport.Status.FAILED,
        error=_("The file was not ready in time. Please try again."),
        finished_at=now,
    )


def write_export(export: ReportExport) -> str:
    """Build the file of one export row and store it privately; DONE or FAILED after."""
    pk = export.pk
    ReportExport.objects.filter(pk=pk).update(
        status=ReportExport.Status.RUNNING, progress=0, heartbeat_at=timezone.now()
    )
    last = [0]

    def progress(done: int, total: int) -> None:
        percent = min(99, int(done * 100 / max(total, 1)))
        if percent > last[0]:
            last[0] = percent
            ReportExport.objects.filter(pk=pk).update(progress=percent, heartbeat_at=timezone.now())

    try:
        report = build_report(export.consultation)
        writer = writer_for(export.format)
        data = writer.render(report, progress)
        export.file.save(writer.filename(export.consultation), ContentFile(data), save=False)
        export.status, export.progress, export.error = ReportExport.Status.DONE, 100, ""
    except Exception as exc:  # noqa: BLE001 - any failure is recorded for the status page
        logger.exception("Report export %s failed", pk)
        export.status = ReportExport.Status.FAILED
        export.error = str(exc)[:2000]
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "status", "progress", "error", "finished_at"])
    return export.status


def stored_download(consultation, fmt: str) -> ReportExport:
    """The stored file of the report in its current state, built now if nobody has.

    Returns a DONE export (serve its file) or one still in progress elsewhere (ask to
    come back). Only one request builds a given state and format at a time: the row is
    claimed under a unique constraint before the build starts.
    """
    fail_stuck_exports()
    state = report_state(consultation, translation.get_language() or settings.LANGUAGE_CODE)
    current = ReportExport.objects.filter(
        ~Q(status=ReportExport.Status.FAILED), consultation=consultation, format=fmt, state=state
    )
    export = current.first()
    if export is not None:
        return export
    try:
        with transaction.atomic():
            export = ReportExport.objects.create(
                consultation=consultation,
                format=fmt,
                state=state,
                status=ReportExport.Status.RUNNING,
                heartbeat_at=timezone.now(),
            )
    except IntegrityError:
        return current.first() or ReportExport(status=ReportExport.Status.RUNNING)
    export.consultation = consultation
    write_export(export)
    return export
