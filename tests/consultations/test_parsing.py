"""The draft-act parser on a corpus of invented drafts (tests/consultations/drafts/*.txt).

Each oddity of Polish drafting and of text pulled out of PDFs has its own test; the corpus-wide
tests check the promises every parse keeps (unique anchors, consistent parents, canonical
labels).
"""

import json
import re
from io import StringIO
from pathlib import Path

import pytest

from consultations.drafts.parsing import Level, ParsedAct, Unit, parse_act, to_json

DRAFTS = Path(__file__).parent / "drafts"
CORPUS = sorted(DRAFTS.glob("*.txt"))


def parse_draft(name: str) -> ParsedAct:
    return parse_act((DRAFTS / name).read_text(encoding="utf-8"))


def outline(parsed: ParsedAct) -> list[tuple[str, str]]:
    """(path, level) per unit: the tree at a glance."""
    return [(" / ".join(u.path), str(u.level)) for u in parsed.units]


def by_path(parsed: ParsedAct) -> dict[str, Unit]:
    return {" / ".join(u.path): u for u in parsed.units}


def row(unit: Unit) -> tuple[str, str, tuple[str, ...], str]:
    return unit.label, str(unit.level), unit.parent, unit.text


# --- the corpus ------------------------------------------------------------------------------

EXPECTED_UNIT_COUNTS = {
    "01_program_wspolpracy.txt": 43,
    "02_regulamin_rozdzialy.txt": 17,
    "03_zmiana_uchwaly.txt": 9,
    "04_zalaczniki_numeracja.txt": 20,
    "05_ustawa_artykuly.txt": 16,
    "06_pdf_szum.txt": 11,
    "07_twarde_spacje.txt": 7,
    "08_etykiety_sklejone.txt": 10,
    "09_jednostki_dodane.txt": 17,
    "10_tiret.txt": 15,
    "11_przypisy.txt": 7,
    "12_zarzadzenie_uzasadnienie.txt": 6,
    "13_ustawa_zmieniajaca.txt": 7,
    "14_fragment_bez_tytulu.txt": 6,
}


def test_corpus_has_at_least_twelve_drafts_and_all_are_counted():
    assert len(CORPUS) >= 12
    assert {p.name for p in CORPUS} == set(EXPECTED_UNIT_COUNTS)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_draft_splits_into_expected_number_of_units(path):
    assert len(parse_act(path.read_text(encoding="utf-8")).units) == EXPECTED_UNIT_COUNTS[path.name]


CANONICAL_LABEL = re.compile(
    r"^(?:Załącznik(?: Nr \w+)?|Rozdział [IVXLCDM]+|Rozdział \d+[a-z]?|Art\. \d+[a-z]*"
    r"|§ \d+[a-z]*|ust\. \d+[a-z]*|pkt \d+[a-z]*|lit\. [a-z]+|tiret \d+)$"
)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_every_parse_keeps_its_promises(path):
    parsed = parse_act(path.read_text(encoding="utf-8"))
    anchors = [u.anchor for u in parsed.units]
    assert len(anchors) == len(set(anchors)), "anchors must be unique within a document"
    seen_paths: set[tuple[str, ...]] = set()
    for unit in parsed.units:
        assert CANONICAL_LABEL.match(unit.label), unit.label
        assert unit.level in set(Level)
        assert re.fullmatch(r"[a-z][a-z0-9-]*", unit.anchor), unit.anchor
        # Parents come first, in document order.
        assert not unit.parent or unit.parent in seen_paths, unit.path
        seen_paths.add(unit.path)
        # No PDF noise and no stray non-breaking spaces end up in the wording.
        assert "Strona" not in unit.text
        assert "\u00a0" not in unit.text
        assert unit.text == unit.text.strip()


# --- 01: cooperation programme with NGOs ---------------------------------------------------


def test_programme_resolution_title_preamble_and_body():
    parsed = parse_draft("01_program_wspolpracy.txt")
    assert parsed.title.startswith("UCHWAŁA NR XIV/112/2024 RADY GMINY ZIELONA DOLINA z dnia")
    assert parsed.subject.startswith("w sprawie przyjęcia Rocznego programu współpracy")
    assert parsed.subject.endswith("na rok 2025")
    assert parsed.preamble.startswith("Na podstawie art. 18 ust. 2 pkt 15 ustawy")
    assert parsed.preamble.endswith("Rada Gminy Zielona Dolina uchwala, co następuje:")
    assert [row(u) for u in parsed.units[1:3]] == [
        ("§ 2", "paragraf", (), "Wykonanie uchwały powierza się Wójtowi Gminy Zielona Dolina."),
        ("§ 3", "paragraf", (), "Uchwała wchodzi w życie z dniem 1 stycznia 2025 r."),
    ]


def test_preamble_is_not_a_unit():
    parsed = parse_draft("01_program_wspolpracy.txt")
    assert not any("Na podstawie" in u.text for u in parsed.units)
    assert parsed.units[0].label == "§ 1"


def test_quoted_title_inside_a_paragraph_stays_in_its_text():
    first = parse_draft("01_program_wspolpracy.txt").units[0]
    assert first.text.startswith("Przyjmuje się „Roczny program współpracy Gminy Zielona Dolina")
    assert first.text.endswith("na rok 2025”, stanowiący załącznik do niniejszej uchwały.")


def test_signature_after_the_last_paragraph_is_not_part_of_it():
    parsed = parse_draft("01_program_wspolpracy.txt")
    texts = " ".join(u.text for u in parsed.units)
    assert "Przewodniczący" not in texts
    assert "Przykładowy" not in texts


