"""Builders of hostile documents: small files that unpack, nest, number or run without end.

Each returns the bytes of the file; nothing is stored in the repository.
"""

import io
import zipfile

import docx
from odf.opendocument import OpenDocumentText
from odf.text import P
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ODF_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
)
MB = 1024 * 1024


def plain_docx(text: str = "§ 1. Uchwała wchodzi w życie z dniem podjęcia.") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def plain_odt(text: str = "§ 1. Zarządzenie wchodzi w życie z dniem podpisania.") -> bytes:
    document = OpenDocumentText()
    document.text.addElement(P(text=text))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def replace_parts(package: bytes, parts: dict) -> bytes:
    """The package with some members replaced: bytes, or an iterable of chunks (streamed)."""
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            if member.filename not in parts:
                target.writestr(member, source.read(member))
        for name, content in parts.items():
            if isinstance(content, bytes):
                target.writestr(name, content)
                continue
            with target.open(name, "w", force_zip64=True) as stream:
                for chunk in content:
                    stream.write(chunk)
    return buffer.getvalue()


def docx_body(paragraphs_xml: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
        f"{paragraphs_xml}</w:body></w:document>"
    ).encode()


def _repeated(head: bytes, item: bytes, tail: bytes, size: int):
    yield head
    block = item * (MB // len(item))
    for _ in range(size // len(block) + 1):
        yield block
    yield tail


def docx_bomb(unpacked_bytes: int) -> bytes:
    """A DOCX whose document.xml unpacks to ``unpacked_bytes`` of paragraphs (~1000:1)."""
    head, tail = docx_body("").split(b"</w:body>")
    paragraph = b"<w:p><w:r><w:t>Zaz\xc3\xb3\xc5\x82\xc4\x87</w:t></w:r></w:p>"
    stream = _repeated(head, paragraph, b"</w:body>" + tail, unpacked_bytes)
    return replace_parts(plain_docx(), {"word/document.xml": stream})


def odt_content(body_xml: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document-content '
        f"{ODF_NAMESPACES}><office:body><office:text>{body_xml}</office:text></office:body>"
        "</office:document-content>"
    ).encode()


def odt_bomb(unpacked_bytes: int) -> bytes:
    head, tail = odt_content("").split(b"</office:text>")
    stream = _repeated(
        head, b"<text:p>Zielona Dolina</text:p>", b"</office:text>" + tail, unpacked_bytes
    )
    return replace_parts(plain_odt(), {"content.xml": stream})


def docx_list_starting_at(start: int, fmt: str = "lowerRoman") -> bytes:
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}">'
        f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    ).encode()
    items = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        f"<w:r><w:t>punkt {i}</w:t></w:r></w:p>"
        for i in range(3)
    )
    document = docx.Document()
    document.part.numbering_part  # noqa: B018 - makes python-docx add numbering.xml
    buffer = io.BytesIO()
    document.save(buffer)
    return replace_parts(
        buffer.getvalue(), {"word/document.xml": docx_body(items), "word/numbering.xml": numbering}
    )


def odt_list_starting_at(start: int, fmt: str = "i") -> bytes:
    styles = (
        '<office:automatic-styles><text:list-style style:name="L1">'
        f'<text:list-level-style-number text:level="1" style:num-format="{fmt}" '
        f'text:start-value="{start}" style:num-suffix=")"/></text:list-style>'
        "</office:automatic-styles>"
    )
    items = "".join(
        f"<text:list-item><text:p>punkt {i}</text:p></text:list-item>" for i in range(3)
    )
    content = odt_content(f'<text:list text:style-name="L1">{items}</text:list>')
    content = content.replace(b"<office:body>", styles.encode() + b"<office:body>")
    return replace_parts(plain_odt(), {"content.xml": content})


def odt_deeply_nested(depth: int) -> bytes:
    spans = "<text:span>" * depth + "głęboko" + "</text:span>" * depth
    return replace_parts(plain_odt(), {"content.xml": odt_content(f"<text:p>{spans}</text:p>")})


def docx_deeply_nested(depth: int) -> bytes:
    inner = "<w:sdt><w:sdtContent>" * depth + "<w:p/>" + "</w:sdtContent></w:sdt>" * depth
    return replace_parts(plain_docx(), {"word/document.xml": docx_body(inner)})


BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def odt_billion_laughs() -> bytes:
    content = odt_content("<text:p>&lol9;</text:p>", prolog=BILLION_LAUGHS)
    return replace_parts(plain_odt(), {"content.xml": content})


def docx_billion_laughs() -> bytes:
    document = docx_body("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>")
    document = document.replace(b"?><w:document", b"?>" + BILLION_LAUGHS.encode() + b"<w:document")
    return replace_parts(plain_docx(), {"word/document.xml": document})


def pdf_with_pages(count: int) -> bytes:
    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_with_content(operators: bytes) -> bytes:
    """One page whose content stream is ``operators``, Flate-compressed."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=200, height=200)
    helvetica = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): helvetica})}
    )
    stream = DecodedStreamObject()
    stream.set_data(operators)
    stream = stream.flate_encode()
    page.replace_contents(stream.flate_encode())
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
