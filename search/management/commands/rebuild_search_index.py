"""Rebuild the search index from scratch: `manage.py rebuild_search_index`."""

import time

from django.core.management.base import BaseCommand

from search import services
from search.backends import all_backend_aliases

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Empty the search index and index every public page, document, clause, comment and report."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        last_shown = [-1]

        def progress(done, total, label):
            percent = int(100 * done / total) if total else 100
            if percent == last_shown[0]:
                return
            last_shown[0] = percent
            filled = BAR_WIDTH * percent // 100
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            self.stdout.write(f"[{bar}] {percent:3d}% {done}/{total} ({label})")

        self.stdout.write(f"Rebuilding search index ({', '.join(all_backend_aliases())})…")
        report = services.rebuild(progress=progress)
        elapsed = time.monotonic() - started
        rate = report.indexed / elapsed if elapsed else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {report.indexed} entries from {report.candidates} candidates "
                f"in {elapsed:.1f} s ({rate:.0f}/s)."
            )
        )
