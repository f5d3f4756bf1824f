"""Report exports: every format opens, contains every comment, and is safe."""

import csv
import io

import pytest
from django.urls import reverse

from consultations import services
from consultations.models import ReportExport, ResponseStatus
from consultations.reports.exports import WRITERS, writer_for
from consultations.reports.report import build_report
from portal.spreadsheet import neutralise_formula

from .report_fixtures import *  # noqa: F403 - fixtures
from .report_fixtures import (
    PHASES,
    ROLES,
    add_answered_comments,
    reportable,
    set_phase,
    user_for,
)


@pytest.fixture
def answered(comments, official):
    for c in reportable(comments):
        services.respond(
            comment=c, status=ResponseStatus.REJECTED, text=f"Odpowiedź {c.pk}", by=official
        )
    return comments


POLISH_HEADINGS = [
    "Lp.",
    "Jednostka redakcyjna",
    "Obecne brzmienie",
    "Uwaga",
    "Proponowane brzmienie",
    "Uzasadnienie",
    "Zgłaszający",
    "Forma zgłoszenia",
    "Stanowisko organu",
    "Uzasadnienie stanowiska",
]


def export(consultation, fmt) -> bytes:
    return writer_for(fmt).render(build_report(consultation))


def shown(comments):
    """Reportable comments whose text the report shows (a hidden one shows its reason)."""
    return [c for c in reportable(comments) if c.hidden_at is None]


def expected_texts(comments):
    return [c.comment.split()[0] + " " + c.comment.split()[1] for c in reportable(comments)]


def test_csv_is_utf8_with_bom_semicolons_and_every_comment(consultation, answered):
    data = export(consultation, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 1 + len(reportable(answered))
    assert rows[0] == POLISH_HEADINGS
    comments_column = [r[3] for r in rows[1:]]
    for c in shown(answered):
        assert any(c.comment in cell for cell in comments_column)
    responses_column = [r[9] for r in rows[1:]]
    assert {f"Odpowiedź {c.pk}" for c in reportable(answered)} == set(responses_column)


def test_csv_neutralises_formulas(consultation, answered):
    rows = list(
        csv.reader(io.StringIO(export(consultation, "csv").decode("utf-8-sig")), delimiter=";")
    )
    xss_row = next(r for r in rows if "HYPERLINK" in r[3])
    assert xss_row[3].startswith("'=HYPERLINK")
    assert xss_row[4].startswith("'+")
    assert xss_row[5].startswith("'@SUM")
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@"))


@pytest.mark.parametrize("value", ["=1+1", "+48 123", "-2", "@A1", "\tx", "\rx"])
def test_neutralise_formula_prefixes_dangerous_starts(value):
    assert neutralise_formula(value) == "'" + value
    assert neutralise_formula("Zwykły tekst") == "Zwykły tekst"


def test_xlsx_opens_with_bold_frozen_header_and_every_comment_as_text(consultation, answered):
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(export(consultation, "xlsx")))
    ws = wb.worksheets[0]
    assert ws.freeze_panes == "A2"
    assert all(cell.font.bold for cell in ws[1])
    assert ws.column_dimensions["D"].width > ws.column_dimensions["A"].width
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert len(values) == len(reportable(answered))
    for c in shown(answered):
        assert any(c.comment in (row[3] or "") for row in values)
    assert all(ws.cell(row=r, column=4).alignment.wrap_text for r in range(2, ws.max_row + 1))
    # Text that looks like a formula stays text.
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"
    assert wb.properties.language == "pl-PL"


def test_docx_opens_in_polish_with_repeating_header_row_and_every_comment(consultation, answered):
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document(io.BytesIO(export(consultation, "docx")))
    assert doc.core_properties.language == "pl-PL"
    lang = (
        doc.styles.element.find(qn("w:docDefaults"))
        .find(qn("w:rPrDefault"))
        .find(qn("w:rPr"))
        .find(qn("w:lang"))
    )
    assert lang.get(qn("w:val")) == "pl-PL"
    assert doc.paragraphs[0].style.name == "Title"
    assert any(p.style.name == "Heading 1" for p in doc.paragraphs)
    table = doc.tables[-1]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert len(table.rows) == 1 + len(reportable(answered))
    text = "\n".join(cell.text for row in table.rows[1:] for cell in row.cells)
    for c in shown(answered):
        assert c.comment in text
    assert consultation.subject in "\n".join(c.text for r in doc.tables[0].rows for c in r.cells)


