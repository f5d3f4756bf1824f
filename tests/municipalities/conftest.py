import pytest

from municipalities.factories import rural_municipality
from municipalities.kinds import MunicipalityKind
from municipalities.services import MunicipalityData, add_municipality


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


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
