"""Start scheduled issues and resume interrupted sends. Run it every minute or two."""

import time
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from newsletters import conf, services
from newsletters.models import Delivery
from newsletters.tasks import deliver_mailing, start_mailing


class Command(BaseCommand):
    help = "Send scheduled newsletter issues whose time has come and resume unfinished sends."

    def add_arguments(self, parser):
        parser.add_argument(
            "--run-now",
            action="store_true",
            help="Send in this process instead of queueing tasks for the worker.",
        )
        parser.add_argument(
            "--every",
            type=int,
            default=0,
            metavar="SECONDS",
            help="Repeat forever with this pause (instead of cron).",
        )

    def handle(self, *args, run_now=False, every=0, **options):
        while True:
            self.run_once(run_now)
            if not every:
                return
            time.sleep(every)

    def run_once(self, run_now):
        started = services.send_due_issues()
        for pk in started:
            self.stdout.write(f"issue {pk}: sending started")
        now = timezone.now()
        lease = timedelta(seconds=conf.get("NEWSLETTER_CLAIM_LEASE_SECONDS"))
        for kind, pk in services.unfinished_mailings():
            if kind == "issue" and pk in started and not run_now:
                continue
            mailing = services.get_mailing(kind, pk)
            if run_now:
                report = services.deliver_mailing(mailing)
                self.stdout.write(
                    f"{kind} {pk}: sent {report.sent}, failed {report.failed}, "
                    f"retrying {report.retrying}, finished {report.finished}"
                )
                continue
            if not mailing.recipients_prepared_at:
                start_mailing.enqueue(kind, pk)
                continue
            rows = Delivery.objects.of(mailing)
            busy = rows.filter(status="sending", claimed_at__gte=now - lease).exists()
            if not busy and rows.claimable(now, now - lease).exists():
                deliver_mailing.enqueue(kind, pk)
                self.stdout.write(f"{kind} {pk}: resumed")
            elif not rows.unfinished().exists():
                services.deliver_mailing(mailing)  # nothing left: just close it
