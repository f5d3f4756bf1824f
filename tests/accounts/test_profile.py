"""The profile page: details, memberships and sections added by other apps."""

import pytest
from django.urls import reverse

from accounts import profile_sections
from accounts.factories import MembershipFactory
from accounts.models import Membership

from .html import assert_accessible_page


@pytest.mark.django_db
def test_profile_saves_display_name_used_as_public_name(client, resident):
    client.force_login(resident)
    response = client.post(
        reverse("accounts:profile"),
        {"display_name": "Sąsiadka z Lipowej", "first_name": "Ewa", "last_name": "Lis"},
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert (resident.display_name, resident.first_name, resident.last_name) == (
        "Sąsiadka z Lipowej",
        "Ewa",
        "Lis",
    )
    assert resident.public_name == "Sąsiadka z Lipowej"


@pytest.mark.django_db
def test_profile_form_with_errors_keeps_what_was_typed(client, resident):
    before = resident.first_name  # random (Faker): it may even be "Ewelina"
    client.force_login(resident)
    response = client.post(
        reverse("accounts:profile"),
        {"display_name": "x" * 101, "first_name": "Ewelina", "last_name": "Kruk"},
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["display_name"]
    content = response.content.decode()
    assert 'class="error-summary"' in content
    assert 'id="id_display_name_error"' in content
    assert 'value="Ewelina"' in content
    assert 'value="Kruk"' in content
    assert_accessible_page(content)
    resident.refresh_from_db()
    assert resident.first_name == before  # nothing saved


@pytest.mark.django_db
def test_profile_lists_memberships_with_status_and_links_to_settings(client, resident):
    pending = MembershipFactory(user=resident, status=Membership.Status.PENDING)
    client.force_login(resident)
    response = client.get(reverse("accounts:profile"))
    assert list(response.context["memberships"]) == [pending]
    content = response.content.decode()
    assert "membership--pending" in content
    assert reverse("account_email") in content
    assert reverse("account_change_password") in content
    assert reverse("accounts:delete_account") in content
    assert 'id="unverified-notice"' not in content
    assert_accessible_page(content)


@pytest.mark.django_db
def test_unverified_user_sees_why_they_cannot_participate(client, unverified_user):
    client.force_login(unverified_user)
    response = client.get(reverse("accounts:profile"))
    assert b'id="unverified-notice"' in response.content


@pytest.mark.django_db
def test_user_withdraws_pending_request_from_profile(client, resident):
    pending = MembershipFactory(user=resident, status=Membership.Status.PENDING)
    client.force_login(resident)
    response = client.post(reverse("accounts:membership_withdraw", args=[pending.pk]))
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=pending.pk).exists()


@pytest.mark.django_db
def test_user_cannot_withdraw_someone_elses_membership(client, resident, ngo_membership):
    client.force_login(resident)
    response = client.post(reverse("accounts:membership_withdraw", args=[ngo_membership.pk]))
    assert response.status_code == 404
    assert Membership.objects.filter(pk=ngo_membership.pk).exists()


@pytest.mark.django_db
def test_withdrawing_needs_post(client, resident):
    pending = MembershipFactory(user=resident, status=Membership.Status.PENDING)
    client.force_login(resident)
    assert client.get(reverse("accounts:membership_withdraw", args=[pending.pk])).status_code == 405
    assert Membership.objects.filter(pk=pending.pk).exists()


@pytest.mark.django_db
def test_other_apps_add_sections_to_the_profile_in_order(client, resident, monkeypatch):
    monkeypatch.setattr(profile_sections, "_providers", [])

    def subscriptions(request):
        return {
            "template": "accounts/includes/profile_section.html",
            "order": 20,
            "id": "subscriptions",
            "title": "Newsletters",
            "links": [("Manage", "/newsletter/")],
        }

    def volunteering(request):
        return {
            "template": "accounts/includes/profile_section.html",
            "order": 10,
            "id": "volunteering",
            "title": "Volunteering",
        }

    def nothing_to_show(request):
        return None

    for provider in (subscriptions, volunteering, nothing_to_show, subscriptions):
        profile_sections.register_profile_section(provider)

    client.force_login(resident)
    response = client.get(reverse("accounts:profile"))
    assert [s["id"] for s in response.context["profile_sections"]] == [
        "volunteering",
        "subscriptions",
    ]
    content = response.content.decode()
    assert content.index('id="section-volunteering"') < content.index('id="section-subscriptions"')
    assert 'href="/newsletter/"' in content
    assert_accessible_page(content)
