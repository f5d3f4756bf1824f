"""The filled offer as PDF (tagged, reportlab) and DOCX (python-docx), in the order
and numbering of the 2018 template: one layout, two writers."""

import io
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from accounts.models import PublicBenefitArea
from portal.office_files import clean_text, pdf_fonts

from .numbers import format_amount, shares
from .rules import cost_totals, line_value


@dataclass
class Block:
    kind: str  # "h1", "h2", "facts", "text", "table"
    text: str = ""
    rows: list = field(default_factory=list)
    headers: list = field(default_factory=list)


def _d(value) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def _s(value) -> str:
    return clean_text(value or "")


def layout(offer, data) -> list[Block]:
    f = data.fields
    small = offer.kind == "small"
    areas = dict(PublicBenefitArea.choices)
    blocks = [
        Block(
            "h1",
            _("Simplified offer to carry out a public task")
            if small
            else _("Offer to carry out a public task"),
        ),
        Block("h2", _("I. Basic information")),
        Block(
            "facts",
            rows=[
                (_("Public administration body addressed"), _s(offer.municipality.name)),
                (_("Type of public task"), str(areas.get(f.get("task_area"), ""))),
                (_("Call"), _s(offer.call.title) if offer.call_id else "—"),
            ],
        ),
        Block("h2", _("II. Offeror(s)")),
        Block(
            "facts",
            rows=[
                (_("Name of the offeror"), _s(f.get("offeror_name"))),
                (_("Legal form"), _s(f.get("legal_form"))),
                (_("Number in the KRS or another register"), _s(f.get("register_number"))),
                (_("Seat and address"), _s(f.get("address"))),
                (_("Website"), _s(f.get("website"))),
                (_("E-mail"), _s(f.get("email"))),
                (_("Phone"), _s(f.get("phone"))),
                (_("Person authorised to give explanations"), _s(f.get("contact_person"))),
                (_("Other offerors"), _s(f.get("co_offerors")) if f.get("is_joint") else "—"),
            ],
        ),
        Block("h2", _("III. The public task")),
        Block(
            "facts",
            rows=[
                (_("1. Title"), _s(f.get("title"))),
                (
                    _("2. Dates"),
                    f"{_d(f.get('start_date'))} – {_d(f.get('end_date'))}",
                ),
            ],
        ),
        Block("text", _("3. Synthetic description of the task")),
        Block("p", _s(f.get("description"))),
        *schedule_blocks(data),
        Block("text", _("5. Expected results")),
        Block("p", _s(f.get("expected_results"))),
        *results_blocks(data),
    ]
    if not small:
        blocks += [
            Block("h2", _("IV. The offeror's capacity")),
            Block("text", _("1. Previous activity")),
            Block("p", _s(f.get("experience"))),
            Block("text", _("2. Resources")),
            Block("p", _s(f.get("resources"))),
        ]
    blocks += cost_blocks(data, small)
    blocks += [
        Block("h2", _("VI. Other information")),
        Block("p", _s(f.get("paid_activity"))),
        Block("p", _s(f.get("joint_roles"))),
        Block("p", _s(f.get("other_information"))),
        Block("h2", _("VII. Declarations")),
        Block(
            "facts",
            rows=[
                (
                    str(offer._meta.get_field(name).verbose_name),
                    _("yes") if f.get(name) else _("no"),
                )
                for name in (
                    "declared_statutory",
                    "declared_no_arrears",
                    "declared_register",
                    "declared_truth",
                    "declared_personal_data",
                )
            ],
        ),
    ]
    return blocks


def schedule_blocks(data) -> list[Block]:
    """III.4 the schedule of actions."""
    return [
        Block("text", _("4. Schedule of actions")),
        Block(
            "table",
            headers=[
                _("No."),
                _("Action"),
                _("Description"),
                _("Target group"),
                _("Dates"),
                _("Non-party"),
            ],
            rows=[
                [
                    str(a.get("number") or ""),
                    _s(a.get("name")),
                    _s(a.get("description")),
                    _s(a.get("target_group")),
                    f"{_d(a.get('start_date'))} – {_d(a.get('end_date'))}",
                    _s(a.get("contractor")),
                ]
                for a in data.actions
            ],
        ),
    ]


