from django.core.management.base import BaseCommand

from grants.reminders import send_report_reminders


class Command(BaseCommand):
    help = (
        "Queue reminder e-mails about grant reports due (7 days before, on the due date, "
        "once overdue) to the organisations' representatives. Safe to run every minute: "
        "each reminder is sent once."
    )

    def handle(self, *args, **options):
        sent = send_report_reminders()
        self.stdout.write(
            "Report reminders queued: {before} due in a week, {due} due today, "
            "{overdue} overdue.".format(**sent)
        )
