"""Every export format by its name (pdf, docx, xlsx, csv)."""

from __future__ import annotations

from .base import ReportWriter
from .pdf import PdfWriter
from .spreadsheets import CsvWriter, XlsxWriter
from .word import DocxWriter

WRITERS: dict[str, type[ReportWriter]] = {
    w.format: w for w in (CsvWriter, XlsxWriter, DocxWriter, PdfWriter)
}


def writer_for(fmt: str) -> ReportWriter:
    return WRITERS[fmt]()
