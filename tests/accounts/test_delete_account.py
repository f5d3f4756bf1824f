"""GDPR erasure: the account is anonymised, what its owner published stays."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from accounts import services, signals
from accounts.factories import MembershipFactory
from accounts.models import Membership, User


def _comment_by(user, home_page):
    return XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(home_page),
        object_pk=str(home_page.pk),
        site_id=1,
        user=user,
        user_name=user.get_full_name(),
        user_email=user.email,
        ip_address="198.51.100.23",
        comment="Popieram zmianę godzin otwarcia biblioteki.",
        submit_date=timezone.now(),
    )


@pytest.mark.django_db
def test_wrong_password_keeps_the_account(client, resident):
    client.force_login(resident)
    response = client.post(reverse("accounts:delete_account"), {"password": "nie-to-haslo"})
    assert response.status_code == 200
    assert [e.code for e in response.context["form"].errors.as_data()["password"]] == [
        "wrong_password"
    ]
    assert b'class="error-summary"' in response.content
    resident.refresh_from_db()
    assert not resident.is_deleted and resident.is_active


@pytest.mark.django_db
def test_empty_confirmation_is_refused_with_an_error(client, resident):
    client.force_login(resident)
    response = client.post(reverse("accounts:delete_account"), {})
    assert response.status_code == 200
    assert "password" in response.context["form"].errors
    resident.refresh_from_db()
    assert not resident.is_deleted


@pytest.mark.django_db
def test_deleting_account_anonymises_user_and_logs_out(client, ngo_user):
    pk = ngo_user.pk
    client.force_login(ngo_user)
    response = client.post(reverse("accounts:delete_account"), {"password": "haslo-testowe-123"})
    assert response.status_code == 302
    user = User.objects.get(pk=pk)
    assert user.is_deleted
    assert not user.is_active
    assert user.username == f"deleted-{pk}"
    assert (user.email, user.first_name, user.last_name, user.display_name) == ("", "", "", "")
    assert not user.has_usable_password()
    assert user.public_name == str(user.public_name) and user.public_name != ""
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not Membership.objects.filter(user=user).exists()
    assert not user.groups.exists()
    # Logged out: the profile asks for a login again.
    assert client.get(reverse("accounts:profile")).status_code == 302


@pytest.mark.django_db
def test_deleting_account_ends_sessions_on_other_devices(resident):
    laptop, phone = Client(), Client()
    laptop.force_login(resident)
    phone.force_login(resident)
    assert phone.get(reverse("accounts:profile")).status_code == 200
    laptop.post(reverse("accounts:delete_account"), {"password": "haslo-testowe-123"})
    assert phone.get(reverse("accounts:profile")).status_code == 302
    remaining = [s.get_decoded().get("_auth_user_id") for s in Session.objects.all()]
    assert str(resident.pk) not in remaining


@pytest.mark.django_db
def test_deleted_user_cannot_log_in(client, resident):
    email = resident.email
    services.delete_account(user=resident)
    response = client.post(
        reverse("account_login"), {"login": email, "password": "haslo-testowe-123"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_published_comment_survives_signed_as_deleted_user(resident, home_page):
    comment = _comment_by(resident, home_page)
    services.delete_account(user=resident)
    comment.refresh_from_db()
    assert comment.comment == "Popieram zmianę godzin otwarcia biblioteki."
    assert comment.user_id == resident.pk
    assert (comment.user_email, comment.ip_address) == ("", None)
    resident.refresh_from_db()
    assert comment.name == resident.public_name
    assert resident.public_name == str(resident) and resident.is_deleted


@pytest.mark.django_db
def test_decisions_of_a_deleted_official_keep_their_author(official, resident):
    decided = MembershipFactory(
        user=resident, status=Membership.Status.APPROVED, decided_by=official
    )
    services.delete_account(user=official)
    decided.refresh_from_db()
    assert decided.decided_by_id == official.pk
    assert decided.decided_by.is_deleted
    assert decided.decided_by.public_name == decided.decided_by.get_full_name()


@pytest.mark.django_db
def test_only_the_owner_or_an_administrator_may_delete(resident, official, administrator):
    with pytest.raises(PermissionDenied):
        services.delete_account(user=resident, by=official)
    resident.refresh_from_db()
    assert not resident.is_deleted
    services.delete_account(user=resident, by=administrator)
    resident.refresh_from_db()
    assert resident.is_deleted


@pytest.mark.django_db
def test_other_apps_hear_about_deleted_accounts(resident):
    received = []

    def receiver(sender, user, **kwargs):
        received.append((user.pk, user.is_deleted))

    signals.account_deleted.connect(receiver)
    try:
        services.delete_account(user=resident)
    finally:
        signals.account_deleted.disconnect(receiver)
    assert received == [(resident.pk, True)]


@pytest.mark.django_db
def test_deleting_twice_changes_nothing(resident):
    services.delete_account(user=resident)
    services.delete_account(user=resident)
    resident.refresh_from_db()
    assert resident.username == f"deleted-{resident.pk}"
