"""Raise alerts whose time has come: openings, deadlines in 3 days, published reports."""

import time

from django.core.management.base import BaseCommand

from newsletters import alerts


class Command(BaseCommand):
    help = "Send topic alerts that are due: openings, deadlines in 3 days, published reports."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=int,
            default=0,
            metavar="SECONDS",
            help="Repeat forever with this pause (instead of cron).",
        )

    def handle(self, *args, every=0, **options):
        while True:
            for alert in alerts.scan_due_alerts():
                self.stdout.write(f"alert {alert.pk}: {alert.subject}")
            if not every:
                return
            time.sleep(every)
