"""The header and footer name the municipality of the window, with its contact."""

import pytest

from cms_pages import factories as cms
from cms_pages.models import NewsIndexPage
from municipalities.factories import rural_municipality
from municipalities.kinds import MunicipalityKind
from municipalities.services import MunicipalityData, add_municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def alfa(operator):
    return rural_municipality(
        1,
        name="Gmina Alfa",
        slug="alfa",
        hostname="alfa.localhost",
        office_name="Urząd Gminy Alfa",
        contact_email="ug@alfa.example.org",
        contact_phone="+48 75 000 00 01",
    )


def _chrome(html):
    header = html[html.index("<header") : html.index("</header>")]
    footer = html[html.index("<footer") : html.index("</footer>")]
    return header, footer


def test_every_page_of_a_window_names_its_municipality(client, alfa):
    cms.NewsPageFactory(
        parent=NewsIndexPage.objects.child_of(alfa.home_page).get(), title="Dożynki"
    )
    for url, host in (
        ("/alfa/aktualnosci/dozynki/", "localhost"),
        ("/alfa/", "localhost"),
        ("/aktualnosci/", "alfa.localhost"),
        ("/aktualnosci/dozynki/", "alfa.localhost"),
    ):
        response = client.get(url, HTTP_HOST=host)
        assert response.status_code == 200, url
        header, footer = _chrome(response.content.decode())
        assert "Gmina Alfa" in header, url
        assert "Urząd Gminy Alfa" in footer and "ug@alfa.example.org" in footer, url


def test_own_host_off_the_page_tree_names_its_municipality(client, alfa):
    header, footer = _chrome(client.get("/szukaj/", HTTP_HOST="alfa.localhost").content.decode())
    assert "Gmina Alfa" in header
    assert "+48 75 000 00 01" in footer


def test_regional_page_shows_the_operator(client, db):
    add_municipality(
        MunicipalityData(
            name="Związek Gmin Doliny Testowej",
            kind=MunicipalityKind.ASSOCIATION,
            slug="region",
            office_name="Biuro Związku",
            contact_email="biuro@zwiazek.example.org",
        )
    )
    header, footer = _chrome(client.get("/").content.decode())
    assert "Związek Gmin Doliny Testowej" in header
    assert "Biuro Związku" in footer and "biuro@zwiazek.example.org" in footer
