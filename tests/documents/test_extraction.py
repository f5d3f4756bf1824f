"""Text extraction from uploaded documents. Fixture documents are generated in tmp_path."""

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from odf.opendocument import OpenDocumentText
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import List as OdfList
from odf.text import (
    ListItem,
    ListLevelStyleBullet,
    ListLevelStyleNumber,
    ListStyle,
    Note,
    NoteBody,
    NoteCitation,
    P,
    S,
)
from pypdf import PdfWriter

from consultations.drafts.parsing import parse_act
from documents.errors import UnreadableDocument, UnsupportedDocument
from documents.extraction import extract_text

DRAFTS = Path(__file__).parent.parent / "consultations" / "drafts"
POLISH = "Zażółć gęślą jaźń ŻÓŁW ŹDŹBŁO ĆMA"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def outline(text: str) -> list[tuple[str, str]]:
    return [(" / ".join(u.path), u.text) for u in parse_act(text).units]


# --- TXT -------------------------------------------------------------------------------------


def test_txt_in_utf8_is_read_as_is(tmp_path):
    path = tmp_path / "projekt.txt"
    path.write_text(f"§ 1. {POLISH}.\n", encoding="utf-8")
    assert extract_text(path) == f"§ 1. {POLISH}.\n"


def test_txt_with_utf8_bom_loses_the_bom(tmp_path):
    path = tmp_path / "projekt.txt"
    path.write_bytes("\ufeff§ 1. Treść.".encode())
    assert extract_text(path) == "§ 1. Treść."


def test_txt_in_cp1250_falls_back_and_parses_like_utf8(tmp_path):
    original = (DRAFTS / "01_program_wspolpracy.txt").read_text(encoding="utf-8")
    path = tmp_path / "projekt.txt"
    path.write_bytes(original.encode("cp1250"))
    assert extract_text(path) == original
    assert parse_act(extract_text(path)) == parse_act(original)


def test_txt_in_utf16_with_bom(tmp_path):
    path = tmp_path / "projekt.txt"
    path.write_bytes(f"§ 1. {POLISH}.".encode("utf-16"))
    assert extract_text(path) == f"§ 1. {POLISH}."


def test_windows_line_endings_become_newlines(tmp_path):
    path = tmp_path / "projekt.txt"
    path.write_bytes("§ 1. Jeden.\r\n§ 2. Dwa.\r\n".encode())
    assert extract_text(path) == "§ 1. Jeden.\n§ 2. Dwa.\n"


# --- DOCX ------------------------------------------------------------------------------------

_NUMBERING = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
    <w:lvlText w:val="%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/></w:lvl>
</w:abstractNum>"""
_PARAGRAPH_NUMBERING = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="§ %1."/></w:lvl>
</w:abstractNum>"""


def _add_numbering(document) -> None:
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING))
    numbering.insert(0, parse_xml(_PARAGRAPH_NUMBERING))
    for num_id, abstract_id in (("90", "90"), ("91", "91"), ("92", "90")):
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
            )
        )


def _numbered(document, text: str, num_id: str, level: int = 0):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return paragraph


def _docx_draft(path: Path) -> Path:
    document = docx.Document()
    _add_numbering(document)
    document.add_paragraph("UCHWAŁA NR XII/99/2025")
    document.add_paragraph("RADY GMINY ZIELONA DOLINA")
    document.add_paragraph("w sprawie stawek opłat")
    document.add_paragraph("Na podstawie art. 18 ustawy Rada Gminy uchwala, co następuje:")
    _numbered(document, f"Ustala się stawki opłat. {POLISH}.", "91")
    _numbered(document, "Stawki wynoszą:", "91")
    _numbered(document, "za zajęcie jezdni:", "90")
    _numbered(document, "do 50% szerokości,", "90", level=1)
    _numbered(document, "powyżej 50% szerokości:", "90", level=1)
    _numbered(document, "w dni robocze,", "90", level=2)
    _numbered(document, "w dni wolne;", "90", level=2)
    _numbered(document, "za zajęcie chodnika.", "90")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Element pasa"
    table.cell(0, 1).text = "Stawka"
    table.cell(1, 0).text = "jezdnia"
    table.cell(1, 1).text = "4,00 zł"
    _numbered(document, "Uchwała wchodzi w życie po upływie 14 dni.", "91")
    document.save(path)
    return path