def test_unnumbered_annex_with_chapters_restarts_paragraph_numbering():
    parsed = parse_draft("01_program_wspolpracy.txt")
    units = by_path(parsed)
    annex = units["Załącznik"]
    assert row(annex) == (
        "Załącznik",
        "zalacznik",
        (),
        "do Uchwały Nr XIV/112/2024 Rady Gminy Zielona Dolina z dnia 28 listopada 2024 r. "
        "ROCZNY PROGRAM WSPÓŁPRACY GMINY ZIELONA DOLINA Z ORGANIZACJAMI POZARZĄDOWYMI "
        "NA ROK 2025",
    )
    assert row(units["Załącznik / Rozdział 1"]) == (
        "Rozdział 1",
        "rozdzial",
        ("Załącznik",),
        "Postanowienia ogólne",
    )
    paragraph = units["Załącznik / Rozdział 1 / § 1"]
    assert row(paragraph) == (
        "§ 1",
        "paragraf",
        ("Załącznik", "Rozdział 1"),
        "Ilekroć w programie jest mowa o:",
    )
    assert paragraph.anchor == "zal-rozdz-1-par-1"
    assert paragraph.citation == "Załącznik § 1"
    # The body's § 1 keeps its own anchor.
    assert parsed.units[0].anchor == "par-1"


def test_definitions_with_dashes_inside_points_are_not_tirets():
    units = by_path(parse_draft("01_program_wspolpracy.txt"))
    assert row(units["Załącznik / Rozdział 1 / § 1 / pkt 1"]) == (
        "pkt 1",
        "punkt",
        ("Załącznik", "Rozdział 1", "§ 1"),
        "ustawie – należy przez to rozumieć ustawę z dnia 24 kwietnia 2003 r. o działalności "
        "pożytku publicznego i o wolontariacie;",
    )


def test_tirets_under_points_in_annex():
    units = by_path(parse_draft("01_program_wspolpracy.txt"))
    prefix = "Załącznik / Rozdział 3 / § 3 / pkt 2"
    assert [row(units[f"{prefix} / tiret {n}"]) for n in (1, 2, 3)] == [
        (
            "tiret 1",
            "tiret",
            ("Załącznik", "Rozdział 3", "§ 3", "pkt 2"),
            "wzajemnego informowania się o planowanych kierunkach działalności,",
        ),
        (
            "tiret 2",
            "tiret",
            ("Załącznik", "Rozdział 3", "§ 3", "pkt 2"),
            "konsultowania projektów aktów prawa miejscowego,",
        ),
        (
            "tiret 3",
            "tiret",
            ("Załącznik", "Rozdział 3", "§ 3", "pkt 2"),
            "użyczania lokali na spotkania.",
        ),
    ]
    assert units[f"{prefix} / tiret 3"].citation == "Załącznik § 3 pkt 2 tiret 3"


def test_letters_under_points_under_sections():
    units = by_path(parse_draft("01_program_wspolpracy.txt"))
    letter = units["Załącznik / Rozdział 2 / § 2 / ust. 2 / pkt 2 / lit. c"]
    assert row(letter) == (
        "lit. c",
        "litera",
        ("Załącznik", "Rozdział 2", "§ 2", "ust. 2", "pkt 2"),
        "osób z niepełnosprawnościami;",
    )
    assert letter.anchor == "zal-rozdz-2-par-2-ust-2-pkt-2-lit-c"
    assert letter.citation == "Załącznik § 2 ust. 2 pkt 2 lit. c"


# --- 02: regulation with chapters ------------------------------------------------------------


def test_chapters_keep_roman_numerals_and_their_titles():
    parsed = parse_draft("02_regulamin_rozdzialy.txt")
    chapters = [row(u) for u in parsed.units if u.level == Level.ROZDZIAL]
    assert chapters == [
        ("Rozdział I", "rozdzial", (), "PRZEPISY OGÓLNE"),  # title on the next line
        ("Rozdział II", "rozdzial", (), "Zasady korzystania z obiektów"),  # after a dash
        ("Rozdział III", "rozdzial", (), "Przepisy końcowe"),  # after a full stop
    ]
    assert [u.anchor for u in parsed.units if u.level == Level.ROZDZIAL] == [
        "rozdz-i",
        "rozdz-ii",
        "rozdz-iii",
    ]


def test_paragraph_numbering_runs_on_across_chapters_and_citation_omits_chapter():
    parsed = parse_draft("02_regulamin_rozdzialy.txt")
    paragraphs = [(u.label, u.parent) for u in parsed.units if u.level == Level.PARAGRAF]
    assert paragraphs == [
        ("§ 1", ("Rozdział I",)),
        ("§ 2", ("Rozdział I",)),
        ("§ 3", ("Rozdział II",)),
        ("§ 4", ("Rozdział II",)),
        ("§ 5", ("Rozdział III",)),
        ("§ 6", ("Rozdział III",)),
    ]
    letter = by_path(parsed)["Rozdział II / § 3 / ust. 3 / pkt 2 / lit. b"]
    assert letter.text == "papierosów elektronicznych;"
    assert letter.citation == "§ 3 ust. 3 pkt 2 lit. b"
    assert letter.anchor == "rozdz-ii-par-3-ust-3-pkt-2-lit-b"


def test_draft_marker_is_dropped_from_title():
    parsed = parse_draft("02_regulamin_rozdzialy.txt")
    assert parsed.title == (
        "UCHWAŁA NR .../.../2025 RADY MIEJSKIEJ W BRZEZINACH DOLNYCH z dnia "
        ".................... 2025 r. w sprawie regulaminu korzystania z gminnych placów zabaw "
        "i siłowni plenerowych"
    )


