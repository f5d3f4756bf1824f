"""The consultation report: rows, header facts, the public page and who may see it."""

import pytest
from django.urls import reverse

from consultations import services
from consultations.models import ResponseStatus
from consultations.reports.report import build_report

from .report_fixtures import *  # noqa: F403 - fixtures
from .report_fixtures import (
    PHASES,
    ROLES,
    XSS,
    add_answered_comments,
    reportable,
    set_phase,
    user_for,
)


def publish(consultation, comments, official):
    statuses = [
        ResponseStatus.ACCEPTED,
        ResponseStatus.PARTLY,
        ResponseStatus.REJECTED,
        ResponseStatus.EXPLANATION,
    ]
    for i, c in enumerate(reportable(comments)):
        status = statuses[i % 4]
        services.respond(comment=c, status=status, text=f"Stanowisko {c.pk} {XSS}", by=official)
    services.publish_report(consultation=consultation, by=official)
    consultation.refresh_from_db()


def test_report_has_one_row_per_reportable_comment_general_first(comments, consultation):
    report = build_report(consultation)
    assert [r.comment_id for r in report.rows][0] == comments["general"].pk
    assert sorted(r.comment_id for r in report.rows) == sorted(c.pk for c in reportable(comments))
    assert [r.number for r in report.rows] == list(range(1, 7))
    assert comments["reply"].pk not in {r.comment_id for r in report.rows}


def test_report_rows_are_built_with_one_query(comments, consultation, django_assert_num_queries):
    with django_assert_num_queries(1):
        report = build_report(consultation)
    row = next(r for r in report.rows if r.comment_id == comments["ngo"].pk)
    assert row.submitter == comments["ngo"].organisation.name
    assert row.is_organisation
    assert row.clause_citation == comments["ngo"].clause.citation
    assert row.clause_text == "Program obejmuje zadania publiczne."


def test_report_keeps_hidden_and_offline_comments(comments, consultation):
    rows = {r.comment_id: r for r in build_report(consultation).rows}
    hidden = rows[comments["hidden"].pk]
    assert hidden.hidden and hidden.hidden_reason == "Naruszenie regulaminu"
    assert hidden.comment == ""  # accounted for, its text not published
    paper = rows[comments["paper"].pk]
    assert (paper.channel, paper.submitter) == ("paper", "Halina Wierzbicka")


def test_header_counts_comments_by_status_and_participants(comments, consultation, official):
    publish(consultation, comments, official)
    report = build_report(consultation)
    counts = {status: n for status, _label, n in report.status_counts}
    assert counts == {"accepted": 2, "partly": 2, "rejected": 1, "explanation": 1}
    assert report.is_complete
    # resident, the NGO, the paper submitter and the authors of the hidden and XSS ones
    assert report.participants == 5
    assert report.organisations == 1
    assert {c: n for c, _l, n in report.channel_counts} == {"portal": 5, "paper": 1}


def test_public_report_page_lists_every_comment_with_accessible_table(
    client, comments, consultation, official
):
    publish(consultation, comments, official)
    response = client.get(reverse("consultations:report", kwargs={"page_id": consultation.pk}))
    assert response.status_code == 200
    html = response.content.decode()
    for c in reportable(comments):
        assert f'id="uwaga-{c.pk}"' in html
    assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html
    assert html.count("<h1") == 1
    assert "Obraźliwa uwaga ukryta przez moderatora." not in html  # counted, not shown
    assert "Naruszenie regulaminu" in html
    assert 'id="report-preview"' not in html


def test_report_page_renders_user_text_inert(client, comments, consultation, official):
    publish(consultation, comments, official)
    html = client.get(
        reverse("consultations:report", kwargs={"page_id": consultation.pk})
    ).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_official_previews_the_report_before_publishing(client, comments, consultation, official):
    client.force_login(official)
    response = client.get(reverse("consultations:report", kwargs={"page_id": consultation.pk}))
    assert response.status_code == 200
    assert 'id="report-preview"' in response.content.decode()


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("role", ROLES)
def test_who_sees_the_report_page(request, client, comments, consultation, role, phase):
    set_phase(consultation, phase)
    if role != "anonymous":
        client.force_login(user_for(request, role))
    response = client.get(reverse("consultations:report", kwargs={"page_id": consultation.pk}))
    visible = phase == "reported" or (phase == "closed" and role == "official")
    assert response.status_code == (200 if visible else 404)


def test_consultation_page_links_to_the_published_report(client, comments, consultation, official):
    publish(consultation, comments, official)
    html = client.get(consultation.url).content.decode()
    assert 'id="report-link"' in html
    assert reverse("consultations:report", kwargs={"page_id": consultation.pk}) in html
    assert 'id="open-data-json"' in html


def test_consultation_page_has_no_report_link_before_publishing(client, comments, consultation):
    html = client.get(consultation.url).content.decode()
    assert 'id="report-link"' not in html


@pytest.mark.parametrize("role", ["anonymous", "official"])
def test_report_page_query_count_does_not_grow_with_comments(
    request,
    client,
    comments,
    clauses,
    consultation,
    organisation,
    official,
    role,
    django_assert_max_num_queries,
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    publish(consultation, comments, official)
    if role != "anonymous":
        client.force_login(user_for(request, role))
    url = reverse("consultations:report", kwargs={"page_id": consultation.pk})
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    more = add_answered_comments(consultation, clauses, organisation, official, 30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(url).content.decode()
    assert all(f'id="uwaga-{c.pk}"' in html for c in more)


def test_header_tallies_from_the_narrow_query_match_the_rows(
    comments, clauses, consultation, organisation, official
):
    from consultations.reports.report import Tallies

    add_answered_comments(consultation, clauses, organisation, official, 9)
    full = build_report(consultation)
    assert Tallies.of(consultation) == Tallies.from_rows(full.rows)
    assert full.unanswered == 6  # the fixture's comments have no response yet


def test_report_page_is_paged_with_numbers_and_facts_of_the_whole_report(
    client, comments, consultation, official, monkeypatch
):
    from consultations.reports import views as report_views

    publish(consultation, comments, official)
    monkeypatch.setattr(report_views, "REPORT_PAGE_SIZE", 4)
    url = reverse("consultations:report", kwargs={"page_id": consultation.pk})
    response = client.get(url, {"strona": 2})
    rows = response.context["rows"]
    assert [r.number for r in rows] == [5, 6]
    full = build_report(consultation)
    assert [r.comment_id for r in rows] == [r.comment_id for r in full.rows[4:]]
    assert response.context["facts"] == full.facts()
    html = response.content.decode()
    assert '<span aria-current="page">2</span>' in html and 'href="?strona=1"' in html
    assert client.get(url, {"strona": "x"}).context["rows"][0].number == 1
