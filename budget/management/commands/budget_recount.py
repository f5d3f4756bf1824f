"""Count an edition's votes again from the ballots and compare with the published results."""

from django.core.management.base import BaseCommand, CommandError

from budget.models import Edition
from budget.services.results import recount


class Command(BaseCommand):
    help = "Recompute the tallies of a budget edition from its ballots; fail on any difference."

    def add_arguments(self, parser):
        parser.add_argument("edition", type=int, help="the edition's id")

    def handle(self, *args, **options):
        try:
            edition = Edition.objects.get(pk=options["edition"])
        except Edition.DoesNotExist as exc:
            raise CommandError("No such edition.") from exc
        differences = recount(edition)
        if differences:
            raise CommandError("Tallies differ:\n" + "\n".join(differences))
        self.stdout.write(f"{edition}: the recount equals the published results.")