def test_pdf_opens_with_metadata_polish_glyphs_and_every_comment(consultation, answered):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(export(consultation, "pdf")))
    meta = reader.metadata
    assert consultation.title in meta.title
    assert meta.subject == consultation.subject
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    flat = " ".join(text.split())
    for c in reportable(answered):
        assert f"Odpowiedź {c.pk}" in flat
    assert "świetlice środowiskowe" in flat  # Polish glyphs survive
    assert "<script>" in flat  # shown as text, not interpreted as markup
    assert reader.trailer["/Root"].get("/Lang") == "pl-PL"
    box = reader.pages[0].mediabox
    assert box.width > box.height


def test_pdf_header_row_repeats_on_every_page(consultation, official, clauses):
    from pypdf import PdfReader

    from consultations.factories import CommentFactory

    long_text = "Bardzo długa uwaga mieszkańca o zieleni miejskiej. " * 20
    for _ in range(30):
        CommentFactory(clause=clauses[0], comment=long_text)
    reader = PdfReader(io.BytesIO(export(consultation, "pdf")))
    assert len(reader.pages) > 2
    heading = writer_for("pdf").headings()[-1].split()[0]
    for page in reader.pages[1:]:
        assert heading in page.extract_text()


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_direct_download_of_small_report(client, official, consultation, answered, fmt):
    client.force_login(official)
    response = client.get(
        reverse("consultations:report_download", kwargs={"page_id": consultation.pk, "fmt": fmt})
    )
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert response["Content-Type"] == writer_for(fmt).content_type
    text = " ".join(document_text(fmt, response.getvalue()).split())
    assert "Stanowisko organu" in text
    for c in reportable(answered):
        assert f"Odpowiedź {c.pk}" in text


def document_text(fmt, data: bytes) -> str:
    """The text a reader of the downloaded file sees, read with the format's own parser."""
    if fmt == "csv":
        rows = csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")
        return "\n".join(";".join(row) for row in rows)
    if fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(data)).worksheets[0]
        return "\n".join(str(c.value or "") for row in sheet.iter_rows() for c in row)
    if fmt == "docx":
        from docx import Document

        table = Document(io.BytesIO(data)).tables[-1]
        return "\n".join(cell.text for row in table.rows for cell in row.cells)
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("role", ROLES)
def test_who_may_export(request, client, consultation, answered, role, phase):
    set_phase(consultation, phase)
    if role != "anonymous":
        client.force_login(user_for(request, role))
    response = client.get(
        reverse("consultations:report_download", kwargs={"page_id": consultation.pk, "fmt": "csv"})
    )
    allowed = phase == "reported" or (phase == "closed" and role == "official")
    assert response.status_code == (200 if allowed else 404)
    start = client.post(
        reverse("consultations:export_start", kwargs={"page_id": consultation.pk}),
        {"format": "csv"},
    )
    assert start.status_code == (302 if allowed else 404)
    assert ReportExport.objects.exists() == allowed


def test_background_export_reports_progress_and_offers_the_file(
    client, official, consultation, answered, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    client.force_login(official)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("consultations:export_start", kwargs={"page_id": consultation.pk}),
            {"format": "xlsx"},
        )
    export = ReportExport.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/raport/eksport/{export.pk}/")
    assert export.status == ReportExport.Status.DONE
    assert export.progress == 100
    assert export.file.name.endswith(".xlsx")
    status = client.get(response["Location"])
    html = status.content.decode()
    assert 'http-equiv="refresh"' not in html
    assert 'id="export-download"' in html
    download = client.get(
        reverse(
            "consultations:export_file",
            kwargs={"page_id": consultation.pk, "export_id": export.pk},
        )
    )
    assert download.status_code == 200
    body = b"".join(download.streaming_content)
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(body)).worksheets[0]
    assert ws.max_row == 1 + len(reportable(answered))


def test_running_export_page_updates_itself_without_a_timed_reload(
    client, official, consultation, answered
):
    client.force_login(official)
    export = ReportExport.objects.create(
        consultation=consultation, format="pdf", status=ReportExport.Status.RUNNING, progress=40
    )
    html = client.get(
        reverse(
            "consultations:export_status",
            kwargs={"page_id": consultation.pk, "export_id": export.pk},
        )
    ).content.decode()
    # A timed <meta refresh> fails WCAG 2.2.1: a script updates the status region instead,
    # and without JavaScript the page offers a refresh link.
    assert 'http-equiv="refresh"' not in html
    assert 'src="/static/js/export_status.js"' in html
    assert 'data-progress="40"' in html
    assert "<script" not in html.split("</head>")[0]


