"""A small municipal corpus in Polish: the kind of texts the portal holds."""

import datetime

from search.documents import SearchDocument

_RAW = [
    (
        "uchwala-bo",
        "resolution",
        "Uchwała w sprawie budżetu obywatelskiego Miasta Zielonogród na 2026 rok",
        "Rada Miasta określa zasady przeprowadzania budżetu obywatelskiego, w tym wymogi formalne "
        "zgłaszanych projektów, tryb oceny oraz zasady głosowania mieszkańców.",
    ),
    (
        "bo-wyniki",
        "news",
        "Wyniki głosowania w budżecie obywatelskim",
        "W tegorocznej edycji oddano 12 tysięcy głosów. Zwyciężył projekt zielonego podwórka przy "
        "szkole podstawowej nr 3 oraz remont boiska osiedlowego.",
    ),
    (
        "program-wspolpracy",
        "resolution",
        "Program współpracy z organizacjami pozarządowymi na 2026 rok",
        "Roczny program współpracy Miasta z organizacjami pozarządowymi oraz podmiotami "
        "prowadzącymi działalność pożytku publicznego określa priorytetowe zadania publiczne.",
    ),
    (
        "konkurs-kultura",
        "call",
        "Otwarty konkurs ofert na realizację zadań publicznych z zakresu kultury",
        "Prezydent Miasta ogłasza otwarty konkurs ofert dla organizacji pozarządowych na wsparcie "
        "realizacji zadań publicznych w dziedzinie kultury, sztuki i ochrony dziedzictwa.",
    ),
    (
        "konkurs-sport",
        "call",
        "Konkurs na upowszechnianie kultury fizycznej i sportu",
        "Dotacje na szkolenie dzieci i młodzieży w klubach sportowych, organizację zawodów "
        "oraz zajęcia pozalekcyjne.",
    ),
    (
        "konkurs-seniorzy",
        "call",
        "Konkurs ofert: działania na rzecz osób starszych",
        "Wsparcie klubów seniora, warsztatów aktywizujących i wolontariatu opiekuńczego "
        "dla osób w wieku emerytalnym.",
    ),
    (
        "mpzp-lipowa",
        "resolution",
        "Miejscowy plan zagospodarowania przestrzennego rejonu ulicy Lipowej",
        "Plan miejscowy ustala przeznaczenie terenów pod zabudowę mieszkaniową jednorodzinną, "
        "zieleń urządzoną oraz drogi publiczne.",
    ),
    (
        "studium",
        "document",
        "Studium uwarunkowań i kierunków zagospodarowania przestrzennego",
        "Dokument określa politykę przestrzenną gminy, w tym obszary rozwoju zabudowy, "
        "ochrony przyrody i korytarze ekologiczne.",
    ),
    (
        "oplaty-smieci",
        "resolution",
        "Uchwała o stawkach opłaty za gospodarowanie odpadami komunalnymi",
        "Ustala się miesięczną stawkę opłaty za gospodarowanie odpadami komunalnymi od "
        "mieszkańca nieruchomości. Właściciele kompostujący bioodpady otrzymują zwolnienie.",
    ),
    (
        "harmonogram-odpady",
        "document",
        "Harmonogram odbioru odpadów na 2026 rok",
        "Odbiór odpadów zmieszanych w każdy wtorek, segregowanych co dwa tygodnie, "
        "gabarytów raz na kwartał.",
    ),
    (
        "psz",
        "news",
        "Punkt selektywnej zbiórki odpadów czynny także w soboty",
        "PSZOK przy ulicy Przemysłowej przyjmuje elektroodpady, zużyte opony i odpady budowlane.",
    ),
    (
        "rewitalizacja",
        "programme",
        "Gminny program rewitalizacji Starego Miasta",
        "Program obejmuje remonty kamienic, modernizację rynku oraz wsparcie dla lokalnych "
        "przedsiębiorców i organizacji społecznych.",
    ),
    (
        "rower-sciezki",
        "news",
        "Nowe ścieżki rowerowe w dzielnicy Północ",
        "Wybudowano cztery kilometry dróg dla rowerów wraz ze stojakami i stacją naprawy rowerów.",
    ),
    (
        "komunikacja",
        "news",
        "Zmiany w rozkładzie jazdy komunikacji miejskiej",
        "Od poniedziałku autobusy linii 5 i 12 kursują częściej w godzinach szczytu.",
    ),
    (
        "plan-mobilnosci",
        "document",
        "Plan zrównoważonej mobilności miejskiej",
        "Strategia rozwoju transportu publicznego, ruchu pieszego i rowerowego do 2035 roku.",
    ),
    (
        "parking",
        "resolution",
        "Uchwała w sprawie strefy płatnego parkowania",
        "Ustala się strefę płatnego parkowania w centrum, wysokość opłat oraz zasady wydawania "
        "abonamentów dla mieszkańców.",
    ),
    (
        "basen",
        "news",
        "Kryta pływalnia ponownie otwarta",
        "Po remoncie niecki basen miejski przyjmuje pływaków codziennie od 6 do 22.",
    ),
    (
        "lodowisko",
        "event",
        "Otwarcie sezonu na lodowisku miejskim",
        "Lodowisko przy hali widowiskowo-sportowej czynne od grudnia; "
        "wypożyczalnia łyżew na miejscu.",
    ),
    (
        "stypendia",
        "programme",
        "Program stypendialny dla uzdolnionych uczniów",
        "Stypendia naukowe i sportowe przyznawane są uczniom szkół podstawowych i średnich.",
    ),
    (
        "zlobek",
        "news",
        "Rekrutacja do żłobków miejskich",
        "Wnioski o przyjęcie dziecka do żłobka można składać elektronicznie do końca kwietnia.",
    ),
    (
        "przedszkola",
        "news",
        "Zapisy do przedszkoli i oddziałów przedszkolnych",
        "Rodzice kandydatów składają wnioski rekrutacyjne przez system elektroniczny.",
    ),
    (
        "dotacje-zabytki",
        "call",
        "Dotacje na prace konserwatorskie przy zabytkach",
        "Właściciele zabytków wpisanych do rejestru mogą ubiegać się o dofinansowanie "
        "prac konserwatorskich i restauratorskich.",
    ),
    (
        "ochrona-powietrza",
        "programme",
        "Program ochrony powietrza: wymiana pieców",
        "Mieszkańcy otrzymują dofinansowanie wymiany kopciuchów na pompy ciepła lub ogrzewanie "
        "gazowe.",
    ),
    (
        "drzewa",
        "news",
        "Nasadzenia drzew wzdłuż alei Niepodległości",
        "Posadzono 120 lip i klonów; mieszkańcy mogą zgłaszać kolejne lokalizacje nasadzeń.",
    ),
    (
        "schronisko",
        "news",
        "Schronisko dla bezdomnych zwierząt szuka wolontariuszy",
        "Psy i koty czekają na adopcję. Wolontariusze wyprowadzają psy na spacery w weekendy.",
    ),
    (
        "mlodziezowa-rada",
        "news",
        "Wybory do Młodzieżowej Rady Miasta",
        "Uczniowie szkół średnich wybiorą 21 radnych młodzieżowych na dwuletnią kadencję.",
    ),
    (
        "rada-seniorow",
        "resolution",
        "Statut Rady Seniorów",
        "Rada Seniorów ma charakter konsultacyjny, doradczy i inicjatywny wobec organów miasta.",
    ),
    (
        "konsultacje-regulamin",
        "resolution",
        "Regulamin konsultacji społecznych z mieszkańcami",
        "Konsultacje przeprowadza się w formie spotkań otwartych, ankiet oraz zbierania uwag "
        "do projektów aktów prawa miejscowego przez portal.",
    ),
    (
        "raport-konsultacji",
        "report",
        "Raport z konsultacji projektu uchwały krajobrazowej",
        "Zebrano 340 uwag dotyczących reklam i szyldów; urząd uwzględnił 120 z nich.",
    ),
    (
        "uchwala-krajobrazowa",
        "clause",
        "§ 7 ust. 1",
        "Tablice reklamowe na budynkach mieszkalnych dopuszcza się wyłącznie "
        "na ścianach szczytowych.",
    ),
    (
        "komentarz-reklamy",
        "comment",
        "Uwaga do § 7 ust. 1",
        "Szyldy i reklamy w strefie staromiejskiej powinny mieć jednolity wygląd.",
    ),
    (
        "wieloletnia-prognoza",
        "resolution",
        "Wieloletnia prognoza finansowa Miasta",
        "Prognoza obejmuje dochody, wydatki, deficyt oraz spłatę długu w latach 2026–2035.",
    ),
    (
        "podatki",
        "resolution",
        "Uchwała w sprawie stawek podatku od nieruchomości",
        "Określa się wysokość stawek podatku od gruntów, budynków i budowli na terenie miasta.",
    ),
    (
        "nieodplatna-pomoc",
        "news",
        "Nieodpłatna pomoc prawna w punktach miejskich",
        "Adwokaci i radcowie prawni udzielają porad osobom, które nie są w stanie ponieść kosztów.",
    ),
    (
        "mieszkania",
        "programme",
        "Program budownictwa mieszkań na wynajem",
        "Towarzystwo budownictwa społecznego wybuduje 200 mieszkań z czynszem umiarkowanym.",
    ),
    (
        "drogi-remonty",
        "news",
        "Remonty dróg gminnych w sezonie letnim",
        "Utrudnienia na ulicach Kwiatowej i Słonecznej potrwają do końca sierpnia; "
        "wyznaczono objazdy.",
    ),
    (
        "oswietlenie",
        "news",
        "Modernizacja oświetlenia ulicznego na LED",
        "Wymiana 3 tysięcy opraw obniży zużycie energii elektrycznej o połowę.",
    ),
    (
        "kultura-festiwal",
        "event",
        "Festiwal Teatrów Ulicznych",
        "Przez trzy dni na rynku wystąpią zespoły teatralne z całej Polski.",
    ),
    (
        "biblioteka",
        "news",
        "Biblioteka miejska wydłuża godziny otwarcia",
        "Czytelnie będą czynne do godziny 20, a wypożyczalnia także w soboty.",
    ),
    (
        "defibrylatory",
        "news",
        "Defibrylatory AED w budynkach użyteczności publicznej",
        "Urządzenia zamontowano w urzędzie, szkołach i na stadionie; mapa lokalizacji online.",
    ),
]

DATES = {
    "konkurs-kultura": datetime.date(2026, 1, 10),
    "bo-wyniki": datetime.date(2025, 9, 30),
}


def relevance_corpus() -> list[SearchDocument]:
    documents = []
    for i, (slug, type_, title, text) in enumerate(_RAW):
        documents.append(
            SearchDocument(
                key=f"rel:{slug}",
                type=type_,
                type_label=type_,
                title=title,
                url=f"/rel/{slug}/",
                text=text,
                date=DATES.get(slug, datetime.date(2024, 1, 1) + datetime.timedelta(days=i * 9)),
            )
        )
    return documents