def test_time_with_a_dot_is_not_a_section():
    units = by_path(parse_draft("02_regulamin_rozdzialy.txt"))
    assert (
        units["Rozdział II / § 3 / ust. 1"].text
        == "Obiekty są czynne codziennie w godzinach od 7.00 do 22.00."
    )


# --- 03: amending resolution with quoted wording -------------------------------------------


def test_amending_act_quoted_wording_is_not_split():
    parsed = parse_draft("03_zmiana_uchwaly.txt")
    assert outline(parsed) == [
        ("§ 1", "paragraf"),
        ("§ 1 / pkt 1", "punkt"),
        ("§ 1 / pkt 2", "punkt"),
        ("§ 1 / pkt 3", "punkt"),
        ("§ 1 / pkt 4", "punkt"),
        ("§ 1 / pkt 4 / lit. a", "litera"),
        ("§ 1 / pkt 4 / lit. b", "litera"),
        ("§ 2", "paragraf"),
        ("§ 3", "paragraf"),
    ]


def test_amending_point_keeps_the_new_wording_with_its_layout():
    units = by_path(parse_draft("03_zmiana_uchwaly.txt"))
    assert units["§ 1 / pkt 1"].text == (
        "§ 3 otrzymuje brzmienie:\n"
        "„§ 3. 1. Dotacja może być udzielona do wysokości 50% nakładów koniecznych.\n"
        "2. W przypadku gdy zabytek posiada wyjątkowe znaczenie, dotacja może obejmować:\n"
        "1) do 80% nakładów;\n"
        "2) do 100% nakładów, jeżeli stan zabytku wymaga niezwłocznych prac.”;"
    )
    assert units["§ 1 / pkt 2"].text == (
        "po § 4 dodaje się § 4a w brzmieniu:\n"
        "„§ 4a. Wnioski składa się w terminie do dnia 31 stycznia roku, w którym mają zostać "
        "wykonane prace.”;"
    )


def test_straight_double_quotes_also_protect_wording():
    units = by_path(parse_draft("03_zmiana_uchwaly.txt"))
    assert units["§ 1 / pkt 3"].text == (
        'w § 5 ust. 2 otrzymuje brzmienie:\n"2. Wniosek rozpatruje komisja powołana przez '
        'Burmistrza."'
    )


def test_quoted_point_inside_a_letter_is_not_a_point():
    units = by_path(parse_draft("03_zmiana_uchwaly.txt"))
    assert row(units["§ 1 / pkt 4 / lit. a"]) == (
        "lit. a",
        "litera",
        ("§ 1", "pkt 4"),
        "pkt 2 otrzymuje brzmienie:\n„2) kosztorys prac;”,",
    )
    assert row(units["§ 1 / pkt 4 / lit. b"]) == (
        "lit. b",
        "litera",
        ("§ 1", "pkt 4"),
        "uchyla się pkt 4.",
    )


def test_amending_title_without_w_sprawie_is_the_whole_subject():
    parsed = parse_draft("03_zmiana_uchwaly.txt")
    assert parsed.title.endswith(
        "zmieniająca uchwałę w sprawie zasad udzielania dotacji celowych na prace "
        "konserwatorskie przy zabytkach"
    )


# --- 04: annexes with their own numbering --------------------------------------------------


def test_numbered_annexes_restart_paragraphs_and_prefix_anchors():
    parsed = parse_draft("04_zalaczniki_numeracja.txt")
    paragraphs = [(u.anchor, u.citation) for u in parsed.units if u.level == Level.PARAGRAF]
    assert paragraphs == [
        ("par-1", "§ 1"),
        ("par-2", "§ 2"),
        ("par-3", "§ 3"),
        ("zal-1-rozdz-i-par-1", "Załącznik Nr 1 § 1"),
        ("zal-1-rozdz-i-par-2", "Załącznik Nr 1 § 2"),
        ("zal-1-rozdz-ii-par-3", "Załącznik Nr 1 § 3"),
        ("zal-1-rozdz-ii-par-4", "Załącznik Nr 1 § 4"),
    ]
    section = by_path(parsed)["Załącznik Nr 1 / Rozdział I / § 1 / ust. 1"]
    assert section.citation == "Załącznik Nr 1 § 1 ust. 1"
    assert section.anchor == "zal-1-rozdz-i-par-1-ust-1"


def test_references_to_annexes_in_the_body_are_not_annexes():
    parsed = parse_draft("04_zalaczniki_numeracja.txt")
    assert parsed.units[0].text == (
        "Ogłasza się konsultacje projektu regulaminu, stanowiącego załącznik nr 1 do zarządzenia."
    )
    annexes = [row(u)[:3] for u in parsed.units if u.level == Level.ZALACZNIK]
    assert annexes == [("Załącznik Nr 1", "zalacznik", ()), ("Załącznik Nr 2", "zalacznik", ())]


def test_annex_heading_repeated_as_page_header_is_dropped():
    units = by_path(parse_draft("04_zalaczniki_numeracja.txt"))
    assert units["Załącznik Nr 1 / Rozdział II / § 3 / ust. 2 / pkt 2"].text == (
        "zgodę współwłaścicieli."
    )
    assert units["Załącznik Nr 1 / Rozdział II / § 4"].text == (
        "Wnioski rozpatrywane są według kolejności wpływu."
    )


