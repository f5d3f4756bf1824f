"""Consultation content in the portal search: clauses, published comments, report rows."""

import pytest

from consultations import services
from consultations.factories import CommentFactory
from consultations.models import ResponseStatus

from .report_fixtures import *  # noqa: F403 - fixtures
from .report_fixtures import reportable


@pytest.fixture
def search_backend(db):
    from search.backends import get_search_backend

    backend = get_search_backend()
    backend.clear()
    return backend


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def hits(backend, query):
    return backend.search(query).hits


def reindex(consultation, run_on_commit):
    from consultations.search import schedule_consultation_reindex

    with run_on_commit():
        schedule_consultation_reindex(consultation.pk)


def test_clause_hit_carries_title_citation_and_anchor(
    search_backend, run_on_commit, consultation, clauses
):
    reindex(consultation, run_on_commit)
    found = [h for h in hits(search_backend, "Prezydentowi") if h.key.startswith("clause:")]
    assert [h.key for h in found] == [f"clause:{clauses[2].pk}"]
    hit = found[0]
    assert hit.url == f"{consultation.url}#{clauses[2].anchor}"
    assert clauses[2].citation in hit.title
    assert consultation.title in hit.title


def test_published_comment_is_found_and_hidden_one_is_not(
    search_backend, run_on_commit, consultation, comments
):
    reindex(consultation, run_on_commit)
    found = {h.key: h for h in hits(search_backend, "świetlice")}
    assert f"comment:{comments['resident'].pk}" in found
    # The hit opens the consultation page at the comment itself.
    hit = found[f"comment:{comments['resident'].pk}"]
    assert hit.url == f"{consultation.url}#komentarz-{comments['resident'].pk}"
    assert not [h for h in hits(search_backend, "Obraźliwa") if h.key.startswith("comment:")]


def test_hiding_a_comment_takes_it_out_of_the_index(
    search_backend, run_on_commit, consultation, clauses, official
):
    with run_on_commit():
        comment = CommentFactory(clause=clauses[0], comment="Proponuję fontannę na rynku.")
    assert [h.key for h in hits(search_backend, "fontanna")] == [f"comment:{comment.pk}"]
    with run_on_commit():
        services.hide_comment(comment=comment, reason="Spam", by=official)
    assert hits(search_backend, "fontanna") == []


def test_report_rows_are_found_once_the_report_is_published(
    search_backend, run_on_commit, consultation, comments, official
):
    with run_on_commit():
        for c in reportable(comments):
            services.respond(
                comment=c,
                status=ResponseStatus.REJECTED,
                text="Zadania finansuje budżet obywatelski.",
                by=official,
            )
    assert not [h for h in hits(search_backend, "budżet obywatelski") if h.type == "report"]
    with run_on_commit():
        services.publish_report(consultation=consultation, by=official)
    report_hits = [h for h in hits(search_backend, "budżet obywatelski") if h.type == "report"]
    assert len(report_hits) == len(reportable(comments))
    assert all(f"/konsultacje/{consultation.pk}/raport/#uwaga-" in h.url for h in report_hits)


def test_unpublished_consultation_leaves_the_index(
    search_backend, run_on_commit, consultation, comments
):
    reindex(consultation, run_on_commit)
    assert hits(search_backend, "Prezydentowi")
    with run_on_commit():
        consultation.unpublish()
    assert [h for h in hits(search_backend, "Prezydentowi") if h.type != "consultationpage"] == []
