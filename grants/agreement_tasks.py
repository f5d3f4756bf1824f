"""E-mails about agreements and reports to the organisation's representatives
(django-tasks, user-facing priority; primary keys in, the current state read again:
a task whose occasion has passed sends nothing)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task

from portal.task_priorities import USER_MAIL

from .models import EstimateStatus, Report, ReportStatus, UpdatedEstimate
from .tasks import _render

REMINDERS = ("before", "due", "overdue")


def representative_emails(organisation_id: int) -> list[str]:
    """The organisation's approved representatives with an active account."""
    from accounts.models import User

    return sorted(
        set(
            User.objects.filter(
                is_active=True,
                is_deleted=False,
                memberships__organisation_id=organisation_id,
                memberships__status="approved",
            )
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


def _send(prefix: str, context: dict, organisation_id: int) -> int:
    recipients = representative_emails(organisation_id)
    if not recipients:
        return 0
    subject, body = _render(prefix, {"site_name": settings.WAGTAIL_SITE_NAME, **context})
    EmailMessage(subject, body, to=recipients).send()
    return len(recipients)


@task(priority=USER_MAIL)
def send_estimate_decision(estimate_id: int) -> int:
    """The updated estimate was accepted or returned with comments."""
    estimate = (
        UpdatedEstimate.objects.select_related("agreement__offer")
        .filter(pk=estimate_id, status__in=(EstimateStatus.ACCEPTED, EstimateStatus.RETURNED))
        .first()
    )
    if estimate is None:
        return 0
    agreement = estimate.agreement
    return _send(
        "grants/email/estimate_decision",
        {
            "estimate": estimate,
            "agreement": agreement,
            "offer": agreement.offer,
            "url": settings.BASE_URL + agreement.get_absolute_url(),
        },
        agreement.offer.organisation_id,
    )


def _report(report_id: int, statuses) -> Report | None:
    return (
        Report.objects.select_related("agreement__offer")
        .filter(pk=report_id, status__in=statuses)
        .first()
    )


@task(priority=USER_MAIL)
def send_report_decision(report_id: int) -> int:
    """The report was accepted or returned with comments."""
    report = _report(report_id, (ReportStatus.ACCEPTED, ReportStatus.RETURNED))
    if report is None:
        return 0
    return _send(
        "grants/email/report_decision",
        {
            "report": report,
            "agreement": report.agreement,
            "offer": report.agreement.offer,
            "url": settings.BASE_URL + report.get_absolute_url(),
        },
        report.agreement.offer.organisation_id,
    )


@task(priority=USER_MAIL)
def send_report_reminder(report_id: int, which: str) -> int:
    """`which`: before (7 days to go), due (today) or overdue. Nothing is sent for a
    report submitted in the meantime."""
    report = _report(report_id, (ReportStatus.DRAFT,))
    if report is None or which not in REMINDERS:
        return 0
    return _send(
        "grants/email/report_reminder",
        {
            "which": which,
            "report": report,
            "agreement": report.agreement,
            "offer": report.agreement.offer,
            "url": settings.BASE_URL + report.get_absolute_url(),
        },
        report.agreement.offer.organisation_id,
    )