def test_sections_directly_under_an_annex():
    parsed = parse_draft("04_zalaczniki_numeracja.txt")
    assert outline(parsed)[-4:] == [
        ("Załącznik Nr 2", "zalacznik"),
        ("Załącznik Nr 2 / ust. 1", "ustep"),
        ("Załącznik Nr 2 / ust. 2", "ustep"),
        ("Załącznik Nr 2 / ust. 3", "ustep"),
    ]
    assert by_path(parsed)["Załącznik Nr 2"].text == (
        "do Zarządzenia Nr 45/2025 Wójta Gminy Jodłowo z dnia 14 kwietnia 2025 r. "
        "FORMULARZ ZGŁASZANIA UWAG"
    )
    assert by_path(parsed)["Załącznik Nr 2 / ust. 3"].citation == "Załącznik Nr 2 ust. 3"


def test_signature_with_dash_in_parentheses_is_dropped():
    parsed = parse_draft("04_zalaczniki_numeracja.txt")
    assert by_path(parsed)["§ 3"].text == "Zarządzenie wchodzi w życie z dniem podpisania."
    assert "Wzorcowa" not in json.dumps(to_json(parsed), ensure_ascii=False)


# --- 05: statute with articles ----------------------------------------------------------------


def test_articles_from_art_and_artykul():
    parsed = parse_draft("05_ustawa_artykuly.txt")
    articles = [row(u) for u in parsed.units if u.level == Level.ARTYKUL]
    assert [a[0] for a in articles] == ["Art. 1", "Art. 2", "Art. 3", "Art. 3a", "Art. 4", "Art. 5"]
    assert articles[1] == (
        "Art. 2",
        "artykul",
        (),
        "Związek wykonuje zadania publiczne w zakresie:",
    )
    assert articles[3] == (
        "Art. 3a",
        "artykul",
        (),
        "Nadzór nad działalnością związku sprawuje wojewoda.",
    )
    assert parsed.preamble == ""
    assert parsed.title == (
        "USTAWA z dnia ................ 2025 r. o związku metropolitalnym Doliny Kamiennej"
    )


def test_article_sections_points_and_inserted_section():
    parsed = parse_draft("05_ustawa_artykuly.txt")
    assert outline(parsed)[7:13] == [
        ("Art. 3", "artykul"),
        ("Art. 3 / ust. 1", "ustep"),
        ("Art. 3 / ust. 1 / pkt 1", "punkt"),
        ("Art. 3 / ust. 1 / pkt 2", "punkt"),
        ("Art. 3 / ust. 1a", "ustep"),
        ("Art. 3 / ust. 2", "ustep"),
    ]
    units = by_path(parsed)
    assert units["Art. 3 / ust. 1a"].text == "Kadencja organów związku trwa 5 lat."
    assert units["Art. 3 / ust. 1a"].anchor == "art-3-ust-1a"
    assert units["Art. 3 / ust. 1 / pkt 2"].citation == "Art. 3 ust. 1 pkt 2"


def test_article_amending_another_statute_keeps_quoted_section():
    units = by_path(parse_draft("05_ustawa_artykuly.txt"))
    assert units["Art. 4"].text.endswith(
        "dodaje się ust. 2a w brzmieniu:\n„2a. Gminy mogą tworzyć związki metropolitalne na "
        "zasadach określonych w odrębnej ustawie.”."
    )
    assert "Art. 4 / ust. 2a" not in units


# --- 06: text pulled out of a PDF -------------------------------------------------------------


def test_pdf_page_numbers_and_legislator_footers_are_dropped():
    parsed = parse_draft("06_pdf_szum.txt")
    everything = json.dumps([parsed.title, parsed.preamble, to_json(parsed)], ensure_ascii=False)
    for noise in ("Strona", "- 2 -", "Id:", "5C3A8E7B"):
        assert noise not in everything


def test_pdf_editor_header_is_not_part_of_the_title():
    parsed = parse_draft("06_pdf_szum.txt")
    assert parsed.title == (
        "UCHWAŁA NR .................... RADY GMINY ZIELONA DOLINA z dnia .................... "
        "2025 r. w sprawie określenia zasad wyznaczania składu oraz zasad działania Komitetu "
        "Rewitalizacji"
    )
    assert parsed.preamble.endswith("Rada Gminy Zielona Dolina uchwala, co następuje:")


def test_hard_line_wraps_are_joined_and_hyphenated_compounds_kept():
    units = by_path(parse_draft("06_pdf_szum.txt"))
    assert units["§ 1 / ust. 1"].text == (
        "Komitet Rewitalizacji, zwany dalej „Komitetem”, stanowi forum współpracy i dialogu "
        "interesariuszy z organami Gminy w sprawach dotyczących przygotowania, prowadzenia i "
        "oceny rewitalizacji."
    )
    assert units["§ 1 / ust. 2"].text == (
        "Komitet pełni funkcję opiniodawczo-doradczą Wójta Gminy Zielona Dolina."
    )


def test_point_continues_across_a_page_break():
    units = by_path(parse_draft("06_pdf_szum.txt"))
    assert [units[f"§ 2 / ust. 1 / pkt {n}"].text for n in (2, 3)] == [
        "przedstawiciele organizacji pozarządowych działających na obszarze rewitalizacji;",
        "przedstawiciele przedsiębiorców prowadzących działalność na obszarze rewitalizacji.",
    ]


