from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from cms_pages.formatting import format_pln
from cms_pages.models.resolutions import validate_act_number

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("1250000"), "1 250 000,00 zł"),
        (Decimal("1250000.5"), "1 250 000,50 zł"),
        (Decimal("999.999"), "1 000,00 zł"),
        (Decimal("0.05"), "0,05 zł"),
        (Decimal("128700.00"), "128 700,00 zł"),
        (Decimal("-4500"), "-4 500,00 zł"),
        (42, "42,00 zł"),
    ],
)
def test_amounts_are_written_the_polish_way_with_no_break_spaces(amount, expected):
    formatted = format_pln(amount)
    assert formatted == expected.replace(" ", NBSP)
    assert " " not in formatted  # a plain space would let the amount wrap


def test_missing_amount_formats_as_empty_string():
    assert format_pln(None) == ""


@pytest.mark.parametrize(
    "number", ["XLIV/378/2010", "14/2026", "0050.15.2026", "Or.0050.7.2026", "XII/145/2025"]
)
def test_common_act_numbers_are_accepted(number):
    validate_act_number(number)


@pytest.mark.parametrize("number", ["", "XLIV / 378", "nr 12/2026", "abc", "12//2026", "/12/2026"])
def test_malformed_act_numbers_are_rejected(number):
    with pytest.raises(ValidationError):
        validate_act_number(number)
