"""Report exports: CSV, XLSX, DOCX and PDF from the same rows and the same columns.

Every writer takes a `reports.Report` (built with ONE query) and writes bytes to a
binary stream. The pieces compose: `ReportColumns` decides the columns and the cell
values (so every format shows the same thing), `HeaderFactsMixin` the header facts,
and each writer only knows its file format. `progress(done, total)` is called while
rows are written so background exports can show how far they are.

Safety: cell values are plain text, never markup — the PDF writer escapes them before
reportlab parses its mini-markup; XLSX cells are forced to the string type (never a
formula); CSV cells go through portal.spreadsheet.neutralise_formula (an apostrophe
before = + - @ tab CR at the start and after any separator a spreadsheet may split on).
"""

from .base import HeaderFactsMixin, Progress, ReportColumns, ReportWriter
from .formats import WRITERS, writer_for
from .pdf import PdfWriter
from .spreadsheets import CsvWriter, XlsxWriter
from .word import DocxWriter

__all__ = [
    "WRITERS",
    "CsvWriter",
    "DocxWriter",
    "HeaderFactsMixin",
    "PdfWriter",
    "Progress",
    "ReportColumns",
    "ReportWriter",
    "XlsxWriter",
    "writer_for",
]