def results_blocks(data) -> list[Block]:
    """III.6 the results and their target values."""
    return [
        Block("text", _("6. Results and their target values")),
        Block(
            "table",
            headers=[_("Result"), _("Target value"), _("How it is monitored (source)")],
            rows=[
                [_s(r.get("name")), _s(r.get("target_value")), _s(r.get("monitoring"))]
                for r in data.results
            ],
        ),
    ]


def cost_blocks(data, small) -> list[Block]:
    """V.A the cost estimate, V.B the sources and V.C the joint split."""
    f = data.fields
    total, admin = cost_totals(data.costs)
    headers = [
        _("No."),
        _("Type of cost"),
        _("Unit"),
        _("Unit cost"),
        _("Number of units"),
        _("Value"),
    ]
    if not small:
        headers += [_("Year 1"), _("Year 2"), _("Year 3")]
    rows = []
    groups = {}
    for line in data.costs:
        groups.setdefault(line.get("action_number"), []).append(line)
    numbers = sorted(k for k in groups if k is not None)
    sections = [(_("I. Costs of actions"), numbers), (_("II. Administrative costs"), [None])]
    for label, keys in sections:
        rows.append([label, "", "", "", "", ""] + ([""] * 3 if not small else []))
        for key in keys:
            for n, line in enumerate(groups.get(key, []), start=1):
                number = f"{key}.{n}" if key is not None else f"II.{n}"
                row = [
                    number,
                    _s(line.get("name")),
                    _s(line.get("unit")),
                    format_amount(line.get("unit_cost")),
                    format_amount(line.get("units")),
                    format_amount(line_value(line)),
                ]
                if not small:
                    row += [format_amount(line.get(f"year_{y}")) for y in (1, 2, 3)]
                rows.append(row)
    rows.append(
        [_("Total"), "", "", "", "", format_amount(total)] + ([""] * 3 if not small else [])
    )
    parts = {
        "grant": f.get("grant_requested") or 0,
        "fin": f.get("own_financial") or 0,
        "non": f.get("own_non_financial") or 0,
        "fees": f.get("recipient_fees") or 0,
    }
    pct = shares(parts, total)
    own = parts["fin"] + parts["non"]
    own_pct = pct["fin"] + pct["non"]
    sources = [
        ["1", _("Total costs"), format_amount(total), "100,00"],
        [
            "2",
            _("Requested grant"),
            format_amount(parts["grant"]),
            f"{pct['grant']:.2f}".replace(".", ","),
        ],
        ["3", _("Own contribution"), format_amount(own), f"{own_pct:.2f}".replace(".", ",")],
        ["3.1", _("financial"), format_amount(parts["fin"]), f"{pct['fin']:.2f}".replace(".", ",")],
        [
            "3.2",
            _("non-financial (personal and in-kind)"),
            format_amount(parts["non"]),
            f"{pct['non']:.2f}".replace(".", ","),
        ],
        [
            "4",
            _("Fees from recipients"),
            format_amount(parts["fees"]),
            f"{pct['fees']:.2f}".replace(".", ","),
        ],
    ]
    blocks = [
        Block("h2", _("V. Calculation of costs")),
        Block("text", _("V.A Cost estimate")),
        Block("table", headers=headers, rows=rows),
        Block("text", _("V.B Sources of funding")),
        Block(
            "table", headers=[_("No."), _("Source"), _("Value (PLN)"), _("Share (%)")], rows=sources
        ),
    ]
    if f.get("is_joint") and data.shares:
        blocks += [
            Block("text", _("V.C Split of costs between the offerors")),
            Block(
                "table",
                headers=[_("Offeror"), _("Amount (PLN)")],
                rows=[[_s(s.get("offeror")), format_amount(s.get("amount"))] for s in data.shares],
            ),
        ]
    return blocks


def render_pdf(offer, data) -> bytes:
    return write_pdf(layout(offer, data), author=_s(offer.offeror_name))


