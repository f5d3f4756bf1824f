"""Demo: legal forms, where the organisations work, an informal group, volunteers wanted,
a profile change waiting for an official and the demo NGO's proposals of news and
events (invented organisations and people)."""

from django.utils.text import slugify

from accounts.factories import OrganisationFactory
from accounts.legal_forms import LegalForm
from accounts.models import Organisation, Role
from municipalities.services import home_municipality

from .models import ProfileChange
from .proposal_demo import seed_proposals

INFORMAL_GROUP = "Grupa Nieformalna Sąsiedzi z Lipowej"
LEGAL_FORMS = {
    "Uczniowski Klub Sportowy Delfin": (LegalForm.STUDENT_SPORTS_CLUB, "SO.4110.7.2019"),
    "Klub Sportowy Orlęta Zielonogród": (LegalForm.ORDINARY_ASSOCIATION, "SO.512.12.2016"),
}
PUBLIC_BENEFIT = ["Fundacja Zielony Skwer", "Stowarzyszenie Seniorzy w Akcji"]
VOLUNTEERS = {
    "Stowarzyszenie Pomocy Sąsiedzkiej „Razem”": "Szukamy osób, które raz w tygodniu "
    "zrobią zakupy starszym sąsiadom. Napisz do nas.",
    "Fundacja Teatr pod Lipami": "Potrzebujemy pomocy przy scenografii i na widowni "
    "podczas letnich spektakli.",
}


def seed(ctx):
    organisations = list(Organisation.objects.exclude(legal_form=LegalForm.INFORMAL_GROUP))
    city = home_municipality()
    region = [m for m in ctx.shared.get("municipalities", {}).get("region", []) if m != city]
    local = [m for m in region if m.kind != "association"]
    for organisation in organisations:
        if organisation.name.startswith("Fundacja"):
            organisation.legal_form = LegalForm.FOUNDATION
        if organisation.name in LEGAL_FORMS:
            organisation.legal_form, organisation.register_number = LEGAL_FORMS[organisation.name]
            organisation.krs = None
        organisation.is_public_benefit = organisation.name in PUBLIC_BENEFIT
        if organisation.name in VOLUNTEERS:
            organisation.volunteers_wanted = True
            organisation.volunteers_text = VOLUNTEERS[organisation.name]
        organisation.save()
        if city:
            organisation.municipalities.add(city)
    # One organisation works in three municipalities: one profile states all of them.
    wide = Organisation.objects.filter(name="Fundacja Zdrowie na Co Dzień").first()
    if wide and local:
        wide.municipalities.add(*local[:2])
        wide.districts = "Stare Miasto, wsie gminy Lipowa"
        wide.save()

    group = OrganisationFactory(
        name=INFORMAL_GROUP,
        slug=slugify(INFORMAL_GROUP),
        legal_form=LegalForm.INFORMAL_GROUP,
        krs=None,
        nip="",
        group_members="Halina Przykładowa\nBogdan Testowski\nIrena Wymyślona",
        areas=["communities", "ecology"],
        city="Lipowa",
        street="",
        postal_code="",
        email="sasiedzi-lipowa@example.org",
        description="Sąsiedzi, którzy co wiosnę sprzątają brzeg Lipki i sadzą kwiaty.",
        volunteers_wanted=True,
        volunteers_text="Dołącz do sprzątania brzegu Lipki w kwietniu.",
    )
    if local:
        group.municipalities.set(local[:1])

    users = ctx.shared.get("users", {})
    first = ctx.shared.get("organisations", [None])[0]
    if first and users.get(Role.NGO_REPRESENTATIVE):
        ProfileChange.objects.update_or_create(
            organisation=first,
            status=ProfileChange.Status.PENDING,
            defaults={
                "submitted_by": users[Role.NGO_REPRESENTATIVE],
                "changes": {
                    "description": first.description
                    + " Prowadzimy warsztaty ogrodnicze dla dzieci.",
                    "volunteers_wanted": True,
                    "volunteers_text": "Szukamy ogrodników-wolontariuszy na soboty.",
                },
            },
        )
    proposals = seed_proposals(ctx)
    ctx.say(
        f"Organisations: legal forms and where they work; {INFORMAL_GROUP!r} (informal group); "
        "a profile change waiting in the admin's Profile changes; "
        f"{proposals} proposals of news and events (one waiting in the editors' review)."
    )