def test_docx_renders_list_numbering_and_tables(tmp_path):
    text = extract_text(_docx_draft(tmp_path / "projekt.docx"))
    assert text.splitlines() == [
        "UCHWAŁA NR XII/99/2025",
        "RADY GMINY ZIELONA DOLINA",
        "w sprawie stawek opłat",
        "Na podstawie art. 18 ustawy Rada Gminy uchwala, co następuje:",
        f"§ 1. Ustala się stawki opłat. {POLISH}.",
        "§ 2. Stawki wynoszą:",
        "1) za zajęcie jezdni:",
        "a) do 50% szerokości,",
        "b) powyżej 50% szerokości:",
        "– w dni robocze,",
        "– w dni wolne;",
        "2) za zajęcie chodnika.",
        "Element pasa | Stawka",
        "jezdnia | 4,00 zł",
        "§ 3. Uchwała wchodzi w życie po upływie 14 dni.",
    ]


def test_docx_draft_parses_into_units(tmp_path):
    parsed = parse_act(extract_text(_docx_draft(tmp_path / "projekt.docx")))
    assert parsed.title == "UCHWAŁA NR XII/99/2025 RADY GMINY ZIELONA DOLINA w sprawie stawek opłat"
    assert [(" / ".join(u.path), u.text) for u in parsed.units] == [
        ("§ 1", f"Ustala się stawki opłat. {POLISH}."),
        ("§ 2", "Stawki wynoszą:"),
        ("§ 2 / pkt 1", "za zajęcie jezdni:"),
        ("§ 2 / pkt 1 / lit. a", "do 50% szerokości,"),
        ("§ 2 / pkt 1 / lit. b", "powyżej 50% szerokości:"),
        ("§ 2 / pkt 1 / lit. b / tiret 1", "w dni robocze,"),
        ("§ 2 / pkt 1 / lit. b / tiret 2", "w dni wolne;"),
        ("§ 2 / pkt 2", "za zajęcie chodnika. Element pasa | Stawka jezdnia | 4,00 zł"),
        ("§ 3", "Uchwała wchodzi w życie po upływie 14 dni."),
    ]


def test_docx_separate_list_instances_restart_numbering(tmp_path):
    document = docx.Document()
    _add_numbering(document)
    _numbered(document, "pierwszy;", "90")
    _numbered(document, "drugi.", "90")
    document.add_paragraph("Przerwa.")
    _numbered(document, "od nowa.", "92")
    path = tmp_path / "listy.docx"
    document.save(path)
    assert extract_text(path).splitlines() == [
        "1) pierwszy;",
        "2) drugi.",
        "Przerwa.",
        "1) od nowa.",
    ]


def test_docx_tracked_deletions_are_left_out_and_insertions_kept(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("§ 1. Stawka wynosi ")
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="Referat" w:date="2025-01-01T00:00:00Z">'
            "<w:r><w:delText>3,00 zł</w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="2" w:author="Referat" w:date="2025-01-01T00:00:00Z">'
            "<w:r><w:t>4,00 zł</w:t></w:r></w:ins>"
        )
    )
    path = tmp_path / "zmiany.docx"
    document.save(path)
    assert extract_text(path) == "§ 1. Stawka wynosi 4,00 zł"


def test_docx_line_breaks_and_tabs_inside_a_paragraph(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("§ 1.")
    run = paragraph.add_run()
    run.add_tab()
    run.add_text("Pierwszy wiersz")
    run.add_break()
    run.add_text("drugi wiersz.")
    path = tmp_path / "lamanie.docx"
    document.save(path)
    assert extract_text(path) == "§ 1.\tPierwszy wiersz\ndrugi wiersz."
    assert outline(extract_text(path)) == [("§ 1", "Pierwszy wiersz drugi wiersz.")]


# --- ODT -------------------------------------------------------------------------------------


def _odt_draft(path: Path) -> Path:
    document = OpenDocumentText()
    numbers = ListStyle(name="Punkty")
    numbers.addElement(ListLevelStyleNumber(level=1, numformat="1", numsuffix=")"))
    numbers.addElement(ListLevelStyleNumber(level=2, numformat="a", numsuffix=")"))
    document.automaticstyles.addElement(numbers)
    dashes = ListStyle(name="Tirety")
    dashes.addElement(ListLevelStyleBullet(level=1, bulletchar="–"))
    document.automaticstyles.addElement(dashes)

    document.text.addElement(P(text="ZARZĄDZENIE NR 7/2025 WÓJTA GMINY JODŁOWO"))
    document.text.addElement(P(text="w sprawie konsultacji"))
    document.text.addElement(P(text="Na podstawie art. 30 ustawy zarządza się, co następuje:"))
    paragraph = P(text="§ 1. Konsultacje dotyczą ustawy")
    note = Note(noteclass="footnote", id="ftn1")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="Treść przypisu, która nie jest częścią brzmienia."))
    note.addElement(body)
    paragraph.addElement(note)
    paragraph.addText(f" i obejmują:{' '}")
    paragraph.addElement(S(c=2))
    paragraph.addText(POLISH)
    document.text.addElement(paragraph)

    points = OdfList(stylename="Punkty")
    for text in ("mieszkańców;", "organizacje:"):
        item = ListItem()
        item.addElement(P(text=text))
        points.addElement(item)
    letters = OdfList()
    for text in ("fundacje,", "stowarzyszenia;"):
        sub_item = ListItem()
        sub_item.addElement(P(text=text))
        letters.addElement(sub_item)
    item.addElement(letters)
    last = ListItem()
    last.addElement(P(text="przedsiębiorców."))
    points.addElement(last)
    document.text.addElement(points)

    document.text.addElement(P(text="§ 2. Formy konsultacji:"))
    bullets = OdfList(stylename="Tirety")
    for text in ("ankieta,", "spotkanie."):
        item = ListItem()
        item.addElement(P(text=text))
        bullets.addElement(item)
    document.text.addElement(bullets)

    table = Table(name="Terminy")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    for cells in (("Etap", "Termin"), ("zbieranie uwag", "30 dni")):
        row = TableRow()
        for value in cells:
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.text.addElement(table)
    document.save(str(path))
    return path


