"""Demo participatory budget of the city: one edition in voting, one finished with its
results and the implementation of the chosen projects (with a photo). Results are
published through the same service an official uses. All names are invented."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Role
from municipalities.services import home_municipality

from .factories import make_ballot, make_edition, make_pool, make_project
from .models import Appeal, Implementation, Phase, PoolKind, Status, Support, TieBreak, VotingRule
from .pesel import pesel_hash, with_checksum
from .services.editions import update_implementation
from .services.results import publish_results

CURRENT = [
    ("Zielone podwórko przy ul. Kasztanowej", "city", "180000.00"),
    ("Bezpłatne warsztaty rowerowe dla dzieci", "city", "45000.00"),
    ("Oświetlenie ścieżki nad stawem", "city", "320000.00"),
    ("Biblioteka sąsiedzka w altanie", "przylep", "38000.00"),
    ("Siłownia plenerowa na Przylepie", "przylep", "120000.00"),
    ("Ławki i stojaki rowerowe przy szkole", "przylep", "26000.00"),
    ("Plac zabaw przy ul. Słonecznej", "sloneczne", "95000.00"),
    ("Zielona wiata przystankowa", "sloneczne", "42000.00"),
]
FINISHED = [
    ("Skwer pamięci winiarzy", "380000.00", Implementation.DONE),
    ("Kino plenerowe w parku", "60000.00", Implementation.IN_PROGRESS),
    ("Budki lęgowe i łąka kwietna", "40000.00", Implementation.PLANNED),
    ("Przebudowa boiska przy ul. Lwowskiej", "900000.00", None),
]


def demo_photo(colour) -> SimpleUploadedFile:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), colour).save(buffer, "PNG")
    return SimpleUploadedFile("zdjecie.png", buffer.getvalue(), content_type="image/png")


def voters(ctx, n, start):
    """Keyed hashes of invented, valid PESEL numbers (adults born 1950-1998)."""
    for i in range(start, start + n):
        year = 50 + (i * 7) % 49
        yield pesel_hash(
            with_checksum(f"{year:02d}{1 + i % 12:02d}{1 + i % 28:02d}{i % 10000:04d}")
        )


def seed(ctx):
    city = ctx.shared.get("municipalities", {}).get("city") or home_municipality()
    users = ctx.shared.get("users", {})
    official, resident = users.get(Role.OFFICIAL), users.get(Role.RESIDENT)
    if city is None or official is None:
        return
    # Fresh from the database: the regional demo moved the city's pages, and a user
    # object remembers the tree paths it was given.
    official = type(official).objects.get(pk=official.pk)
    year = ctx.now.year

    current = make_edition(
        city,
        phase=Phase.VOTING,
        name=f"Budżet obywatelski {year + 1}",
        resolution=f"Uchwała nr XII/140/{year} Rady Miasta",
        description="Mieszkańcy decydują o 2,45 mln zł z budżetu miasta.",
    )
    city_pool = make_pool(
        current,
        name="Cała gmina",
        amount="2000000.00",
        residents=140_000,
        signatures_required=100,
    )
    district = make_pool(
        current,
        name="Osiedle Przylep",
        kind=PoolKind.DISTRICT,
        amount="300000.00",
        residents=9_000,
        signatures_required=9,
        voting_rule=VotingRule.COUNT,
        max_choices=2,
        position=1,
    )
    sunny = make_pool(
        current,
        name="Osiedle Słoneczne",
        kind=PoolKind.DISTRICT,
        amount="150000.00",
        residents=6_500,
        signatures_required=6,
        position=2,
    )
    pools = {"city": city_pool, "przylep": district, "sloneczne": sunny}
    projects = []
    for title, where, cost in CURRENT:
        pool = pools[where]
        project = make_project(
            pool, author=resident, title=title, cost=cost, status=Status.ADMITTED
        )
        Support.objects.bulk_create(
            Support(
                project=project,
                full_name=f"Mieszkaniec {i}",
                address="Zielonogród",
                entered_by=official,
            )
            for i in range(pool.signatures_required)
        )
        projects.append(project)
    rejected = make_project(
        city_pool,
        author=resident,
        title="Parking wielopoziomowy przy rynku",
        cost="1900000.00",
        status=Status.REJECTED,
        formal_ok=True,
        legal_ok=True,
        technical_ok=False,
        reasoning="Koszt i czas budowy przekraczają możliwości jednej edycji budżetu.",
        verified_at=current.verification_end,
    )
    Appeal.objects.create(
        project=rejected,
        text="Proszę o ponowną ocenę kosztów.",
        outcome=Appeal.Outcome.DISMISSED,
        outcome_reasoning="Kosztorys potwierdzono.",
        decided_at=current.appeals_end,
        decided_by=official,
    )
    # Everyone votes in the city pool; two in three also in their one district.
    for i, digest in enumerate(voters(ctx, 60, 1)):
        chosen_pools = [city_pool] + ([district if i % 3 == 1 else sunny] if i % 3 else [])
        for pool in chosen_pools:
            choices = [p for p in projects if p.pool_id == pool.pk][: 1 + i % 2]
            make_ballot(pool, choices, pesel_hash=digest)

    finished = make_edition(
        city,
        phase=Phase.IMPLEMENTATION,
        name=f"Budżet obywatelski {year - 1}",
        resolution=f"Uchwała nr L/601/{year - 2} Rady Miasta",
        tie_break=TieBreak.LOWER_COST,
    )
    pool = make_pool(finished, name="Cała gmina", amount="1000000.00", residents=139_000)
    done = []
    for title, cost, _state in FINISHED:
        done.append(
            make_project(pool, author=resident, title=title, cost=cost, status=Status.ADMITTED)
        )
    for i, digest in enumerate(voters(ctx, 150, 500)):
        make_ballot(pool, [done[(i + k) % len(done)] for k in range(1 + i % 3)], pesel_hash=digest)
    publish_results(by=official, edition=finished)
    for project, (_title, _cost, state) in zip(done, FINISHED, strict=True):
        project.refresh_from_db()
        if state and project.selected:
            update_implementation(
                by=official,
                project=project,
                status=state,
                note="Prace prowadzi Zarząd Zieleni Miejskiej."
                if state != Implementation.PLANNED
                else "",
                image=demo_photo("#3a7d44") if state == Implementation.DONE else None,
                alt_text="Nowy skwer z ławkami i młodymi drzewami",
            )
    ctx.say(
        f"Budget: “{current.name}” in voting ({len(projects)} projects), "
        f"“{finished.name}” with results and implementation."
    )
