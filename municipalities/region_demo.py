"""Demo subregion, seeded after the city's content: the operator's regional page
(region.localhost), a rural gmina (lipowa.localhost) and a powiat (powiat.localhost),
each with a little content. The city keeps its address (localhost). All names,
people and contacts are invented."""

import datetime

from cms_pages import factories as cms
from cms_pages.models import (
    ActType,
    CallIndexPage,
    EventIndexPage,
    IssuingBody,
    NewsIndexPage,
    ResolutionIndexPage,
)
from consultations.factories import ConsultationPageFactory
from consultations.models import ConsultationIndexPage

from .kinds import MunicipalityKind
from .services import MunicipalityData, add_municipality, home_municipality, staff_group_name

OPERATOR = MunicipalityData(
    name="Związek Gmin Doliny Lipki",
    kind=MunicipalityKind.ASSOCIATION,
    slug="dolina-lipki",
    hostname="region.localhost",
    office_name="Biuro Związku Gmin Doliny Lipki",
    office_address="ul. Ratuszowa 3\n65-100 Zielonogród",
    contact_email="biuro@dolina-lipki.example.org",
    contact_phone="+48 68 000 10 10",
)
MEMBERS = [
    (
        MunicipalityData(
            name="Gmina Lipowa Dolina",
            kind=MunicipalityKind.RURAL,
            teryt="0809052",
            slug="lipowa-dolina",
            hostname="lipowa.localhost",
            office_name="Urząd Gminy Lipowa Dolina",
            office_address="ul. Kościelna 1\n66-010 Lipowa Dolina",
            contact_email="ug@lipowa-dolina.example.org",
            contact_phone="+48 68 000 20 20",
        ),
        {"council": IssuingBody.MUNICIPAL_COUNCIL, "number": "XI/87/2026", "place": "świetlica"},
    ),
    (
        MunicipalityData(
            name="Powiat Zielonogrodzki",
            kind=MunicipalityKind.COUNTY,
            teryt="0809",
            slug="powiat-zielonogrodzki",
            hostname="powiat.localhost",
            office_name="Starostwo Powiatowe w Zielonogrodzie",
            office_address="ul. Podgórna 5\n65-100 Zielonogród",
            contact_email="starostwo@powiat-zielonogrodzki.example.org",
            contact_phone="+48 68 000 30 30",
        ),
        {"council": IssuingBody.COUNTY_COUNCIL, "number": "XVI/120/2026", "place": "sala sesyjna"},
    ),
]


def _content(municipality, details, now):
    home = municipality.home_page
    day = datetime.timedelta(days=1)
    short = municipality.name.split(" ", 1)[1]
    cms.NewsPageFactory(
        parent=NewsIndexPage.objects.child_of(home).get(),
        title=f"{short}: nabór do rady działalności pożytku publicznego",
        lead="Organizacje mogą zgłaszać kandydatów do 15 dnia przyszłego miesiąca.",
    )
    cms.ResolutionPageFactory(
        parent=ResolutionIndexPage.objects.child_of(home).get(),
        title="w sprawie programu współpracy z organizacjami pozarządowymi na 2027 rok",
        act_type=ActType.RESOLUTION,
        number=details["number"],
        issuing_body=details["council"],
        adopted_on=datetime.date(2026, 3, 26),
    )
    cms.CallForProposalsPageFactory(
        parent=CallIndexPage.objects.child_of(home).get(),
        title=f"{short}: otwarty konkurs ofert na zajęcia dla seniorów",
        task_area="seniors",
        offer_deadline=now + 25 * day,
    )
    cms.EventPageFactory(
        parent=EventIndexPage.objects.child_of(home).get(),
        title=f"{short}: spotkanie z organizacjami",
        start=now + 9 * day,
        end=now + 9 * day + datetime.timedelta(hours=2),
        place=details["place"],
        address=municipality.office_address.replace("\n", ", "),
    )
    ConsultationPageFactory(
        parent=ConsultationIndexPage.objects.child_of(home).get(),
        title=f"{short}: konsultacje projektu programu współpracy na 2027 rok",
        subject="projekt programu współpracy z organizacjami pozarządowymi na 2027 rok",
        organiser=municipality.office_name,
        contact=municipality.contact_email,
        start_at=now - 2 * day,
        end_at=now + 19 * day,
    )


def _name_the_city(city) -> None:
    """The migration named the city's window after the site; give it its real data."""
    from wagtail.models import Site

    from cms_pages.models import PortalSettings

    portal = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    city.name = f"Miasto {portal.city_name or 'Zielonogród'}"
    city.kind = MunicipalityKind.CITY_COUNTY
    city.teryt = "0862011"
    city.slug = "zielonogrod"
    city.office_name = portal.office_name
    city.office_address = portal.office_address
    city.contact_email = portal.contact_email
    city.contact_phone = portal.contact_phone
    city.full_clean(exclude=["home_page", "staff_group"])
    city.save()
    city.staff_group.name = staff_group_name(city.name)
    city.staff_group.save()


# An official and an editor for each demo municipality (invented people; the password is
# the demo's, printed on screen). The city's are the accounts seeded by accounts/demo.py.
STAFF = {
    "lipowa-dolina": [
        ("Official", "urzednik@lipowa.example.org", "Henryk", "Modrzejewski"),
        ("Editor", "redakcja@lipowa.example.org", "Joanna", "Olszyńska"),
    ],
    "powiat-zielonogrodzki": [
        ("Official", "urzednik@powiat.example.org", "Grażyna", "Brzozowska"),
        ("Editor", "redakcja@powiat.example.org", "Karol", "Jesionek"),
    ],
}


def _staff(municipality) -> list[str]:
    from accounts.demo import DEMO_PASSWORD
    from accounts.factories import UserFactory

    from .services import add_staff

    lines = []
    for role, email, first, last in STAFF.get(municipality.slug, []):
        user = UserFactory(
            username=email.replace("@", ".").split(".example")[0],
            email=email,
            first_name=first,
            last_name=last,
            password=DEMO_PASSWORD,
            roles=[role],
            is_staff=False,
        )
        add_staff(user=user, municipality=municipality)
        lines.append(f"  {role} of {municipality.name}: {email} / {DEMO_PASSWORD}")
    return lines


def seed(ctx):
    now = ctx.now
    city = home_municipality()
    if city is not None:
        _name_the_city(city)
    operator = add_municipality(OPERATOR)
    regional = operator.home_page.specific
    regional.lead = "Konsultacje, konkursy i wydarzenia samorządów Doliny Lipki w jednym okienku."
    regional.save_revision().publish()
    members = [operator]
    for data, details in MEMBERS:
        municipality = add_municipality(data)
        _content(municipality, details, now)
        members.append(municipality)
        for line in _staff(municipality):
            ctx.say(line)
    ctx.shared.setdefault("municipalities", {})["region"] = members
    ctx.say(
        "Subregion: http://region.localhost:8000/ (regional page), "
        "http://lipowa.localhost:8000/, http://powiat.localhost:8000/"
    )
