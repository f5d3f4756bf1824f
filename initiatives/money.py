"""Amounts in PLN: typed the Polish way ("12 345,67"), kept as Decimal with two places."""

from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

SPACES = (" ", "\u00a0", "\u202f", "\u2009")


def parse_amount(value) -> str:
    """'12 345,67' -> '12345.67'; '12.345,67' -> '12345.67'; '1234.5' stays."""
    text = str(value).strip().removesuffix("zł").removesuffix("PLN").strip()
    for space in SPACES:
        text = text.replace(space, "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    return text


def format_pln(value) -> str:
    """Decimal('12345.6') -> '12 345,60 zł' (non-breaking spaces)."""
    if value is None or value == "":
        return ""
    amount = Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole, cents = f"{amount:,.2f}".split(".")
    return whole.replace(",", "\u00a0") + "," + cents + "\u00a0zł"


class AmountField(forms.DecimalField):
    """A PLN amount; accepts spaces as thousand separators and a decimal comma."""

    widget = forms.TextInput
    default_error_messages = {"invalid": _("Enter an amount in złoty, e.g. 12 345,67.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal("0"))
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        # A text box (not type=number): "12 345,67" must be typeable; the numeric
        # keyboard is still offered on phones.
        return {"inputmode": "decimal"}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        return super().to_python(parse_amount(value))

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value:.2f}".replace(".", ",")
        return value


class HoursField(AmountField):
    """Hours of work, to a tenth ("12,5")."""

    default_error_messages = {"invalid": _("Enter a number of hours, e.g. 12,5.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 8)
        kwargs.setdefault("decimal_places", 1)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value:.1f}".replace(".", ",")
        return value
