"""Amounts of złoty typed the Polish way: "12 345,67", "12345.67", "12 345 zł"."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms_pages.formatting import format_pln

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_PLAIN = re.compile(r"-?\d+(\.\d{1,2})?")
CENT = Decimal("0.01")


def parse_pln(text) -> Decimal:
    """The Decimal of a typed amount; ValueError when it is not one.

    Spaces (also no-break ones) group thousands; the comma or a dot separates grosze;
    a trailing "zł" or "PLN" is allowed."""
    if isinstance(text, Decimal):
        return text.quantize(CENT, rounding=ROUND_HALF_UP)
    cleaned = _SPACES.sub("", str(text)).lower().removesuffix("zł").removesuffix("pln")
    cleaned = cleaned.replace(",", ".")
    if not _PLAIN.fullmatch(cleaned):
        raise ValueError(text)
    try:
        return Decimal(cleaned).quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:
        raise ValueError(text) from exc


class PLNInput(forms.TextInput):
    """Shows a stored amount as "12 345,67" (what people type back)."""

    def format_value(self, value):
        if isinstance(value, Decimal | int | float):
            return format_pln(value).replace("\u00a0zł", "")
        return super().format_value(value)


class PLNField(forms.DecimalField):
    """A DecimalField that accepts "12 345,67" and never more than 12 digits."""

    widget = PLNInput

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal("0.00"))
        super().__init__(**kwargs)
        self.localize = False

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_pln(value)
        except ValueError as exc:
            raise ValidationError(
                _('Enter an amount in złoty, e.g. "12 345,67".'), code="invalid"
            ) from exc

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)
        attrs.update({"inputmode": "decimal", "autocomplete": "off"})
        return attrs
