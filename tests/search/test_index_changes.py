"""Index updates go through IndexChange rows and one queued sweep at a time
(search.services.schedule_index / apply_index_changes): none is ever dropped."""

import pytest
from django.db import transaction

from cms_pages.factories import NewsPageFactory
from search import services
from search.models import IndexChange


@pytest.fixture
def queued_tasks(settings):
    """The production task backend: tasks wait in the queue until a worker runs them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    def queued():
        from django_tasks_db.models import DBTaskResult

        return list(DBTaskResult.objects.filter(task_path="search.tasks.apply_index_changes"))

    return queued


def found(backend, query):
    return sorted(hit.key for hit in backend.search(query).hits)


def test_changes_wait_as_rows_and_one_queued_sweep_applies_them_all(
    search_backend, queued_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pages = [NewsPageFactory(title=f"Jarmark numer {n}") for n in range(3)]
    assert len(queued_tasks()) == 1  # one sweep for all of them
    assert {str(p.pk) for p in pages} <= set(
        IndexChange.objects.values_list("object_pk", flat=True)
    )
    assert found(search_backend, "jarmark") == []

    assert services.apply_index_changes() >= 3  # what the queued task runs
    assert found(search_backend, "jarmark") == sorted(f"page:{p.pk}" for p in pages)
    assert not IndexChange.objects.exists()

    # The sweep took the flag down first: the next change queues a new sweep.
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(title="Festyn rodzinny")
    assert len(queued_tasks()) == 2


def test_a_change_made_while_the_sweep_indexes_the_object_is_not_lost(
    search_backend, queued_tasks, django_capture_on_commit_callbacks, monkeypatch
):
    """The sweep reads "Jarmark" and, before it deletes its row, the editor renames
    the page to "Festyn" (another worker, committed). The index must end with "Festyn"."""
    with django_capture_on_commit_callbacks(execute=True):
        page = NewsPageFactory(title="Jarmark")
    index_by_pk = services.index_by_pk
    interleaved = []

    def index_then_someone_edits(label, pk):
        indexed = index_by_pk(label, pk)  # the sweep has read and indexed "Jarmark"
        if not interleaved:
            interleaved.append(pk)
            with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
                page.title = "Festyn"
                page.save_revision().publish()
        return indexed

    monkeypatch.setattr(services, "index_by_pk", index_then_someone_edits)
    services.apply_index_changes()

    assert interleaved
    assert found(search_backend, "festyn") == [f"page:{page.pk}"]
    assert found(search_backend, "jarmark") == []
    assert not IndexChange.objects.exists()


def test_a_rolled_back_change_records_nothing(search_backend, queued_tasks):
    with pytest.raises(RuntimeError), transaction.atomic():
        NewsPageFactory(title="Jarmark")
        raise RuntimeError
    assert not IndexChange.objects.exists()
    assert queued_tasks() == []


def test_a_change_that_fails_to_apply_stays_for_the_next_sweep(
    search_backend, queued_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        good = NewsPageFactory(title="Koncert kolęd")
    IndexChange.objects.create(model_label="cms_pages.newspage", object_pk="not-a-number")
    services.apply_index_changes()
    assert found(search_backend, "koncert") == [f"page:{good.pk}"]
    assert list(IndexChange.objects.values_list("object_pk", flat=True)) == ["not-a-number"]
