import pytest

from accounts.factories import MembershipFactory, UserFactory
from accounts.models import Role
from cms_pages.factories import CallIndexPageFactory
from grants.factories import call_with_terms, complete_offer


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _fresh_site_root_paths():
    from wagtail.models import Site

    Site.clear_site_root_paths_cache()
    yield
    Site.clear_site_root_paths_cache()


@pytest.fixture
def terms(home_page):
    return call_with_terms(parent=CallIndexPageFactory(parent=home_page))


@pytest.fixture
def call(terms):
    return terms.call


@pytest.fixture
def draft(call, organisation, ngo_user):
    return complete_offer(call=call, organisation=organisation, user=ngo_user)


@pytest.fixture
def other_ngo_user(db):
    """A representative of another organisation."""
    return MembershipFactory(
        user=UserFactory(username="ngo2", roles=[Role.NGO_REPRESENTATIVE])
    ).user


@pytest.fixture
def other_official(db, home_page):
    """An official of another municipality (under a regional operator)."""
    from municipalities.factories import rural_municipality, staff_user
    from municipalities.kinds import MunicipalityKind
    from municipalities.services import MunicipalityData, add_municipality

    add_municipality(
        MunicipalityData(
            name="Związek Gmin Testowych", kind=MunicipalityKind.ASSOCIATION, slug="region"
        )
    )
    other = rural_municipality(2, name="Gmina Beta", slug="beta")
    return staff_user(other, username="urz_b", roles=[Role.OFFICIAL])
