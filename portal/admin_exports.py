"""Spreadsheet downloads of the Wagtail admin, safe to open in a spreadsheet.

Every CSV/XLSX the admin offers (the reports: locked pages, ageing pages, site history,
workflows; redirects; form submissions; any listing or snippet viewset given
``list_export``) is written by Wagtail's ``SpreadsheetExportMixin``. Its cells carry
what people typed: page titles, form answers from anonymous visitors, redirect paths.
`guard_admin_exports()` makes that one writer safe, so no view can forget it:

- CSV: every text cell goes through `portal.spreadsheet.neutralise_formula`, exactly
  like the portal's own CSV files.
- XLSX: cells are already text cells (Wagtail turns what openpyxl took for a formula
  back into text); a cell that starts like a formula also gets Excel's "quote prefix"
  style, the invisible apostrophe, so editing the cell later cannot turn it into one.
  The text itself is left as typed: a visible apostrophe in an XLSX cell would change
  the data.

Why a patch of the mixin and not a subclass per view: see
docs/decisions/admin-spreadsheet-exports.md.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from portal.spreadsheet import FORMULA_START, neutralise_formula

_original_write_csv_row = SpreadsheetExportMixin.write_csv_row
_original_generate_xlsx_row = SpreadsheetExportMixin.generate_xlsx_row


class _NeutralisingWriter:
    """Wraps the csv writer the mixin writes a row with: text cells are neutralised."""

    def __init__(self, writer):
        self.writer = writer

    def writerow(self, row):
        return self.writer.writerow(
            {
                field: neutralise_formula(value) if isinstance(value, str) else value
                for field, value in row.items()
            }
        )


def write_csv_row(self, writer, row_dict):
    # Neutralise after Wagtail's (and a view's own) preprocessing: what reaches the file.
    return _original_write_csv_row(self, _NeutralisingWriter(writer), row_dict)


def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
    for cell in _original_generate_xlsx_row(self, worksheet, row_dict, date_format):
        if isinstance(cell.value, str) and cell.value.lstrip(" ").startswith(FORMULA_START):
            cell.data_type = "s"
            cell.quotePrefix = True
        yield cell


write_csv_row.guarded = generate_xlsx_row.guarded = True


def guard_admin_exports() -> None:
    """Install the safe cell writers on Wagtail's export mixin (idempotent)."""
    SpreadsheetExportMixin.write_csv_row = write_csv_row
    SpreadsheetExportMixin.generate_xlsx_row = generate_xlsx_row
