"""Shared fixtures: the five roles of the permission matrix and the site's home page."""

import pytest
from wagtail.models import Site

from accounts.factories import MembershipFactory, UserFactory
from accounts.models import Role


@pytest.fixture
def home_page(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def resident(db):
    return UserFactory(username="resident", roles=[Role.RESIDENT])


@pytest.fixture
def unverified_user(db):
    return UserFactory(username="unverified", roles=[Role.RESIDENT], verified=False)


@pytest.fixture
def ngo_membership(db):
    return MembershipFactory(user=UserFactory(username="ngo", roles=[Role.NGO_REPRESENTATIVE]))


@pytest.fixture
def ngo_user(ngo_membership):
    return ngo_membership.user


@pytest.fixture
def organisation(ngo_membership):
    return ngo_membership.organisation


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", roles=[Role.EDITOR])


@pytest.fixture
def official(db):
    return UserFactory(username="official", roles=[Role.OFFICIAL])


@pytest.fixture
def administrator(db):
    return UserFactory(username="administrator", roles=[Role.ADMINISTRATOR])


ROLE_FIXTURES = ["resident", "ngo_user", "editor", "official"]


@pytest.fixture(params=[None, *ROLE_FIXTURES])
def any_role_client(request, client):
    """A client logged in as each role in turn (None = anonymous)."""
    if request.param:
        client.force_login(request.getfixturevalue(request.param))
    client.role = request.param or "anonymous"
    return client
