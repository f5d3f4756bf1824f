"""The report as a Word document (DOCX, landscape A4, Polish language)."""

from __future__ import annotations

import copy

from django.utils.translation import gettext as _

from portal.office_files import clean_text

from .base import ReportWriter


class DocxWriter(ReportWriter):
    """Landscape A4; Title, facts, Heading 1, a table whose header row repeats on each page.

    The document language (core properties and default run language) is pl-PL, so
    screen readers and spell checkers use Polish.
    """

    format = "docx"
    extension = "docx"
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def write(self, report, out, progress=None):
        doc = self._document(report)
        doc.add_heading(self.title(report), level=0)
        facts = doc.add_table(rows=0, cols=2)
        facts.style = "Table Grid"
        for label, value in self.facts(report):
            cells = facts.add_row().cells
            cells[0].paragraphs[0].add_run(clean_text(label)).bold = True
            cells[1].paragraphs[0].add_run(value)
        doc.add_heading(_("Comments and the authority's positions"), level=1)
        self._table(doc, report, progress)
        doc.save(out)

    def _document(self, report):
        """An empty landscape A4 document in Polish (properties and every run)."""
        from docx import Document
        from docx.enum.section import WD_ORIENT
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt

        doc = Document()
        props = doc.core_properties
        props.title = self.title(report)
        props.subject = self.subject(report)
        props.author = self.author(report)
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
        return doc

    def _table(self, doc, report, progress) -> None:
        """The comments table; its header row repeats on every page."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm

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
