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


LOGO_MAX_BYTES = 1024 * 1024
LOGO_MAX_SIDE = 3000
LOGO_FORMATS = ("PNG", "JPEG", "WEBP")


def validate_logo(file) -> None:
    """A logo: a PNG, JPEG or WebP picture of at most 1 MB and 3000 px a side.

    Django's ImageField has already opened the file with Pillow (it is a picture);
    this checks what the portal accepts on top of that.
    """
    if file.size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("The logo is too large: at most 1 MB, please."), code="logo_too_large"
        )
    image = getattr(file, "image", None)
    if image is not None:
        if image.format not in LOGO_FORMATS:
            raise ValidationError(
                _("The logo must be a PNG, JPEG or WebP picture."), code="logo_format"
            )
        if max(image.size) > LOGO_MAX_SIDE:
            raise ValidationError(
                _("The logo is too big: at most 3000 pixels a side."), code="logo_dimensions"
            )
