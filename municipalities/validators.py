"""TERYT codes (the official register of territorial units, GUS).

A gmina has a 7-digit code WWPPGGR: voivodeship (even, 02-32), county, gmina and the
unit type (1 urban, 2 rural, 3 urban-rural). A county (powiat) has the 4 digits WWPP;
cities with county rights have county numbers from 61 up. An association of local
governments has no TERYT code.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .kinds import TERYT_TYPE_DIGITS, MunicipalityKind

VOIVODESHIPS = {f"{n:02d}" for n in range(2, 33, 2)}
FIRST_CITY_COUNTY = 61


def _check_voivodeship_and_county(code: str, kind: str) -> None:
    if code[:2] not in VOIVODESHIPS:
        raise ValidationError(
            _("The first two digits of a TERYT code name a voivodeship: 02, 04, … 32."),
            code="teryt_voivodeship",
        )
    county = int(code[2:4])
    if county == 0:
        raise ValidationError(_("Digits 3-4 of a TERYT code (the county) cannot be 00."))
    if kind == MunicipalityKind.CITY_COUNTY and county < FIRST_CITY_COUNTY:
        raise ValidationError(
            _("A city with county rights has a county number of 61 or more (digits 3-4)."),
            code="teryt_city_county",
        )
    if kind == MunicipalityKind.COUNTY and county >= FIRST_CITY_COUNTY:
        raise ValidationError(
            _("Counties numbered 61 and up are cities with county rights: choose that kind."),
            code="teryt_county",
        )


def validate_teryt(code: str, kind: str) -> str:
    """Return the normalised code or raise ValidationError with a clear message."""
    code = (code or "").strip().replace(" ", "")
    if kind == MunicipalityKind.ASSOCIATION:
        if code:
            raise ValidationError(
                _("An association of local governments has no TERYT code: leave it empty."),
                code="teryt_association",
            )
        return ""
    if not code:
        raise ValidationError(_("Enter the TERYT code."), code="teryt_required")
    expected = 4 if kind == MunicipalityKind.COUNTY else 7
    if not code.isdigit() or len(code) != expected:
        raise ValidationError(
            _("The TERYT code of this kind of unit has %(n)d digits.") % {"n": expected},
            code="teryt_length",
        )
    _check_voivodeship_and_county(code, kind)
    if expected == 7:
        if code[4:6] == "00":
            raise ValidationError(_("Digits 5-6 of a TERYT code (the gmina) cannot be 00."))
        if code[6] != TERYT_TYPE_DIGITS[kind]:
            raise ValidationError(
                _("The last digit of the TERYT code is %(digit)s for this kind of municipality.")
                % {"digit": TERYT_TYPE_DIGITS[kind]},
                code="teryt_type",
            )
    return code