def test_odt_renders_list_styles_tables_and_leaves_out_footnotes(tmp_path):
    text = extract_text(_odt_draft(tmp_path / "projekt.odt"))
    assert text.splitlines() == [
        "ZARZĄDZENIE NR 7/2025 WÓJTA GMINY JODŁOWO",
        "w sprawie konsultacji",
        "Na podstawie art. 30 ustawy zarządza się, co następuje:",
        f"§ 1. Konsultacje dotyczą ustawy i obejmują:   {POLISH}",
        "1) mieszkańców;",
        "2) organizacje:",
        "a) fundacje,",
        "b) stowarzyszenia;",
        "3) przedsiębiorców.",
        "§ 2. Formy konsultacji:",
        "– ankieta,",
        "– spotkanie.",
        "Etap | Termin",
        "zbieranie uwag | 30 dni",
    ]


def test_odt_draft_parses_into_units(tmp_path):
    parsed = parse_act(extract_text(_odt_draft(tmp_path / "projekt.odt")))
    assert parsed.preamble == "Na podstawie art. 30 ustawy zarządza się, co następuje:"
    assert [" / ".join(u.path) for u in parsed.units] == [
        "§ 1",
        "§ 1 / pkt 1",
        "§ 1 / pkt 2",
        "§ 1 / pkt 2 / lit. a",
        "§ 1 / pkt 2 / lit. b",
        "§ 1 / pkt 3",
        "§ 2",
        "§ 2 / tiret 1",
        "§ 2 / tiret 2",
    ]
    assert parsed.units[0].text == f"Konsultacje dotyczą ustawy i obejmują: {POLISH}"


# --- PDF -------------------------------------------------------------------------------------


def _pdf(path: Path, pages: list[list[str]], font: str = "Helvetica") -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    for lines in pages:
        pdf.setFont(font, 11)
        y = 800
        for line in lines:
            pdf.drawString(60, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return path


@pytest.fixture
def polish_font():
    if not DEJAVU.exists():
        pytest.skip(f"No TTF font with Polish glyphs at {DEJAVU}; cannot check PDF diacritics.")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
    return "DejaVuSans"


def test_pdf_text_keeps_polish_diacritics_and_parses(tmp_path, polish_font):
    path = _pdf(
        tmp_path / "projekt.pdf",
        [
            [
                "UCHWAŁA NR IV/31/2025",
                "RADY GMINY JODŁOWO",
                "w sprawie nazwy ulicy",
                "Na podstawie art. 18 ustawy Rada Gminy uchwala, co następuje:",
                f"§ 1. {POLISH} – nadaje się nazwę",
                "ulicy w Jodłowie.",
                "Strona 1 z 2",
            ],
            ["§ 2. Uchwała wchodzi w życie po upływie 14 dni.", "Strona 2 z 2"],
        ],
        font=polish_font,
    )
    text = extract_text(path)
    assert POLISH in text
    parsed = parse_act(text)
    assert parsed.title == "UCHWAŁA NR IV/31/2025 RADY GMINY JODŁOWO w sprawie nazwy ulicy"
    assert [(u.label, u.text) for u in parsed.units] == [
        ("§ 1", f"{POLISH} – nadaje się nazwę ulicy w Jodłowie."),
        ("§ 2", "Uchwała wchodzi w życie po upływie 14 dni."),
    ]


def test_pdf_pages_are_separated_by_a_blank_line(tmp_path):
    path = _pdf(tmp_path / "strony.pdf", [["Strona pierwsza"], ["Strona druga"]])
    assert extract_text(path).split("\n\n") == ["Strona pierwsza", "Strona druga"]


def test_pdf_without_text_layer_is_refused(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "skan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 400, 600, fill=1)  # what a scan looks like to a text extractor
    pdf.showPage()
    pdf.save()
    with pytest.raises(UnreadableDocument, match="no text layer") as error:
        extract_text(path)
    assert error.value.code == "no_text"


def test_pdf_without_pages_is_refused(tmp_path):
    path = tmp_path / "pusty.pdf"
    with path.open("wb") as handle:
        PdfWriter().write(handle)
    with pytest.raises(UnreadableDocument) as error:
        extract_text(path)
    assert error.value.code == "no_text"


def test_password_protected_pdf_is_refused(tmp_path):
    plain = _pdf(tmp_path / "jawny.pdf", [["§ 1. Tajne."]])
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="tajne", algorithm="RC4-128")
    path = tmp_path / "zaszyfrowany.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(UnreadableDocument, match="encrypted") as error:
        extract_text(path)
    assert error.value.code == "encrypted"


def test_pdf_restricted_only_by_owner_password_is_read(tmp_path):
    plain = _pdf(tmp_path / "jawny.pdf", [["§ 1. Jawne."]])
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="", owner_password="urzad", algorithm="RC4-128")
    path = tmp_path / "bez-drukowania.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    assert extract_text(path) == "§ 1. Jawne."


