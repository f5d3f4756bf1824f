"""Demo consultations: one open, one finished with its report, one planned.

Built through the same services an official uses (import_draft, publish_version,
post_comment, enter_offline_comment, hide_comment, respond, publish_report), so the
demo shows what the portal really does. Comments of the finished consultation are
written with the factory because the services refuse comments after the deadline.
All names, organisations and addresses are invented.
"""

import datetime

from accounts.models import Role

from . import services
from .factories import CommentFactory, ConsultationIndexPageFactory, ConsultationPageFactory
from .models import Channel, Clause, CommentGroup, ResponseStatus
from .reports.grouping import group_similar_comments

CITY = "Miasta Zielonogrodu"

PROGRAMME_DRAFT = """\
UCHWAŁA NR …/…/2026
RADY MIASTA ZIELONOGRODU
z dnia … 2026 r.

w sprawie przyjęcia Rocznego programu współpracy Miasta Zielonogrodu z organizacjami \
pozarządowymi oraz podmiotami wymienionymi w art. 3 ust. 3 ustawy o działalności pożytku \
publicznego i o wolontariacie na rok 2027

Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym oraz \
art. 5a ust. 1 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o \
wolontariacie Rada Miasta Zielonogrodu uchwala, co następuje:

Rozdział 1
Postanowienia ogólne

§ 1. 1. Przyjmuje się Roczny program współpracy Miasta Zielonogrodu z organizacjami \
pozarządowymi na rok 2027, zwany dalej „programem”.
2. Ilekroć w programie jest mowa o:
1) ustawie – należy przez to rozumieć ustawę z dnia 24 kwietnia 2003 r. o działalności \
pożytku publicznego i o wolontariacie;
2) organizacjach – należy przez to rozumieć organizacje pozarządowe oraz podmioty \
wymienione w art. 3 ust. 3 ustawy;
3) Radzie Pożytku – należy przez to rozumieć Zielonogrodzką Radę Działalności Pożytku \
Publicznego.

Rozdział 2
Cele programu

§ 2. 1. Celem głównym programu jest budowanie partnerstwa między Miastem a organizacjami \
w rozwiązywaniu problemów mieszkańców.
2. Celami szczegółowymi programu są:
1) wzmocnienie potencjału organizacji, w szczególności:
a) organizacji działających krócej niż dwa lata,
b) grup nieformalnych i inicjatyw sąsiedzkich;
2) zwiększenie udziału mieszkańców w życiu publicznym;
3) poprawa dostępności usług publicznych dla osób z niepełnosprawnościami.

Rozdział 3
Formy współpracy

§ 3. Współpraca Miasta z organizacjami odbywa się w formach:
1) finansowych, poprzez powierzanie i wspieranie wykonania zadań publicznych wraz \
z udzieleniem dotacji;
2) pozafinansowych, w szczególności:
– wzajemnego informowania się o planowanych kierunkach działalności,
– konsultowania projektów aktów prawa miejscowego,
– użyczania lokali Centrum Organizacji Pozarządowych przy ul. Tkackiej 12.

§ 4. Otwarte konkursy ofert ogłasza Prezydent Miasta nie później niż do dnia 31 stycznia 2027 r.

Rozdział 4
Priorytetowe zadania publiczne

§ 5. Za priorytetowe zadania publiczne w 2027 r. uznaje się zadania z zakresu:
1) pomocy społecznej i działalności na rzecz osób w wieku emerytalnym;
2) kultury, sztuki, ochrony dóbr kultury i dziedzictwa narodowego;
3) wspierania i upowszechniania kultury fizycznej;
4) ekologii i ochrony zwierząt.

Rozdział 5
Wysokość środków i ocena realizacji programu

§ 6. 1. Na realizację programu przeznacza się kwotę 2 450 000 zł.
2. Miernikami efektywności programu są w szczególności:
1) liczba ogłoszonych otwartych konkursów ofert;
2) liczba zawartych umów;
3) liczba mieszkańców objętych działaniami organizacji.
3. Sprawozdanie z realizacji programu Prezydent Miasta przedkłada Radzie Miasta do dnia \
31 maja 2028 r.

§ 7. Wykonanie uchwały powierza się Prezydentowi Miasta Zielonogrodu.

§ 8. Uchwała wchodzi w życie z dniem 1 stycznia 2027 r.
"""

