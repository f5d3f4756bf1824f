"""Registration without a mandatory KRS: the legal form decides the register number;
OPP status, areas and where the organisation works; the directory's filters."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.factories import OrganisationFactory
from accounts.models import Organisation
from municipalities.services import home_municipality

from .test_organisations import registration_data


def post_registration(client, user, **overrides):
    client.force_login(user)
    data = registration_data(**overrides)
    return client.post(reverse("accounts:organisation_register"), data)


def error_codes(response, field):
    return [e.code for e in response.context["form"].errors.as_data().get(field, [])]


@pytest.mark.django_db
def test_informal_group_registers_without_a_register_and_names_its_members(client, resident):
    municipality = home_municipality()
    response = post_registration(
        client,
        resident,
        name="Grupa Sąsiedzka Pod Kasztanem",
        legal_form="informal_group",
        krs="",
        nip="",
        group_members="Anna Przykładowa\nJan Testowy\n",
        municipalities=[municipality.pk],
        districts="Osiedle Kasztanowe",
    )
    assert response.status_code == 302
    group = Organisation.objects.get(name="Grupa Sąsiedzka Pod Kasztanem")
    assert group.krs is None
    assert group.member_list == ["Anna Przykładowa", "Jan Testowy"]
    assert list(group.municipalities.all()) == [municipality]
    assert group.districts == "Osiedle Kasztanowe"


@pytest.mark.django_db
def test_informal_group_needs_named_members_and_no_register(client, resident):
    response = post_registration(
        client, resident, legal_form="informal_group", krs="0000111222", group_members="Anna"
    )
    assert response.status_code == 200
    assert error_codes(response, "krs") == ["informal_has_no_register"]
    assert error_codes(response, "group_members") == ["members_required"]
    # What was typed stays in the form; the error summary is at the top.
    assert "0000111222" in response.content.decode()
    assert 'class="error-summary"' in response.content.decode()


@pytest.mark.django_db
def test_foundation_needs_a_valid_krs(client, resident):
    response = post_registration(client, resident, legal_form="foundation", krs="")
    assert error_codes(response, "krs") == ["krs_required"]
    response = post_registration(client, resident, legal_form="foundation", krs="12345")
    assert error_codes(response, "krs") == ["invalid_krs"]


@pytest.mark.parametrize("legal_form", ["ordinary_association", "student_sports_club"])
@pytest.mark.django_db
def test_starosta_register_number_required_for_ordinary_associations_and_school_clubs(
    client, resident, legal_form
):
    response = post_registration(client, resident, legal_form=legal_form, krs="")
    assert error_codes(response, "register_number") == ["register_number_required"]
    response = post_registration(
        client, resident, legal_form=legal_form, krs="", register_number="SO.512.3.2021"
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(register_number="SO.512.3.2021")
    assert organisation.krs is None


@pytest.mark.django_db
def test_church_entity_and_housewives_circle_may_give_no_number(client, resident):
    response = post_registration(client, resident, legal_form="rural_housewives", krs="")
    assert response.status_code == 302


@pytest.mark.django_db
def test_krs_unique_when_given_but_many_organisations_have_none():
    OrganisationFactory(krs=None, legal_form="informal_group", group_members="A\nB")
    OrganisationFactory(krs=None, legal_form="rural_housewives")
    OrganisationFactory(krs="0000123456")
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationFactory(krs="0000123456", slug="inna")
    assert Organisation.objects.filter(krs__isnull=True).count() == 2


@pytest.mark.django_db
def test_public_benefit_status_shown_on_the_profile(client):
    organisation = OrganisationFactory(is_public_benefit=True, legal_form="foundation")
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "OPP" in page
