import pytest

from municipalities.factories import rural_municipality
from municipalities.kinds import MunicipalityKind
from municipalities.services import MunicipalityData, add_municipality


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _fresh_site_root_paths():
    """These tests add sites and move the default one; Wagtail keeps the sites' root
    paths in the cache, and a rolled-back test sends no signal to forget them."""
    from wagtail.models import Site

    Site.clear_site_root_paths_cache()
    yield
    Site.clear_site_root_paths_cache()


@pytest.fixture
def operator(db):
    """The regional operator: the existing city moves under its regional page."""
    return add_municipality(
        MunicipalityData(
            name="Związek Gmin Doliny Testowej", kind=MunicipalityKind.ASSOCIATION, slug="region"
        )
    )


@pytest.fixture
def gmina_a(operator):
    return rural_municipality(1, name="Gmina Alfa", slug="alfa")


@pytest.fixture
def gmina_b(operator):
    return rural_municipality(2, name="Gmina Beta", slug="beta")