GRANTS_DRAFT = """\
UCHWAŁA NR …/…/2026
RADY MIASTA ZIELONOGRODU

w sprawie regulaminu przyznawania mikrodotacji na inicjatywy sąsiedzkie „Zielone Podwórka”

Na podstawie art. 19a ust. 1 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku \
publicznego i o wolontariacie Rada Miasta Zielonogrodu uchwala, co następuje:

§ 1. Uchwala się regulamin przyznawania mikrodotacji na inicjatywy sąsiedzkie.

§ 2. 1. O mikrodotację mogą ubiegać się organizacje pozarządowe działające na terenie Miasta.
2. Wysokość jednej mikrodotacji nie może przekroczyć 5 000 zł.
3. Realizacja inicjatywy nie może trwać dłużej niż 60 dni.

§ 3. 1. Oferty można składać w Biurze Obsługi Mieszkańców przy pl. Rynek 1.
2. Oferty ocenia komisja w terminie 14 dni od ich złożenia, biorąc pod uwagę:
1) znaczenie inicjatywy dla mieszkańców;
2) udział wolontariuszy;
3) koszty inicjatywy.

§ 4. Wykonanie uchwały powierza się Prezydentowi Miasta Zielonogrodu.

§ 5. Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia.
"""

# The version adopted after the consultation: what the authority accepted.
GRANTS_ADOPTED = (
    GRANTS_DRAFT.replace(
        "nie może przekroczyć 5 000 zł.",
        "nie może przekroczyć 8 000 zł.",
    )
    .replace(
        "1. Oferty można składać w Biurze Obsługi Mieszkańców przy pl. Rynek 1.",
        "1. Oferty można składać w Biurze Obsługi Mieszkańców przy pl. Rynek 1 albo "
        "przez portal Okienko.",
    )
    .replace("w terminie 14 dni", "w terminie 10 dni")
)

CAMPAIGN_LETTER = (
    "Jako mieszkańcy osiedla Nad Stawem wnosimy o podniesienie kwoty mikrodotacji do 8 000 zł. "
    "Kwota 5 000 zł nie wystarcza na zakup ławek i nasadzeń."
)

PLANNED_DRAFT = """\
UCHWAŁA NR …/…/2027
RADY MIASTA ZIELONOGRODU

w sprawie Zielonogrodzkiej Nagrody Społecznej im. Wolontariuszy Doliny Odry

§ 1. Ustanawia się Zielonogrodzką Nagrodę Społeczną dla organizacji pozarządowych.

§ 2. 1. Nagrodę przyznaje Prezydent Miasta raz w roku, w Dniu Organizacji Pozarządowych.
2. Kandydatów do nagrody mogą zgłaszać:
a) organizacje pozarządowe,
b) radni Miasta,
c) grupa co najmniej 15 mieszkańców.

§ 3. Nagroda ma formę statuetki i nagrody pieniężnej w wysokości 10 000 zł.

§ 4. Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia.
"""


def _clause(version, citation):
    return Clause.objects.get(version=version, citation=citation)


def _with_draft(consultation, text, official):
    version = services.import_draft(consultation=consultation, text=text, by=official)
    return services.publish_version(version=version, by=official)


