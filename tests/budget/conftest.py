import pytest

from accounts.factories import UserFactory
from accounts.models import Role
from budget.factories import make_edition, make_pool, make_project
from budget.models import Phase, Status
from municipalities.services import home_municipality


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def city(db):
    return home_municipality()


@pytest.fixture
def author(db):
    return UserFactory(username="autorka", roles=[Role.RESIDENT])


@pytest.fixture
def other_resident(db):
    return UserFactory(username="sasiad", roles=[Role.RESIDENT])


@pytest.fixture
def edition_in():
    """edition_in(municipality, phase) -> an edition with one pool in that phase."""

    def make(municipality, phase=Phase.SUBMISSION, **fields):
        edition = make_edition(municipality, phase=phase, **fields)
        make_pool(edition)
        return edition

    return make


@pytest.fixture
def submission_edition(city, edition_in):
    return edition_in(city, Phase.SUBMISSION)


@pytest.fixture
def voting_edition(city, edition_in):
    edition = edition_in(city, Phase.VOTING)
    pool = edition.pools.get()
    make_project(pool, title="Ławki", cost="100000.00", status=Status.ADMITTED)
    make_project(pool, title="Drzewa", cost="300000.00", status=Status.ADMITTED)
    make_project(pool, title="Plac zabaw", cost="250000.00", status=Status.ADMITTED)
    return edition


from tests.municipalities.conftest import (  # noqa: E402, F401 - fixtures
    _fresh_site_root_paths,
    gmina_a,
    gmina_b,
    operator,
)
