"""Files the portal writes for people to open in office software (PDF, DOCX, XLSX).

`clean_text` keeps only text XML 1.0 can carry (DOCX, XLSX and PDF metadata are XML);
`pdf_fonts` registers a TTF font with Polish glyphs for reportlab. Tagged PDF (headings,
paragraphs and table cells a screen reader follows) is `portal.pdf_tags`.
"""

from __future__ import annotations

import re
from pathlib import Path

# Characters XML 1.0 (XLSX, DOCX, PDF metadata) cannot carry.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(value) -> str:
    return _ILLEGAL_XML.sub("", "" if value is None else str(value))


FONT_CANDIDATES = (
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ),
)


def pdf_fonts() -> tuple[str, str]:
    """Register a TTF font with Polish glyphs; returns (regular, bold) font names.

    DejaVu Sans (Debian's fonts-dejavu-core) or Liberation Sans. reportlab's bundled
    Vera has no ą, ę, ł, ś, ż — it is used only as a last resort (see the docs).
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "ReportSans" in pdfmetrics.getRegisteredFontNames():
        return "ReportSans", "ReportSans-Bold"
    for regular, bold in FONT_CANDIDATES:
        if Path(regular).exists() and Path(bold).exists():
            break
    else:
        import reportlab

        fonts = Path(reportlab.__file__).parent / "fonts"
        regular, bold = str(fonts / "Vera.ttf"), str(fonts / "VeraBd.ttf")
    pdfmetrics.registerFont(TTFont("ReportSans", regular))
    pdfmetrics.registerFont(TTFont("ReportSans-Bold", bold))
    return "ReportSans", "ReportSans-Bold"