def _open_consultation(index, now, users, organisation):
    official = users[Role.OFFICIAL]
    resident = users[Role.RESIDENT]
    ngo = users[Role.NGO_REPRESENTATIVE]
    consultation = ConsultationPageFactory(
        parent=index,
        title="Roczny program współpracy z organizacjami pozarządowymi na 2027 rok",
        slug="program-wspolpracy-2027",
        subject=(
            f"Projekt uchwały Rady {CITY} w sprawie przyjęcia Rocznego programu współpracy "
            "z organizacjami pozarządowymi na rok 2027"
        ),
        lead=(
            "Zapraszamy organizacje pozarządowe i mieszkańców do zgłaszania uwag do projektu "
            "programu współpracy na 2027 rok. Uwagi można zgłaszać do każdego paragrafu, "
            "ustępu i punktu."
        ),
        start_at=now - datetime.timedelta(days=5),
        end_at=now + datetime.timedelta(days=16),
        form=(
            "uwagi przez portal, pocztą elektroniczną, na piśmie oraz na spotkaniu "
            "konsultacyjnym w Centrum Organizacji Pozarządowych"
        ),
        organiser="Biuro ds. Organizacji Pozarządowych, Urząd Miasta Zielonogrodu",
        contact="konsultacje@zielonogrod.example.org, tel. 68 455 12 30",
    )
    version = _with_draft(consultation, PROGRAMME_DRAFT, official)
    text = services.CommentText
    first = services.post_comment(
        consultation=consultation,
        user=ngo,
        organisation=organisation,
        clause=_clause(version, "§ 6 ust. 1"),
        text=text(
            comment="Kwota przeznaczona na program jest o 8% niższa niż w 2026 roku, "
            "choć liczba organizacji wzrosła.",
            proposed_wording="1. Na realizację programu przeznacza się kwotę 2 700 000 zł.",
            justification="W 2026 r. w konkursach złożono 64 oferty, dofinansowano 29.",
        ),
    )
    services.reply(
        parent=first,
        user=resident,
        text=text(comment="Popieram. Brakuje zwłaszcza środków na zajęcia dla seniorów."),
    )
    services.post_comment(
        consultation=consultation,
        user=resident,
        clause=_clause(version, "§ 5 pkt 4"),
        text=text(
            comment="Proszę dopisać do priorytetów opiekę nad kotami wolno żyjącymi — "
            "karmiciele działają dziś bez żadnego wsparcia.",
        ),
    )
    services.post_comment(
        consultation=consultation,
        user=ngo,
        organisation=organisation,
        clause=_clause(version, "§ 4"),
        text=text(
            comment="Termin 31 stycznia jest zbyt późny dla zadań realizowanych od ferii.",
            proposed_wording="§ 4. Otwarte konkursy ofert ogłasza Prezydent Miasta nie "
            "później niż do dnia 30 listopada 2026 r.",
        ),
    )
    services.post_comment(
        consultation=consultation,
        user=resident,
        text=text(
            comment="Dobrze, że program jest konsultowany przez portal. Prośba o spotkanie "
            "konsultacyjne także w godzinach popołudniowych."
        ),
    )
    off_topic = services.post_comment(
        consultation=consultation,
        user=resident,
        clause=_clause(version, "§ 3 pkt 2 tiret 3"),
        text=text(comment="Sprzedam rower miejski, stan dobry, kontakt na priv."),
    )
    services.hide_comment(
        comment=off_topic,
        reason="Wpis niezwiązany z konsultowanym projektem (ogłoszenie handlowe).",
        by=official,
    )
    services.enter_offline_comment(
        consultation=consultation,
        clause=_clause(version, "§ 2 ust. 2 pkt 3"),
        channel=Channel.PAPER,
        submitter_name="Stowarzyszenie Pomocy Sąsiedzkiej „Razem”",
        text=text(
            comment="Wnosimy o dopisanie celu: wsparcie osób starszych mieszkających samotnie.",
            justification="Pismo złożone w Biurze Obsługi Mieszkańców.",
        ),
        entered_by=official,
    )
    return consultation