def test_wrapped_cross_reference_at_line_start_is_not_a_unit():
    parsed = parse_draft("06_pdf_szum.txt")
    units = by_path(parsed)
    # "o którym mowa w\n§ 3. ust. 1" and "w § 2 ust.\n1. Nabór" are references, not units.
    assert units["§ 2 / ust. 2"].text == (
        "Kadencja Komitetu trwa do dnia zakończenia realizacji Gminnego Programu Rewitalizacji, "
        "o którym mowa w § 3. ust. 1 uchwały Nr XX/150/2023 Rady Gminy Zielona Dolina."
    )
    assert units["§ 3"].text == (
        "Członków Komitetu powołuje Wójt w drodze zarządzenia, po przeprowadzeniu naboru "
        "przedstawicieli, o którym mowa w § 2 ust. 1. Nabór ogłasza się na stronie "
        "internetowej Gminy."
    )
    assert [u.label for u in parsed.units if u.level == Level.PARAGRAF] == [
        "§ 1",
        "§ 2",
        "§ 3",
        "§ 4",
    ]


# --- 07: non-breaking spaces ------------------------------------------------------------------


def test_non_breaking_spaces_are_plain_spaces():
    parsed = parse_draft("07_twarde_spacje.txt")
    assert "\u00a0" in (DRAFTS / "07_twarde_spacje.txt").read_text(encoding="utf-8")
    assert parsed.title.startswith("UCHWAŁA NR IX/70/2025 RADY GMINY JODŁOWO z dnia 30 kwietnia")
    assert outline(parsed) == [
        ("§ 1", "paragraf"),
        ("§ 1 / ust. 1", "ustep"),
        ("§ 1 / ust. 2", "ustep"),
        ("§ 1 / ust. 2 / pkt 1", "punkt"),
        ("§ 1 / ust. 2 / pkt 2", "punkt"),
        ("§ 2", "paragraf"),
        ("§ 3", "paragraf"),
    ]
    units = by_path(parsed)
    assert units["§ 1 / ust. 1"].text == "Ustala się stawki opłat za zajęcie 1 m² pasa drogowego."
    assert units["§ 1 / ust. 2 / pkt 1"].text == "przy zajęciu jezdni do 50% szerokości – 4,00 zł;"


# --- 08: labels run together or alone on a line -----------------------------------------------


def test_labels_run_together_with_text():
    parsed = parse_draft("08_etykiety_sklejone.txt")
    assert [row(u) for u in parsed.units[:4]] == [
        ("§ 1", "paragraf", (), ""),
        (
            "ust. 1",
            "ustep",
            ("§ 1",),
            "Uchwala się statut Gminnej Biblioteki Publicznej w Zielonej Dolinie.",
        ),
        ("ust. 2", "ustep", ("§ 1",), "Statut stanowi załącznik do uchwały."),
        (
            "§ 2",
            "paragraf",
            (),
            "Traci moc uchwała Nr IV/30/2011 Rady Gminy Zielona Dolina z dnia 30 marca 2011 r.",
        ),
    ]


def test_labels_alone_on_a_line():
    parsed = parse_draft("08_etykiety_sklejone.txt")
    assert [row(u) for u in parsed.units[4:]] == [
        ("§ 3", "paragraf", (), "Wykonanie uchwały powierza się Wójtowi Gminy Zielona Dolina."),
        ("§ 4", "paragraf", (), ""),
        (
            "ust. 1",
            "ustep",
            ("§ 4",),
            "Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia.",
        ),
        (
            "ust. 2",
            "ustep",
            ("§ 4",),
            "Biblioteka dostosuje regulamin udostępniania zbiorów do statutu w terminie:",
        ),
        (
            "pkt 1",
            "punkt",
            ("§ 4", "ust. 2"),
            "3 miesięcy od dnia wejścia w życie uchwały – w zakresie wypożyczeń;",
        ),
        (
            "pkt 2",
            "punkt",
            ("§ 4", "ust. 2"),
            "6 miesięcy od dnia wejścia w życie uchwały – w pozostałym zakresie.",
        ),
    ]


# --- 09: inserted units -----------------------------------------------------------------------


def test_inserted_sections_points_and_paragraphs():
    parsed = parse_draft("09_jednostki_dodane.txt")
    assert [u.label for u in parsed.units] == [
        "§ 1",
        "ust. 1",
        "ust. 1a",
        "ust. 1b",
        "ust. 2",
        "pkt 1",
        "pkt 2",
        "pkt 3",
        "pkt 3a",
        "pkt 3b",
        "pkt 4",
        "§ 2",
        "§ 2a",
        "§ 2b",
        "ust. 1",
        "ust. 2",
        "§ 3",
    ]
    units = by_path(parsed)
    assert row(units["§ 1 / ust. 2 / pkt 3b"]) == (
        "pkt 3b",
        "punkt",
        ("§ 1", "ust. 2"),
        "10 000 zł – dla oczyszczalni przy budynkach użyteczności publicznej;",
    )
    assert units["§ 1 / ust. 2 / pkt 3b"].anchor == "par-1-ust-2-pkt-3b"
    assert units["§ 1 / ust. 2 / pkt 3b"].citation == "§ 1 ust. 2 pkt 3b"
    assert row(units["§ 1 / ust. 1a"]) == (
        "ust. 1a",
        "ustep",
        ("§ 1",),
        "Dotacja nie przysługuje na nieruchomości podłączone do sieci kanalizacyjnej.",
    )
    assert units["§ 2a"].number == "2a"
    assert units["§ 2b / ust. 2"].citation == "§ 2b ust. 2"


# --- 10: tirets -----------------------------------------------------------------------------


