"""Background work for the report: e-mails to commenters and export files (django-tasks).

Tasks take primary keys, never objects: they run after the transaction commits,
possibly in another process, and read the current state themselves.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from ..models import ConsultationComment, ConsultationPage, ReportExport, ReportNotice
from .files import write_export

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
    """Write the export file for a ReportExport row, updating its progress as it goes.

    Safe to run again (a retry, a worker restarted after being killed): a row that is
    not finished is built from the start; one the timeout marked failed stays failed
    (its status page offers to try again).
    """
    export = ReportExport.objects.select_related("consultation").filter(pk=export_id).first()
    if export is None or export.status in (ReportExport.Status.DONE, ReportExport.Status.FAILED):
        return export.status if export else "missing"
    with translation.override(settings.LANGUAGE_CODE):
        return write_export(export)


@task()
def group_comments(consultation_id: int) -> int:
    """Group similar comments of a large consultation (the Responses screen queues it)."""
    from .grouping import group_similar_comments

    consultation = ConsultationPage.objects.filter(pk=consultation_id).first()
    if consultation is None:
        return 0
    return group_similar_comments(consultation=consultation)