def _reported_consultation(index, now, users, organisations):
    official = users[Role.OFFICIAL]
    resident = users[Role.RESIDENT]
    ngo = users[Role.NGO_REPRESENTATIVE]
    consultation = ConsultationPageFactory(
        parent=index,
        title="Regulamin mikrodotacji „Zielone Podwórka”",
        slug="mikrodotacje-zielone-podworka",
        subject=(
            f"Projekt uchwały Rady {CITY} w sprawie regulaminu przyznawania mikrodotacji "
            "na inicjatywy sąsiedzkie „Zielone Podwórka”"
        ),
        lead="Konsultacje zakończone. Sprawozdanie z konsultacji jest opublikowane poniżej.",
        start_at=now - datetime.timedelta(days=75),
        end_at=now - datetime.timedelta(days=45),
        form="uwagi przez portal i pocztą elektroniczną",
        organiser="Wydział Zieleni Miejskiej, Urząd Miasta Zielonogrodu",
        contact="zielen@zielonogrod.example.org",
    )
    version = _with_draft(consultation, GRANTS_DRAFT, official)
    amount = _clause(version, "§ 2 ust. 2")
    submitted = now - datetime.timedelta(days=60)
    comments = [
        CommentFactory(
            clause=amount,
            user=user,
            comment=CAMPAIGN_LETTER,
            submit_date=submitted + datetime.timedelta(hours=i),
        )
        for i, user in enumerate([resident, *_neighbours(3)])
    ]
    offices = CommentFactory(
        clause=_clause(version, "§ 3 ust. 1"),
        user=ngo,
        organisation=organisations[0],
        comment="Proszę umożliwić składanie ofert także elektronicznie.",
        proposed_wording="1. Oferty można składać w Biurze Obsługi Mieszkańców przy pl. Rynek 1 "
        "albo przez portal Okienko.",
        submit_date=submitted,
    )
    duration = CommentFactory(
        clause=_clause(version, "§ 2 ust. 3"),
        user=ngo,
        organisation=organisations[0],
        comment="60 dni to za mało na inicjatywy ogrodnicze; proponujemy 120 dni.",
        justification="Sezon nasadzeń trwa od kwietnia do czerwca.",
        submit_date=submitted,
    )
    review = CommentFactory(
        clause=_clause(version, "§ 3 ust. 2"),
        user=None,
        user_name="Koło Gospodyń Wiejskich w Przylepie",
        submitter_name="Koło Gospodyń Wiejskich w Przylepie",
        channel=Channel.EMAIL,
        entered_by=official,
        comment="Prosimy o skrócenie terminu oceny ofert do 10 dni.",
        submit_date=submitted,
    )
    group_similar_comments(consultation=consultation)
    group = CommentGroup.objects.filter(consultation=consultation).first()
    if group is not None:
        services.respond_to_group(
            group=group,
            status=ResponseStatus.ACCEPTED,
            text="Kwota mikrodotacji zostaje podniesiona do 8 000 zł.",
            by=official,
        )
    else:  # grouping threshold changed: answer the letters one by one
        for comment in comments:
            services.respond(comment=comment, status=ResponseStatus.ACCEPTED, by=official)
    services.respond(comment=offices, status=ResponseStatus.ACCEPTED, by=official)
    services.respond(
        comment=duration,
        status=ResponseStatus.REJECTED,
        text="Inicjatywy trwające dłużej mogą ubiegać się o dotację w otwartym konkursie ofert.",
        by=official,
    )
    services.respond(
        comment=review,
        status=ResponseStatus.PARTLY,
        text="Termin oceny skrócono do 10 dni; komisja zbiera się co dwa tygodnie.",
        by=official,
    )
    services.publish_report(
        consultation=consultation,
        by=official,
        intro="Wpłynęło 7 uwag od 6 podmiotów. Większość dotyczyła wysokości mikrodotacji.",
    )
    adopted = services.import_draft(consultation=consultation, text=GRANTS_ADOPTED, by=official)
    services.publish_version(version=adopted, by=official)
    return consultation


def _neighbours(count):
    from accounts.factories import UserFactory

    names = [("Halina", "Mroczek"), ("Bogdan", "Sitarz"), ("Ewa", "Lisowska")]
    return [
        UserFactory(
            username=f"sasiad{i + 1}",
            email=f"sasiad{i + 1}@poczta.example.org",
            first_name=first,
            last_name=last,
            roles=[Role.RESIDENT],
        )
        for i, (first, last) in enumerate(names[:count])
    ]


SPORT_DRAFT = """\
ZARZĄDZENIE NR …/2026
PREZYDENTA MIASTA ZIELONOGRODU

w sprawie zasad korzystania z miejskich obiektów sportowych przez kluby i stowarzyszenia

§ 1. 1. Kluby i stowarzyszenia korzystają z hal sportowych Miasta nieodpłatnie w dni robocze \
w godzinach 15.00–21.00.
2. Rezerwacji dokonuje się za pośrednictwem Zielonogrodzkiego Ośrodka Sportu.

§ 2. Pierwszeństwo w rezerwacji mają zajęcia dla dzieci i młodzieży.

§ 3. Zarządzenie wchodzi w życie z dniem podpisania.
"""


