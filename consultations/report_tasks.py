"""Background work for the report: e-mails to commenters and export files (django-tasks).

Tasks take primary keys, never objects: they run after the transaction commits,
possibly in another process, and read the current state themselves.
"""

import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from .exports import writer_for
from .models import ConsultationComment, ConsultationPage, ReportExport, ReportNotice
from .reports import build_report

logger = logging.getLogger(__name__)


def commenter_emails(consultation_id: int) -> list[str]:
    """Distinct e-mail addresses of every account that commented (replies included)."""
    emails = (
        ConsultationComment.objects.filter(
            consultation_id=consultation_id,
            is_removed=False,
            user__isnull=False,
            user__is_active=True,
            user__is_deleted=False,
        )
        .exclude(user__email="")
        .values_list("user__email", flat=True)
        .distinct()
    )
    # Two accounts cannot share an address (ACCOUNT_UNIQUE_EMAIL); case-fold anyway.
    seen, result = set(), []
    for email in emails:
        if email.lower() not in seen:
            seen.add(email.lower())
            result.append(email)
    return sorted(result)


@task()
def notify_report_published(consultation_id: int) -> int:
    """E-mail everyone who commented that the report is out; one message per address.

    Each address is first recorded (ReportNotice, unique per consultation) and marked
    sent after the SMTP server accepted the message, so running the task again (a
    retry, a worker restart) only sends what was not sent yet. Only a crash between
    the server's acceptance and the mark can repeat one message. Returns the number
    of messages sent by this run.
    """
    consultation = ConsultationPage.objects.filter(pk=consultation_id).first()
    if consultation is None or consultation.report_published_at is None:
        return 0
    recipients = commenter_emails(consultation_id)
    ReportNotice.objects.bulk_create(
        [ReportNotice(consultation_id=consultation_id, email=email) for email in recipients],
        ignore_conflicts=True,
    )
    pending = list(
        ReportNotice.objects.filter(consultation_id=consultation_id, sent_at__isnull=True)
        .order_by("pk")
        .values_list("pk", "email")
    )
    if not pending:
        return 0
    context = {
        "consultation": consultation,
        "report_url": settings.BASE_URL
        + reverse("consultations:report", kwargs={"page_id": consultation.pk}),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(
            render_to_string("consultations/report_email_subject.txt", context).split()
        )
        body = render_to_string("consultations/report_email_message.txt", context)
    sent = 0
    with get_connection() as connection:
        for pk, email in pending:
            if EmailMessage(subject, body, to=[email], connection=connection).send():
                ReportNotice.objects.filter(pk=pk).update(sent_at=timezone.now())
                sent += 1
    return sent


@task()
def build_report_export(export_id: int) -> str:
    """Write the export file for a ReportExport row, updating its progress as it goes."""
    export = ReportExport.objects.select_related("consultation").filter(pk=export_id).first()
    if export is None or export.status in (ReportExport.Status.DONE, ReportExport.Status.FAILED):
        return export.status if export else "missing"
    ReportExport.objects.filter(pk=export_id).update(status=ReportExport.Status.RUNNING, progress=0)
    last = [0]

    def progress(done: int, total: int) -> None:
        percent = min(99, int(done * 100 / max(total, 1)))
        if percent > last[0]:
            last[0] = percent
            ReportExport.objects.filter(pk=export_id).update(progress=percent)

    try:
        with translation.override(settings.LANGUAGE_CODE):
            report = build_report(export.consultation)
            writer = writer_for(export.format)
            data = writer.render(report, progress)
        export.file.save(writer.filename(report), ContentFile(data), save=False)
        export.status = ReportExport.Status.DONE
        export.progress = 100
        export.error = ""
    except Exception as exc:  # noqa: BLE001 - any failure is recorded for the status page
        logger.exception("Report export %s failed", export_id)
        export.status = ReportExport.Status.FAILED
        export.error = str(exc)[:2000]
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "status", "progress", "error", "finished_at"])
    return export.status


@task()
def group_comments(consultation_id: int) -> int:
    """Group similar comments of a large consultation (the Responses screen queues it)."""
    from .grouping import group_similar_comments

    consultation = ConsultationPage.objects.filter(pk=consultation_id).first()
    if consultation is None:
        return 0
    return group_similar_comments(consultation=consultation)
