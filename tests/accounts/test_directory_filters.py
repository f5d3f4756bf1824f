"""The directory: filters by area, legal form, municipality and volunteers; Polish-aware
name search; constant queries."""

import pytest
from django.urls import reverse

from accounts.factories import OrganisationFactory
from tests.municipalities.conftest import (  # noqa: F401 - fixtures
    _fresh_site_root_paths,
    gmina_a,
    gmina_b,
    operator,
)

URL = "/organizacje/"


def names(client, **params):
    return [o.name for o in client.get(URL, params).context["organisations"]]


@pytest.mark.django_db
def test_name_search_ignores_case_diacritics_and_inflection(client):
    OrganisationFactory(name="Fundacja Zielony Skwer")
    OrganisationFactory(name="Stowarzyszenie Seniorzy w Akcji")
    OrganisationFactory(name="Koło Gospodyń Wiejskich w Łące")
    assert names(client, q="zielony") == ["Fundacja Zielony Skwer"]
    assert names(client, q="ZIELON") == ["Fundacja Zielony Skwer"]
    assert names(client, q="fundacji") == ["Fundacja Zielony Skwer"]
    assert names(client, q="kolo gospodyn") == ["Koło Gospodyń Wiejskich w Łące"]
    assert names(client, q="łąka") == ["Koło Gospodyń Wiejskich w Łące"]
    assert names(client, q="seniorów") == ["Stowarzyszenie Seniorzy w Akcji"]
    assert names(client, q="seniorzy skwer") == []


@pytest.mark.django_db
def test_filters_by_legal_form_municipality_and_volunteers(client, operator_less_two_gminas):
    alfa, beta = operator_less_two_gminas
    both = OrganisationFactory(name="Fundacja Dwóch Gmin", legal_form="foundation")
    both.municipalities.set([alfa, beta])
    club = OrganisationFactory(
        name="UKS Delfin", legal_form="student_sports_club", volunteers_wanted=True
    )
    club.municipalities.set([beta])
    OrganisationFactory(name="Stowarzyszenie Bez Gminy")

    assert names(client, legal_form="foundation") == ["Fundacja Dwóch Gmin"]
    assert names(client, municipality=alfa.slug) == ["Fundacja Dwóch Gmin"]
    assert names(client, municipality=beta.slug) == ["Fundacja Dwóch Gmin", "UKS Delfin"]
    assert names(client, volunteers="on") == ["UKS Delfin"]
    page = client.get(URL, {"municipality": beta.slug}).content.decode()
    # One profile, with every place where it works.
    assert page.count("Fundacja Dwóch Gmin") == 1
    assert "Gmina Alfa, Gmina Beta" in page


@pytest.fixture
def operator_less_two_gminas(_fresh_site_root_paths, gmina_a, gmina_b):  # noqa: F811
    return gmina_a, gmina_b


def _make(n, municipalities):
    for i in range(n):
        organisation = OrganisationFactory(areas=["sport"], volunteers_wanted=bool(i % 2))
        organisation.municipalities.set(municipalities)


@pytest.mark.django_db
def test_directory_query_count_does_not_grow_with_organisations(
    client, operator_less_two_gminas, django_assert_max_num_queries
):
    params = {"q": "stowarzyszenie", "area": "sport", "volunteers": "on"}
    _make(2, operator_less_two_gminas)
    client.get(URL, params)  # warm the caches (site, settings)
    with django_assert_max_num_queries(8) as small:
        assert client.get(URL, params).status_code == 200
    _make(40, operator_less_two_gminas)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(URL, params)
    assert len(response.context["organisations"]) == 20
    assert reverse("accounts:organisation_list") == URL
