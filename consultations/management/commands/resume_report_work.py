"""Resume report work a killed worker left behind (run every few minutes: systemd timer
or cron, docs/deployment.md).

- Exports queued or running without a sign of life for longer than the timeout are
  marked failed (the official's status page says so and offers to try again).
- Report notifications of recently published reports are queued again: the task sends
  only what was not sent yet (ReportNotice), so a run interrupted mid-way finishes.
"""

import datetime

from django.core.management.base import BaseCommand
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from consultations.models import ConsultationPage, ReportNotice
from consultations.reports.files import fail_stuck_exports
from consultations.reports.tasks import notify_report_published

RECENT_REPORTS = datetime.timedelta(days=7)


def unfinished_notifications(now=None):
    """Reports published recently whose e-mails were not all sent (or never started)."""
    now = now or timezone.now()
    notices = ReportNotice.objects.filter(consultation=OuterRef("pk"))
    return ConsultationPage.objects.filter(
        report_published_at__lte=now, report_published_at__gte=now - RECENT_REPORTS
    ).filter(Q(Exists(notices.filter(sent_at__isnull=True))) | ~Q(Exists(notices)))


class Command(BaseCommand):
    help = "Fail stuck report exports and queue unfinished report e-mails again."

    def handle(self, *args, **options):
        failed = fail_stuck_exports()
        queued = 0
        for pk in unfinished_notifications().values_list("pk", flat=True):
            notify_report_published.enqueue(pk)
            queued += 1
        self.stdout.write(f"stuck exports failed: {failed}; report notifications queued: {queued}")
