"""Posting a comment or a reply through the form costs a fixed number of SQL queries
(it does not grow with the consultation's comments), through Model.save() on every
database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations.models import ConsultationComment

from .conftest import make_consultation, version_of
from .test_page_queries import populate

# Session, user, page with its consulted version, clause with its version, verified
# e-mail, role names, represented organisations (the form's choices); XtdComment.save()
# inserts and then saves again to set the thread (three tables each, an index change
# per save, xtd's nested-comment receiver: three queries); the page's comment stamp.
# Savepoints excluded.
TOP_LEVEL_LIMIT = 19


def post(client, page, data):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(f"/konsultacje/{page.pk}/komentarz/", data)
    assert response.status_code == 302, response.content[:2000]
    return [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]


def measure(client, consultation_index, official, user, size, organisation=None):
    page = make_consultation(consultation_index, "open", clauses=3 + size)
    populate(page, clauses=size, comments=3 + 12 * size, official=official)
    client.force_login(user)
    clause = version_of(page).clauses.last()
    extra = {"on_behalf": organisation.pk} if organisation else {}
    post(client, page, {"clause": clause.pk, "comment": "Pierwsza"})  # one-off lookups
    counts = {
        "clause": post(client, page, {"clause": clause.pk, "comment": "Uwaga", **extra}),
        "act": post(client, page, {"comment": "Uwaga do całości", **extra}),
    }
    parent = ConsultationComment.objects.filter(consultation=page, level=0).last()
    counts["reply"] = post(client, page, {"reply_to": parent.pk, "comment": "Odpowiedź"})
    client.logout()
    return counts


@pytest.mark.parametrize("who", ["resident", "ngo_user"])
def test_posting_costs_the_same_queries_for_a_small_and_a_large_consultation(
    request, client, consultation_index, official, who
):
    user = request.getfixturevalue(who)
    organisation = request.getfixturevalue("organisation") if who == "ngo_user" else None
    small = measure(client, consultation_index, official, user, 1, organisation)
    large = measure(client, consultation_index, official, user, 12, organisation)
    assert {k: len(v) for k, v in large.items()} == {k: len(v) for k, v in small.items()}
    assert len(small["clause"]) <= TOP_LEVEL_LIMIT, "\n".join(small["clause"])


def test_posting_reads_each_account_fact_once(client, open_consultation, ngo_user):
    client.force_login(ngo_user)
    clause = version_of(open_consultation).clauses.first()
    sqls = post(client, open_consultation, {"clause": clause.pk, "comment": "Uwaga"})
    for table in ("account_emailaddress", "auth_group", "accounts_membership"):
        assert sum(table in s for s in sqls) == 1, (table, sqls)
    assert ConsultationComment.objects.filter(consultation=open_consultation).count() == 1


def test_a_posted_comment_is_saved_by_the_model_and_indexed_and_shown(
    client, open_consultation, resident, django_capture_on_commit_callbacks, monkeypatch
):
    """The same path on every database: Model.save() (post_save sent once, as created),
    xtd's thread fields, the page's stamp, the index and the page."""
    from django.db.models.signals import post_save

    saved = []

    def on_save(sender, instance, created, **kwargs):
        saved.append(created)

    post_save.connect(on_save, sender=ConsultationComment, dispatch_uid="test_on_save")
    try:
        client.force_login(resident)
        clause = version_of(open_consultation).clauses.first()
        before = type(open_consultation).objects.get(pk=open_consultation.pk).comments_changed_at
        with django_capture_on_commit_callbacks(execute=True):
            post(client, open_consultation, {"clause": clause.pk, "comment": "Uwaga jednym"})
    finally:
        post_save.disconnect(dispatch_uid="test_on_save", sender=ConsultationComment)
    assert saved[0] is True
    comment = ConsultationComment.objects.get(consultation=open_consultation)
    assert (comment.thread_id, comment.parent_id, comment.level) == (comment.pk, comment.pk, 0)
    assert comment.clause == clause and comment.body_html == "<p>Uwaga jednym</p>"
    assert comment.content_object == clause
    page = type(open_consultation).objects.get(pk=open_consultation.pk)
    assert page.comments_changed_at != before
    from search.backends import get_search_backend

    found = get_search_backend().search("jednym").hits
    assert f"comment:{comment.pk}" in [hit.key for hit in found]
    assert "Uwaga jednym" in client.get(open_consultation.url).content.decode()
