"""Every door that checks a password locks out like the portal's own log-in page."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from accounts.factories import UserFactory
from accounts.models import Role
from cms_pages.factories import StandardPageFactory

PASSWORD = "haslo-testowe-123"  # noqa: S105 - the factories' password
ADMIN_LOGINS = ["/admin/login/", "/django-admin/login/"]


@pytest.fixture
def staff(db):
    return UserFactory(username="urzednik", roles=[Role.EDITOR], is_staff=True, is_superuser=True)


def _login(client, url, username, password, ip="198.51.100.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip)


def _logged_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("url", ADMIN_LOGINS)
def test_admin_login_locks_the_account_after_five_wrong_passwords(client, staff, url):
    for _ in range(5):
        assert _login(client, url, "urzednik", "zle-haslo").status_code == 200
    response = _login(client, url, "urzednik", PASSWORD)
    assert response.status_code == 429
    assert "Zbyt wiele nieudanych prób" in response.content.decode()
    assert not _logged_in(client)
    # The lock is on the account, wherever the next guess comes from.
    assert _login(client, url, "urzednik", PASSWORD, ip="203.0.113.50").status_code == 429


@pytest.mark.parametrize("url", ADMIN_LOGINS)
def test_admin_login_locks_the_client_address_after_ten_failures(client, staff, url):
    for n in range(10):
        _login(client, url, f"ktos{n}", "zle-haslo")
    assert _login(client, url, "urzednik", PASSWORD).status_code == 429
    assert not _logged_in(client)
    # Another client and the right password: the account itself is not locked.
    response = _login(client, url, "urzednik", PASSWORD, ip="203.0.113.50")
    assert response.status_code == 302
    assert _logged_in(client)


def test_failures_on_the_portal_login_count_for_the_admin_login_too(client, staff):
    for _ in range(5):
        client.post(
            reverse("account_login"),
            {"login": staff.email, "password": "zle-haslo"},
            REMOTE_ADDR="198.51.100.7",
        )
    response = _login(client, "/admin/login/", staff.email, PASSWORD, ip="203.0.113.50")
    assert response.status_code == 429


def test_below_the_limit_the_right_password_logs_in(client, staff):
    for _ in range(4):
        _login(client, "/admin/login/", "urzednik", "zle-haslo")
    assert _login(client, "/admin/login/", "urzednik", PASSWORD).status_code == 302
    assert _logged_in(client)


@pytest.fixture
def protected_page(home_page):
    page = StandardPageFactory(parent=home_page, title="Materiały dla radnych")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="rada-2026"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return page, url


def _page_password(client, url, page, password, ip="198.51.100.7"):
    return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=ip)


def test_page_password_form_locks_out_after_five_wrong_passwords(client, protected_page):
    page, url = protected_page
    for _ in range(5):
        assert _page_password(client, url, page, "zgaduje").status_code == 200
    response = _page_password(client, url, page, "rada-2026")
    assert response.status_code == 429
    # Still locked out of the page: it answers with the password form.
    assert 'name="password"' in client.get(page.url).content.decode()
    # Another visitor is not locked out by someone else's guessing.
    other = _page_password(client, url, page, "rada-2026", ip="203.0.113.50")
    assert other.status_code == 302


def test_right_page_password_is_accepted_below_the_limit(client, protected_page):
    page, url = protected_page
    _page_password(client, url, page, "zgaduje")
    assert _page_password(client, url, page, "rada-2026").status_code == 302