def test_progress_callback_reaches_the_total(consultation, answered):
    calls = []
    for fmt in WRITERS:
        calls.clear()
        writer_for(fmt).render(build_report(consultation), lambda done, total: calls.append(done))
        assert calls and calls[-1] == len(reportable(answered)), fmt


def test_large_report_is_offered_as_background_export(
    client, official, consultation, answered, monkeypatch
):
    from consultations.reports import views as report_views

    monkeypatch.setattr(report_views, "DIRECT_EXPORT_LIMIT", 2)
    client.force_login(official)
    response = client.get(
        reverse("consultations:report_download", kwargs={"page_id": consultation.pk, "fmt": "pdf"})
    )
    assert response.status_code == 200
    assert 'id="export-start"' in response.content.decode()


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_export_query_count_does_not_grow_with_comments(
    client,
    official,
    consultation,
    clauses,
    organisation,
    answered,
    fmt,
    django_assert_max_num_queries,
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(official)
    url = reverse("consultations:report_download", kwargs={"page_id": consultation.pk, "fmt": fmt})
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add_answered_comments(consultation, clauses, organisation, official, 30)
    services.touch(consultation)  # what the services do on every change: a new state
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    if fmt == "csv":
        text = response.getvalue().decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        assert len(rows) == 1 + len(reportable(answered)) + 30


def test_background_export_query_count_does_not_grow_with_comments(
    consultation, clauses, organisation, official, answered, settings, tmp_path
):
    """The task: one query for the rows; progress updates grow only per 200 rows."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from consultations.reports.tasks import build_report_export

    settings.MEDIA_ROOT = str(tmp_path)

    def run():
        export = ReportExport.objects.create(consultation=consultation, format="xlsx")
        with CaptureQueriesContext(connection) as queries:
            assert build_report_export.call(export.pk) == ReportExport.Status.DONE
        return len(queries.captured_queries)

    few = run()
    add_answered_comments(consultation, clauses, organisation, official, 30)
    assert run() <= few


# --- Tagged PDF (portal/pdf_tags.py) ------------------------------------------


_PAINTING = {b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"sh", b"Do"}
_PAINTING |= {b"Tj", b"TJ", b"'", b'"'}


def _marked_texts(reader):
    """{(page index, MCID): text} from the content streams, and what was drawn (text or
    painting operators) outside any tagged sequence or artifact: must be nothing."""
    texts, untagged = {}, []
    for index, page in enumerate(reader.pages):
        stack = []

        def before(op, args, cm, tm, stack=stack, index=index):
            if op in _PAINTING and (not stack or stack[-1] is None):
                untagged.append(op.decode())  # drawn outside tagged content and artifacts
            if op == b"BDC":
                props = args[1]
                stack.append((index, props["/MCID"]) if "/MCID" in props else None)
            elif op == b"BMC":
                stack.append("artifact" if args[0] == "/Artifact" else None)
            elif op == b"EMC":
                stack.pop()

        def text(value, cm, tm, font, size, stack=stack):
            if not value.strip():
                return
            if not stack or stack[-1] is None:
                untagged.append(value)
            elif stack[-1] != "artifact":
                texts[stack[-1]] = texts.get(stack[-1], "") + value

        page.extract_text(visitor_operand_before=before, visitor_text=text)
        assert not stack, f"unbalanced marked content on page {index + 1}"
    return texts, untagged


def _tree(reader):
    """The structure tree as nested (type, [kids], [(page index, MCID)], attributes)."""
    root = reader.trailer["/Root"]
    pages = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}

    def walk(node):
        node = node.get_object()
        kids, content = [], []
        items = node.get("/K", [])
        for kid in items if isinstance(items, list) else [items]:
            if isinstance(kid, int):  # a bare MCID on the element's /Pg
                content.append((pages[node.raw_get("/Pg").idnum], kid))
                continue
            kid = kid.get_object()
            if "/MCID" in kid:
                content.append((pages[kid.raw_get("/Pg").idnum], kid["/MCID"]))
            else:
                kids.append(walk(kid))
        return node["/S"], kids, content, node.get("/A")

    return walk(root["/StructTreeRoot"]["/K"])


def _text_of(element, texts):
    _type, kids, content, _attrs = element
    own = "".join(texts.get(ref, "") for ref in content)
    return own + "".join(_text_of(kid, texts) for kid in kids)


def test_pdf_is_tagged_with_headings_facts_and_a_table_of_every_comment(consultation, answered):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(export(consultation, "pdf")))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert b"<pdfuaid:part>1</pdfuaid:part>" in root["/Metadata"].get_object().get_data()
    assert all(page["/Tabs"] == "/S" for page in reader.pages)
    texts, untagged = _marked_texts(reader)
    assert untagged == []  # every piece of text is tagged or an artifact

    document = _tree(reader)
    assert document[0] == "/Document"
    types = [kid[0] for kid in document[1]]
    assert types[0] == "/H1" and types[-2:] == ["/H2", "/Table"]
    assert set(types[1:-2]) == {"/P"}
    assert consultation.title in " ".join(_text_of(document[1][0], texts).split())

    table = document[1][-1]
    (thead, head_rows, _c, _a), (tbody, body_rows, _c2, _a2) = table[1]
    assert (thead, tbody) == ("/THead", "/TBody")
    headers = head_rows[0][1]
    assert [h[0] for h in headers] == ["/TH"] * 10
    assert all(h[3]["/Scope"] == "/Column" for h in headers)
    assert _text_of(headers[3], texts).strip() == writer_for("pdf").headings()[3]
    rows = reportable(answered)
    assert len(body_rows) == len(rows)
    # Compared without whitespace: lines wrap inside words ("onerror=" | "alert(1)").
    cells = {"".join(_text_of(r[1][3], texts).split()) for r in body_rows}
    responses_column = {"".join(_text_of(r[1][9], texts).split()) for r in body_rows}
    for c in rows:
        if c.hidden_at is None:
            assert any("".join(c.comment.split()) in cell for cell in cells), c.comment
        assert f"Odpowiedź{c.pk}" in responses_column
    assert all([cell[0] for cell in r[1]] == ["/TD"] * 10 for r in body_rows)


def test_tagged_pdf_parent_tree_maps_every_mcid_back_to_its_element(consultation, answered):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(export(consultation, "pdf")))
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    nums = tree["/ParentTree"]["/Nums"]
    parents = {nums[i]: nums[i + 1] for i in range(0, len(nums), 2)}
    for index, page in enumerate(reader.pages):
        assert page["/StructParents"] == index
        for mcid, element in enumerate(parents[index]):
            element = element.get_object()
            items = element["/K"] if isinstance(element["/K"], list) else [element["/K"]]
            refs = [
                (element.raw_get("/Pg").idnum, k)
                if isinstance(k, int)
                else (k.get_object().raw_get("/Pg").idnum, k.get_object()["/MCID"])
                for k in items
            ]
            assert (page.indirect_reference.idnum, mcid) in refs


def test_tagged_pdf_keeps_a_long_cell_one_element_across_pages_and_repeats_headers_as_artifacts(
    consultation, official, clauses
):
    from pypdf import PdfReader

    from consultations.factories import CommentFactory

    long_text = "Bardzo długa uwaga mieszkańca o zieleni miejskiej. " * 400
    CommentFactory(clause=clauses[0], comment=long_text)
    for _ in range(20):
        CommentFactory(clause=clauses[0], comment="Krótka uwaga o ławkach.")
    reader = PdfReader(io.BytesIO(export(consultation, "pdf")))
    assert len(reader.pages) > 2
    texts, untagged = _marked_texts(reader)
    assert untagged == []
    table = _tree(reader)[1][-1]
    headers = table[1][0][1][0][1]
    assert all({page for page, _mcid in h[2]} == {0} for h in headers)  # tagged once
    long_cells = [r[1][3] for r in table[1][1][1] if "Bardzo długa" in _text_of(r[1][3], texts)]
    assert len(long_cells) == 1
    pages = {page for page, _mcid in long_cells[0][2]}
    assert len(pages) >= 2  # one cell, split over pages, still one element
    flat = " ".join(_text_of(long_cells[0], texts).split())
    assert flat.count("Bardzo długa uwaga") == 400
