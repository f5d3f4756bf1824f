"""Shared fixtures: the five roles of the permission matrix and the site's home page."""

import pytest
from wagtail.models import Site

from accounts.factories import MembershipFactory, UserFactory
from accounts.models import Role
from tests.ci_strict import pytest_runtest_makereport, wrong_database  # noqa: F401 - a hook

TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server"}


def pytest_sessionstart(session):
    """Under CI, a pass declared with CI_DATABASE runs on that database or not at all."""
    from django.conf import settings

    problem = wrong_database(settings.DATABASES["default"]["ENGINE"])
    if problem:
        pytest.exit(problem, returncode=pytest.ExitCode.USAGE_ERROR)


def pytest_collection_modifyitems(items):
    """Mark transactional tests `serial` (scripts/test.sh runs them in a second pass).

    Such a test ends with a flush that empties every table, including the Site, home
    page and role groups made by data migrations. Alone, pytest-django runs them
    last; under pytest-xdist a worker may get another file afterwards, whose tests
    would then find no site. So the parallel pass takes `not serial` and the
    transactional tests run after it in one process.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = marker is not None and marker.kwargs.get("transaction")
        if transactional or TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.serial)


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Rendered pages, act fragments and flags (e.g. a queued index sweep whose task
    row a rolled-back test removed) never leak from one test into another."""
    from django.core.cache import caches

    for alias in ("default", "pages"):
        caches[alias].clear()
    yield
    for alias in ("default", "pages"):
        caches[alias].clear()


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


def _staff_of_home(user):
    """Staff roles work for a municipality: these fixtures for the default site's one."""
    from municipalities.services import add_staff, home_municipality

    add_staff(user=user, municipality=home_municipality())
    return user


@pytest.fixture
def editor(db):
    return _staff_of_home(UserFactory(username="editor", roles=[Role.EDITOR]))


@pytest.fixture
def official(db):
    return _staff_of_home(UserFactory(username="official", roles=[Role.OFFICIAL]))


@pytest.fixture
def administrator(db):
    return _staff_of_home(UserFactory(username="administrator", roles=[Role.ADMINISTRATOR]))


ROLE_FIXTURES = ["resident", "ngo_user", "editor", "official"]


@pytest.fixture(params=[None, *ROLE_FIXTURES])
def any_role_client(request, client):
    """A client logged in as each role in turn (None = anonymous)."""
    if request.param:
        client.force_login(request.getfixturevalue(request.param))
    client.role = request.param or "anonymous"
    return client
