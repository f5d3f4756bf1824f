"""Report exports: every format opens, contains every comment, and is safe."""

import csv
import io

import pytest
from django.urls import reverse

from consultations import responses
from consultations.exports import WRITERS, neutralise_formula, writer_for
from consultations.models import ReportExport, ResponseStatus
from consultations.reports import build_report

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
        responses.respond(
            comment=c, status=ResponseStatus.REJECTED, text=f"Odpowiedź {c.pk}", by=official
        )
    return comments


def export(consultation, fmt) -> bytes:
    return writer_for(fmt).render(build_report(consultation))


def expected_texts(comments):
    return [c.comment.split()[0] + " " + c.comment.split()[1] for c in reportable(comments)]


def test_csv_is_utf8_with_bom_semicolons_and_every_comment(consultation, answered):
    data = export(consultation, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 1 + len(reportable(answered))
    assert rows[0][0] == "No." or rows[0][0]  # translated heading, present
    comments_column = [r[3] for r in rows[1:]]
    for c in reportable(answered):
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
    for c in reportable(answered):
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
    for c in reportable(answered):
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
    assert len(response.content) > 100


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
    from consultations import report_views

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
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
        assert len(rows) == 1 + len(reportable(answered)) + 30


def test_background_export_query_count_does_not_grow_with_comments(
    consultation, clauses, organisation, official, answered, settings, tmp_path
):
    """The task: one query for the rows; progress updates grow only per 200 rows."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from consultations.report_tasks import build_report_export

    settings.MEDIA_ROOT = str(tmp_path)

    def run():
        export = ReportExport.objects.create(consultation=consultation, format="xlsx")
        with CaptureQueriesContext(connection) as queries:
            assert build_report_export.call(export.pk) == ReportExport.Status.DONE
        return len(queries.captured_queries)

    few = run()
    add_answered_comments(consultation, clauses, organisation, official, 30)
    assert run() <= few