def test_tirets_written_with_en_dash_hyphen_and_bullet():
    units = by_path(parse_draft("10_tiret.txt"))
    assert [
        row(units[f"§ 1 / ust. 1 / pkt {p} / tiret {t}"])
        for p, t in ((1, 1), (1, 2), (2, 1), (2, 2))
    ] == [
        (
            "tiret 1",
            "tiret",
            ("§ 1", "ust. 1", "pkt 1"),
            "w postaci elektronicznej za pośrednictwem portalu Okienko,",
        ),
        (
            "tiret 2",
            "tiret",
            ("§ 1", "ust. 1", "pkt 1"),
            "w postaci papierowej w Biurze Obsługi Mieszkańców;",
        ),
        (
            "tiret 1",
            "tiret",
            ("§ 1", "ust. 1", "pkt 2"),
            "w dniu 17 lutego 2025 r. w Domu Kultury w Brzezinach Dolnych, oraz",
        ),
        (
            "tiret 2",
            "tiret",
            ("§ 1", "ust. 1", "pkt 2"),
            "w dniu 19 lutego 2025 r. w świetlicy wiejskiej w Olszynce.",
        ),
    ]
    assert [row(units[f"§ 1 / ust. 2 / tiret {t}"])[3] for t in (1, 2, 3)] == [
        "mieszkańców Gminy,",
        "organizacje pozarządowe,",
        "przedsiębiorców.",
    ]
    assert units["§ 1 / ust. 2 / tiret 3"].anchor == "par-1-ust-2-tiret-3"


def test_dash_starting_a_wrapped_line_is_not_a_tiret():
    units = by_path(parse_draft("10_tiret.txt"))
    assert units["§ 1 / ust. 3"].text == (
        "Konsultacje trwają 30 dni. Za datę złożenia uwag w postaci papierowej przyjmuje się "
        "– zgodnie z przyjętą w Urzędzie praktyką – datę wpływu do Urzędu."
    )
    assert units["§ 2"].text == (
        "Za przeprowadzenie konsultacji odpowiada Wydział Rozwoju - Referat Strategii i "
        "Funduszy Zewnętrznych."
    )
    assert "§ 1 / ust. 3 / tiret 1" not in units
    assert "§ 2 / tiret 1" not in units


# --- 11: footnotes ----------------------------------------------------------------------------


def test_footnotes_are_not_units():
    parsed = parse_draft("11_przypisy.txt")
    assert outline(parsed) == [
        ("§ 1", "paragraf"),
        ("§ 2", "paragraf"),
        ("§ 2 / pkt 1", "punkt"),
        ("§ 2 / pkt 2", "punkt"),
        ("§ 2 / pkt 3", "punkt"),
        ("§ 3", "paragraf"),
        ("§ 4", "paragraf"),
    ]
    assert parsed.footnotes == [
        "1) Zmiany tekstu jednolitego wymienionej ustawy zostały ogłoszone w Dz. U. z 2024 r. "
        "poz. 1572.",
        "2) Ustawa z dnia 8 marca 1990 r. o samorządzie gminnym.",
        "3) Termin liczy się od dnia następującego po dniu zakończenia konsultacji.",
    ]


def test_footnote_section_at_page_bottom_does_not_break_the_list():
    units = by_path(parse_draft("11_przypisy.txt"))
    assert units["§ 2 / pkt 2"].text == "spotkań otwartych;"
    assert units["§ 2 / pkt 3"].text == "badania ankietowego."


def test_footnote_markers_stay_in_the_text():
    parsed = parse_draft("11_przypisy.txt")
    units = by_path(parsed)
    assert "samorządzie gminnym¹ (Dz. U." in parsed.preamble
    assert units["§ 1"].text == (
        "Konsultacje przeprowadza się w przypadkach przewidzianych ustawą2) oraz w innych "
        "sprawach ważnych dla Gminy."
    )
    assert units["§ 4"].text == (
        "Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w Dzienniku Urzędowym "
        "Województwa."
    )


# --- 12: order with a justification ---------------------------------------------------------


def test_justification_is_set_aside_and_labels_in_it_are_not_units():
    parsed = parse_draft("12_zarzadzenie_uzasadnienie.txt")
    assert [u.label for u in parsed.units] == ["§ 1", "§ 2", "pkt 1", "pkt 2", "§ 3", "§ 4"]
    assert parsed.justification == (
        "Powołanie Zespołu wynika z potrzeby stałego dialogu z organizacjami. § 2 zarządzenia "
        "określa zadania Zespołu, a 1) opiniowanie programu jest jego podstawowym zadaniem."
    )
    assert by_path(parsed)["§ 4"].text == "Zarządzenie wchodzi w życie z dniem podpisania."


def test_office_name_ending_a_sentence_is_not_a_signature():
    units = by_path(parse_draft("12_zarzadzenie_uzasadnienie.txt"))
    assert units["§ 3"].text == (
        "Obsługę Zespołu zapewnia Referat Promocji, którym kieruje Sekretarz Gminy."
    )


# --- 13: amending statute -----------------------------------------------------------------


def test_amending_statute_with_letters_ending_in_commas():
    parsed = parse_draft("13_ustawa_zmieniajaca.txt")
    assert outline(parsed) == [
        ("Art. 1", "artykul"),
        ("Art. 1 / pkt 1", "punkt"),
        ("Art. 1 / pkt 1 / lit. a", "litera"),
        ("Art. 1 / pkt 1 / lit. b", "litera"),
        ("Art. 1 / pkt 2", "punkt"),
        ("Art. 2", "artykul"),
        ("Art. 3", "artykul"),
    ]
    units = by_path(parsed)
    assert units["Art. 1 / pkt 1 / lit. b"].text == (
        "po ust. 3 dodaje się ust. 3a i 3b w brzmieniu:\n"
        "„3a. Wyniki konsultacji publikuje się w Biuletynie Informacji Publicznej.\n"
        "3b. Sprawozdanie z konsultacji zawiera:\n"
        "1) zestawienie uwag;\n"
        "2) stanowisko organu wobec każdej uwagi.”;"
    )
    assert units["Art. 1 / pkt 2"].text == (
        "art. 5a otrzymuje brzmienie:\n"
        "„Art. 5a. 1. Organ stanowiący jednostki samorządu terytorialnego uchwala roczny "
        "program współpracy.\n"
        "2. Program jest konsultowany z organizacjami pozarządowymi.”."
    )
    assert units["Art. 1 / pkt 1 / lit. b"].citation == "Art. 1 pkt 1 lit. b"


