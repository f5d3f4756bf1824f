import datetime

import pytest
from django.core.exceptions import ValidationError

from cms_pages import factories as cms
from cms_pages.models import ActType, IssuingBody, ResolutionIndexPage, ResolutionPage
from municipalities.factories import rural_municipality
from municipalities.kinds import MunicipalityKind
from municipalities.services import MunicipalityData, add_municipality

pytestmark = pytest.mark.django_db


def _register(municipality):
    return ResolutionIndexPage.objects.child_of(municipality.home_page).get()


def _act(**kwargs):
    values = {
        "title": "w sprawie programu",
        "slug": "akt",
        "act_type": ActType.RESOLUTION,
        "adopted_on": datetime.date(2026, 3, 1),
        **kwargs,
    }
    return ResolutionPage(**values)


@pytest.mark.parametrize(
    ("body", "number"),
    [
        (IssuingBody.MUNICIPAL_COUNCIL, "XLIV/378/2026"),
        (IssuingBody.COUNTY_COUNCIL, "XII/90/2026"),
        (IssuingBody.COUNTY_BOARD, "125/612/2026"),
        (IssuingBody.COUNTY_BOARD, "XXV/612/2026"),
    ],
)
def test_resolutions_numbered_as_their_body_does_are_accepted(body, number):
    _act(issuing_body=body, number=number).clean()


@pytest.mark.parametrize(
    ("body", "number", "message"),
    [
        (IssuingBody.MUNICIPAL_COUNCIL, "378/2026", "sesja/numer/rok"),
        (IssuingBody.TOWN_COUNCIL, "12/378/2026", "sesja/numer/rok"),
        (IssuingBody.COUNTY_BOARD, "612/2026", "posiedzenie/numer/rok"),
    ],
)
def test_resolutions_numbered_otherwise_are_refused(body, number, message):
    with pytest.raises(ValidationError) as exc:
        _act(issuing_body=body, number=number).clean()
    assert message in " ".join(exc.value.message_dict["number"])


def test_orders_of_executives_keep_their_own_numbering():
    for number in ("14/2026", "0050.15.2026", "Or.0050.7.2026"):
        _act(act_type=ActType.ORDER, issuing_body=IssuingBody.STAROSTA, number=number).clean()


@pytest.mark.parametrize(
    ("kind", "teryt", "expected"),
    [
        (MunicipalityKind.RURAL, "0201052", ["municipal_council", "wojt"]),
        (MunicipalityKind.URBAN_RURAL, "0201063", ["town_council", "mayor"]),
        (MunicipalityKind.COUNTY, "0209", ["county_council", "county_board", "starosta"]),
    ],
)
def test_act_form_offers_the_bodies_of_the_municipality_kind(
    admin_client, operator, kind, teryt, expected
):
    municipality = add_municipality(
        MunicipalityData(name=f"Jednostka {teryt}", kind=kind, teryt=teryt, slug=f"j-{teryt}")
    )
    response = admin_client.get(
        f"/admin/pages/add/cms_pages/resolutionpage/{_register(municipality).pk}/"
    )
    assert response.status_code == 200
    field = response.context["form"].fields["issuing_body"]
    assert [value for value, _label in field.choices] == expected


def test_act_of_another_kinds_body_is_refused_by_the_form(admin_client, operator):
    gmina = rural_municipality(7)
    url = f"/admin/pages/add/cms_pages/resolutionpage/{_register(gmina).pk}/"
    data = {
        "title": "w sprawie programu współpracy",
        "slug": "program",
        "act_type": "resolution",
        "number": "X/10/2026",
        "adopted_on": "2026-03-01",
        "issuing_body": IssuingBody.PRESIDENT,
        "status": "in_force",
        "subject_area": "ngo_cooperation",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "issuing_body" in response.context["form"].errors
    assert not ResolutionPage.objects.filter(slug="program").exists()
    data["issuing_body"] = IssuingBody.MUNICIPAL_COUNCIL
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert ResolutionPage.objects.get(slug="program").issuing_body == "municipal_council"


def test_factory_acts_of_the_city_keep_working(home_page):
    act = cms.ResolutionPageFactory(parent=cms.ResolutionIndexPageFactory(parent=home_page))
    assert act.issuing_body == IssuingBody.CITY_COUNCIL
