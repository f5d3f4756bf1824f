from django.core.management.base import BaseCommand

from signups.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Queue reminder e-mails for tomorrow's events (confirmed places) and advice "
        "appointments. Safe to run every minute: each reminder is sent once."
    )

    def handle(self, *args, **options):
        events, advice = send_reminders()
        self.stdout.write(f"Reminders queued: {events} event places, {advice} advice appointments.")
