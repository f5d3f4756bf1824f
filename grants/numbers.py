"""Amounts in PLN: "12 345,67" in, Decimal with two places inside, "12 345,67" out."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

CENT = Decimal("0.01")
SPACES = re.compile(r"[\s\u00a0\u202f']")
MAX_AMOUNT = Decimal("9999999999.99")


def parse_amount(text) -> Decimal | None:
    """'12 345,67', '12345.67', '12 345' -> Decimal('12345.67'); '' -> None.
    Raises ValueError for anything else (two separators, letters, three decimals)."""
    if text is None:
        return None
    if isinstance(text, Decimal):
        return text
    raw = SPACES.sub("", str(text)).removesuffix("zł").removesuffix("PLN")
    if not raw:
        return None
    if raw.count(",") + raw.count(".") > 1 or not re.fullmatch(r"-?\d+([.,]\d{1,2})?", raw):
        raise ValueError(text)
    try:
        return Decimal(raw.replace(",", ".")).quantize(CENT)
    except InvalidOperation as exc:
        raise ValueError(text) from exc


def money(value) -> Decimal:
    return (value or Decimal("0")).quantize(CENT, rounding=ROUND_HALF_UP)


def format_amount(value) -> str:
    """Decimal('12345.6') -> '12 345,60' (plain spaces: this goes into input fields)."""
    if value is None or value == "":
        return ""
    value = money(Decimal(str(value)))
    whole, _sep, fraction = f"{abs(value):.2f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{'-' if value < 0 else ''}{' '.join(groups)},{fraction}"


class AmountInput(forms.TextInput):
    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Decimal):
            return format_amount(value)
        return super().format_value(value)


class AmountField(forms.Field):
    """An amount in złoty; accepts the Polish format with spaces and a decimal comma."""

    widget = AmountInput
    default_error_messages = {
        "invalid": _("Enter an amount such as 12 345,67 (at most two decimal places)."),
        "negative": _("The amount cannot be negative."),
        "too_large": _("The amount is too large."),
    }

    def __init__(self, *, allow_negative=False, **kwargs):
        self.allow_negative = allow_negative
        super().__init__(**kwargs)

    def to_python(self, value):
        try:
            amount = parse_amount(value)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if amount is None:
            return None
        if amount < 0 and not self.allow_negative:
            raise forms.ValidationError(self.error_messages["negative"], code="negative")
        if abs(amount) > MAX_AMOUNT:
            raise forms.ValidationError(self.error_messages["too_large"], code="too_large")
        return amount


def shares(parts: dict, total: Decimal) -> dict:
    """Percentages of `total` with two places that add up to exactly 100.00 (largest
    remainder), or all zero when the total is zero."""
    if not total:
        return dict.fromkeys(parts, Decimal("0.00"))
    exact = {key: Decimal(value or 0) * 10000 / total for key, value in parts.items()}
    floors = {key: int(v) for key, v in exact.items()}
    left = 10000 - sum(floors.values())
    order = sorted(exact, key=lambda k: exact[k] - floors[k], reverse=True)
    for key in order[: max(left, 0)]:
        floors[key] += 1
    return {key: Decimal(v) / 100 for key, v in floors.items()}
