"""Polish formatting of amounts, independent of the active UI language.

Amounts are always PLN, so they are always written the Polish way:
"1 250 000,00 zł" (no-break spaces so the number never wraps across lines).
"""

from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"


def format_pln(amount) -> str:
    """Format an amount of złoty as '1 250 000,00 zł' (no-break spaces); '' for None."""
    if amount is None or amount == "":
        return ""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):.2f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}{NBSP.join(groups)},{fraction}{NBSP}zł"
