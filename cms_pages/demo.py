"""Demo content of the one-stop window for the invented city of Zielonogród.

Everything here is invented: people, phone numbers (+48 68 555 …), e-mails
(example.org), numbers of acts. Dates are relative to ctx.now, so upcoming events
stay upcoming whenever the demo is loaded; the rest is fixed or drawn from ctx.rng.
"""

import datetime
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Site

from cms_pages import factories
from cms_pages.models import (
    ActStatus,
    ActType,
    CallDocument,
    CallStatus,
    DocumentCategory,
    EventKind,
    IssuingBody,
    PortalSettings,
    ProgrammeKind,
)

CITY = "Zielonogród"
OFFICE = "Urząd Miasta Zielonogród"
OFFICE_ADDRESS = "pl. Ratuszowy 1\n65-001 Zielonogród"
CONTACT_EMAIL = "ngo@zielonogrod.example.org"
CONTACT_PHONE = "+48 68 555 01 00"


def rich(*paragraphs: str) -> list:
    """StreamField data: one rich-text block per paragraph."""
    return [("paragraph", f"<p>{p}</p>") for p in paragraphs]


def local(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


# --- News ---------------------------------------------------------------------------------
CATEGORIES = [
    ("Dotacje i konkursy", "dotacje-i-konkursy"),
    ("Szkolenia", "szkolenia"),
    ("Współpraca", "wspolpraca"),
    ("Komunikaty", "komunikaty"),
]

NEWS = [
    (
        "Ruszył nabór ofert na zadania z zakresu kultury w 2027 roku",
        "dotacje-i-konkursy",
        ["konkurs ofert", "kultura", "dotacje"],
        "Prezydent Miasta Zielonogród ogłosił otwarty konkurs ofert na realizację zadań "
        "publicznych z zakresu kultury, sztuki i ochrony dziedzictwa narodowego.",
        [
            "Na realizację zadań w 2027 roku miasto przeznaczyło 480 000 zł. O dotację mogą "
            "ubiegać się fundacje, stowarzyszenia i inne podmioty prowadzące działalność "
            "pożytku publicznego, które działają na rzecz mieszkańców Zielonogrodu.",
            "Oferty można składać wyłącznie przez generator ofert dostępny na portalu Okienko. "
            "Wydrukowane i podpisane potwierdzenie złożenia oferty należy dostarczyć do "
            "Biura Obsługi Mieszkańców przy placu Ratuszowym 1.",
            "Szczegółowe warunki, w tym kryteria oceny i wzory dokumentów, znajdują się w "
            "ogłoszeniu konkursowym. Pracownicy Biura ds. Organizacji Pozarządowych odpowiadają "
            "na pytania od poniedziałku do piątku w godzinach 8.00–15.00.",
        ],
    ),
    (
        "Zaproszenie na Dzień Organizacji Pozarządowych",
        "wspolpraca",
        ["Dzień NGO", "wydarzenia"],
        "Już wkrótce na Rynku Staromiejskim spotkają się organizacje, mieszkańcy i "
        "przedstawiciele władz miasta. Zapraszamy do udziału w pikniku i debacie.",
        [
            "Dzień Organizacji Pozarządowych to okazja, by pokazać mieszkańcom, czym na co dzień "
            "zajmują się zielonogrodzkie fundacje i stowarzyszenia. Każda organizacja może "
            "bezpłatnie otrzymać stoisko wystawiennicze.",
            "W programie przewidziano debatę o przyszłości współpracy miasta z sektorem "
            "pozarządowym, warsztaty dla dzieci oraz wręczenie nagród w konkursie "
            "„Społecznik Roku”.",
            "Zgłoszenia stoisk przyjmujemy do końca miesiąca poprzez formularz w Okienku lub "
            "pod adresem ngo@zielonogrod.example.org.",
        ],
    ),
    (
        "Projekt programu współpracy na 2027 rok – zapraszamy do konsultacji",
        "wspolpraca",
        ["program współpracy", "konsultacje"],
        "Przygotowaliśmy projekt rocznego programu współpracy Miasta Zielonogród z "
        "organizacjami pozarządowymi. Czekamy na Państwa uwagi.",
        [
            "Program określa cele, zasady i formy współpracy, a także priorytetowe zadania "
            "publiczne, na które miasto przeznaczy środki w przyszłym roku. Po raz pierwszy "
            "projekt przewiduje mikrogranty dla grup nieformalnych.",
            "Uwagi można zgłaszać do każdego paragrafu projektu bezpośrednio na portalu. "
            "Wszystkie opinie zostaną opublikowane wraz z odpowiedziami w raporcie z konsultacji.",
        ],
    ),
    (
        "Bezpłatne szkolenie: jak rozliczyć dotację",
        "szkolenia",
        ["szkolenia", "sprawozdania"],
        "Centrum Organizacji Pozarządowych zaprasza na szkolenie dla osób odpowiedzialnych "
        "za sprawozdania z realizacji zadań publicznych.",
        [
            "Podczas zajęć omówimy najczęstsze błędy w sprawozdaniach, zasady dokumentowania "
            "wydatków oraz przesunięcia między pozycjami kosztorysu.",
            "Szkolenie poprowadzi doświadczona trenerka, która od lat wspiera organizacje w "
            "rozliczaniu projektów. Liczba miejsc jest ograniczona – decyduje kolejność zgłoszeń.",
            "Uczestnicy otrzymają materiały szkoleniowe oraz zaświadczenie o udziale.",
        ],
    ),
    (
        "Wyniki konkursu na wspieranie aktywności seniorów",
        "dotacje-i-konkursy",
        ["seniorzy", "wyniki konkursu"],
        "Komisja konkursowa oceniła 14 ofert. Dotacje otrzyma dziewięć organizacji.",
        [
            "Łączna kwota przyznanych dotacji wynosi 210 000 zł. Dzięki nim w każdej dzielnicy "
            "powstaną kluby seniora, a starsi mieszkańcy wezmą udział w zajęciach ruchowych, "
            "kursach komputerowych i wycieczkach krajoznawczych.",
            "Organizacje, których oferty zostały wybrane, prosimy o kontakt w sprawie "
            "podpisania umów. Pełna lista wyników znajduje się na stronie konkursu.",
        ],
    ),
    (
        "Nabór kandydatów do Rady Działalności Pożytku Publicznego",
        "wspolpraca",
        ["rada pożytku", "nabór"],
        "Organizacje pozarządowe mogą zgłaszać kandydatów do Zielonogrodzkiej Rady "
        "Działalności Pożytku Publicznego kolejnej kadencji.",
        [
            "Rada jest organem konsultacyjnym i opiniodawczym Prezydenta Miasta. Opiniuje "
            "projekty uchwał dotyczących współpracy z organizacjami oraz program współpracy.",
            "Każda organizacja może zgłosić jednego kandydata. Zgłoszenie musi zawierać zgodę "
            "kandydata na kandydowanie oraz podpisy osób uprawnionych do reprezentacji.",
            "Wybory przedstawicieli organizacji odbędą się podczas otwartego spotkania w "
            "Centrum Organizacji Pozarządowych przy ulicy Tkackiej 12.",
        ],
    ),
    (
        "Nowy lokal Centrum Organizacji Pozarządowych na Osiedlu Słonecznym",
        "komunikaty",
        ["centrum NGO", "lokale"],
        "Druga siedziba Centrum Organizacji Pozarządowych rozpoczęła działalność. "
        "Organizacje mogą bezpłatnie rezerwować salę spotkań.",
        [
            "Lokal przy ulicy Kasztanowej 4 jest w pełni dostępny dla osób z "
            "niepełnosprawnościami: ma wejście bez progów, pętlę indukcyjną i toaletę "
            "przystosowaną dla osób poruszających się na wózkach.",
            "Rezerwacji sali można dokonać telefonicznie lub mailowo. Pierwszeństwo mają "
            "organizacje, które nie posiadają własnej siedziby.",
        ],
    ),
    (
        "Zmiana terminu składania sprawozdań za 2025 rok",
        "komunikaty",
        ["sprawozdania", "terminy"],
        "Informujemy, że termin składania sprawozdań końcowych z realizacji zadań "
        "publicznych zleconych w 2025 roku został wydłużony.",
        [
            "Zmiana wynika z prośby Rady Działalności Pożytku Publicznego, która zwróciła uwagę "
            "na zbieg terminów z obowiązkami sprawozdawczymi wobec innych instytucji.",
            "Sprawozdania należy składać na obowiązującym wzorze, dostępnym w bibliotece "
            "dokumentów.",
        ],
    ),
    (
        "Mikrogranty dla młodzieży – ruszamy z drugą edycją",
        "dotacje-i-konkursy",
        ["mikrogranty", "młodzież"],
        "Grupy młodzieżowe mogą otrzymać do 5 000 zł na realizację własnych pomysłów "
        "w sąsiedztwie.",
        [
            "W pierwszej edycji programu młodzi mieszkańcy Zielonogrodu zorganizowali m.in. "
            "turniej gier planszowych, warsztaty muralu i sprzątanie brzegów Młynówki.",
            "Wnioski składa się przez organizację pozarządową, która udziela grupie wsparcia "
            "formalnego. Operator programu pomaga na każdym etapie – od pomysłu po rozliczenie.",
            "Nabór potrwa trzy tygodnie. Spotkania informacyjne zaplanowano w szkołach "
            "ponadpodstawowych.",
        ],
    ),
    (
        "Sprawozdanie z realizacji programu współpracy za 2025 rok",
        "wspolpraca",
        ["program współpracy", "sprawozdania"],
        "Opublikowaliśmy sprawozdanie z realizacji rocznego programu współpracy za 2025 rok.",
        [
            "W 2025 roku miasto zleciło organizacjom pozarządowym realizację 126 zadań "
            "publicznych na łączną kwotę ponad 6,8 mln zł. Najwięcej środków przeznaczono na "
            "sport, pomoc społeczną i kulturę.",
            "Sprawozdanie zawiera także informacje o pozafinansowych formach współpracy: "
            "konsultacjach, udostępnianiu lokali i wspólnych zespołach.",
        ],
    ),
    (
        "Dyżury doradcy prawnego dla organizacji",
        "szkolenia",
        ["doradztwo", "centrum NGO"],
        "W każdy wtorek w Centrum Organizacji Pozarządowych dyżuruje radca prawny.",
        [
            "Doradca pomaga w sprawach statutowych, zmianach w KRS, umowach z wolontariuszami "
            "oraz przygotowaniu dokumentów do konkursów.",
            "Na konsultację trzeba się wcześniej zapisać. Porady są bezpłatne dla organizacji "
            "działających na terenie Zielonogrodu.",
        ],
    ),
    (
        "Podsumowanie konsultacji regulaminu budżetu obywatelskiego",
        "komunikaty",
        ["konsultacje", "budżet obywatelski"],
        "Zakończyły się konsultacje projektu regulaminu budżetu obywatelskiego. Wpłynęło "
        "87 uwag od mieszkańców i organizacji.",
        [
            "Najwięcej uwag dotyczyło progu poparcia dla projektów oraz zasad głosowania osób "
            "niepełnoletnich. Część postulatów została uwzględniona w poprawionym projekcie.",
            "Raport z konsultacji zawiera wszystkie uwagi wraz ze stanowiskiem miasta.",
        ],
    ),
]

# --- Resolutions and orders ------------------------------------------------------------------
RESOLUTIONS = [
    (
        ActType.RESOLUTION,
        "XII/145/2025",
        datetime.date(2025, 11, 27),
        IssuingBody.CITY_COUNCIL,
        ActStatus.IN_FORCE,
        "ngo_cooperation",
        "w sprawie przyjęcia Rocznego programu współpracy Miasta Zielonogród z organizacjami "
        "pozarządowymi na 2026 rok",
        "Rada Miasta przyjmuje program współpracy na 2026 rok, określający priorytetowe zadania "
        "publiczne i wysokość środków na ich realizację.",
    ),
    (
        ActType.RESOLUTION,
        "LXX/812/2024",
        datetime.date(2024, 11, 28),
        IssuingBody.CITY_COUNCIL,
        ActStatus.IN_FORCE,
        "ngo_cooperation",
        "w sprawie przyjęcia Rocznego programu współpracy Miasta Zielonogród z organizacjami "
        "pozarządowymi na 2025 rok",
        "Program na 2025 rok wprowadza mikrogranty i tryb pozakonkursowy dla małych zadań.",
    ),
    (
        ActType.RESOLUTION,
        "XLIV/378/2010",
        datetime.date(2010, 11, 18),
        IssuingBody.CITY_COUNCIL,
        ActStatus.REPEALED,
        "ngo_cooperation",
        "w sprawie określenia szczegółowego sposobu konsultowania z organizacjami "
        "pozarządowymi projektów aktów prawa miejscowego",
        "Uchwała określała zasady konsultacji; została uchylona uchwałą z 2023 roku.",
    ),
    (
        ActType.RESOLUTION,
        "LII/601/2023",
        datetime.date(2023, 9, 28),
        IssuingBody.CITY_COUNCIL,
        ActStatus.IN_FORCE,
        "civic",
        "w sprawie zasad i trybu przeprowadzania konsultacji społecznych z mieszkańcami "
        "Miasta Zielonogród",
        "Konsultacje prowadzi się m.in. przez portal Okienko, spotkania otwarte i badania "
        "ankietowe; raport publikuje się w ciągu 30 dni.",
    ),
    (
        ActType.ORDER,
        "14/2026",
        datetime.date(2026, 1, 12),
        IssuingBody.PRESIDENT,
        ActStatus.IN_FORCE,
        "culture",
        "w sprawie ogłoszenia otwartego konkursu ofert na realizację zadań publicznych z "
        "zakresu kultury w 2026 roku",
        "Prezydent ogłasza konkurs i przeznacza na jego realizację 450 000 zł.",
    ),
    (
        ActType.ORDER,
        "57/2026",
        datetime.date(2026, 2, 20),
        IssuingBody.PRESIDENT,
        ActStatus.IN_FORCE,
        "culture",
        "w sprawie powołania komisji konkursowej do opiniowania ofert złożonych w otwartym "
        "konkursie ofert z zakresu kultury",
        "W skład komisji wchodzi trzech przedstawicieli Prezydenta i dwóch przedstawicieli "
        "organizacji pozarządowych.",
    ),
    (
        ActType.ORDER,
        "102/2026",
        datetime.date(2026, 3, 31),
        IssuingBody.PRESIDENT,
        ActStatus.IN_FORCE,
        "seniors",
        "w sprawie rozstrzygnięcia otwartego konkursu ofert na wspieranie aktywności seniorów",
        "Prezydent przyznaje dotacje dziewięciu organizacjom na łączną kwotę 210 000 zł.",
    ),
    (
        ActType.ANNOUNCEMENT,
        "3/2026",
        datetime.date(2026, 2, 2),
        IssuingBody.PRESIDENT,
        ActStatus.IN_FORCE,
        "budget",
        "w sprawie wykazu organizacji, którym udzielono dotacji w 2025 roku",
        "Obwieszczenie zawiera wykaz umów dotacyjnych zawartych w 2025 roku.",
    ),
    (
        ActType.RESOLUTION,
        "XV/190/2026",
        datetime.date(2026, 2, 26),
        IssuingBody.CITY_COUNCIL,
        ActStatus.IN_FORCE,
        "ngo_cooperation",
        "w sprawie powołania Zielonogrodzkiej Rady Działalności Pożytku Publicznego",
        "Rada liczy dziesięciu członków, w tym pięciu przedstawicieli organizacji.",
    ),
    (
        ActType.RESOLUTION,
        "XVIII/221/2026",
        datetime.date(2026, 5, 28),
        IssuingBody.CITY_COUNCIL,
        ActStatus.DRAFT,
        "ngo_cooperation",
        "w sprawie przyjęcia Wieloletniego programu współpracy Miasta Zielonogród z "
        "organizacjami pozarządowymi na lata 2027–2031",
        "Projekt uchwały skierowany do konsultacji z organizacjami pozarządowymi.",
    ),
]

# --- Calls for proposals ---------------------------------------------------------------------
CALLS = [
    # title, area, lead, amount, deadline offset (days), status
    (
        "Otwarty konkurs ofert na realizację zadań z zakresu kultury w 2027 roku",
        "culture",
        "Wspieranie inicjatyw kulturalnych: festiwale, warsztaty artystyczne, ochrona "
        "dziedzictwa lokalnego.",
        Decimal("480000.00"),
        21,
        CallStatus.OPEN,
    ),
    (
        "Otwarty konkurs ofert na wspieranie aktywności seniorów w 2026 roku",
        "seniors",
        "Kluby seniora, zajęcia ruchowe, edukacja cyfrowa osób starszych.",
        Decimal("210000.00"),
        -60,
        CallStatus.RESOLVED,
    ),
    (
        "Otwarty konkurs ofert na organizację wypoczynku letniego dzieci i młodzieży",
        "youth",
        "Półkolonie i obozy dla dzieci z rodzin w trudnej sytuacji życiowej.",
        Decimal("1250000.00"),
        -5,
        CallStatus.EVALUATION,
    ),
    (
        "Otwarty konkurs ofert na prowadzenie punktu nieodpłatnej pomocy prawnej",
        "civic",
        "Prowadzenie punktu nieodpłatnej pomocy prawnej i edukacji prawnej w Zielonogrodzie.",
        Decimal("128700.00"),
        -30,
        CallStatus.CANCELLED,
    ),
]

CALL_TERMS = [
    "Oferty mogą składać organizacje pozarządowe oraz podmioty wymienione w art. 3 ust. 3 "
    "ustawy o działalności pożytku publicznego i o wolontariacie.",
    "Dotacja nie może przekroczyć 90% kosztów zadania. Wkład własny może mieć formę "
    "finansową, osobową (praca wolontariuszy) lub rzeczową.",
    "Oferty oceni komisja konkursowa według kryteriów określonych w ogłoszeniu: możliwość "
    "realizacji zadania, kalkulacja kosztów, jakość działań i kwalifikacje osób, udział "
    "środków własnych oraz dotychczasowa współpraca z miastem.",
]

# --- Events -----------------------------------------------------------------------------------
EVENTS = [
    # title, kind, day offset, start hour, duration hours, place, address, lead
    (
        "Dzień Organizacji Pozarządowych 2026",
        EventKind.NGO_DAY,
        24,
        11,
        6,
        "Rynek Staromiejski",
        "Rynek Staromiejski, 65-001 Zielonogród",
        "Piknik organizacji, debata o współpracy i wręczenie nagród „Społecznik Roku”.",
    ),
    (
        "Szkolenie: jak napisać dobrą ofertę konkursową",
        EventKind.TRAINING,
        9,
        16,
        3,
        "Centrum Organizacji Pozarządowych, sala 2",
        "ul. Tkacka 12, 65-100 Zielonogród",
        "Praktyczne warsztaty z przygotowania oferty, kosztorysu i harmonogramu.",
    ),
    (
        "Spotkanie konsultacyjne: program współpracy na 2027 rok",
        EventKind.CONSULTATION,
        4,
        17,
        2,
        "Urząd Miasta, sala sesyjna",
        "pl. Ratuszowy 1, 65-001 Zielonogród",
        "Omówienie projektu programu i zbieranie uwag organizacji.",
    ),
    (
        "Szkolenie: RODO w organizacji pozarządowej",
        EventKind.TRAINING,
        -12,
        10,
        4,
        "Centrum Organizacji Pozarządowych, sala 1",
        "ul. Tkacka 12, 65-100 Zielonogród",
        "Obowiązki informacyjne, rejestr czynności przetwarzania, umowy powierzenia.",
    ),
    (
        "Posiedzenie Rady Działalności Pożytku Publicznego",
        EventKind.MEETING,
        -20,
        15,
        2,
        "Urząd Miasta, sala 104",
        "pl. Ratuszowy 1, 65-001 Zielonogród",
        "Posiedzenie otwarte dla publiczności; w porządku obrad opinia o projekcie programu.",
    ),
    (
        "Forum Organizacji Pozarządowych Zielonogrodu",
        EventKind.CONFERENCE,
        -45,
        9,
        7,
        "Zielonogrodzki Dom Kultury",
        "ul. Sienkiewicza 20, 65-002 Zielonogród",
        "Doroczne forum: wystąpienia, panele tematyczne i targi organizacji.",
    ),
]

# --- Support centres --------------------------------------------------------------------------
CENTRES = [
    {
        "title": "Centrum Organizacji Pozarządowych „Tkacka 12”",
        "lead": "Główne centrum wsparcia: doradztwo, szkolenia, sale spotkań i coworking "
        "dla organizacji.",
        "street": "ul. Tkacka 12",
        "postal_code": "65-100",
        "email": "centrum@zielonogrod.example.org",
        "phone": "+48 68 555 01 20",
        "accessibility": "Wejście bez progów, winda, pętla indukcyjna w sali 1, toaleta dla "
        "osób z niepełnosprawnościami.",
        "hours": [
            (1, datetime.time(9), datetime.time(18), ""),
            (2, datetime.time(9), datetime.time(18), "dyżur radcy prawnego 14.00–17.00"),
            (3, datetime.time(9), datetime.time(18), ""),
            (4, datetime.time(9), datetime.time(20), ""),
            (5, datetime.time(9), datetime.time(16), ""),
            (6, None, None, "nieczynne"),
        ],
        "people": [
            {
                "name": "Irena Modrzewska",
                "role": "koordynatorka centrum",
                "email": "i.modrzewska@zielonogrod.example.org",
                "phone": "+48 68 555 01 21",
            },
            {
                "name": "Bartosz Jarzębina",
                "role": "doradca ds. dotacji",
                "email": "b.jarzebina@zielonogrod.example.org",
                "phone": "+48 68 555 01 22",
            },
        ],
        "services": [
            ("Doradztwo w zakresie dotacji", "Pomoc w przygotowaniu ofert i sprawozdań."),
            ("Porady prawne", "Statut, KRS, umowy – po wcześniejszym zapisie."),
            ("Sale spotkań", "Bezpłatnie dla organizacji z Zielonogrodu."),
            ("Szkolenia", "Cykl szkoleń dla zarządów i księgowych organizacji."),
        ],
    },
    {
        "title": "Centrum Wspierania Organizacji – Osiedle Słoneczne",
        "lead": "Filia centrum dla organizacji i grup nieformalnych z dzielnic północnych.",
        "street": "ul. Kasztanowa 4",
        "postal_code": "65-120",
        "email": "sloneczne@zielonogrod.example.org",
        "phone": "+48 68 555 01 30",
        "accessibility": "Lokal na parterze, wejście bez progów, miejsce parkingowe dla osób "
        "z niepełnosprawnościami.",
        "hours": [
            (1, datetime.time(12), datetime.time(19), ""),
            (3, datetime.time(12), datetime.time(19), ""),
            (5, datetime.time(10), datetime.time(15), ""),
        ],
        "people": [
            {
                "name": "Natalia Wrzosek",
                "role": "animatorka lokalna",
                "email": "n.wrzosek@zielonogrod.example.org",
                "phone": "+48 68 555 01 31",
            },
        ],
        "services": [
            ("Wsparcie grup nieformalnych", "Od pomysłu do założenia stowarzyszenia."),
            ("Mikrogranty", "Punkt informacyjny programu mikrograntów."),
        ],
    },
]

# --- Document library ------------------------------------------------------------------------
LIBRARY = [
    (
        "Wzór oferty realizacji zadania publicznego",
        "docx",
        DocumentCategory.FORMS,
        "Formularz zgodny z rozporządzeniem w sprawie wzorów ofert.",
        [
            "I. Podstawowe informacje o złożonej ofercie.",
            "II. Dane oferenta: nazwa, numer KRS, adres siedziby, osoby upoważnione do "
            "składania wyjaśnień.",
            "III. Opis zadania: syntetyczny opis, plan i harmonogram działań, zakładane rezultaty.",
            "IV. Charakterystyka oferenta i zestawienie kosztów realizacji zadania.",
        ],
    ),
    (
        "Wzór sprawozdania z wykonania zadania publicznego",
        "docx",
        DocumentCategory.FORMS,
        "",
        [
            "Część I. Sprawozdanie merytoryczne: opis osiągniętych rezultatów i działań.",
            "Część II. Sprawozdanie z wykonania wydatków: rozliczenie ze względu na rodzaj kosztów "
            "i źródło finansowania.",
        ],
    ),
    (
        "Regulamin pracy komisji konkursowych",
        "pdf",
        DocumentCategory.LAW,
        "Załącznik do zarządzenia Prezydenta Miasta.",
        [
            "§ 1. Komisja konkursowa opiniuje oferty złożone w otwartych konkursach ofert.",
            "§ 2. W skład komisji wchodzą przedstawiciele Prezydenta Miasta oraz osoby wskazane "
            "przez organizacje pozarządowe.",
            "§ 3. Członkowie komisji podpisują oświadczenie o bezstronności.",
        ],
    ),
    (
        "Sprawozdanie z realizacji programu współpracy za 2025 rok",
        "pdf",
        DocumentCategory.REPORTS,
        "Dane o dotacjach, konsultacjach i pozafinansowych formach współpracy.",
        [
            "W 2025 roku miasto zleciło organizacjom realizację 126 zadań publicznych.",
            "Łączna kwota dotacji wyniosła 6 842 300 zł.",
            "Przeprowadzono 9 konsultacji projektów aktów prawa miejscowego.",
        ],
    ),
    (
        "Poradnik: jak założyć stowarzyszenie",
        "txt",
        DocumentCategory.GUIDES,
        "Krótki poradnik krok po kroku.",
        [
            "1. Zbierzcie co najmniej siedem osób, które chcą razem działać.",
            "2. Przygotujcie statut i zwołajcie zebranie założycielskie.",
            "3. Złóżcie wniosek o wpis do Krajowego Rejestru Sądowego.",
        ],
    ),
]

# --- Standard pages ---------------------------------------------------------------------------
ABOUT_BODY = [
    ("heading", "Czym jest Okienko"),
    (
        "paragraph",
        "<p>Okienko to miejski portal, w którym mieszkańcy, organizacje pozarządowe i Urząd "
        "Miasta Zielonogród spotykają się w jednym miejscu. Znajdziesz tu aktualności, "
        "ogłoszenia konkursów ofert, uchwały i zarządzenia, kalendarz szkoleń oraz konsultacje "
        "projektów aktów prawa miejscowego.</p>",
    ),
    ("heading", "Kto prowadzi portal"),
    (
        "paragraph",
        "<p>Portal prowadzi Biuro ds. Organizacji Pozarządowych Urzędu Miasta Zielonogród. "
        "Treści publikują redaktorzy urzędu, a organizacje mogą zakładać konta i zabierać głos "
        "w konsultacjach w imieniu swoich członków.</p>",
    ),
]


def accessibility_body(published: datetime.date, updated: datetime.date) -> list:
    p = "paragraph"
    return [
        (
            p,
            f"<p>{OFFICE} zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie "
            "z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i "
            "aplikacji mobilnych podmiotów publicznych. Oświadczenie w sprawie dostępności ma "
            "zastosowanie do strony internetowej portalu Okienko.</p>"
            f"<ul><li>Data publikacji strony internetowej: {published:%Y-%m-%d}.</li>"
            f"<li>Data ostatniej istotnej aktualizacji: {updated:%Y-%m-%d}.</li></ul>",
        ),
        ("heading", "Stan dostępności cyfrowej"),
        (
            p,
            "<p>Strona internetowa jest częściowo zgodna z ustawą o dostępności cyfrowej "
            "stron internetowych i aplikacji mobilnych podmiotów publicznych z powodu "
            "niezgodności lub wyłączeń wymienionych poniżej.</p>"
            "<ul><li>Część dokumentów PDF opublikowanych przed 2020 rokiem nie jest w pełni "
            "dostępna cyfrowo (skany uchwał).</li>"
            "<li>Filmy z sesji Rady Miasta nie mają audiodeskrypcji.</li></ul>",
        ),
        ("heading", "Przygotowanie deklaracji w sprawie dostępności"),
        (
            p,
            f"<p>Deklarację sporządzono dnia {updated:%Y-%m-%d} na podstawie samooceny "
            "przeprowadzonej przez podmiot publiczny, z wykorzystaniem automatycznych testów "
            "zgodności z WCAG 2.1 na poziomie AA oraz testów z użyciem klawiatury i czytnika "
            "ekranu.</p>",
        ),
        ("heading", "Skróty klawiaturowe"),
        (
            p,
            "<p>Na stronie nie stosujemy własnych skrótów klawiaturowych. Pierwszy element "
            "strony to łącze „Przejdź do treści głównej”, widoczne po naciśnięciu klawisza "
            "Tab.</p>",
        ),
        ("heading", "Informacje zwrotne i dane kontaktowe"),
        (
            p,
            "<p>W przypadku problemów z dostępnością strony internetowej prosimy o kontakt. "
            "Osobą kontaktową jest Joanna Leśniewska, adres e-mail: "
            "dostepnosc@zielonogrod.example.org, telefon: +48 68 555 01 05. Tą samą drogą "
            "można składać wnioski o udostępnienie informacji niedostępnej oraz składać "
            "żądania zapewnienia dostępności.</p>",
        ),
        ("heading", "Obsługa wniosków i skarg związanych z dostępnością"),
        (
            p,
            "<p>Każdy ma prawo do wystąpienia z żądaniem zapewnienia dostępności cyfrowej "
            "strony internetowej lub jakiegoś jej elementu. Można także zażądać udostępnienia "
            "informacji za pomocą alternatywnego sposobu dostępu, na przykład przez odczytanie "
            "niedostępnego cyfrowo dokumentu lub opisanie zawartości filmu bez audiodeskrypcji. "
            "Żądanie powinno zawierać dane osoby zgłaszającej żądanie, wskazanie, o którą stronę "
            "lub element strony chodzi, oraz sposób kontaktu.</p>"
            "<p>Podmiot publiczny powinien zrealizować żądanie niezwłocznie, nie później niż w "
            "ciągu 7 dni od dnia wystąpienia z żądaniem. Jeżeli dotrzymanie tego terminu nie "
            "jest możliwe, podmiot publiczny niezwłocznie informuje o tym wnoszącego żądanie, "
            "kiedy realizacja żądania będzie możliwa, przy czym termin ten nie może być dłuższy "
            "niż 2 miesiące od dnia wystąpienia z żądaniem.</p>"
            "<p>W przypadku odmowy realizacji żądania zapewnienia dostępności lub alternatywnego "
            "sposobu dostępu do informacji wnoszący żądanie może złożyć skargę w sprawie "
            "zapewniania dostępności cyfrowej strony internetowej. Po wyczerpaniu wskazanej "
            "procedury można także złożyć wniosek do Rzecznika Praw Obywatelskich.</p>",
        ),
        ("heading", "Dostępność architektoniczna"),
        (
            p,
            "<p>Siedziba urzędu mieści się przy pl. Ratuszowym 1 w Zielonogrodzie. Do budynku "
            "prowadzi wejście od strony placu, wyposażone w podjazd dla wózków. W budynku "
            "znajduje się winda obsługująca wszystkie kondygnacje oraz toaleta dostosowana dla "
            "osób z niepełnosprawnościami. Do budynku i wszystkich jego pomieszczeń można wejść "
            "z psem asystującym i psem przewodnikiem. W Biurze Obsługi Mieszkańców dostępna jest "
            "pętla indukcyjna; tłumacz polskiego języka migowego jest dostępny po wcześniejszym "
            "zgłoszeniu (co najmniej 3 dni robocze).</p>",
        ),
        ("heading", "Aplikacje mobilne"),
        (p, "<p>Urząd nie udostępnia aplikacji mobilnych związanych z portalem.</p>"),
    ]


PRIVACY_BODY = [
    ("heading", "Administrator danych"),
    (
        "paragraph",
        f"<p>Administratorem danych osobowych użytkowników portalu jest Prezydent Miasta "
        f"Zielonogród, {OFFICE}, pl. Ratuszowy 1, 65-001 Zielonogród. Z inspektorem ochrony "
        "danych można się kontaktować pod adresem iod@zielonogrod.example.org.</p>",
    ),
    ("heading", "Jakie dane przetwarzamy i po co"),
    (
        "paragraph",
        "<p>Przetwarzamy adres e-mail i nazwę wyświetlaną osób, które zakładają konto, w celu "
        "umożliwienia udziału w konsultacjach (art. 6 ust. 1 lit. e RODO) oraz adresy e-mail "
        "subskrybentów newslettera na podstawie zgody (art. 6 ust. 1 lit. a RODO).</p>",
    ),
    ("heading", "Twoje prawa"),
    (
        "paragraph",
        "<p>Masz prawo dostępu do swoich danych, ich sprostowania, usunięcia lub ograniczenia "
        "przetwarzania, a także prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych "
        "Osobowych. Konto możesz usunąć samodzielnie w profilu; opublikowane uwagi pozostają "
        "jako wypowiedzi „usuniętego użytkownika”.</p>",
    ),
    ("heading", "Pliki cookies"),
    (
        "paragraph",
        "<p>Portal używa wyłącznie niezbędnych plików cookies: sesji, zabezpieczenia "
        "formularzy (CSRF) i wyboru języka. Nie stosujemy narzędzi analitycznych ani "
        "reklamowych.</p>",
    ),
]


def seed(ctx):
    home = Site.objects.get(is_default_site=True).root_page.specific
    now = ctx.now
    today = timezone.localtime(now).date()
    rng = ctx.rng

    if not home.lead:
        home.lead = (
            "Miasto, organizacje pozarządowe i mieszkańcy Zielonogrodu w jednym okienku: "
            "konkursy, konsultacje, uchwały i wydarzenia."
        )
        home.save_revision().publish()

    # News ----------------------------------------------------------------------------------
    news_index = factories.NewsIndexPageFactory(
        parent=home,
        title="Aktualności",
        slug="aktualnosci",
        intro="<p>Wiadomości dla organizacji pozarządowych i mieszkańców Zielonogrodu.</p>",
    )
    categories = {
        slug: factories.NewsCategoryFactory(name=name, slug=slug) for name, slug in CATEGORIES
    }
    palettes = [("#0b4f8a", "#f3f5f8"), ("#1e6b30", "#eef6ef"), ("#8a3b00", "#fbf1e9")]
    images = [
        factories.ImageFactory(
            title=f"Ilustracja aktualności {i + 1}",
            description="",
            seed=i,
        )
        for i in range(len(palettes))
    ]
    news_pages = []
    for i, (title, category, tags, lead, paragraphs) in enumerate(NEWS):
        day = today - datetime.timedelta(days=i * 9 + rng.randint(0, 6))
        image = images[i % len(images)] if i % 2 == 0 else None
        news_pages.append(
            factories.NewsPageFactory(
                parent=news_index,
                title=title,
                date=day,
                lead=lead,
                body=rich(*paragraphs),
                category=categories[category],
                tags=tags,
                listing_image=image,
                listing_image_alt=(
                    "Grafika z pasami w barwach portalu Okienko (ilustracja)" if image else ""
                ),
            )
        )

    # Resolutions and orders ---------------------------------------------------------------
    register = factories.ResolutionIndexPageFactory(
        parent=home,
        title="Uchwały i zarządzenia",
        slug="uchwaly",
        intro="<p>Rejestr uchwał Rady Miasta i zarządzeń Prezydenta dotyczących "
        "współpracy z organizacjami pozarządowymi.</p>",
    )
    acts = {}
    for act_type, number, adopted, body, status, area, title, summary in RESOLUTIONS:
        document = factories.DocumentFactory(
            title=f"{dict(ActType.choices)[act_type]} nr {number}",
            fmt="pdf",
            paragraphs=[f"{title}.", summary, f"Zielonogród, dnia {adopted:%d.%m.%Y} r."],
        )
        acts[number] = factories.ResolutionPageFactory(
            parent=register,
            title=title,
            act_type=act_type,
            number=number,
            adopted_on=adopted,
            issuing_body=body,
            status=status,
            subject_area=area,
            summary=f"<p>{summary}</p>",
            document=document,
        )

    # Calls for proposals -------------------------------------------------------------------
    calls_index = factories.CallIndexPageFactory(
        parent=home,
        title="Otwarte konkursy ofert",
        slug="konkursy",
        intro="<p>Konkursy na realizację zadań publicznych (art. 13 ustawy o działalności "
        "pożytku publicznego i o wolontariacie).</p>",
    )
    for title, area, lead, amount, offset, status in CALLS:
        deadline = local(today + datetime.timedelta(days=offset), 15, 30)
        call_kwargs = {}
        if status == CallStatus.RESOLVED:
            call_kwargs["results"] = (
                "<p>Komisja konkursowa oceniła 14 ofert. Dotacje otrzymały:</p><ul>"
                "<li>Stowarzyszenie Seniorzy w Akcji – 42 000,00 zł</li>"
                "<li>Fundacja Zdrowie na Co Dzień – 35 500,00 zł</li>"
                "<li>Stowarzyszenie Pomocy Sąsiedzkiej „Razem” – 28 000,00 zł</li></ul>"
            )
            call_kwargs["results_document"] = factories.DocumentFactory(
                title="Wyniki konkursu – aktywność seniorów",
                fmt="pdf",
                paragraphs=["Zarządzenie nr 102/2026 w sprawie rozstrzygnięcia konkursu."],
            )
        if status == CallStatus.CANCELLED:
            call_kwargs["results"] = (
                "<p>Konkurs unieważniono, ponieważ nie złożono żadnej oferty spełniającej "
                "wymogi formalne. Zadanie zostanie ogłoszone ponownie.</p>"
            )
        terms = factories.DocumentFactory(
            title=f"Ogłoszenie – {title[:60]}", fmt="pdf", paragraphs=[title, *CALL_TERMS]
        )
        factories.CallForProposalsPageFactory(
            parent=calls_index,
            title=title,
            task_area=area,
            lead=lead,
            total_amount=amount,
            offer_deadline=deadline,
            status=status,
            body=[("heading", "Warunki konkursu"), *rich(*CALL_TERMS)],
            documents=[CallDocument(document=terms)],
            **call_kwargs,
        )

    # Programmes and the document library --------------------------------------------------
    programmes = factories.ProgrammeIndexPageFactory(
        parent=home,
        title="Programy współpracy",
        slug="programy-wspolpracy",
        intro="<p>Roczne i wieloletnie programy współpracy Miasta Zielonogród z "
        "organizacjami pozarządowymi.</p>",
    )
    for year, number in ((2026, "XII/145/2025"), (2025, "LXX/812/2024")):
        factories.ProgrammePageFactory(
            parent=programmes,
            title=f"Roczny program współpracy na {year} rok",
            kind=ProgrammeKind.ANNUAL,
            year_from=year,
            summary=(
                f"Program określa cele, zasady, formy i priorytetowe zadania współpracy na "
                f"{year} rok oraz wysokość środków przeznaczonych na jego realizację."
            ),
            body=rich(
                "Celem głównym programu jest budowanie partnerstwa między miastem a "
                "organizacjami pozarządowymi w rozpoznawaniu i zaspokajaniu potrzeb mieszkańców.",
                "Priorytetowe zadania obejmują m.in. pomoc społeczną, kulturę, sport, ochronę "
                "zdrowia, działania na rzecz seniorów oraz edukację ekologiczną.",
            ),
            resolution=acts[number],
            document=factories.DocumentFactory(
                title=f"Program współpracy na {year} rok",
                fmt="pdf",
                paragraphs=[
                    f"Roczny program współpracy Miasta Zielonogród na {year} rok.",
                    "Rozdział 1. Postanowienia ogólne.",
                    "Rozdział 2. Cel główny i cele szczegółowe programu.",
                ],
            ),
        )
    library_documents = [
        (
            factories.DocumentFactory(title=title, fmt=fmt, paragraphs=paragraphs),
            category,
            description,
        )
        for title, fmt, category, description, paragraphs in LIBRARY
    ]
    factories.DocumentLibraryPageFactory(
        parent=programmes,
        title="Biblioteka dokumentów",
        slug="dokumenty",
        intro="<p>Wzory dokumentów, regulaminy, sprawozdania i poradniki do pobrania.</p>",
        documents=library_documents,
    )

    # Events --------------------------------------------------------------------------------
    events_index = factories.EventIndexPageFactory(
        parent=home,
        title="Wydarzenia i szkolenia",
        slug="wydarzenia-i-szkolenia",
        intro="Szkolenia, spotkania i wydarzenia dla organizacji pozarządowych.",
    )
    for title, kind, offset, hour, hours, place, address, lead in EVENTS:
        start = local(today + datetime.timedelta(days=offset), hour)
        factories.EventPageFactory(
            parent=events_index,
            title=title,
            kind=kind,
            start=start,
            end=start + datetime.timedelta(hours=hours),
            place=place,
            address=address,
            lead=lead,
            registration_info=(
                "Udział bezpłatny. Zapisy przez formularz lub telefonicznie: +48 68 555 01 20."
                if kind == EventKind.TRAINING
                else ""
            ),
            registration_url=(
                "https://okienko.example.org/zapisy" if kind == EventKind.TRAINING else ""
            ),
            body=rich(lead),
        )

    # Support centres -------------------------------------------------------------------------
    centres_index = factories.SupportCentreIndexPageFactory(
        parent=home,
        title="Centra wspierania organizacji",
        slug="centra-wsparcia",
        intro="Miejsca, w których organizacje otrzymają bezpłatne doradztwo, sale i szkolenia.",
    )
    for centre in CENTRES:
        data = dict(centre)
        services = data.pop("services")
        factories.SupportCentrePageFactory(
            parent=centres_index,
            city=CITY,
            services=[("service", {"name": n, "description": d}) for n, d in services],
            **data,
        )

    # Standard pages and settings -------------------------------------------------------------
    about = factories.StandardPageFactory(
        parent=home,
        title="O portalu",
        slug="o-portalu",
        intro="Okienko łączy miasto, organizacje pozarządowe i mieszkańców.",
        body=ABOUT_BODY,
        show_in_menus=True,
    )
    published = today - datetime.timedelta(days=200)
    accessibility = factories.StandardPageFactory(
        parent=home,
        title="Deklaracja dostępności",
        slug="deklaracja-dostepnosci",
        intro="",
        body=accessibility_body(published, today - datetime.timedelta(days=14)),
    )
    privacy = factories.StandardPageFactory(
        parent=home,
        title="Polityka prywatności",
        slug="polityka-prywatnosci",
        intro="Jak przetwarzamy dane osobowe użytkowników portalu.",
        body=PRIVACY_BODY,
    )
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.city_name = CITY
    settings.office_name = OFFICE
    settings.office_address = OFFICE_ADDRESS
    settings.contact_email = CONTACT_EMAIL
    settings.contact_phone = CONTACT_PHONE
    settings.accessibility_statement = accessibility
    settings.privacy_page = privacy
    settings.save()

    ctx.shared["cms"] = {
        "home": home,
        "news_index": news_index,
        "register": register,
        "calls_index": calls_index,
        "events_index": events_index,
        "about": about,
    }
    ctx.say(
        f"Pages: {len(news_pages)} news, {len(acts)} acts, {len(CALLS)} calls, "
        f"{len(EVENTS)} events, {len(CENTRES)} support centres, "
        f"{len(library_documents)} library documents."
    )
