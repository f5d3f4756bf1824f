"""Open data: JSON and CSV of clauses, published comments and responses."""

import csv
import io

import pytest
from django.urls import reverse

from consultations import services
from consultations.factories import CommentFactory
from consultations.models import ResponseStatus

from .report_fixtures import *  # noqa: F403 - fixtures
from .report_fixtures import reportable, set_phase

# The published files' columns, written out: re-users' scripts depend on them, so a
# change to the code's constants must show up here as a deliberate edit.
PUBLISHED_COMMENT_COLUMNS = [
    "id",
    "parent_id",
    "version",
    "clause_citation",
    "clause_anchor",
    "submitted_at",
    "submitter",
    "on_behalf_of",
    "channel",
    "hidden",
    "comment",
    "proposed_wording",
    "justification",
    "group_id",
    "response_status",
    "response_text",
]
PUBLISHED_CLAUSE_COLUMNS = [
    "version",
    "position",
    "anchor",
    "citation",
    "level",
    "label",
    "parent_anchor",
    "text",
    "url",
]


def url(name, consultation):
    return reverse(f"consultations:{name}", kwargs={"page_id": consultation.pk})


def test_json_has_consultation_clauses_and_published_comments(client, consultation, comments):
    response = client.get(url("open_data_json", consultation))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert data["schema"] == "okienko-consultation-data/1"
    assert data["consultation"]["id"] == consultation.pk
    assert data["consultation"]["phase"] == "closed"
    assert data["consultation"]["report_url"] is None
    clauses = data["versions"][0]["clauses"]
    assert [c["anchor"] for c in clauses] == ["par-1", "par-2", "par-3"]
    assert clauses[0]["url"].endswith("#par-1")
    ids = {c["id"] for c in data["comments"]}
    assert ids == {c.pk for c in comments.values()}  # replies included
    reply = next(c for c in data["comments"] if c["id"] == comments["reply"].pk)
    assert reply["parent_id"] == comments["resident"].pk
    general = next(c for c in data["comments"] if c["id"] == comments["general"].pk)
    assert general["clause_anchor"] is None


def test_hidden_comment_is_listed_without_its_text(client, consultation, comments):
    data = client.get(url("open_data_json", consultation)).json()
    hidden = next(c for c in data["comments"] if c["id"] == comments["hidden"].pk)
    assert hidden["hidden"] is True
    assert hidden["comment"] is None and hidden["proposed_wording"] is None
    assert hidden["hidden_reason"] == "Naruszenie regulaminu"
    assert (
        "Obraźliwa" not in client.get(url("open_data_comments_csv", consultation)).content.decode()
    )


def test_responses_appear_only_once_the_report_is_published(
    client, consultation, comments, official
):
    for c in reportable(comments):
        services.respond(comment=c, status=ResponseStatus.REJECTED, text="Nie.", by=official)
    data = client.get(url("open_data_json", consultation)).json()
    assert all(c["response"] is None for c in data["comments"])
    services.publish_report(consultation=consultation, by=official)
    data = client.get(url("open_data_json", consultation)).json()
    answered = [c for c in data["comments"] if c["response"]]
    assert {c["id"] for c in answered} == {c.pk for c in reportable(comments)}
    assert answered[0]["response"]["status"] == "rejected"
    assert data["consultation"]["report_url"].endswith(url("report", consultation))


def test_comments_csv_parses_back_with_the_documented_columns(client, consultation, comments):
    response = client.get(url("open_data_comments_csv", consultation))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows[0] == PUBLISHED_COMMENT_COLUMNS
    assert len(rows) == 1 + len(comments)
    by_id = {int(r[0]): dict(zip(PUBLISHED_COMMENT_COLUMNS, r, strict=True)) for r in rows[1:]}
    assert by_id[comments["ngo"].pk]["on_behalf_of"] == comments["ngo"].organisation.name
    assert by_id[comments["xss"].pk]["comment"].startswith("'=HYPERLINK")


def test_clauses_csv_lists_every_clause(client, consultation, clauses):
    rows = list(
        csv.reader(
            io.StringIO(client.get(url("open_data_clauses_csv", consultation)).content.decode())
        )
    )
    assert rows[0] == PUBLISHED_CLAUSE_COLUMNS
    assert [r[2] for r in rows[1:]] == ["par-1", "par-2", "par-3"]


@pytest.mark.parametrize(
    "name", ["open_data_json", "open_data_comments_csv", "open_data_clauses_csv"]
)
def test_open_data_query_count_does_not_grow_with_comments(
    client, consultation, clauses, comments, name, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(url(name, consultation)).status_code == 200
    assert len(few.captured_queries) <= 8
    for i in range(25):
        CommentFactory(clause=clauses[i % 3], comment=f"Kolejna uwaga {i}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url(name, consultation)).status_code == 200


def test_open_data_of_an_unpublished_page_is_not_found(client, consultation, comments):
    consultation.unpublish()
    assert client.get(url("open_data_json", consultation)).status_code == 404


def test_open_data_is_public_while_the_consultation_is_open(client, consultation, comments):
    set_phase(consultation, "open")
    assert client.get(url("open_data_json", consultation)).status_code == 200


def test_open_data_is_built_once_per_state_and_follows_every_change(
    client, consultation, comments, official, django_assert_max_num_queries
):
    """The body is cached per state of the consultation: a repeat costs only the page
    lookup, and a moderation (or any comment change) is visible at the next request."""
    first = client.get(url("open_data_json", consultation)).json()
    target = comments["resident"]
    assert next(c for c in first["comments"] if c["id"] == target.pk)["hidden"] is False
    with django_assert_max_num_queries(2):
        again = client.get(url("open_data_json", consultation))
    assert again.json() == first
    services.hide_comment(comment=target, reason="Dane osobowe", by=official)
    after = client.get(url("open_data_json", consultation)).json()
    assert next(c for c in after["comments"] if c["id"] == target.pk)["hidden"] is True
    rows = csv.DictReader(io.StringIO(client.get(url("open_data_comments_csv", consultation)).text))
    assert next(r for r in rows if r["id"] == str(target.pk))["hidden"] == "true"
