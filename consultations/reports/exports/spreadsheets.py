"""The report as CSV (any spreadsheet, `;`-separated for Polish Excel) and XLSX."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from portal.office_files import clean_text
from portal.spreadsheet import neutralise_formula

from .base import ReportWriter


class CsvWriter(ReportWriter):
    """UTF-8 with a BOM (Excel detects the encoding) and `;` as the separator.

    Polish Excel uses the comma as the decimal separator and expects `;` in CSV; every
    other tool reads `;` when told. Line breaks inside cells are kept (quoted).
    """

    format = "csv"
    extension = "csv"
    content_type = "text/csv; charset=utf-8"
    delimiter = ";"

    def write(self, report, out, progress=None):
        text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
        writer = csv.writer(text, delimiter=self.delimiter, quoting=csv.QUOTE_MINIMAL)
        writer.writerow(self.headings())
        total = len(report.rows)
        for done, row in enumerate(report.rows, start=1):
            writer.writerow([neutralise_formula(v) for v in self.values(row)])
            self._tick(done, total, progress)
        text.flush()
        text.detach()


class XlsxWriter(ReportWriter):
    """One sheet with the table (bold, frozen header; widths; wrapped text), one with facts."""

    format = "xlsx"
    extension = "xlsx"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def write(self, report, out, progress=None):
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        wb = Workbook(write_only=True)
        wb.properties.title = self.title(report)
        wb.properties.subject = self.subject(report)
        wb.properties.creator = self.author(report)
        wb.properties.language = "pl-PL"
        ws = wb.create_sheet(_("Report")[:31])
        ws.freeze_panes = "A2"
        for index, width in enumerate(self.widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = max(6, width * 1.6)
        bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")

        def cell(value, font=None):
            c = WriteOnlyCell(ws, value=value)
            c.data_type = "s"  # never a formula, whatever the text starts with
            c.alignment = wrap
            if font:
                c.font = font
            return c

        ws.append([cell(h, bold) for h in self.headings()])
        total = len(report.rows)
        for done, row in enumerate(report.rows, start=1):
            values = self.values(row)
            ws.append([row.number, *(cell(v) for v in values[1:])])
            self._tick(done, total, progress)
        facts = wb.create_sheet(_("Summary")[:31])
        facts.column_dimensions["A"].width = 28
        facts.column_dimensions["B"].width = 90
        facts.append([cell(self.title(report), bold)])
        for label, value in self.facts(report):
            facts.append([cell(clean_text(label), bold), cell(value)])
        wb.save(out)
