"""Reminders of reports due (art. 18: within 30 days of the end of the period):
7 days before the due date, on the due date, and once when it has passed.

Only reports not yet submitted are reminded. Each reminder is claimed with a
conditional UPDATE (its column still empty) before its e-mail is queued, so running
this every minute, or on two hosts at once, sends each one once. The windows do not
overlap: a run that missed one sends only the reminder of the day.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from . import agreement_tasks
from .models import AgreementStatus, Report, ReportStatus

DAYS_BEFORE = 7
COLUMNS = {
    "before": "reminded_before_at",
    "due": "reminded_due_at",
    "overdue": "overdue_notified_at",
}


def due_reports(today: datetime.date) -> dict[str, list[int]]:
    """Reports whose reminder of each kind is due today and not yet sent."""
    pending = Report.objects.filter(
        status=ReportStatus.DRAFT, agreement__status=AgreementStatus.SIGNED
    )
    windows = {
        "before": {
            "due_on__gt": today,
            "due_on__lte": today + datetime.timedelta(days=DAYS_BEFORE),
        },
        "due": {"due_on": today},
        "overdue": {"due_on__lt": today},
    }
    return {
        which: list(
            pending.filter(**window, **{f"{COLUMNS[which]}__isnull": True})
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        for which, window in windows.items()
    }


def send_report_reminders(now=None) -> dict[str, int]:
    """Queue the reminders due now; returns how many of each kind."""
    now = now or timezone.now()
    sent = {}
    with transaction.atomic():
        for which, pks in due_reports(timezone.localdate(now)).items():
            column = COLUMNS[which]
            claimed = [
                pk
                for pk in pks
                if Report.objects.filter(pk=pk, **{f"{column}__isnull": True}).update(
                    **{column: now}
                )
            ]
            for pk in claimed:
                transaction.on_commit(
                    lambda pk=pk, which=which: agreement_tasks.send_report_reminder.enqueue(
                        pk, which
                    )
                )
            sent[which] = len(claimed)
    return sent
