"""The agreement (umowa o wykonanie inicjatywy lokalnej) as DOCX and tagged PDF.

The wording is the portal's plain template built from the application and the
agreement's data; a municipality whose resolution prescribes a model agreement adapts
the text before signing (see docs/initiatives.md).
"""

from __future__ import annotations

import io

from django.utils import formats
from django.utils.translation import gettext as _

from portal.office_files import clean_text, pdf_fonts

from .areas import area_label
from .money import format_pln


def _date(value) -> str:
    return formats.date_format(value, "j E Y") if value else ""


def agreement_parts(application) -> tuple[str, list[tuple[str, list[str]]]]:
    """(title, [(heading, [paragraphs])]) — the same content for both formats."""
    agreement = application.agreement
    municipality = application.municipality
    title = _("Agreement no. %(number)s on carrying out a local initiative") % {
        "number": agreement.number
    }
    parties = [
        _("concluded on %(date)s in %(place)s between:")
        % {"date": _date(agreement.concluded_on), "place": agreement.place},
        _("%(municipality)s, represented by %(signatory)s, hereinafter “the Municipality”,")
        % {"municipality": municipality.name, "signatory": agreement.signatory},
        _("and %(applicant)s, hereinafter “the Applicant”.")
        % {"applicant": application.public_applicant},
    ]
    if application.organisation_id:
        parties.append(
            _("The Applicant is represented by persons authorised to act for the organisation.")
        )
    else:
        parties.append(_("Residents who form the Applicant:"))
        parties.extend(line.strip() for line in application.residents.splitlines() if line.strip())
    task = [
        _(
            "Subject: the local initiative “%(title)s” (art. 19b of the Act of 24 April 2003 on "
            "public benefit activity and volunteering), in the area: %(area)s."
        )
        % {"title": application.title, "area": area_label(application.area)},
        _("Place: %(place)s.") % {"place": application.place},
        _("The task is carried out from %(start)s to %(end)s according to the schedule below.")
        % {"start": _date(agreement.starts_on), "end": _date(agreement.ends_on)},
    ]
    task.extend(
        f"{step.position}. {step.action}: {_date(step.starts_on)} – {_date(step.ends_on)}"
        for step in application.steps.all()
    )
    contribution = [
        _("Social work: %(hours)s hours × %(rate)s = %(value)s.")
        % {
            "hours": formats.number_format(application.social_work_hours, 1),
            "rate": format_pln(application.hour_rate),
            "value": format_pln(application.social_work_value),
        },
        _("In-kind contribution: %(value)s. %(what)s")
        % {"value": format_pln(application.in_kind_value), "what": application.in_kind_description},
        _("Money: %(value)s.") % {"value": format_pln(application.money)},
        _(
            "The Municipality provides: %(what)s (estimated value %(value)s). No grant is paid "
            "to the Applicant (art. 19e)."
        )
        % {"what": agreement.city_obligations, "value": format_pln(application.city_contribution)},
    ]
    closing = [
        _(
            "After the task, the Applicant reports what was done and the contribution actually "
            "given; the Municipality accepts the report."
        ),
        _(
            "Matters not settled here are governed by the Civil Code and the council's "
            "resolution %(resolution)s."
        )
        % {
            "resolution": getattr(getattr(municipality, "initiative_setup", None), "resolution", "")
            or ""
        },
        _("For the Municipality: ____________________     For the Applicant: ____________________"),
    ]
    return clean_text(title), [
        (_("Parties"), parties),
        (_("The task"), task),
        (_("Contributions"), contribution),
        (_("Final provisions"), closing),
    ]


def render_docx(application) -> bytes:
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    title, sections = agreement_parts(application)
    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.language = "pl-PL"
    doc.core_properties.author = application.municipality.name
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "pl-PL")
    doc.add_heading(title, level=0)
    for heading, paragraphs in sections:
        doc.add_heading(heading, level=1)
        for text in paragraphs:
            doc.add_paragraph(clean_text(text))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def render_pdf(application) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from portal.pdf_tags import TaggedParagraph, Tagger

    title, sections = agreement_parts(application)
    regular, bold = pdf_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13, spaceAfter=4)
    h1 = ParagraphStyle("h1", fontName=bold, fontSize=15, leading=19)
    h2 = ParagraphStyle("h2", fontName=bold, fontSize=12, leading=15, spaceBefore=8)
    tagger = Tagger(title=title, lang="pl-PL")
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=application.municipality.name,
        creator="Okienko",
        lang="pl-PL",
    )

    def para(text, style, kind):
        return TaggedParagraph(
            escape(clean_text(text)), style, struct=tagger.element(kind), tagger=tagger
        )

    story = [para(title, h1, "H1"), Spacer(1, 4 * mm)]
    for heading, paragraphs in sections:
        story.append(para(heading, h2, "H2"))
        story.extend(para(text, body, "P") for text in paragraphs)
    doc.build(story, canvasmaker=tagger.canvasmaker)
    return out.getvalue()
