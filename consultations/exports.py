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

from __future__ import annotations

import copy
import csv
import io
from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.platypus import Flowable

from portal.office_files import clean_text, pdf_fonts
from portal.spreadsheet import neutralise_formula

from .reports import Report, ReportRow

Progress = Callable[[int, int], None] | None


class ReportColumns:
    """The report table as Polish offices publish it: ten columns, one row per comment."""

    # (key, relative width)
    columns = (
        ("number", 4),
        ("clause", 10),
        ("clause_text", 26),
        ("comment", 30),
        ("proposed_wording", 24),
        ("justification", 24),
        ("submitter", 14),
        ("channel", 10),
        ("position", 12),
        ("response", 30),
    )

    @staticmethod
    def headings() -> list[str]:
        return [
            _("No."),
            _("Clause"),
            _("Current wording"),
            _("Comment"),
            _("Proposed wording"),
            _("Justification"),
            _("Submitter"),
            _("Channel"),
            _("Authority's position"),
            _("Justification of the position"),
        ]

    @staticmethod
    def values(row: ReportRow) -> list[str]:
        comment = row.comment
        if row.hidden:
            note = _("Hidden by the moderator")
            if row.hidden_reason:
                note = f"{note}: {row.hidden_reason}"
            comment = f"[{note}]"  # the row carries no text of a hidden comment
        return [
            clean_text(v)
            for v in (
                row.number,
                row.clause_citation,
                row.clause_text,
                comment,
                row.proposed_wording,
                row.justification,
                row.submitter,
                row.channel_label,
                row.status_label or "–",
                row.response_text,
            )
        ]

    @property
    def widths(self) -> list[int]:
        return [w for _k, w in self.columns]


class HeaderFactsMixin:
    @staticmethod
    def title(report: Report) -> str:
        return clean_text(
            _("Consultation report: %(title)s") % {"title": report.consultation.title}
        )

    @staticmethod
    def facts(report: Report) -> list[tuple[str, str]]:
        facts = [(label, clean_text(value)) for label, value in report.facts()]
        if report.consultation.report_published_at:
            published = timezone.localtime(report.consultation.report_published_at)
            facts.append((_("Report published"), f"{published:%d.%m.%Y}"))
        else:
            facts.append((_("Status"), _("Draft report, not published yet")))
        return facts


class ReportWriter(ReportColumns, HeaderFactsMixin):
    format = ""
    extension = ""
    content_type = "application/octet-stream"
    progress_every = 200

    def write(self, report: Report, out, progress: Progress = None) -> None:
        raise NotImplementedError

    def _tick(self, done: int, total: int, progress: Progress) -> None:
        if progress and (done % self.progress_every == 0 or done == total):
            progress(done, total)

    def filename(self, report: Report) -> str:
        return f"raport-konsultacji-{report.consultation.pk}.{self.extension}"

    def render(self, report: Report, progress: Progress = None) -> bytes:
        buf = io.BytesIO()
        self.write(report, buf, progress)
        return buf.getvalue()


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
        wb.properties.subject = clean_text(report.consultation.subject)
        wb.properties.creator = clean_text(report.consultation.organiser or "Okienko")
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


class DocxWriter(ReportWriter):
    """Landscape A4; Title, facts, Heading 1, a table whose header row repeats on each page.

    The document language (core properties and default run language) is pl-PL, so
    screen readers and spell checkers use Polish.
    """

    format = "docx"
    extension = "docx"
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def write(self, report, out, progress=None):
        from docx import Document
        from docx.enum.section import WD_ORIENT
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt

        doc = Document()
        props = doc.core_properties
        props.title = self.title(report)
        props.subject = clean_text(report.consultation.subject)
        props.author = clean_text(report.consultation.organiser or "Okienko")
        props.language = "pl-PL"
        # Default language of every run: <w:docDefaults><w:rPrDefault><w:rPr><w:lang>.
        rpr = (
            doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        )
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        for attr in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attr), "pl-PL")
        doc.styles["Normal"].font.size = Pt(9)

        section = doc.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(12))

        doc.add_heading(self.title(report), level=0)
        facts = doc.add_table(rows=0, cols=2)
        facts.style = "Table Grid"
        for label, value in self.facts(report):
            cells = facts.add_row().cells
            cells[0].paragraphs[0].add_run(clean_text(label)).bold = True
            cells[1].paragraphs[0].add_run(value)
        doc.add_heading(_("Comments and the authority's positions"), level=1)

        headings = self.headings()
        table = doc.add_table(rows=2, cols=len(headings))
        table.style = "Table Grid"
        usable = Mm(297 - 24)
        total_width = sum(self.widths)
        for index, width in enumerate(self.widths):
            for cell in table.columns[index].cells:
                cell.width = int(usable * width / total_width)
        header = table.rows[0]
        tr_pr = header._tr.get_or_add_trPr()
        tbl_header = OxmlElement("w:tblHeader")
        tbl_header.set(qn("w:val"), "true")
        tr_pr.append(tbl_header)
        for cell, text in zip(header.cells, headings, strict=True):
            cell.paragraphs[0].add_run(text).bold = True

        # Copying a prepared XML row is ~20x faster than python-docx's add_row()/cells
        # for thousands of rows.
        template = table.rows[1]._tr
        tbl = table._tbl
        tbl.remove(template)
        total = len(report.rows)
        for done, row in enumerate(report.rows, start=1):
            tr = copy.deepcopy(template)
            for tc, text in zip(tr.iter(qn("w:tc")), self.values(row), strict=True):
                self._fill(tc, text, qn, OxmlElement)
            tbl.append(tr)
            self._tick(done, total, progress)
        doc.save(out)

    @staticmethod
    def _fill(tc, text, qn, OxmlElement):
        p = tc.find(qn("w:p"))
        r = OxmlElement("w:r")
        for index, line in enumerate(text.split("\n")):
            if index:
                r.append(OxmlElement("w:br"))
            t = OxmlElement("w:t")
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = line
            r.append(t)
        p.append(r)


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
            author=clean_text(report.consultation.organiser or "Okienko"),
            subject=clean_text(report.consultation.subject),
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


WRITERS: dict[str, type[ReportWriter]] = {
    w.format: w for w in (CsvWriter, XlsxWriter, DocxWriter, PdfWriter)
}


def writer_for(fmt: str) -> ReportWriter:
    return WRITERS[fmt]()