def _closed_consultation(index, now, users, organisations):
    """Closed two days ago: the comments wait for the official's answers."""
    official = users[Role.OFFICIAL]
    consultation = ConsultationPageFactory(
        parent=index,
        title="Zasady korzystania z miejskich obiektów sportowych",
        slug="obiekty-sportowe",
        subject="Projekt zarządzenia Prezydenta Miasta w sprawie zasad korzystania z miejskich "
        "obiektów sportowych przez kluby i stowarzyszenia",
        lead="Konsultacje zakończone. Urząd przygotowuje odpowiedzi na zgłoszone uwagi.",
        start_at=now - datetime.timedelta(days=23),
        end_at=now - datetime.timedelta(days=2),
        form="uwagi przez portal",
        organiser="Wydział Sportu i Rekreacji",
        contact="sport@zielonogrod.example.org",
    )
    version = _with_draft(consultation, SPORT_DRAFT, official)
    submitted = now - datetime.timedelta(days=10)
    CommentFactory(
        clause=_clause(version, "§ 1 ust. 1"),
        user=users[Role.NGO_REPRESENTATIVE],
        organisation=organisations[0],
        comment="Prosimy o udostępnienie hal także w soboty w godzinach 9.00–14.00.",
        proposed_wording="1. Kluby i stowarzyszenia korzystają z hal sportowych Miasta "
        "nieodpłatnie w dni robocze w godzinach 15.00–21.00 oraz w soboty w godzinach 9.00–14.00.",
        submit_date=submitted,
    )
    CommentFactory(
        clause=_clause(version, "§ 2"),
        user=users[Role.RESIDENT],
        comment="Pierwszeństwo powinny mieć także zajęcia dla seniorów.",
        submit_date=submitted + datetime.timedelta(hours=5),
    )
    return consultation


def _planned_consultation(index, now, users):
    consultation = ConsultationPageFactory(
        parent=index,
        title="Zielonogrodzka Nagroda Społeczna",
        slug="zielonogrodzka-nagroda-spoleczna",
        subject=f"Projekt uchwały Rady {CITY} w sprawie Zielonogrodzkiej Nagrody Społecznej",
        lead="Konsultacje rozpoczną się za 10 dni. Projekt można już przeczytać.",
        start_at=now + datetime.timedelta(days=10),
        end_at=now + datetime.timedelta(days=31),
        form="uwagi przez portal",
        organiser="Biuro ds. Organizacji Pozarządowych",
        contact="konsultacje@zielonogrod.example.org",
    )
    _with_draft(consultation, PLANNED_DRAFT, users[Role.OFFICIAL])
    return consultation


def seed(ctx):
    users = ctx.shared["users"]
    organisations = ctx.shared["organisations"]
    organisation = users[Role.NGO_REPRESENTATIVE].memberships.filter(status="approved").first()
    organisation = organisation.organisation if organisation else None
    home = ctx.shared["cms"]["home"]
    index = ConsultationIndexPageFactory(
        parent=home,
        title="Konsultacje",
        slug="konsultacje",
        intro=(
            "<p>Projekty uchwał i programów, które Miasto konsultuje z organizacjami "
            "pozarządowymi i mieszkańcami. Uwagi można zgłaszać do każdego przepisu.</p>"
        ),
    )
    consultations = [
        _open_consultation(index, ctx.now, users, organisation),
        _reported_consultation(index, ctx.now, users, organisations),
        _closed_consultation(index, ctx.now, users, organisations),
        _planned_consultation(index, ctx.now, users),
    ]
    ctx.shared["consultations"] = consultations
    ctx.say(
        "Consultations: 1 open (with comments, a reply, a hidden and a paper comment), "
        "1 closed and waiting for answers, 1 finished with its published report and adopted "
        "version, 1 planned."
    )
