import pytest
from django.core.cache import cache

from accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
from accounts.models import Role
from municipalities.factories import staff_user
from tests.municipalities.conftest import (  # noqa: F401 - fixtures
    _fresh_site_root_paths,
    gmina_a,
    gmina_b,
    operator,
)


@pytest.fixture(autouse=True)
def _private_and_media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    cache.clear()


@pytest.fixture
def ngo_a(_fresh_site_root_paths, gmina_a):  # noqa: F811
    organisation = OrganisationFactory(
        name="Fundacja Alfa", description="Sadzimy drzewa w Alfie.", areas=["ecology"]
    )
    organisation.municipalities.set([gmina_a])
    return organisation


@pytest.fixture
def rep_a(ngo_a):
    return MembershipFactory(organisation=ngo_a, user=UserFactory(username="rep-a")).user


@pytest.fixture
def rep_other(db):
    return MembershipFactory(user=UserFactory(username="rep-other")).user


@pytest.fixture
def official_a(gmina_a):  # noqa: F811
    return staff_user(gmina_a, username="official-a", roles=[Role.OFFICIAL])


@pytest.fixture
def official_b(gmina_b):  # noqa: F811
    return staff_user(gmina_b, username="official-b", roles=[Role.OFFICIAL])


@pytest.fixture
def editor_a(gmina_a):  # noqa: F811
    return staff_user(gmina_a, username="editor-a", roles=[Role.EDITOR])


@pytest.fixture
def administrator_user(db):
    return UserFactory(username="admin-x", roles=[Role.ADMINISTRATOR])


@pytest.fixture
def plain_resident(db):
    return UserFactory(username="res-x", roles=[Role.RESIDENT])
