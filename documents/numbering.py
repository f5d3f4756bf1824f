"""List numbers as office programs show them: "1", "a", "iv", "01"."""

_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]
# Roman numerals stop at 3999 (MMMCMXCIX); office programs switch to digits beyond it.
MAX_ROMAN = 3999
DASHES = "–—-•·"


def format_number(value: int, fmt: str) -> str:
    """``value`` in a Word (``lowerRoman``) or ODF (``i``) numbering format."""
    if fmt in ("lowerLetter", "upperLetter", "a", "A"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt in ("upperLetter", "A") else letters
    if fmt in ("lowerRoman", "upperRoman", "i", "I") and 0 < value <= MAX_ROMAN:
        numeral = roman(value)
        return numeral.lower() if fmt in ("lowerRoman", "i") else numeral
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def roman(value: int) -> str:
    parts = []
    for number, numeral in _ROMAN:
        count, value = divmod(value, number)
        parts.append(numeral * count)
    return "".join(parts)
