"""The consultation report and open data name the municipality and its executive body."""

import pytest
from django.utils import translation

from consultations.models import ConsultationIndexPage
from consultations.reports.exports import WRITERS
from consultations.reports.report import build_report
from municipalities.factories import rural_municipality
from municipalities.kinds import MunicipalityKind
from municipalities.services import MunicipalityData, add_municipality
from tests.consultations.conftest import make_consultation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _consultation_of(municipality, phase="reported"):
    index = ConsultationIndexPage.objects.child_of(municipality.home_page).get()
    return make_consultation(index, phase, title=f"Konsultacje {municipality.slug}")


def test_report_header_names_the_rural_gmina_and_its_wojt(operator):
    alfa = rural_municipality(1, name="Gmina Alfa", slug="alfa")
    facts = dict(build_report(_consultation_of(alfa)).facts())
    assert facts["Municipality"] == "Gmina Alfa"
    assert facts["Conducted by"].startswith("Head of the municipality (wójt)")


def test_report_header_names_the_county_board(operator):
    powiat = add_municipality(
        MunicipalityData(
            name="Powiat Testowy", kind=MunicipalityKind.COUNTY, teryt="0207", slug="powiat"
        )
    )
    report = build_report(_consultation_of(powiat))
    facts = dict(report.facts())
    assert facts["Municipality"] == "Powiat Testowy"
    assert facts["Conducted by"] == "County Board – Powiat Testowy"
    writer = WRITERS["xlsx"]
    assert ("Municipality", "Powiat Testowy") in writer.facts(report)


def test_open_data_carries_the_municipality(client, operator):
    alfa = rural_municipality(1, name="Gmina Alfa", slug="alfa")
    consultation = _consultation_of(alfa)
    data = client.get(f"/konsultacje/{consultation.pk}/dane.json", HTTP_ACCEPT_LANGUAGE="en").json()
    summary = data["consultation"]["municipality"]
    assert summary.pop("conducted_by")  # the executive body, in the site's language
    assert summary == {
        "slug": "alfa",
        "name": "Gmina Alfa",
        "kind": "rural",
        "teryt": "0201012",
    }


def test_single_city_report_names_the_city(db):
    from cms_pages.models import HomePage
    from municipalities.models import Municipality

    home = HomePage.objects.first()
    city = Municipality.objects.get(home_page=home)
    index = ConsultationIndexPage.objects.descendant_of(home).first()
    if index is None:
        index = home.add_child(instance=ConsultationIndexPage(title="Konsultacje", slug="k"))
    facts = dict(build_report(make_consultation(index, "reported")).facts())
    assert facts["Municipality"] == city.name
