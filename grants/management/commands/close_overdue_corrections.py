from django.core.management.base import BaseCommand

from grants.services.corrections import expire_overdue


class Command(BaseCommand):
    help = (
        "Reject on formal grounds the offers whose deadline for corrections has passed "
        "without a new submission. Safe to run every minute: each is rejected once."
    )

    def handle(self, *args, **options):
        rejected = expire_overdue()
        self.stdout.write(f"Offers rejected after the deadline for corrections: {rejected}.")
