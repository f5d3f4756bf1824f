"""Sign-up → confirmation e-mail → confirm → log in, through the Django test client."""

import re
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from accounts.models import Role, User
from accounts.permissions import can_participate

PASSWORD = "Bezpieczne-haslo-2026"


def signup_data(email, **extra):
    return {
        "email": email,
        "first_name": "Jadwiga",
        "last_name": "Sikorka",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "accept_terms": "on",
        **extra,
    }


@pytest.mark.django_db
def test_signup_confirm_by_post_then_login(client, mailoutbox, settings):
    settings.BASE_URL = "https://okienko.example.org"
    email = "jadwiga.sikorka@example.org"

    response = client.post(reverse("account_signup"), signup_data(email))
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")

    user = User.objects.get(email=email)
    assert (user.first_name, user.last_name) == ("Jadwiga", "Sikorka")
    assert user.has_role(Role.RESIDENT)
    assert not can_participate(user)

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [email]
    link = re.search(r"https?://\S+", mailoutbox[0].body).group(0)
    # The link uses the public BASE_URL, not the host of the request.
    assert link.startswith("https://okienko.example.org/konto/confirm-email/")

    path = urlparse(link).path
    confirm_page = client.get(path)
    assert confirm_page.status_code == 200
    assert b'method="post"' in confirm_page.content
    # Opening the link (e.g. by a mail scanner) does not confirm: only the POST button does.
    assert not EmailAddress.objects.get(user=user).verified

    confirmed = client.post(path)
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert can_participate(user)

    login = client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    assert login.status_code == 302
    assert login.url == reverse("accounts:profile")
    profile = client.get(reverse("accounts:profile"))
    assert profile.status_code == 200
    assert profile.context["user"] == user
    assert profile.context["can_participate"] is True


@pytest.mark.django_db
def test_unverified_user_cannot_log_in_and_gets_a_new_link(client, unverified_user, mailoutbox):
    response = client.post(
        reverse("account_login"),
        {"login": unverified_user.email, "password": "haslo-testowe-123"},
    )
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    assert [m.to for m in mailoutbox] == [[unverified_user.email]]


@pytest.mark.django_db
def test_unverified_user_cannot_participate(unverified_user, resident):
    assert not can_participate(unverified_user)
    assert can_participate(resident)


@pytest.mark.django_db
def test_signup_without_accepting_terms_is_refused(client):
    data = signup_data("bez.zgody@example.org")
    del data["accept_terms"]
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["accept_terms"]
    assert not User.objects.filter(email="bez.zgody@example.org").exists()


@pytest.mark.django_db
def test_signup_with_an_address_already_in_use_creates_no_second_account(
    client, resident, mailoutbox
):
    # allauth does not reveal that the address exists (no enumeration): it mails the owner.
    client.post(reverse("account_signup"), signup_data(resident.email))
    assert User.objects.filter(email=resident.email).count() == 1


@pytest.mark.django_db
def test_twenty_first_signup_from_one_ip_within_an_hour_is_refused(client):
    start = timezone.now()
    with freeze_time(start) as frozen:
        for n in range(20):
            response = client.post(
                reverse("account_signup"),
                signup_data(f"osoba{n}@example.org"),
                REMOTE_ADDR="203.0.113.7",
            )
            assert response.status_code == 302, n
            frozen.tick(timedelta(minutes=2))

        refused = client.post(
            reverse("account_signup"),
            signup_data("osoba21@example.org"),
            REMOTE_ADDR="203.0.113.7",
        )
        assert refused.status_code == 429
        assert b'id="rate-limited"' in refused.content
        assert b'<main id="main"' in refused.content
        assert not User.objects.filter(email="osoba21@example.org").exists()

        # Another address is not affected.
        other_ip = client.post(
            reverse("account_signup"),
            signup_data("sasiadka@example.org"),
            REMOTE_ADDR="203.0.113.8",
        )
        assert other_ip.status_code == 302

        # An hour after the first sign-up the window has room again.
        frozen.move_to(start + timedelta(hours=1, minutes=1))
        later = client.post(
            reverse("account_signup"),
            signup_data("osoba21@example.org"),
            REMOTE_ADDR="203.0.113.7",
        )
        assert later.status_code == 302
    assert User.objects.filter(email="osoba21@example.org").exists()


@pytest.mark.django_db
def test_password_reset_and_account_exists_mails_link_to_base_url(
    client, resident, mailoutbox, settings
):
    settings.BASE_URL = "https://okienko.example.org"
    client.post(reverse("account_reset_password"), {"email": resident.email})
    client.post(reverse("account_signup"), signup_data(resident.email))
    assert len(mailoutbox) == 2
    for message in mailoutbox:
        links = re.findall(r"https?://\S+", message.body)
        assert links
        assert all(link.startswith("https://okienko.example.org/") for link in links), links
