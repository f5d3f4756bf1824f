"""Every CSV the consultations write neutralises formulas, even after a split on ';' or ','."""

import re

import pytest
from django.urls import reverse

from consultations.factories import CommentFactory
from consultations.reports.exports import writer_for
from consultations.reports.report import build_report

from .report_fixtures import *  # noqa: F403 - fixtures

PAYLOAD = 'x;=1+1;a,=HYPERLINK("http://zly.example.org"),\n-2+3'
STARTS = ("=", "+", "-", "@", "\t", "\r")


def assert_no_piece_starts_a_formula(text):
    # However a spreadsheet cuts the raw file (commas, semicolons, tabs, lines).
    for piece in re.split(r"[,;|\t\r\n]", text):
        # Plain quoting characters of the CSV writer are stripped by the spreadsheet too.
        assert not piece.strip(' "').startswith(STARTS), piece


@pytest.fixture
def injected(clauses, resident):
    return CommentFactory(clause=clauses[0], user=resident, comment=PAYLOAD)


def test_report_csv_neutralises_formulas_after_any_separator(consultation, injected):
    data = writer_for("csv").render(build_report(consultation)).decode("utf-8-sig")
    assert "x;'=1+1;a,'=HYPERLINK" in data
    assert_no_piece_starts_a_formula(data)


def test_open_data_csv_neutralises_formulas_after_any_separator(client, consultation, injected):
    url = reverse("consultations:open_data_comments_csv", kwargs={"page_id": consultation.pk})
    data = client.get(url).content.decode("utf-8")
    assert "x;'=1+1;a,'=HYPERLINK" in data
    assert_no_piece_starts_a_formula(data)
