"""Validators for Polish registry numbers."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)


def normalise_digits(value: str) -> str:
    """Drop the separators people type (spaces, dashes) and keep the digits."""
    return "".join(ch for ch in (value or "") if ch not in " -\u00a0")


def validate_krs(value: str) -> None:
    """KRS numbers are exactly ten digits (leading zeros included)."""
    digits = normalise_digits(value)
    if not (digits.isdigit() and len(digits) == 10):
        raise ValidationError(
            _("A KRS number has exactly 10 digits, e.g. 0000123456."), code="invalid_krs"
        )


def nip_is_valid(value: str) -> bool:
    digits = normalise_digits(value)
    if not (digits.isdigit() and len(digits) == 10):
        return False
    checksum = sum(int(d) * w for d, w in zip(digits, NIP_WEIGHTS, strict=False)) % 11
    return checksum != 10 and checksum == int(digits[9])


def validate_nip(value: str) -> None:
    """NIP: ten digits whose last one is the weighted checksum of the first nine."""
    if not nip_is_valid(value):
        raise ValidationError(
            _("This NIP is not valid: it must have 10 digits and a correct check digit."),
            code="invalid_nip",
        )
