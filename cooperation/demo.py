"""Demo: the city's public benefit council with its term and an open call for candidates,
two working groups with meetings and published minutes, an opinion and proposals.
All people are invented; e-mails are @example.org."""

import datetime

from accounts.factories import MembershipFactory, UserFactory
from accounts.models import Role
from cms_pages.models import ResolutionPage
from consultations.models import ConsultationPage

from .factories import BodyFactory, BodyMemberFactory, MeetingFactory, MinutesFactory, TermFactory
from .models import (
    BodyKind,
    BodyResolution,
    Candidate,
    CandidateCall,
    MemberRole,
    Minutes,
    TaskProposal,
)

PEOPLE = [
    ("Halina", "Borowiecka"),
    ("Jerzy", "Modrzejewski"),
    ("Ewa", "Kaczmarska"),
    ("Łukasz", "Wiśniowiecki"),
    ("Irena", "Zalewska-Pstrąg"),
    ("Marek", "Topolski"),
]


def _person(first, last, organisation=None):
    username = f"{first}.{last}".lower().replace("ł", "l").replace("ś", "s").replace("ą", "a")
    user = UserFactory(
        username=username,
        email=f"{username}@example.org",
        first_name=first,
        last_name=last,
        roles=[Role.NGO_REPRESENTATIVE],
    )
    if organisation is not None:
        MembershipFactory(user=user, organisation=organisation, function="członek zarządu")
    return user


def seed(ctx):
    city = ctx.shared.get("municipalities", {}).get("city")
    users = ctx.shared.get("users", {})
    organisations = ctx.shared.get("organisations", [])
    if city is None or len(organisations) < 6 or Role.OFFICIAL not in users:
        return
    now = ctx.now
    today = now.date()
    official = users[Role.OFFICIAL]
    ngo_user = users[Role.NGO_REPRESENTATIVE]
    people = [_person(first, last, organisations[i + 1]) for i, (first, last) in enumerate(PEOPLE)]

    council = BodyFactory(
        municipality=city,
        kind=BodyKind.COUNCIL,
        name="Rada Działalności Pożytku Publicznego Miasta Zielonogród",
        slug="rada-pozytku",
        area="",
        description="Organ konsultacyjny i opiniodawczy (art. 41a–41i ustawy o działalności "
        "pożytku publicznego i o wolontariacie): połowa członków to przedstawiciele organizacji.",
        contact_email="rada.pozytku@zielonogrod.example.org",
    )
    term = TermFactory(
        body=council,
        name="2024–2027",
        starts_on=datetime.date(2024, 3, 1),
        ends_on=datetime.date(2027, 2, 28),
    )
    for person, role in zip(
        people[:3], [MemberRole.CHAIR, MemberRole.SECRETARY, MemberRole.MEMBER], strict=True
    ):
        BodyMemberFactory(
            body=council,
            user=person,
            organisation=person.memberships.first().organisation,
            role=role,
            term=term,
            starts_on=term.starts_on,
            ends_on=term.ends_on,
        )
    BodyMemberFactory(
        body=council, user=official, role=MemberRole.DEPUTY, term=term, starts_on=term.starts_on
    )

    ecology = BodyFactory(
        municipality=city,
        name="Grupa robocza ds. ekologii i zieleni miejskiej",
        slug="grupa-ekologia",
        area="ecology",
        description="Organizacje ekologiczne i Wydział Ochrony Środowiska: zieleń, parki, "
        "edukacja ekologiczna.",
    )
    seniors = BodyFactory(
        municipality=city,
        name="Grupa robocza ds. seniorów",
        slug="grupa-seniorzy",
        area="seniors",
        description="Kluby seniora, uniwersytet trzeciego wieku i ośrodek pomocy społecznej.",
    )
    start = datetime.date(2025, 1, 15)
    BodyMemberFactory(
        body=ecology,
        user=ngo_user,
        organisation=organisations[0],
        role=MemberRole.SECRETARY,
        starts_on=start,
    )
    BodyMemberFactory(
        body=ecology,
        user=people[3],
        organisation=organisations[4],
        role=MemberRole.CHAIR,
        starts_on=start,
    )
    BodyMemberFactory(body=ecology, user=official, starts_on=start)
    BodyMemberFactory(
        body=seniors,
        user=people[4],
        organisation=organisations[5],
        role=MemberRole.CHAIR,
        starts_on=start,
    )
    BodyMemberFactory(
        body=seniors,
        user=people[5],
        organisation=organisations[6],
        role=MemberRole.SECRETARY,
        starts_on=start,
    )
    BodyMemberFactory(body=seniors, user=official, starts_on=start)

    for body, topic in [
        (ecology, "nasadzenia drzew w parku Tkackim"),
        (seniors, "Senioralnych Dni Zielonogrodu"),
    ]:
        past = MeetingFactory(
            body=body,
            starts_at=now - datetime.timedelta(days=30),
            place="Urząd Miasta, sala sesyjna, pl. Rynek 1",
            agenda=f"Otwarcie\nOmówienie {topic}\nPropozycje zadań na przyszły rok\nSprawy różne",
        )
        MinutesFactory(
            meeting=past,
            text=f"Obecni: 6 osób. Grupa omówiła sprawę {topic} i przyjęła wnioski jednogłośnie.",
            status=Minutes.Status.PUBLISHED,
            drafted_by=official,
            drafted_at=now - datetime.timedelta(days=28),
            approved_by=official,
            approved_at=now - datetime.timedelta(days=20),
            published_at=now - datetime.timedelta(days=20),
        )
        MeetingFactory(
            body=body,
            starts_at=now + datetime.timedelta(days=12),
            place="Centrum Organizacji Pozarządowych, ul. Tkacka 4",
            agenda="Otwarcie\nPlan pracy na kolejny kwartał\nSprawy różne",
        )

    TaskProposal.objects.create(
        body=ecology,
        title="Miejskie warsztaty zakładania łąk kwietnych",
        description="Cykl 10 warsztatów dla mieszkańców i szkół, z materiałem siewnym.",
        area="ecology",
        estimated_cost="18500.00",
        submitted_by=ngo_user,
        submitted_on=today - datetime.timedelta(days=45),
    )
    TaskProposal.objects.create(
        body=seniors,
        title="Telefon życzliwości dla samotnych seniorów",
        description="Dyżury wolontariuszy pięć dni w tygodniu.",
        area="seniors",
        estimated_cost="24000.00",
        submitted_by=people[4],
        submitted_on=today - datetime.timedelta(days=20),
        answer="Zadanie zostanie wpisane do projektu programu współpracy na przyszły rok.",
        answered_by=official,
        answered_at=now - datetime.timedelta(days=5),
    )

    opinion = BodyResolution.objects.create(
        body=council,
        kind=BodyResolution.Kind.OPINION,
        number="3/2026",
        adopted_on=today - datetime.timedelta(days=10),
        title="Opinia o projekcie programu współpracy z organizacjami pozarządowymi",
        text="Rada pozytywnie opiniuje projekt programu i wnosi o zwiększenie puli małych grantów.",
    )
    act = ResolutionPage.objects.live().descendant_of(city.home_page).order_by("path").first()
    consultation = (
        ConsultationPage.objects.live().descendant_of(city.home_page).order_by("path").first()
    )
    if act is not None:
        opinion.acts.add(act)
    if consultation is not None:
        opinion.consultations.add(consultation)

    call = CandidateCall.objects.create(
        body=council,
        term=TermFactory(
            body=council,
            name="2027–2030",
            starts_on=datetime.date(2027, 3, 1),
            ends_on=datetime.date(2030, 2, 28),
        ),
        title="Nabór kandydatów do Rady Pożytku na kadencję 2027–2030",
        description="Każda organizacja działająca w mieście zgłasza jednego kandydata i oddaje "
        "jeden głos. Organizacje wybierają 5 członków Rady.",
        seats=5,
        nominations_open_at=now - datetime.timedelta(days=3),
        nominations_close_at=now + datetime.timedelta(days=11),
        voting_open_at=now + datetime.timedelta(days=14),
        voting_close_at=now + datetime.timedelta(days=21),
    )
    Candidate.objects.create(
        call=call,
        organisation=people[0].memberships.first().organisation,
        user=people[0],
        statement="Od 12 lat prowadzi klub seniora; obecna przewodnicząca Rady.",
        nominated_by=people[0],
    )
    lipowa = _lipowa_council(ctx)
    ctx.say(
        "Cooperation: the city's public benefit council (term 2024–2027, an open call for "
        "candidates), 2 working groups with meetings and published minutes, 2 proposals"
        + (f"; {lipowa}'s council with an open call." if lipowa else ".")
    )


