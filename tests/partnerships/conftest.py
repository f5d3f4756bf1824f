import pytest

from accounts.factories import MembershipFactory, UserFactory
from accounts.models import Role
from municipalities.factories import rural_municipality, staff_user
from municipalities.services import home_municipality
from partnerships.factories import PostFactory
from tests.municipalities.conftest import _fresh_site_root_paths, media_root  # noqa: F401


@pytest.fixture
def city(db):
    return home_municipality()


@pytest.fixture
def other_municipality(db, city):
    """A second municipality with its own host name (no regional operator needed)."""
    return rural_municipality(2, name="Gmina Beta", slug="beta", hostname="beta.localhost")


@pytest.fixture
def official_elsewhere(other_municipality):
    return staff_user(other_municipality, username="urz_beta", roles=[Role.OFFICIAL])


@pytest.fixture
def other_ngo_user(db):
    return MembershipFactory(
        user=UserFactory(username="ngo2", roles=[Role.NGO_REPRESENTATIVE])
    ).user


@pytest.fixture
def post(city, ngo_membership):
    return PostFactory(
        municipality=city,
        author=ngo_membership.user,
        poster_kind="organisation",
        organisation=ngo_membership.organisation,
        poster_name="",
        contact="tel. 600 111 222",
    )
