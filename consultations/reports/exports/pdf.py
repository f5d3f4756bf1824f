"""The report as a tagged PDF (reportlab platypus, landscape A4)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from reportlab.platypus import Flowable

from portal.office_files import clean_text, pdf_fonts

from .base import ReportWriter


class PdfWriter(ReportWriter):
    """Landscape A4 (reportlab platypus), tagged (pdf_tags: structure tree with
    headings, paragraphs and table cells); title/author/subject/language metadata; the
    table's header row repeats on every page; long rows split across pages."""

    format = "pdf"
    extension = "pdf"
    content_type = "application/pdf"
    chunk = 100  # rows per platypus Table: keeps layout time linear

    def write(self, report, out, progress=None):
        from xml.sax.saxutils import escape

        from reportlab.lib import colors
        from reportlab.lib.pagesizes import A4, landscape
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import mm
        from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

        from portal.pdf_tags import TaggedParagraph, Tagger

        regular, bold = pdf_fonts()
        base = ParagraphStyle("cell", fontName=regular, fontSize=7, leading=8.6)
        head = ParagraphStyle("head", parent=base, fontName=bold)
        title_style = ParagraphStyle("title", fontName=bold, fontSize=16, leading=20)
        h1 = ParagraphStyle("h1", fontName=bold, fontSize=12, leading=15, spaceBefore=8)
        fact = ParagraphStyle("fact", fontName=regular, fontSize=9, leading=11.5)
        title = self.title(report)
        # Tagged: headings, paragraphs and the table's cells are structure elements a
        # screen reader follows (portal/pdf_tags.py).
        tagger = Tagger(title=title, lang="pl-PL")

        def para(text, style, element, markup=None):
            text = markup if markup is not None else escape(text).replace("\n", "<br/>")
            return TaggedParagraph(text, style, struct=element, tagger=tagger)

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
        story = [para(title, title_style, tagger.element("H1")), Spacer(1, 4 * mm)]
        for label, value in self.facts(report):
            markup = f'<font name="{bold}">{escape(clean_text(label))}:</font> {escape(value)}'
            story.append(para("", fact, tagger.element("P"), markup=markup))
        story.append(para(_("Comments and the authority's positions"), h1, tagger.element("H2")))
        width = doc.width
        widths = [width * w / sum(self.widths) for w in self.widths]
        style = TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8ecf2")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
        total = len(report.rows)
        rows = report.rows or []
        if not rows:
            story.append(para(_("No comments were submitted."), fact, tagger.element("P")))
        else:
            table = tagger.element("Table")
            header_row = tagger.element("TR", tagger.element("THead", table))
            # One header row, drawn atop every chunk and page: tagged once, then artifacts.
            header = [
                para(h, head, tagger.element("TH", header_row, scope="Column", repeats=True))
                for h in self.headings()
            ]
            body = tagger.element("TBody", table)
        for start in range(0, total, self.chunk):
            chunk = rows[start : start + self.chunk]
            data = [header]
            for r in chunk:
                row = tagger.element("TR", body)
                data.append([para(v, base, tagger.element("TD", row)) for v in self.values(r)])
            story.append(
                Table(
                    data,
                    colWidths=widths,
                    repeatRows=1,
                    splitInRow=1,
                    style=style,
                    renderCB=tagger.table_callback,
                )
            )
            if progress:
                # Layout (doc.build) is the slow part: report when it gets here.
                story.append(_ProgressMark(progress, start + len(chunk), total))
        doc.build(story, canvasmaker=tagger.canvasmaker)


class _ProgressMark(Flowable):
    """An invisible flowable that reports layout progress when reportlab draws it."""

    def __init__(self, callback, done, total):
        super().__init__()
        self.callback, self.done, self.total = callback, done, total

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        self.callback(self.done, self.total)
