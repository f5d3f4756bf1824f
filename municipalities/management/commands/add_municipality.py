"""manage.py add_municipality "Gmina Lipno" --kind rural --teryt 0415022 --path lipno
[--host lipno.localhost] [--office-name ...] [--email ...] [--phone ...]"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from municipalities.kinds import MunicipalityKind
from municipalities.services import MunicipalityData, add_municipality


class Command(BaseCommand):
    help = (
        "Add a municipality (or the regional operator): its page tree skeleton, "
        "its site when a host name is given, and its staff group."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="e.g. 'Gmina Lipno'")
        parser.add_argument("--kind", required=True, choices=MunicipalityKind.values)
        parser.add_argument("--teryt", default="", help="7 digits (gmina), 4 (county)")
        parser.add_argument("--path", required=True, help="address under the portal, e.g. lipno")
        parser.add_argument("--host", default="", help="own host name, e.g. lipno.localhost")
        parser.add_argument("--office-name", default="")
        parser.add_argument("--office-address", default="")
        parser.add_argument("--email", default="")
        parser.add_argument("--phone", default="")

    def handle(self, *args, **options):
        data = MunicipalityData(
            name=options["name"],
            kind=options["kind"],
            teryt=options["teryt"],
            slug=options["path"],
            hostname=options["host"],
            office_name=options["office_name"],
            office_address=options["office_address"],
            contact_email=options["email"],
            contact_phone=options["phone"],
        )
        try:
            municipality = add_municipality(data)
        except ValidationError as exc:
            raise CommandError(_describe(exc)) from exc
        home = municipality.home_page
        self.stdout.write(
            self.style.SUCCESS(f"{municipality.name}: {home.get_url()} (page {home.pk})")
        )
        if municipality.hostname:
            self.stdout.write(f"  site: http://{municipality.hostname}/")
        self.stdout.write(f"  staff group: {municipality.staff_group.name}")


def _describe(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in exc.message_dict.items()
        )
    return " ".join(exc.messages)
