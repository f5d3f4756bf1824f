"""Text for CSV cells that no spreadsheet turns into a formula (CSV injection).

OWASP's rule: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is prefixed with an apostrophe, which spreadsheets read as "this is text" and
do not show. A cell is not always split where the writer meant: Polish Excel splits a
comma-separated file on semicolons, other programs on tabs or line breaks, some ignore
quotes. So the rule also applies to the text after every character a spreadsheet may
split on (``, ; | tab`` and line breaks, with any spaces it may trim): ``x;=1+1;``
becomes ``x;'=1+1;``. Every CSV the portal writes goes through `neutralise_formula`.
"""

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A separator a spreadsheet might split on, any spaces it might trim, then a formula start.
_AFTER_SEPARATOR = re.compile(r"([,;|\t\r\n][^\S\t\r\n]*)(?=[=+\-@\t\r])")


def neutralise_formula(value) -> str:
    """`value` as text in which no cell, however the line is split, starts a formula."""
    text = "" if value is None else str(value)
    text = _AFTER_SEPARATOR.sub(r"\1'", text)
    if text.lstrip(" ").startswith(FORMULA_START):
        text = "'" + text
    return text
