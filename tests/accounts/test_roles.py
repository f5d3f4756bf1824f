"""Who may do what: every role × the account capabilities."""

import pytest
from django.urls import reverse

from accounts import permissions

ROLES = [
    "anonymous",
    "unverified_user",
    "resident",
    "ngo_user",
    "editor",
    "official",
    "administrator",
]

# role: (Wagtail admin, approve memberships, register organisation, see profile)
MATRIX = {
    "anonymous": (False, False, False, False),
    "unverified_user": (False, False, False, True),
    "resident": (False, False, True, True),
    "ngo_user": (False, False, True, True),
    "editor": (True, False, True, True),
    "official": (True, True, True, True),
    "administrator": (True, True, True, True),
}


@pytest.fixture
def role_user(request, db):
    from django.contrib.auth.models import AnonymousUser

    name = request.param
    return name, AnonymousUser() if name == "anonymous" else request.getfixturevalue(name)


def _login(client, user):
    if user.is_authenticated:
        client.force_login(user)


@pytest.mark.parametrize("role_user", ROLES, indirect=True)
def test_wagtail_admin_access(client, role_user):
    name, user = role_user
    _login(client, user)
    response = client.get(reverse("wagtailadmin_home"))
    assert (response.status_code == 200) is MATRIX[name][0]


@pytest.mark.parametrize("role_user", ROLES, indirect=True)
def test_approving_memberships(client, role_user):
    name, user = role_user
    _login(client, user)
    assert permissions.can_approve_memberships(user) is MATRIX[name][1]
    response = client.get(reverse("accounts_membership_requests"))
    assert (response.status_code == 200) is MATRIX[name][1]


@pytest.mark.parametrize("role_user", ROLES, indirect=True)
def test_registering_organisations(client, role_user):
    name, user = role_user
    _login(client, user)
    assert permissions.can_register_organisation(user) is MATRIX[name][2]
    response = client.get(reverse("accounts:organisation_register"))
    shows_form = response.status_code == 200 and "accounts/organisation_register.html" in [
        t.name for t in response.templates
    ]
    assert shows_form is MATRIX[name][2]


@pytest.mark.parametrize("role_user", ROLES, indirect=True)
def test_seeing_the_profile(client, role_user):
    name, user = role_user
    _login(client, user)
    assert permissions.can_see_profile(user) is MATRIX[name][3]
    response = client.get(reverse("accounts:profile"))
    assert (response.status_code == 200) is MATRIX[name][3]
    if not MATRIX[name][3]:
        assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("role_user", ROLES, indirect=True)
def test_participation_needs_a_verified_email(role_user):
    name, user = role_user
    assert permissions.can_participate(user) is (name not in {"anonymous", "unverified_user"})


@pytest.mark.parametrize("role_user", ROLES, indirect=True)
def test_directory_is_public(client, role_user):
    _, user = role_user
    _login(client, user)
    assert client.get(reverse("accounts:organisation_list")).status_code == 200
