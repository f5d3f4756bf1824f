from django.core.management.base import BaseCommand
from wagtail.models import Site

from portal.demo import seed_all


class Command(BaseCommand):
    help = "Load deterministic Polish demo content (idempotent: a seeded site is left as is)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
        parser.add_argument(
            "--force", action="store_true", help="seed even if demo content exists (tests only)"
        )

    def handle(self, *args, seed, force, **options):
        home = Site.objects.get(is_default_site=True).root_page
        if home.get_children().exists() and not force:
            self.stdout.write("Demo content is already loaded; nothing to do.")
            self._print_accounts()
            return
        ctx = seed_all(seed)
        for line in ctx.log:
            self.stdout.write(line)
        self._print_accounts()

    def _print_accounts(self):
        from accounts.demo import DEMO_ACCOUNTS

        self.stdout.write(self.style.SUCCESS("Demo accounts (password for all: see below):"))
        for role, email, password in DEMO_ACCOUNTS:
            self.stdout.write(f"  {role:<22} {email:<32} {password}")
