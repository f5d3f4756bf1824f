"""The public NGO directory, registering an organisation and asking to represent one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
from accounts.models import Membership, Organisation, Role

from .html import assert_accessible_page


def registration_data(**overrides):
    data = {
        "name": "Fundacja Zielone Podwórko",
        "legal_form": "foundation",
        "krs": "0000654321",
        "nip": "5261040828",
        "areas": ["ecology", "youth"],
        "description": "Sadzimy drzewa na podwórkach Zielonogrodu.",
        "street": "ul. Lipowa 12",
        "postal_code": "65-123",
        "city": "Zielonogród",
        "website": "https://zielone-podworko.example.org",
        "email": "biuro@zielone-podworko.example.org",
        "phone": "+48 68 555 01 02",
        "function": "prezeska zarządu",
    }
    data.update(overrides)
    return data


# --- directory -----------------------------------------------------------------


@pytest.mark.django_db
def test_directory_lists_only_public_organisations(client):
    listed = OrganisationFactory(name="Fundacja Jawna")
    hidden = OrganisationFactory(name="Fundacja Ukryta", is_public=False)
    response = client.get(reverse("accounts:organisation_list"))
    assert response.status_code == 200
    assert list(response.context["organisations"]) == [listed]
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(listed.get_absolute_url()).status_code == 200
    assert_accessible_page(response.content)


@pytest.mark.django_db
def test_directory_filters_by_public_benefit_area_and_name(client):
    sport = OrganisationFactory(name="Klub Sportowy Sokół", areas=["sport", "youth"])
    seniors = OrganisationFactory(name="Klub Seniora Jesień", areas=["seniors"])
    OrganisationFactory(name="Fundacja Teatralna", areas=["culture"])
    url = reverse("accounts:organisation_list")

    assert list(client.get(url, {"area": "sport"}).context["organisations"]) == [sport]
    assert list(client.get(url, {"q": "klub"}).context["organisations"]) == [seniors, sport]
    assert list(client.get(url, {"q": "klub", "area": "seniors"}).context["organisations"]) == [
        seniors
    ]
    assert list(client.get(url, {"area": "health"}).context["organisations"]) == []


@pytest.mark.django_db
def test_directory_ignores_an_unknown_area(client):
    OrganisationFactory.create_batch(3)
    response = client.get(reverse("accounts:organisation_list"), {"area": "nonsense"})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 0 or response.context["form"].errors


@pytest.mark.django_db
def test_directory_paginates_and_keeps_filters_in_page_links(client):
    OrganisationFactory.create_batch(25, areas=["sport"])
    url = reverse("accounts:organisation_list")
    first = client.get(url, {"area": "sport"})
    assert len(first.context["organisations"]) == 20
    assert b"area=sport&amp;page=2" in first.content
    second = client.get(url, {"area": "sport", "page": 2})
    assert len(second.context["organisations"]) == 5


@pytest.mark.django_db
def test_directory_query_count_does_not_grow_with_organisations(client):
    url = reverse("accounts:organisation_list")
    OrganisationFactory.create_batch(3)
    client.get(url)  # warm the per-process caches (site root, menu)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    OrganisationFactory.create_batch(40)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


# --- registering an organisation ---------------------------------------------------


@pytest.mark.django_db
def test_verified_user_registers_organisation_as_pending_representative(
    client, resident, official, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:organisation_register"), registration_data())
    assert response.status_code == 302
    organisation = Organisation.objects.get(krs="0000654321")
    assert organisation.areas == ["ecology", "youth"]
    assert not organisation.is_public  # listed once an official approves the representative
    membership = Membership.objects.get(organisation=organisation)
    assert (membership.user, membership.status, membership.function) == (
        resident,
        Membership.Status.PENDING,
        "prezeska zarządu",
    )
    # Officials hear about the new request.
    assert [m.to for m in mailoutbox] == [[official.email]]
    assert reverse("accounts_membership_requests") in mailoutbox[0].body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("krs", "12345", "invalid_krs"),
        ("krs", "00006543210", "invalid_krs"),
        ("krs", "00006543ab", "invalid_krs"),
        ("nip", "5261040827", "invalid_nip"),
        ("nip", "123", "invalid_nip"),
    ],
)
def test_invalid_registry_number_gets_clear_error_and_form_keeps_typed_values(
    client, resident, field, value, code
):
    client.force_login(resident)
    response = client.post(
        reverse("accounts:organisation_register"), registration_data(**{field: value})
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert [e.code for e in form.errors.as_data()[field]] == [code]
    assert list(form.errors) == [field]
    content = response.content.decode()
    assert f'id="id_{field}_error"' in content
    assert f'href="#id_{field}"' in content  # in the error summary
    assert f'value="{value}"' in content
    assert 'value="Fundacja Zielone Podwórko"' in content
    assert 'value="ul. Lipowa 12"' in content
    assert "Sadzimy drzewa" in content
    assert 'value="ecology" id="id_areas_0" checked' in content or (
        'value="ecology"' in content and "checked" in content
    )
    assert_accessible_page(content)
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_registry_numbers_typed_with_separators_are_stored_as_digits(client, resident):
    client.force_login(resident)
    response = client.post(
        reverse("accounts:organisation_register"),
        registration_data(krs="0000 654 321", nip="526-104-08-28"),
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert (organisation.krs, organisation.nip) == ("0000654321", "5261040828")


@pytest.mark.django_db
def test_nip_is_optional(client, resident):
    client.force_login(resident)
    response = client.post(reverse("accounts:organisation_register"), registration_data(nip=""))
    assert response.status_code == 302
    assert Organisation.objects.get().nip == ""


@pytest.mark.django_db
def test_known_krs_points_user_to_the_existing_organisation(client, resident):
    OrganisationFactory(krs="0000654321")
    client.force_login(resident)
    response = client.post(
        reverse("accounts:organisation_register"), registration_data(krs="0000 654 321")
    )
    assert response.status_code == 200
    assert [e.code for e in response.context["form"].errors.as_data()["krs"]] == ["duplicate_krs"]
    assert Organisation.objects.count() == 1


@pytest.mark.django_db
def test_unverified_user_cannot_register_an_organisation(client, unverified_user):
    client.force_login(unverified_user)
    response = client.post(reverse("accounts:organisation_register"), registration_data())
    assert response.status_code == 200
    assert "account/verified_email_required.html" in [t.name for t in response.templates]
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_login_to_register(client):
    response = client.get(reverse("accounts:organisation_register"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


# --- asking to represent an existing organisation ------------------------------------


@pytest.mark.django_db
def test_user_asks_to_represent_listed_organisation(client, resident):
    organisation = OrganisationFactory()
    client.force_login(resident)
    detail = client.get(organisation.get_absolute_url())
    assert detail.context["can_request"] is True
    assert_accessible_page(detail.content)
    response = client.post(
        reverse("accounts:membership_request", args=[organisation.slug]),
        {"function": "skarbnik"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=resident, organisation=organisation)
    assert (membership.status, membership.function) == (Membership.Status.PENDING, "skarbnik")
    assert client.get(organisation.get_absolute_url()).context["can_request"] is False


@pytest.mark.django_db
def test_second_request_for_the_same_organisation_is_refused(client, resident):
    organisation = OrganisationFactory()
    MembershipFactory(user=resident, organisation=organisation, status=Membership.Status.PENDING)
    client.force_login(resident)
    response = client.post(
        reverse("accounts:membership_request", args=[organisation.slug]), {"function": ""}
    )
    assert response.status_code == 302
    assert Membership.objects.filter(user=resident, organisation=organisation).count() == 1
    detail = client.get(organisation.get_absolute_url())
    assert [m.level_tag for m in detail.context["messages"]] == ["error"]


@pytest.mark.django_db
def test_rejected_request_may_be_made_again(client, resident, official):
    organisation = OrganisationFactory()
    MembershipFactory(
        user=resident,
        organisation=organisation,
        status=Membership.Status.REJECTED,
        decided_by=official,
    )
    client.force_login(resident)
    client.post(reverse("accounts:membership_request", args=[organisation.slug]), {})
    membership = Membership.objects.get(user=resident, organisation=organisation)
    assert membership.status == Membership.Status.PENDING
    assert membership.decided_by is None


@pytest.mark.django_db
def test_unverified_user_cannot_ask_to_represent(client, unverified_user):
    organisation = OrganisationFactory()
    client.force_login(unverified_user)
    assert client.get(organisation.get_absolute_url()).context["can_request"] is False
    client.post(reverse("accounts:membership_request", args=[organisation.slug]), {})
    assert not Membership.objects.exists()


@pytest.mark.django_db
def test_organisation_detail_shows_approved_status_to_its_representative(client, ngo_user):
    organisation = ngo_user.memberships.get().organisation
    client.force_login(ngo_user)
    response = client.get(organisation.get_absolute_url())
    assert response.context["membership"].status == Membership.Status.APPROVED
    assert response.context["can_request"] is False


@pytest.mark.django_db
def test_representative_role_comes_from_an_approved_membership(ngo_user):
    assert ngo_user.has_role(Role.NGO_REPRESENTATIVE)
    assert Organisation.objects.represented_by(ngo_user).count() == 1
    assert Organisation.objects.represented_by(UserFactory()).count() == 0
