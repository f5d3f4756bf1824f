"""The report as a tagged PDF (reportlab platypus, landscape A4)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table, TableStyle

from portal.office_files import clean_text, pdf_fonts
from portal.pdf_tags import TaggedParagraph, Tagger

from .base import ReportWriter

TABLE_STYLE = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8ecf2")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
)

REPEATED_COLUMN_HEADER = {"scope": "Column", "repeats": True}


class _Story:
    """The flowables of one PDF, each paragraph tagged as a structure element that a
    screen reader follows (portal/pdf_tags.py): headings, paragraphs, table cells."""

    def __init__(self, title: str):
        self.tagger = Tagger(title=title, lang="pl-PL")
        self.regular, self.bold = pdf_fonts()
        self.cell = ParagraphStyle("cell", fontName=self.regular, fontSize=7, leading=8.6)
        self.head = ParagraphStyle("head", parent=self.cell, fontName=self.bold)
        self.title = ParagraphStyle("title", fontName=self.bold, fontSize=16, leading=20)
        self.h1 = ParagraphStyle("h1", fontName=self.bold, fontSize=12, leading=15, spaceBefore=8)
        self.fact = ParagraphStyle("fact", fontName=self.regular, fontSize=9, leading=11.5)
        self.flowables: list = []

    def para(self, text, style, element, markup=None):
        text = markup if markup is not None else escape(text).replace("\n", "<br/>")
        return TaggedParagraph(text, style, struct=element, tagger=self.tagger)

    def add(self, text, style, element_type: str, markup=None) -> None:
        self.flowables.append(self.para(text, style, self.tagger.element(element_type), markup))


class PdfWriter(ReportWriter):
    """Landscape A4 (reportlab platypus), tagged (pdf_tags: structure tree with
    headings, paragraphs and table cells); title/author/subject/language metadata; the
    table's header row repeats on every page; long rows split across pages."""

    format = "pdf"
    extension = "pdf"
    content_type = "application/pdf"
    chunk = 100  # rows per platypus Table: keeps layout time linear

    def write(self, report, out, progress=None):
        title = self.title(report)
        story = _Story(title)
        doc = SimpleDocTemplate(
            out,
            pagesize=landscape(A4),
            leftMargin=10 * mm,
            rightMargin=10 * mm,
            topMargin=10 * mm,
            bottomMargin=12 * mm,
            title=title,
            author=self.author(report),
            subject=self.subject(report),
            creator="Okienko",
            lang="pl-PL",
        )
        self._header(report, story, title)
        if report.rows:
            self._table(report, story, doc.width, progress)
        else:
            story.add(_("No comments were submitted."), story.fact, "P")
        doc.build(story.flowables, canvasmaker=story.tagger.canvasmaker)

    def _header(self, report, story: _Story, title: str) -> None:
        story.add(title, story.title, "H1")
        story.flowables.append(Spacer(1, 4 * mm))
        for label, value in self.facts(report):
            label = escape(clean_text(label))
            markup = f'<font name="{story.bold}">{label}:</font> {escape(value)}'
            story.add("", story.fact, "P", markup=markup)
        story.add(_("Comments and the authority's positions"), story.h1, "H2")

    def _table(self, report, story: _Story, width, progress) -> None:
        tagger = story.tagger
        widths = [width * w / sum(self.widths) for w in self.widths]
        table = tagger.element("Table")
        header_row = tagger.element("TR", tagger.element("THead", table))
        # One header row, drawn atop every chunk and page: tagged once, then artifacts.
        header = [
            story.para(h, story.head, tagger.element("TH", header_row, **REPEATED_COLUMN_HEADER))
            for h in self.headings()
        ]
        body = tagger.element("TBody", table)
        rows, total = report.rows, len(report.rows)
        for start in range(0, total, self.chunk):
            chunk = rows[start : start + self.chunk]
            data = [header]
            for r in chunk:
                row = tagger.element("TR", body)
                data.append(
                    [story.para(v, story.cell, tagger.element("TD", row)) for v in self.values(r)]
                )
            story.flowables.append(
                Table(
                    data,
                    colWidths=widths,
                    repeatRows=1,
                    splitInRow=1,
                    style=TABLE_STYLE,
                    renderCB=tagger.table_callback,
                )
            )
            if progress:
                # Layout (doc.build) is the slow part: report when it gets here.
                story.flowables.append(_ProgressMark(progress, start + len(chunk), total))


class _ProgressMark(Flowable):
    """An invisible flowable that reports layout progress when reportlab draws it."""

    def __init__(self, callback, done, total):
        super().__init__()
        self.callback, self.done, self.total = callback, done, total

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        self.callback(self.done, self.total)