# --- damaged, empty, missing and unsupported files ---------------------------------------------


def _zip_with(name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


def _truncated_docx(tmp_path) -> bytes:
    data = _docx_draft(tmp_path / "pelny.docx").read_bytes()
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("projekt.docx", lambda tmp: b"To nie jest plik Worda."),
        ("projekt.docx", lambda tmp: _zip_with("readme.txt", b"brak dokumentu")),
        ("projekt.docx", _truncated_docx),
        ("projekt.odt", lambda tmp: b"To nie jest plik ODT."),
        ("projekt.odt", lambda tmp: _zip_with("mimetype", b"application/zip")),
        ("projekt.pdf", lambda tmp: b"%PDF-1.7\nto nie jest PDF"),
        ("projekt.pdf", lambda tmp: b"GIF89a obrazek zamiast PDF"),
        ("projekt.txt", lambda tmp: b"MZ\x90\x00\x03\x00\x00\x00 program"),
    ],
    ids=[
        "docx-garbage",
        "docx-zip-without-document",
        "docx-truncated",
        "odt-garbage",
        "odt-zip-without-content",
        "pdf-garbage",
        "pdf-actually-gif",
        "txt-binary",
    ],
)
def test_corrupt_files_are_refused_as_corrupt(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content(tmp_path))
    with pytest.raises(UnreadableDocument, match="damaged") as error:
        extract_text(path)
    assert error.value.code == "corrupt"
    assert isinstance(error.value, ValueError)


@pytest.mark.parametrize(
    "name", ["projekt.doc", "projekt.rtf", "skan.jpg", "projekt", "a.docx.exe"]
)
def test_unsupported_extensions_are_refused(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"anything")
    with pytest.raises(UnsupportedDocument, match=r"\.txt, \.docx, \.odt, \.pdf") as error:
        extract_text(path)
    assert error.value.code == "unsupported"
    assert isinstance(error.value, ValueError)


@pytest.mark.parametrize("name", ["pusty.txt", "pusty.docx", "pusty.odt", "pusty.pdf"])
def test_empty_files_are_refused(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(UnreadableDocument, match="empty") as error:
        extract_text(path)
    assert error.value.code == "empty"


def test_whitespace_only_text_is_refused(tmp_path):
    path = tmp_path / "spacje.txt"
    path.write_text(" \n\t\n", encoding="utf-8")
    with pytest.raises(UnreadableDocument):
        extract_text(path)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(UnreadableDocument, match="not found") as error:
        extract_text(tmp_path / "brak.pdf")
    assert error.value.code == "missing"


# --- sources other than paths ----------------------------------------------------------------


def test_file_object_with_filename_argument(tmp_path):
    data = _docx_draft(tmp_path / "projekt.docx").read_bytes()
    text = extract_text(io.BytesIO(data), "Projekt uchwały.DOCX")
    assert text.startswith("UCHWAŁA NR XII/99/2025\n")


def test_upload_like_object_is_rewound_and_named(tmp_path):
    class Upload(io.BytesIO):
        name = "uploads/projekt.txt"

    upload = Upload("§ 1. Treść.".encode())
    upload.read()  # e.g. a size check already consumed it
    assert extract_text(upload) == "§ 1. Treść."


def test_filename_argument_overrides_the_path_extension(tmp_path):
    path = tmp_path / "upload.bin"
    path.write_text("§ 1. Treść.", encoding="utf-8")
    assert extract_text(path, "projekt.txt") == "§ 1. Treść."
    with pytest.raises(UnsupportedDocument):
        extract_text(path)