# --- 14: a bare list of clauses ------------------------------------------------------------


def test_fragment_without_title_starts_with_sections():
    parsed = parse_draft("14_fragment_bez_tytulu.txt")
    assert parsed.title == ""
    assert parsed.preamble == ""
    assert [row(u) for u in parsed.units[:3]] == [
        ("ust. 1", "ustep", (), "Uwagi do projektu zgłasza się na formularzu."),
        ("ust. 2", "ustep", (), "Formularz zawiera:"),
        ("lit. a", "litera", ("ust. 2",), "imię i nazwisko albo nazwę organizacji,"),
    ]


# --- small inline drafts: one oddity each ----------------------------------------------------


def test_paragraph_without_space_after_symbol():
    parsed = parse_act("§1.Uchwała wchodzi w życie z dniem podjęcia.\n§2. Traci moc uchwała.")
    assert [row(u) for u in parsed.units] == [
        ("§ 1", "paragraf", (), "Uchwała wchodzi w życie z dniem podjęcia."),
        ("§ 2", "paragraf", (), "Traci moc uchwała."),
    ]


def test_numbered_line_that_breaks_the_sequence_is_text():
    parsed = parse_act(
        "§ 1. 1. Program ogłoszono w Dzienniku Urzędowym Województwa z 2024 r. pod pozycją\n"
        "1270. Program obowiązuje do końca roku.\n"
        "2. Program może być zmieniony."
    )
    assert [u.label for u in parsed.units] == ["§ 1", "ust. 1", "ust. 2"]
    assert parsed.units[1].text.endswith("pod pozycją 1270. Program obowiązuje do końca roku.")


def test_wrapped_date_or_amount_is_not_a_point():
    parsed = parse_act("§ 1. Dotacja wynosi:\n1) 5000 zł;\n2) 7000 zł, nie więcej niż\n10) zł.")
    assert [u.label for u in parsed.units] == ["§ 1", "pkt 1", "pkt 2"]
    assert parsed.units[2].text == "7000 zł, nie więcej niż 10) zł."


def test_unbalanced_quote_does_not_swallow_the_rest_of_the_act():
    parsed = parse_act("§ 1. Nadaje się nazwę „Park Dębowy.\n§ 2. Uchwała wchodzi w życie.")
    assert [row(u) for u in parsed.units] == [
        ("§ 1", "paragraf", (), "Nadaje się nazwę „Park Dębowy."),
        ("§ 2", "paragraf", (), "Uchwała wchodzi w życie."),
    ]


def test_nested_straight_quotes_inside_polish_quotes():
    parsed = parse_act(
        '§ 1. W § 2 otrzymuje brzmienie:\n„§ 2. Program "Aktywny Senior" obejmuje:\n'
        "1) zajęcia;\n2) wycieczki.”.\n§ 2. Uchwała wchodzi w życie."
    )
    assert [u.label for u in parsed.units] == ["§ 1", "§ 2"]
    assert parsed.units[0].text.endswith('"Aktywny Senior" obejmuje:\n1) zajęcia;\n2) wycieczki.”.')


def test_code_style_article_with_paragraphs():
    parsed = parse_act(
        "Art. 10. § 1. Statut uchwala rada.\n§ 2. Statut ogłasza się.\nArt. 11. Koniec."
    )
    assert [(" / ".join(u.path), u.text) for u in parsed.units] == [
        ("Art. 10", ""),
        ("Art. 10 / § 1", "Statut uchwala rada."),
        ("Art. 10 / § 2", "Statut ogłasza się."),
        ("Art. 11", "Koniec."),
    ]
    assert parsed.units[2].citation == "Art. 10 § 2"


def test_repeated_label_gets_a_distinct_anchor_and_its_children_follow():
    parsed = parse_act("§ 1. Pierwszy.\n§ 2. 1. Drugi.\n§ 2. 1. Powtórzony numer.\n2. Dalej.")
    assert [(u.label, u.anchor) for u in parsed.units] == [
        ("§ 1", "par-1"),
        ("§ 2", "par-2"),
        ("ust. 1", "par-2-ust-1"),
        ("§ 2", "par-2-2"),
        ("ust. 1", "par-2-2-ust-1"),
        ("ust. 2", "par-2-2-ust-2"),
    ]


def test_soft_hyphen_at_line_end_rejoins_the_word():
    parsed = parse_act("§ 1. Program dotyczy rewitali\u00ad\nzacji obszaru.")
    assert parsed.units[0].text == "Program dotyczy rewitalizacji obszaru."


def test_windows_line_endings_and_form_feeds():
    parsed = parse_act("§ 1. Pierwszy\r\nwiersz.\f§ 2. Drugi.\r\n")
    assert [row(u) for u in parsed.units] == [
        ("§ 1", "paragraf", (), "Pierwszy wiersz."),
        ("§ 2", "paragraf", (), "Drugi."),
    ]


def test_empty_text_gives_no_units():
    parsed = parse_act("  \n\n")
    assert parsed == ParsedAct(title="", preamble="", units=[])


