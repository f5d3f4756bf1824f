"""Every allauth page renders inside the portal layout, accessibly."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import User

from .html import assert_accessible_page, scan

ANONYMOUS_PAGES = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_email_verification_sent",
]
LOGGED_IN_PAGES = ["account_email", "account_change_password", "account_logout"]


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ANONYMOUS_PAGES)
def test_entrance_page_uses_portal_layout_and_labels_every_field(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert b'<main id="main"' in response.content
    assert b"page-account" in response.content
    assert_accessible_page(response.content)


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", LOGGED_IN_PAGES)
def test_account_management_page_has_settings_navigation(client, resident, url_name):
    client.force_login(resident)
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert b'class="settings-nav"' in response.content
    page = assert_accessible_page(response.content)
    assert page.controls or url_name == "account_logout"


@pytest.mark.django_db
def test_signup_errors_are_summarised_linked_to_fields_and_typed_values_kept(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "not-an-address",
            "first_name": "Halina",
            "last_name": "Borowik",
            "password1": "abc",
            "password2": "abd",
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert 'class="error-summary"' in content
    assert 'href="#id_email"' in content
    assert 'href="#id_accept_terms"' in content
    assert re.search(r'<input[^>]*aria-invalid="true"[^>]*id="id_email"', content)
    assert re.search(r'aria-describedby="id_email_error"[^>]*id="id_email"', content)
    assert 'id="id_email_error"' in content
    assert 'value="Halina"' in content
    assert 'value="Borowik"' in content
    assert 'value="not-an-address"' in content
    assert_accessible_page(content)
    assert not User.objects.exists()


@pytest.mark.django_db
def test_password_help_text_is_linked_to_its_input(client):
    content = client.get(reverse("account_signup")).content.decode()
    assert 'id="id_password1_helptext"' in content
    assert re.search(r'aria-describedby="id_password1_helptext"[^>]*id="id_password1"', content)


@pytest.mark.django_db
def test_signup_fields_come_in_reading_order(client):
    form = client.get(reverse("account_signup")).context["form"]
    assert list(form.fields)[:6] == [
        "email",
        "first_name",
        "last_name",
        "password1",
        "password2",
        "accept_terms",
    ]


@pytest.mark.django_db
def test_failed_login_shows_the_error_summary(client, resident):
    response = client.post(
        reverse("account_login"), {"login": resident.email, "password": "wrong-password-1"}
    )
    assert response.status_code == 200
    assert b'class="error-summary"' in response.content
    assert f'value="{resident.email}"'.encode() in response.content


@pytest.mark.django_db
def test_invalid_confirmation_key_explains_the_link_expired(client):
    response = client.get(reverse("account_confirm_email", args=["not-a-real-key"]))
    assert response.status_code == 200
    assert response.context["confirmation"] is None
    assert_accessible_page(response.content)


@pytest.mark.django_db
def test_change_email_sends_verification_and_keeps_old_address_until_confirmed(
    client, resident, mailoutbox
):
    client.force_login(resident)
    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "nowy.adres@example.org"}
    )
    assert response.status_code == 302
    new = EmailAddress.objects.get(user=resident, email="nowy.adres@example.org")
    assert not new.verified
    assert EmailAddress.objects.get(user=resident, email=resident.email).primary
    assert [m.to for m in mailoutbox] == [["nowy.adres@example.org"]]
    page = client.get(reverse("account_email"))
    assert b'id="new_email"' in page.content
    assert b'<form hidden id="pending-email"' in page.content
    assert_accessible_page(page.content)


@pytest.mark.django_db
def test_password_reset_walks_from_request_to_new_password(client, resident, mailoutbox):
    response = client.post(reverse("account_reset_password"), {"email": resident.email})
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
    link = re.search(r"https?://\S+", mailoutbox[0].body).group(0)
    assert link.startswith("http://testserver/")
    key_page = client.get(link, follow=True)
    assert key_page.status_code == 200
    assert "token_fail" not in key_page.context or not key_page.context["token_fail"]
    assert_accessible_page(key_page.content)
    action = key_page.request["PATH_INFO"]
    done = client.post(
        action, {"password1": "Nowe-haslo-2026!", "password2": "Nowe-haslo-2026!"}, follow=True
    )
    assert done.status_code == 200
    assert done.redirect_chain[-1][0] == reverse("account_reset_password_from_key_done")
    resident.refresh_from_db()
    assert resident.check_password("Nowe-haslo-2026!")


@pytest.mark.django_db
def test_password_change_keeps_user_logged_in(client, resident):
    client.force_login(resident)
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "haslo-testowe-123",
            "password1": "Inne-haslo-2026!",
            "password2": "Inne-haslo-2026!",
        },
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.check_password("Inne-haslo-2026!")
    assert client.get(reverse("accounts:profile")).status_code == 200


@pytest.mark.django_db
def test_account_pages_have_no_inline_scripts(client, resident):
    client.force_login(resident)
    for url_name in [*LOGGED_IN_PAGES, "accounts:profile", "accounts:delete_account"]:
        assert scan(client.get(reverse(url_name)).content).inline_scripts == 0


@pytest.mark.django_db
def test_signup_links_to_the_privacy_notice_when_the_site_has_one(client, home_page):
    from wagtail.models import Site

    from cms_pages.models import PortalSettings, StandardPage

    assert b'id="privacy-notice-link"' not in client.get(reverse("account_signup")).content
    privacy = home_page.add_child(instance=StandardPage(title="Polityka prywatności"))
    portal_settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal_settings.privacy_page = privacy
    portal_settings.save()
    content = client.get(reverse("account_signup")).content.decode()
    assert 'id="privacy-notice-link"' in content
    assert f'href="{privacy.url}"' in content
