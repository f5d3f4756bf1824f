"""Small real files (PDF, DOCX, TXT, PNG) generated in memory for demo content and tests."""

import io
from pathlib import Path

from django.core.files.base import ContentFile

# A TrueType font with Polish letters; reportlab's built-in Helvetica has no "ł" or "ż".
FONT_CANDIDATES = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
]
FALLBACK_TRANSLATION = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ„”–", 'acelnoszzACELNOSZZ""-')


def _pdf_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "OkienkoSans" in pdfmetrics.getRegisteredFontNames():
        return "OkienkoSans"
    for candidate in FONT_CANDIDATES:
        if candidate.exists():
            pdfmetrics.registerFont(TTFont("OkienkoSans", str(candidate)))
            return "OkienkoSans"
    return "Helvetica"


def pdf_bytes(title: str, paragraphs: list[str]) -> bytes:
    """A simple A4 PDF with a title and wrapped paragraphs (deterministic output)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    font = _pdf_font()

    def text(value: str) -> str:
        return value if font != "Helvetica" else value.translate(FALLBACK_TRANSLATION)

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setTitle(text(title))
    width, height = A4
    y = height - 72
    pdf.setFont(font, 15)
    for line in simpleSplit(text(title), font, 15, width - 144):
        pdf.drawString(72, y, line)
        y -= 20
    y -= 10
    pdf.setFont(font, 11)
    for paragraph in paragraphs:
        for line in simpleSplit(text(paragraph), font, 11, width - 144):
            if y < 72:
                pdf.showPage()
                pdf.setFont(font, 11)
                y = height - 72
            pdf.drawString(72, y, line)
            y -= 15
        y -= 8
    pdf.save()
    return buffer.getvalue()


def docx_bytes(title: str, paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def txt_bytes(title: str, paragraphs: list[str]) -> bytes:
    return ("\n\n".join([title, *paragraphs]) + "\n").encode("utf-8")


GENERATORS = {"pdf": pdf_bytes, "docx": docx_bytes, "txt": txt_bytes}


def make_document(title: str, paragraphs: list[str], *, fmt: str = "pdf", filename: str):
    """A saved wagtail Document with a generated file of the given format."""
    from wagtail.documents import get_document_model

    Document = get_document_model()
    content = GENERATORS[fmt](title, paragraphs)
    document = Document(title=title)
    document.file.save(f"{filename}.{fmt}", ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def png_bytes(size=(1200, 630), colours=("#0b4f8a", "#f3f5f8"), seed: int = 0) -> bytes:
    """A simple two-colour banner (diagonal bands), deterministic for a given seed."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, colours[1])
    draw = ImageDraw.Draw(image)
    step = 90 + (seed % 5) * 20
    for offset in range(-size[1], size[0], step * 2):
        draw.polygon(
            [
                (offset, 0),
                (offset + step, 0),
                (offset + step + size[1], size[1]),
                (offset + size[1], size[1]),
            ],
            fill=colours[0],
        )
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def make_image(title: str, *, filename: str, description: str = "", seed: int = 0, colours=None):
    from wagtail.images import get_image_model

    Image = get_image_model()
    from django.core.files.images import ImageFile

    content = png_bytes(seed=seed, colours=colours or ("#0b4f8a", "#f3f5f8"))
    image = Image(
        title=title,
        description=description,
        file=ImageFile(io.BytesIO(content), name=f"{filename}.png"),
    )
    image._set_image_file_metadata()
    image.save()
    return image
