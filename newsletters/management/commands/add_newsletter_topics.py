"""manage.py add_newsletter_topics (PATH | --region) [--areas]"""

from django.core.management.base import BaseCommand, CommandError

from municipalities.models import Municipality
from newsletters.standard_topics import add_standard_topics


class Command(BaseCommand):
    help = (
        "Give a municipality (by its path) or the region the standard newsletter topics "
        "that alerts go to; existing topics are kept."
    )

    def add_arguments(self, parser):
        owner = parser.add_mutually_exclusive_group(required=True)
        owner.add_argument("path", nargs="?", help="the municipality's path, e.g. lipowa-dolina")
        owner.add_argument("--region", action="store_true", help="the regional topics")
        parser.add_argument(
            "--areas", action="store_true", help="also the public-benefit area topics"
        )

    def handle(self, *args, path, region, areas, **options):
        municipality = None
        if not region:
            municipality = Municipality.objects.filter(slug=path).first()
            if municipality is None:
                raise CommandError(f"No municipality has the path {path!r}.")
            if municipality.is_regional_operator:
                raise CommandError("The operator's topics are the regional ones: use --region.")
        added = add_standard_topics(municipality=municipality, areas=areas)
        owner = municipality.name if municipality else "the region"
        self.stdout.write(self.style.SUCCESS(f"{owner}: {added} topics added."))