# --- the Unit API and JSON ------------------------------------------------------------------


def test_unit_built_by_hand_derives_anchor_and_citation():
    unit = Unit(
        label="pkt 1",
        level="punkt",
        parent=["Załącznik Nr 1", "Rozdział 2", "§ 3", "ust. 2"],
        text="",
        number="1",
    )
    assert unit.level is Level.PUNKT
    assert unit.parent == ("Załącznik Nr 1", "Rozdział 2", "§ 3", "ust. 2")
    assert unit.anchor == "zal-1-rozdz-2-par-3-ust-2-pkt-1"
    assert unit.citation == "Załącznik Nr 1 § 3 ust. 2 pkt 1"
    assert Unit("Rozdział 2", "rozdzial", ("Załącznik Nr 1",), "", "2").citation == (
        "Załącznik Nr 1 Rozdział 2"
    )


def test_unit_rejects_unknown_level_and_label():
    with pytest.raises(ValueError):
        Unit(label="§ 1", level="sekcja", parent=(), text="", number="1")
    with pytest.raises(ValueError):
        Unit(label="Sekcja 1", level="paragraf", parent=(), text="", number="1")


def test_to_json_lists_units_with_parent_lists():
    parsed = parse_draft("09_jednostki_dodane.txt")
    data = to_json(parsed)
    assert data[8] == {
        "label": "pkt 3a",
        "level": "punkt",
        "parent": ["§ 1", "ust. 2"],
        "text": "9500 zł – dla oczyszczalni z retencją wód opadowych;",
    }
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


# --- the management command ------------------------------------------------------------------


@pytest.fixture
def call_parse_act(settings):
    from django.core.management import call_command

    def call(path):
        out = StringIO()
        call_command("parse_act", str(path), stdout=out)
        return out.getvalue()

    return call


def test_command_prints_units_as_json(call_parse_act):
    output = call_parse_act(DRAFTS / "04_zalaczniki_numeracja.txt")
    data = json.loads(output)
    assert len(data) == EXPECTED_UNIT_COUNTS["04_zalaczniki_numeracja.txt"]
    assert data[-1] == {
        "label": "ust. 3",
        "level": "ustep",
        "parent": ["Załącznik Nr 2"],
        "text": "Treść uwagi wraz z uzasadnieniem: ..............................",
    }
    assert "Załącznik Nr 1" in output  # not \u-escaped
    assert '\n  {\n    "label"' in output  # indented by two


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("projekt.doc", b"\xd0\xcf\x11\xe0 an old Word file"),
        ("projekt.pdf", b"%PDF-1.4 this is not really a PDF"),
        ("projekt.docx", b"PK\x03\x04 truncated"),
        ("projekt.txt", b""),
    ],
)
def test_command_refuses_unsupported_or_unreadable_files(call_parse_act, tmp_path, name, content):
    from django.core.management import CommandError

    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CommandError, match="projekt"):
        call_parse_act(path)


def test_command_refuses_missing_file(call_parse_act, tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="brak.txt"):
        call_parse_act(tmp_path / "brak.txt")


def test_sections_numbered_across_chapters_of_an_annex_and_justification_before_it():
    parsed = parse_act(
        "UCHWAŁA NR II/9/2025\nRADY GMINY JODŁOWO\nw sprawie programu opieki nad zwierzętami\n"
        "Na podstawie art. 11a ustawy Rada Gminy Jodłowo uchwala, co następuje:\n"
        "§ 1. Przyjmuje się program.\n§ 2. Uchwała wchodzi w życie.\n"
        "UZASADNIENIE\nProgram jest obowiązkowy.\n"
        "Załącznik nr 1 do uchwały Nr II/9/2025 Rady Gminy Jodłowo\nPROGRAM\n"
        "Rozdział 1\nCele\n1. Celem programu jest:\n1) ograniczenie bezdomności;\n2) opieka.\n"
        "2. Program realizuje Wójt.\n"
        "Rozdział 2\nZadania\n3. Zadania realizuje schronisko.\n4. Koszty pokrywa Gmina.\n"
    )
    assert parsed.justification == "Program jest obowiązkowy."
    assert outline(parsed) == [
        ("§ 1", "paragraf"),
        ("§ 2", "paragraf"),
        ("Załącznik Nr 1", "zalacznik"),
        ("Załącznik Nr 1 / Rozdział 1", "rozdzial"),
        ("Załącznik Nr 1 / Rozdział 1 / ust. 1", "ustep"),
        ("Załącznik Nr 1 / Rozdział 1 / ust. 1 / pkt 1", "punkt"),
        ("Załącznik Nr 1 / Rozdział 1 / ust. 1 / pkt 2", "punkt"),
        ("Załącznik Nr 1 / Rozdział 1 / ust. 2", "ustep"),
        ("Załącznik Nr 1 / Rozdział 2", "rozdzial"),
        ("Załącznik Nr 1 / Rozdział 2 / ust. 3", "ustep"),
        ("Załącznik Nr 1 / Rozdział 2 / ust. 4", "ustep"),
    ]
    section = by_path(parsed)["Załącznik Nr 1 / Rozdział 2 / ust. 3"]
    assert section.citation == "Załącznik Nr 1 Rozdział 2 ust. 3"  # no § to identify it
    assert section.anchor == "zal-1-rozdz-2-ust-3"


def test_ligatures_and_zero_width_characters_from_pdfs_are_cleaned():
    parsed = parse_act("§ 1. Deﬁnicje\u200b oraz ﬂaga.")
    assert parsed.units[0].text == "Definicje oraz flaga."
