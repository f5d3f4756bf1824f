"""Resolutions and opinions: numbered, linked to acts and consultations, shown on both sides."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from cms_pages.factories import ResolutionIndexPageFactory, ResolutionPageFactory
from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from cooperation.models import BodyResolution

pytestmark = pytest.mark.django_db


@pytest.fixture
def act_a(gmina_a):
    index = ResolutionIndexPageFactory(parent=gmina_a.home_page.specific)
    return ResolutionPageFactory(parent=index, title="w sprawie programu współpracy 2027")


@pytest.fixture
def act_b(gmina_b):
    index = ResolutionIndexPageFactory(parent=gmina_b.home_page.specific)
    return ResolutionPageFactory(parent=index, title="w sprawie obcej gminy")


@pytest.fixture
def consultation_a(gmina_a):
    index = ConsultationIndexPageFactory(parent=gmina_a.home_page.specific)
    return ConsultationPageFactory(parent=index, title="Konsultacje programu współpracy 2027")


@pytest.fixture
def opinion(council, act_a, consultation_a):
    resolution = BodyResolution.objects.create(
        body=council,
        kind=BodyResolution.Kind.OPINION,
        number="4/2026",
        adopted_on=datetime.date(2026, 10, 2),
        title="Opinia o projekcie programu współpracy na 2027 rok",
        text="Rada opiniuje projekt pozytywnie.",
    )
    resolution.acts.add(act_a)
    resolution.consultations.add(consultation_a)
    return resolution


def test_the_resolution_page_names_the_act_and_the_consultation(client, opinion):
    page = client.get(opinion.get_absolute_url()).content.decode()
    assert "w sprawie programu współpracy 2027" in page
    assert "Konsultacje programu współpracy 2027" in page
    assert "Rada opiniuje projekt pozytywnie." in page


def test_the_act_page_lists_the_councils_opinion(client, opinion, act_a):
    page = client.get(act_a.url).content.decode()
    assert "4/2026" in page and opinion.get_absolute_url() in page


def test_the_body_page_lists_its_resolutions(client, opinion, council):
    assert "Opinia o projekcie programu" in client.get(council.get_absolute_url()).content.decode()


def test_a_number_is_used_once_per_body_and_kind(opinion):
    with pytest.raises(IntegrityError), transaction.atomic():
        BodyResolution.objects.create(
            body=opinion.body,
            kind=opinion.kind,
            number="4/2026",
            adopted_on=datetime.date(2026, 10, 3),
            title="Druga",
            text="x",
        )


def test_the_admin_form_offers_only_acts_of_the_officials_municipality(
    as_role, council, act_a, act_b
):
    page = as_role("official_a").get("/admin/cooperation_resolutions/new/").content.decode()
    assert "w sprawie programu współpracy 2027" in page
    assert "w sprawie obcej gminy" not in page


@pytest.mark.parametrize(
    ("role", "index", "edit"),
    [
        ("anonymous", 302, 302),
        ("member", 302, 302),
        ("editor_a", 302, 302),
        ("official_a", 200, 200),
        ("official_b", 200, 404),
        ("admin_a", 200, 200),
    ],
)
def test_admin_resolution_screens_by_role(role, index, edit, as_role, opinion):
    client = as_role(role)
    assert client.get("/admin/cooperation_resolutions/").status_code == index
    assert client.get(f"/admin/cooperation_resolutions/edit/{opinion.pk}/").status_code == edit
