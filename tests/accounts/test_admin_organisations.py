"""The NGO directory in the Wagtail admin follows the roles' model permissions."""

import pytest
from django.urls import reverse

from accounts.factories import OrganisationFactory
from accounts.models import Organisation


def edit_data(organisation, **overrides):
    data = {
        "name": organisation.name,
        "slug": organisation.slug,
        "legal_form": organisation.legal_form,
        "krs": organisation.krs,
        "nip": organisation.nip,
        "areas": ["culture"],
        "description": "",
        "street": organisation.street,
        "postal_code": organisation.postal_code,
        "city": organisation.city,
        "website": "",
        "email": "",
        "phone": "",
        "is_public": "on",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "can_list"),
    [("resident", False), ("editor", False), ("official", True), ("administrator", True)],
)
def test_organisation_listing_in_admin_by_role(client, request, who, can_list):
    OrganisationFactory(name="Fundacja Lipowy Zaułek")
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("organisations:index"))
    assert (response.status_code == 200) is can_list
    if can_list:
        assert b"Fundacja Lipowy Zau" in response.content


@pytest.mark.django_db
def test_official_corrects_an_organisation_with_area_checkboxes(client, official):
    organisation = OrganisationFactory(areas=["social"])
    client.force_login(official)
    response = client.post(
        reverse("organisations:edit", args=[organisation.pk]),
        edit_data(organisation, name="Fundacja Poprawiona", nip="526-104-08-28"),
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.name, organisation.areas, organisation.nip) == (
        "Fundacja Poprawiona",
        ["culture"],
        "5261040828",
    )


@pytest.mark.django_db
def test_admin_form_refuses_invalid_krs(client, official):
    organisation = OrganisationFactory()
    client.force_login(official)
    response = client.post(
        reverse("organisations:edit", args=[organisation.pk]),
        edit_data(organisation, krs="12345"),
    )
    assert response.status_code == 200
    organisation.refresh_from_db()
    assert organisation.krs != "12345"


@pytest.mark.django_db
def test_only_administrators_delete_organisations(client, official, administrator):
    organisation = OrganisationFactory()
    url = reverse("organisations:delete", args=[organisation.pk])
    client.force_login(official)
    client.post(url)
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    client.force_login(administrator)
    client.post(url)
    assert not Organisation.objects.filter(pk=organisation.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "manages_users"),
    [("editor", False), ("official", False), ("administrator", True)],
)
def test_only_administrators_manage_user_accounts(client, request, who, manages_users):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("wagtailusers_users:index"))
    assert (response.status_code == 200) is manages_users
