"""Concurrent posting loses nothing: many people comment and reply at the same moment.

Runs on PostgreSQL (real concurrent transactions); SQLite serialises writers anyway and
its in-memory test database is not shared safely between threads.
"""

import threading

import pytest
from django.db import connection, connections

from accounts.factories import UserFactory
from accounts.models import Role
from consultations import services
from consultations.models import ConsultationComment

from .conftest import clauses_of, make_consultation

# serialized_rollback: the flush after each test would drop the site and home page that
# the migrations create and the other tests need.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 8
PER_THREAD = 10


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


def run_in_threads(work):
    errors = []
    start = threading.Barrier(THREADS)

    def runner(n):
        try:
            start.wait()
            work(n)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=runner, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return errors


def test_concurrent_comments_and_replies_are_all_stored(
    postgres_only, settings, consultation_index
):
    settings.CONSULTATIONS_COMMENT_RATE = None
    page = make_consultation(consultation_index, "open", clauses=3)
    clauses = clauses_of(page)
    users = [UserFactory(username=f"rownolegly{n}", roles=[Role.RESIDENT]) for n in range(THREADS)]
    thread_root = services.post_comment(
        consultation=page, user=users[0], text=services.CommentText("Wątek do odpowiedzi")
    )

    def work(n):
        for i in range(PER_THREAD):
            text = services.CommentText(comment=f"Uwaga {n}-{i}")
            if i % 2:
                parent = ConsultationComment.objects.get(pk=thread_root.pk)
                services.reply(parent=parent, user=users[n], text=text)
            else:
                services.post_comment(
                    consultation=page, user=users[n], text=text, clause=clauses[i % 3]
                )

    errors = run_in_threads(work)
    assert errors == []
    stored = ConsultationComment.objects.filter(consultation=page)
    assert stored.count() == 1 + THREADS * PER_THREAD
    texts = set(stored.values_list("comment", flat=True))
    assert {f"Uwaga {n}-{i}" for n in range(THREADS) for i in range(PER_THREAD)} <= texts
    # xtd orders a thread by `order`: replies posted at once still get distinct places.
    orders = list(stored.filter(thread_id=thread_root.pk).values_list("order", flat=True))
    assert len(orders) == len(set(orders)) == 1 + THREADS * PER_THREAD // 2


def test_concurrent_posts_through_the_form_are_all_stored(
    postgres_only, settings, consultation_index
):
    from django.test import Client

    settings.CONSULTATIONS_COMMENT_RATE = None
    page = make_consultation(consultation_index, "open", clauses=2)
    clause = clauses_of(page)[0]
    users = [UserFactory(username=f"formularz{n}", roles=[Role.RESIDENT]) for n in range(THREADS)]
    statuses = []

    def work(n):
        client = Client()
        client.force_login(users[n])
        for i in range(PER_THREAD):
            response = client.post(
                f"/konsultacje/{page.pk}/komentarz/",
                {"clause": clause.pk, "comment": f"Formularz {n}-{i}"},
            )
            statuses.append(response.status_code)

    errors = run_in_threads(work)
    assert errors == []
    assert statuses == [302] * (THREADS * PER_THREAD)
    assert ConsultationComment.objects.filter(clause=clause).count() == THREADS * PER_THREAD
