"""A municipality's window under the regional page: its menu, its accessibility
statement (structured, 2024 technical rules) in the footer."""

import datetime
import re

import pytest

from municipalities.accessibility_rules import HEADINGS, IDS
from municipalities.factories import rural_municipality
from municipalities.models import AccessibilityStatementPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def alfa(operator):
    return rural_municipality(1, name="Gmina Alfa", slug="alfa")


@pytest.fixture
def statement(alfa):
    page = AccessibilityStatementPage.objects.child_of(alfa.home_page).get()
    page.entity_name = "Urząd Gminy Alfa"
    page.published_on = datetime.date(2025, 1, 15)
    page.updated_on = datetime.date(2026, 2, 1)
    page.prepared_on = datetime.date(2026, 3, 20)
    page.reviewed_on = datetime.date(2026, 3, 30)
    page.contact_person = "Jan Dostępny"
    page.contact_email = "dostepnosc@alfa.example.org"
    page.contact_phone = "+48 11 111 11 11"
    page.inaccessible_content = "<p>Część starszych skanów uchwał nie ma warstwy tekstowej.</p>"
    page.architecture = "<p>Wejście od ul. Polnej, bez progów.</p>"
    page.communication = "<p>Tłumacz PJM po wcześniejszym zgłoszeniu.</p>"
    page.save_revision().publish()
    return page


def test_window_menu_lists_the_municipalitys_sections(client, alfa):
    html = client.get("/alfa/").content.decode()
    menu = re.search(r'<nav[^>]*class="main-nav.*?</nav>', html, re.S)
    menu_html = menu.group(0) if menu else html
    assert 'href="/alfa/konsultacje/"' in menu_html
    assert 'href="/alfa/uchwaly/"' in menu_html


def test_statement_has_fixed_headings_ids_and_dates(client, statement):
    html = client.get(statement.get_url()).content.decode()
    for heading in HEADINGS.values():
        if heading == HEADINGS["apps"]:
            continue  # conditional: no mobile applications given
        assert heading in html, heading
    for key, element_id in IDS.items():
        if key in ("apps", "architecture_url", "assessment"):
            assert f'id="{element_id}"' not in html  # conditional, not given
        else:
            assert f'id="{element_id}"' in html, element_id
    assert '<time id="a11y-data-publikacja" datetime="2025-01-15">' in html
    assert '<time id="a11y-data-przeglad" datetime="2026-03-30">' in html
    assert 'href="mailto:dostepnosc@alfa.example.org"' in html


def test_window_footer_links_the_municipalitys_own_statement(client, statement):
    html = client.get("/alfa/").content.decode()
    assert f'href="{statement.get_url()}"' in html


def test_draft_statement_is_not_linked(client, alfa):
    draft = AccessibilityStatementPage.objects.child_of(alfa.home_page).get()
    html = client.get("/alfa/").content.decode()
    assert draft.url_path not in html
    assert "/alfa/deklaracja-dostepnosci/" not in html
