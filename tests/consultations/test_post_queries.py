"""Posting a comment or a reply through the form costs a fixed number of SQL queries:
it does not grow with the consultation's comments (issue 3: posting at 200/s)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations.models import ConsultationComment

from .conftest import make_consultation, version_of
from .test_page_queries import populate

# Session, user with the account's facts (verified e-mail, role; accounts.backends),
# page with its consulted version, clause with its version, the organisations the user
# represents (only when posting on an organisation's behalf), three inserts (comment,
# xtd, consultation comment), the thread id and the page's comment stamp (on PostgreSQL
# the writes are one statement: see the last test). Savepoints excluded.
TOP_LEVEL_LIMIT = 10


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
    if connection.vendor == "postgresql" and not organisation:
        # Session, user with facts, page with the clause's version, the one write.
        assert len(small["clause"]) == 4, "\n".join(small["clause"])
    # On one's own behalf nothing asks for the organisations; on an organisation's
    # behalf the form's choices and the service's "may speak for" share one query.
    memberships = sum("accounts_membership" in sql for sql in small["act"])
    assert memberships == (1 if organisation else 0), small["act"]


def test_posting_reads_the_account_facts_in_one_query(client, open_consultation, ngo_user):
    client.force_login(ngo_user)
    clause = version_of(open_consultation).clauses.first()
    sqls = post(client, open_consultation, {"clause": clause.pk, "comment": "Uwaga"})
    asking = [s for s in sqls if "account_emailaddress" in s or "auth_group" in s]
    assert len(asking) == 1, asking
    assert ConsultationComment.objects.filter(consultation=open_consultation).count() == 1


def test_on_postgresql_a_comment_is_written_in_one_statement(
    client, open_consultation, resident, django_capture_on_commit_callbacks
):
    """The three rows of xtd's comment model and the page's stamp go in one statement,
    and the comment is then indexed and shown like any other (post_save was sent)."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite writes the rows through the ORM")
    client.force_login(resident)
    clause = version_of(open_consultation).clauses.first()
    before = type(open_consultation).objects.get(pk=open_consultation.pk).comments_changed_at
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        sqls = post(client, open_consultation, {"clause": clause.pk, "comment": "Uwaga jednym"})
    assert callbacks, "post_save scheduled no search indexing"
    writes = [s for s in sqls if s.lstrip().upper().startswith(("INSERT", "UPDATE", "WITH"))]
    writes = [s for s in writes if "django_tasks" not in s and "portal_search" not in s]
    assert len(writes) == 1, writes
    comment = ConsultationComment.objects.get(consultation=open_consultation)
    assert (comment.thread_id, comment.parent_id, comment.level) == (comment.pk, comment.pk, 0)
    assert comment.clause == clause and comment.body_html == "<p>Uwaga jednym</p>"
    page = type(open_consultation).objects.get(pk=open_consultation.pk)
    assert page.comments_changed_at != before
    from search.backends import get_search_backend

    found = get_search_backend().search("jednym").hits
    assert f"comment:{comment.pk}" in [hit.key for hit in found]
    assert "Uwaga jednym" in client.get(open_consultation.url).content.decode()


def test_the_compiled_page_lookup_comes_back_whole_on_every_run(open_consultation):
    """portal.db.CompiledLookup: the first run through Model.objects.raw(), later ones by
    its kept plan of the columns; a Wagtail page with its annotation, the same each time."""
    from consultations.views import _CONSULTATION_BY_PK

    def row(page):
        return {f.attname: getattr(page, f.attname) for f in page._meta.concrete_fields}

    runs = [_CONSULTATION_BY_PK.first(open_consultation.pk) for _ in range(3)]
    assert row(runs[0]) == row(runs[1]) == row(runs[2])
    assert runs[2].title == open_consultation.title and runs[2].url == open_consultation.url
    assert runs[2].get_deferred_fields() == set()
    version = open_consultation.versions.get(is_published=True)
    assert runs[0].consulted_version_pk == runs[2].consulted_version_pk == version.pk
