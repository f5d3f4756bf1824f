"""Demo accounts and organisations (invented people and organisations)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.utils.text import slugify

from .factories import MembershipFactory, OrganisationFactory, UserFactory, valid_nip
from .models import Membership, PublicBenefitArea, Role

DEMO_PASSWORD = "okienko-demo-2026"  # noqa: S105 - printed on screen for the demo site
DEMO_ACCOUNTS = [
    ("Editor", "redakcja@okienko.example.org", DEMO_PASSWORD),
    ("Official", "urzednik@okienko.example.org", DEMO_PASSWORD),
    ("Administrator", "admin@okienko.example.org", DEMO_PASSWORD),
    ("NGO representative", "fundacja@okienko.example.org", DEMO_PASSWORD),
    ("Resident", "mieszkanka@okienko.example.org", DEMO_PASSWORD),
]
DEMO_NAMES = {
    "Editor": ("Marta", "Wierzbicka"),
    "Official": ("Tomasz", "Grabowiecki"),
    "Administrator": ("Agnieszka", "Sosnowska"),
    "NGO representative": ("Paweł", "Kalinowski"),
    "Resident": ("Zofia", "Jaworska"),
}

ORGANISATIONS = [
    ("Fundacja Zielony Skwer", ["ecology", "civic"]),
    ("Stowarzyszenie Seniorzy w Akcji", ["seniors", "social"]),
    ("Klub Sportowy Orlęta Zielonogród", ["sport", "youth"]),
    ("Fundacja Teatr pod Lipami", ["culture", "education"]),
    ("Stowarzyszenie Pomocy Sąsiedzkiej „Razem”", ["social", "disability"]),
    ("Towarzystwo Miłośników Ziemi Zielonogrodzkiej", ["culture", "tourism"]),
    ("Fundacja Bezpieczne Podwórko", ["safety", "youth"]),
    ("Stowarzyszenie Rodzin Zastępczych „Gniazdo”", ["social", "youth"]),
    ("Uczniowski Klub Sportowy Delfin", ["sport", "education"]),
    ("Fundacja Zdrowie na Co Dzień", ["health", "seniors"]),
    ("Stowarzyszenie Kulturalne Stara Przędzalnia", ["culture", "civic"]),
    ("Fundacja Wspólna Sprawa", ["civic", "disability"]),
]
NEW_ORGANISATION = "Koło Sąsiedzkie Przylep"
# A fixed moment keeps the demo identical between runs.
DEMO_DECISION_TIME = datetime(2026, 1, 12, 10, 30, tzinfo=ZoneInfo("Europe/Warsaw"))
STREETS = [
    "ul. Lipowa",
    "ul. Kasztanowa",
    "ul. Młyńska",
    "al. Niepodległości",
    "ul. Ogrodowa",
    "ul. Tkacka",
    "pl. Rynek",
    "ul. Sienkiewicza",
]


def seed(ctx):
    users = {}
    for role, email, password in DEMO_ACCOUNTS:
        first, last = DEMO_NAMES[role]
        user = UserFactory(
            username=email.split("@")[0],
            email=email,
            first_name=first,
            last_name=last,
            password=password,
            roles=[role],
            is_staff=False,
        )
        if role == Role.ADMINISTRATOR:
            user.is_superuser = True
            user.is_staff = True
            user.save(update_fields=["is_superuser", "is_staff"])
        users[role] = user

    organisations = []
    for i, (name, areas) in enumerate(ORGANISATIONS):
        organisations.append(
            OrganisationFactory(
                name=name,
                slug=slugify(name.replace("„", "").replace("”", "")),
                krs=f"{ctx.rng.randint(100000, 999999):010d}",
                nip=valid_nip(ctx.rng),
                areas=[PublicBenefitArea(a).value for a in areas],
                street=f"{ctx.rng.choice(STREETS)} {ctx.rng.randint(1, 60)}",
                postal_code=f"65-{ctx.rng.randint(100, 999)}",
                city="Zielonogród",
                phone=f"+48 68 {ctx.rng.randint(100, 999)} {ctx.rng.randint(10, 99)} {i + 10}",
                description=f"{name} działa na rzecz mieszkańców Zielonogrodu od "
                f"{ctx.rng.randint(1995, 2020)} roku.",
            )
        )
    MembershipFactory(
        user=users[Role.NGO_REPRESENTATIVE],
        organisation=organisations[0],
        status=Membership.Status.APPROVED,
        decided_by=users[Role.OFFICIAL],
        decided_at=DEMO_DECISION_TIME,
    )
    # A second claim waiting for an official's approval, to show the queue.
    MembershipFactory(
        user=users[Role.RESIDENT],
        organisation=organisations[1],
        status=Membership.Status.PENDING,
        function="wolontariuszka",
    )
    # An organisation registered through the portal: unlisted until an official
    # approves its representative in "Organisation requests".
    newcomer = OrganisationFactory(
        name=NEW_ORGANISATION,
        slug=slugify(NEW_ORGANISATION),
        krs=f"{ctx.rng.randint(100000, 999999):010d}",
        nip="",
        areas=["social", "civic"],
        street=f"{ctx.rng.choice(STREETS)} {ctx.rng.randint(1, 60)}",
        postal_code=f"65-{ctx.rng.randint(100, 999)}",
        city="Zielonogród",
        is_public=False,
        description="Sąsiedzka grupa wsparcia z osiedla Przylep, zarejestrowana przez portal.",
    )
    MembershipFactory(
        user=users[Role.NGO_REPRESENTATIVE],
        organisation=newcomer,
        status=Membership.Status.PENDING,
        function="współzałożyciel",
    )
    Group.objects.get_or_create(name=Role.RESIDENT)
    ctx.shared["users"] = users
    ctx.shared["organisations"] = organisations
    ctx.say(
        f"Accounts: {len(users)} demo users, {len(organisations)} listed organisations, "
        "2 requests waiting in the admin's Organisation requests."
    )
