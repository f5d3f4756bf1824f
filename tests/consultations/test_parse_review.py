"""The review screen tells the official where the parser had to guess."""

import pytest

from consultations import services

# A real definitions list (Rada Miejska w Mosinie): "1." items after a colon, read as points.
DRAFT = """UCHWAŁA NR VI/52/03 RADY MIEJSKIEJ W MOSINIE
w sprawie zasad i trybu przeprowadzania konsultacji z mieszkańcami.
Na podstawie art. 5a ust. 2 ustawy o samorządzie gminnym Rada Miejska uchwala, co następuje:
§ 1. Uchwała niniejsza określa zasady i tryb przeprowadzania konsultacji.
§ 2. Ilekroć w niniejszej uchwale mowa o:
 1. Gminie - należy przez to rozumieć Gminę Mosina;
 2. Radzie - należy przez to rozumieć Radę Miejską w Mosinie.
§ 3. Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia.
"""


@pytest.fixture
def planned(consultation_index):
    from tests.consultations.conftest import make_consultation

    page = make_consultation(consultation_index, "planned", clauses=0)
    page.versions.all().delete()
    return page


def review(client, official, version):
    client.force_login(official)
    response = client.get(f"/admin/consultations/version/{version.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_points_read_against_their_numbering_are_marked_for_the_official(client, official, planned):
    version = services.import_draft(consultation=planned, text=DRAFT, by=official)
    body = review(client, official, version)
    assert 'id="parse-notes"' in body
    point = version.clauses.get(citation="§ 2 pkt 1")
    row = body.split(f'id="clause-{point.pk}"')[1].split("</tr>")[0]
    assert "Sprawdź:" in row
    assert "dwukropku" in row  # "…because its list follows a colon", in Polish
    untouched = version.clauses.get(citation="§ 1")
    row = body.split(f'id="clause-{untouched.pk}"')[1].split("</tr>")[0]
    assert "Sprawdź:" not in row


def test_unit_the_official_corrected_loses_its_mark(client, official, planned):
    version = services.import_draft(consultation=planned, text=DRAFT, by=official)
    point = version.clauses.get(citation="§ 2 pkt 1")
    services.edit_clause(clause=point, label="ust. 1", level="ustep", text=point.text, by=official)
    body = review(client, official, version)
    row = body.split(f'id="clause-{point.pk}"')[1].split("</tr>")[0]
    assert "Sprawdź:" not in row


def test_clean_split_shows_no_marks(client, official, planned):
    text = DRAFT.replace(" 1. Gminie", "1) Gminie").replace(" 2. Radzie", "2) Radzie")
    version = services.import_draft(consultation=planned, text=text, by=official)
    body = review(client, official, version)
    assert 'id="parse-notes"' not in body
    assert "Sprawdź:" not in body


def test_text_that_lost_its_line_breaks_gets_a_general_note(client, official, planned):
    version = services.import_draft(
        consultation=planned, text=DRAFT.replace("\n", " "), by=official
    )
    assert version.clauses.filter(citation="§ 2 pkt 2").exists()
    body = review(client, official, version)
    notes = body.split('id="parse-notes"')[1].split("</div>")[0]
    assert "podziały wierszy" in notes