def write_pdf(blocks: list[Block], *, author: str) -> bytes:
    """Tagged PDF of a layout; its first block (h1) is the title."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

    from portal.pdf_tags import TaggedParagraph, Tagger

    regular, bold = pdf_fonts()
    base = ParagraphStyle("cell", fontName=regular, fontSize=8, leading=10)
    head = ParagraphStyle("head", parent=base, fontName=bold)
    styles = {
        "h1": ParagraphStyle("h1", fontName=bold, fontSize=14, leading=18, spaceAfter=6),
        "h2": ParagraphStyle("h2", fontName=bold, fontSize=11, leading=14, spaceBefore=8),
        "text": ParagraphStyle("text", fontName=bold, fontSize=9, leading=12, spaceBefore=4),
        "p": ParagraphStyle("p", fontName=regular, fontSize=9, leading=12),
    }
    title = blocks[0].text
    tagger = Tagger(title=title, lang="pl-PL")
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=title,
        author=author,
        creator="Okienko",
        lang="pl-PL",
    )

    def para(text, style, element):
        return TaggedParagraph(
            escape(text).replace("\n", "<br/>"), style, struct=element, tagger=tagger
        )

    grid = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8ecf2")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    story = []
    for block in blocks:
        if block.kind in styles:
            tag = {"h1": "H1", "h2": "H2", "text": "H3", "p": "P"}[block.kind]
            if block.kind == "p" and not block.text:
                continue
            story.append(para(block.text, styles[block.kind], tagger.element(tag)))
        elif block.kind == "facts":
            table = tagger.element("Table")
            body = tagger.element("TBody", table)
            rows = []
            for label, value in block.rows:
                tr = tagger.element("TR", body)
                rows.append(
                    [
                        para(label, head, tagger.element("TH", tr, scope="Row")),
                        para(value, base, tagger.element("TD", tr)),
                    ]
                )
            story.append(
                Table(
                    rows,
                    colWidths=[doc.width * 0.4, doc.width * 0.6],
                    style=TableStyle(
                        [
                            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ]
                    ),
                    renderCB=tagger.table_callback,
                )
            )
        elif block.kind == "table":
            table = tagger.element("Table")
            header_row = tagger.element("TR", tagger.element("THead", table))
            rows = [
                [
                    para(h, head, tagger.element("TH", header_row, scope="Column", repeats=True))
                    for h in block.headers
                ]
            ]
            body = tagger.element("TBody", table)
            for values in block.rows:
                tr = tagger.element("TR", body)
                rows.append([para(v, base, tagger.element("TD", tr)) for v in values])
            if len(rows) == 1:
                tr = tagger.element("TR", body)
                rows.append(
                    [para("—", base, tagger.element("TD", tr))] + [""] * (len(block.headers) - 1)
                )
            story.append(Table(rows, repeatRows=1, style=grid, renderCB=tagger.table_callback))
        story.append(Spacer(1, 2 * mm))
    doc.build(story, canvasmaker=tagger.canvasmaker)
    return out.getvalue()


def render_docx(offer, data) -> bytes:
    return write_docx(layout(offer, data))


def write_docx(blocks: list[Block]) -> bytes:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.core_properties.language = "pl-PL"
    doc.core_properties.title = layout.__doc__ or ""
    doc.styles["Normal"].font.size = Pt(9)
    for block in blocks:
        if block.kind == "h1":
            doc.core_properties.title = block.text
            doc.add_heading(block.text, level=0)
        elif block.kind == "h2":
            doc.add_heading(block.text, level=1)
        elif block.kind == "text":
            doc.add_heading(block.text, level=2)
        elif block.kind == "p":
            if block.text:
                doc.add_paragraph(block.text)
        elif block.kind == "facts":
            table = doc.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for label, value in block.rows:
                cells = table.add_row().cells
                cells[0].paragraphs[0].add_run(label).bold = True
                cells[1].paragraphs[0].add_run(value)
        elif block.kind == "table":
            table = doc.add_table(rows=1, cols=len(block.headers))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
                cell.paragraphs[0].add_run(text).bold = True
            for values in block.rows:
                for cell, text in zip(table.add_row().cells, values, strict=True):
                    cell.paragraphs[0].add_run(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
