"""A comment hidden by the moderator: the published report, every export, the changes
page and open data say that it was hidden and why — never its text or its author."""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from consultations import services
from consultations.factories import ClauseFactory, CommentFactory, DraftActVersionFactory
from consultations.models import ResponseStatus
from consultations.reports.exports import WRITERS, writer_for
from consultations.reports.report import build_report

from .report_fixtures import *  # noqa: F403 - fixtures
from .report_fixtures import reportable

SECRETS = (
    "Zenobiusz",
    "Ukrytowski",
    "Tekst ukrytej uwagi",
    "Brzmienie ukryte",
    "Uzasadnienie ukryte",
)
REASON = "Dane osobowe osób trzecich"


@pytest.fixture
def hidden(clauses, official):
    author = UserFactory(username="ukryty", first_name="Zenobiusz", last_name="Ukrytowski")
    return CommentFactory(
        clause=clauses[2],
        user=author,
        comment="Tekst ukrytej uwagi z adresem sąsiada.",
        proposed_wording="Brzmienie ukryte.",
        justification="Uzasadnienie ukryte.",
        hidden_at=timezone.now(),
        hidden_reason=REASON,
        hidden_by=official,
    )


@pytest.fixture
def published(consultation, comments, hidden, official):
    for c in [*reportable(comments), hidden]:
        services.respond(comment=c, status=ResponseStatus.REJECTED, text="Odrzucona.", by=official)
    services.publish_report(consultation=consultation, by=official)
    return consultation


def assert_hidden_shown_without_secrets(text: str):
    assert REASON in text
    assert [s for s in SECRETS if s in text] == []


def test_report_row_of_a_hidden_comment_has_no_text_or_author(published, hidden):
    row = next(r for r in build_report(published).rows if r.comment_id == hidden.pk)
    assert row.hidden and row.hidden_reason == REASON
    assert (row.comment, row.proposed_wording, row.justification, row.submitter) == ("", "", "", "")
    assert row.status_label  # still answered and counted


def test_published_report_page_shows_the_reason_not_the_text(client, published, hidden):
    html = client.get(reverse("consultations:report", kwargs={"page_id": published.pk}))
    assert_hidden_shown_without_secrets(html.content.decode())


def _export_text(fmt: str, data: bytes) -> str:
    if fmt == "csv":
        return "\n".join(";".join(r) for r in csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    if fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(data)).active
        return "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    if fmt == "docx":
        from docx import Document

        document = Document(io.BytesIO(data))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_every_export_shows_the_reason_not_the_text(published, hidden, fmt):
    text = _export_text(fmt, writer_for(fmt).render(build_report(published)))
    assert_hidden_shown_without_secrets(" ".join(text.split()))


def test_changes_page_shows_the_reason_not_the_author(client, published, clauses, hidden):
    second = DraftActVersionFactory(consultation=published, number=2, is_published=True)
    ClauseFactory(version=second, position=1, label="§ 1", anchor="par-1", text=clauses[0].text)
    html = client.get(reverse("consultations:version_diff", kwargs={"page_id": published.pk}))
    assert html.status_code == 200
    assert_hidden_shown_without_secrets(html.content.decode())


def test_open_data_lists_a_hidden_comment_without_its_author(client, published, hidden):
    data = client.get(reverse("consultations:open_data_json", kwargs={"page_id": published.pk}))
    row = next(c for c in data.json()["comments"] if c["id"] == hidden.pk)
    assert (row["hidden"], row["hidden_reason"], row["submitter"]) == (True, REASON, None)
    assert_hidden_shown_without_secrets(json.dumps(data.json(), ensure_ascii=False))
