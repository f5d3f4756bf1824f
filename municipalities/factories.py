"""Municipalities for tests and the demo: made through the service, like the command."""

from accounts.factories import UserFactory

from .kinds import MunicipalityKind
from .services import MunicipalityData, add_municipality, add_staff

# TERYT codes of invented units in plausible places (voivodeship 02, counties 01-07).
RURAL_TERYT = "0201{:02d}2"


def rural_municipality(n: int, **overrides):
    """An n-th invented rural gmina (n from 1 to 99)."""
    data = {
        "name": f"Gmina Testowo {n}",
        "kind": MunicipalityKind.RURAL,
        "teryt": RURAL_TERYT.format(n),
        "slug": f"testowo-{n}",
        **overrides,
    }
    return add_municipality(MunicipalityData(**data))


def staff_user(municipality, *, username, roles):
    user = UserFactory(username=username, roles=roles)
    add_staff(user=user, municipality=municipality)
    return user
