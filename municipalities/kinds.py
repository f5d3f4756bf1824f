"""Kinds of local government and the bodies that issue their acts."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MunicipalityKind(models.TextChoices):
    URBAN = "urban", _("urban municipality (gmina miejska)")
    RURAL = "rural", _("rural municipality (gmina wiejska)")
    URBAN_RURAL = "urban_rural", _("urban-rural municipality (gmina miejsko-wiejska)")
    CITY_COUNTY = "city_county", _("city with county rights (miasto na prawach powiatu)")
    COUNTY = "county", _("county (powiat)")
    ASSOCIATION = "association", _("association of local governments (regional operator)")


# The TERYT unit type digit (7th digit of a gmina code) each municipal kind carries:
# 1 urban gmina (also a city with county rights), 2 rural, 3 urban-rural.
TERYT_TYPE_DIGITS = {
    MunicipalityKind.URBAN: "1",
    MunicipalityKind.RURAL: "2",
    MunicipalityKind.URBAN_RURAL: "3",
    MunicipalityKind.CITY_COUNTY: "1",
}


def bodies_by_kind():
    """The bodies issuing acts in a municipality of each kind (first: the council)."""
    from cms_pages.models import IssuingBody as B

    return {
        MunicipalityKind.URBAN: [B.CITY_COUNCIL, B.TOWN_COUNCIL, B.MAYOR, B.PRESIDENT],
        MunicipalityKind.RURAL: [B.MUNICIPAL_COUNCIL, B.WOJT],
        MunicipalityKind.URBAN_RURAL: [B.TOWN_COUNCIL, B.MAYOR],
        MunicipalityKind.CITY_COUNTY: [B.CITY_COUNCIL, B.TOWN_COUNCIL, B.PRESIDENT],
        MunicipalityKind.COUNTY: [B.COUNTY_COUNCIL, B.COUNTY_BOARD, B.STAROSTA],
        MunicipalityKind.ASSOCIATION: [B.ASSEMBLY, B.ASSOCIATION_BOARD],
    }


def executive_body(kind):
    """The body that runs the municipality's day-to-day business, consultations
    included (an urban gmina's executive is taken to be its burmistrz: a city president
    governs the cities with county rights and the few urban gminas above 100,000
    inhabitants, which are registered as such)."""
    from cms_pages.models import IssuingBody as B

    return {
        MunicipalityKind.URBAN: B.MAYOR,
        MunicipalityKind.RURAL: B.WOJT,
        MunicipalityKind.URBAN_RURAL: B.MAYOR,
        MunicipalityKind.CITY_COUNTY: B.PRESIDENT,
        MunicipalityKind.COUNTY: B.COUNTY_BOARD,
        MunicipalityKind.ASSOCIATION: B.ASSOCIATION_BOARD,
    }.get(kind)