def _lipowa_council(ctx) -> str:
    """The rural gmina's council and its call: the local informal group has nominated;
    the city's organisations (the demo NGO among them) are told they cannot."""
    from accounts.models import Organisation
    from organisations.demo import INFORMAL_GROUP

    region = ctx.shared.get("municipalities", {}).get("region", [])
    lipowa = next((m for m in region if m.slug == "lipowa-dolina"), None)
    group = Organisation.objects.filter(name=INFORMAL_GROUP).first()
    if lipowa is None or group is None:
        return ""
    now = ctx.now
    council = BodyFactory(
        municipality=lipowa,
        kind=BodyKind.COUNCIL,
        name="Rada Działalności Pożytku Publicznego Gminy Lipowa Dolina",
        slug="rada-pozytku",
        area="",
        description="Rada opiniuje program współpracy gminy z organizacjami pozarządowymi.",
        contact_email="rada.pozytku@lipowa.example.org",
    )
    call = CandidateCall.objects.create(
        body=council,
        term=TermFactory(
            body=council,
            name="2026–2029",
            starts_on=datetime.date(2026, 6, 1),
            ends_on=datetime.date(2029, 5, 31),
        ),
        title="Nabór kandydatów do Rady Pożytku Gminy Lipowa Dolina",
        description="Kandydatów zgłaszają organizacje działające na terenie gminy; "
        "organizacje wybierają 3 członków Rady.",
        seats=3,
        nominations_open_at=now - datetime.timedelta(days=2),
        nominations_close_at=now + datetime.timedelta(days=12),
        voting_open_at=now + datetime.timedelta(days=15),
        voting_close_at=now + datetime.timedelta(days=22),
    )
    person = _person("Halina", "Przykładowa", group)
    Candidate.objects.create(
        call=call,
        organisation=group,
        user=person,
        statement="Od lat organizuje wiosenne sprzątanie brzegu Lipki.",
        nominated_by=person,
    )
    return lipowa.name
