"""With Redis as the cache, index updates are batched: one queued task at a time works
through a Redis set of pending updates (search.services._enqueue_update)."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from cms_pages.factories import NewsPageFactory
from search import services
from tests.redis_support import requires_redis

pytestmark = requires_redis

REDIS_CACHE = {
    "default": {
        "BACKEND": "portal.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/12",  # not 13/14: tests/test_cache.py flushes those
        "KEY_PREFIX": "okienko-test-batching",
    }
}


@pytest.fixture
def redis_cache(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(CACHES={**settings.CACHES, **REDIS_CACHE}):
        cache = caches["default"]
        cache.clear()
        yield cache
        cache.clear()


def queued(path):
    from django_tasks_db.models import DBTaskResult

    return list(DBTaskResult.objects.filter(task_path=path))


def found(backend, query):
    return [hit.key for hit in backend.search(query).hits]


def test_updates_wait_in_redis_and_one_task_indexes_them_all(
    redis_cache, search_backend, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pages = [NewsPageFactory(title=f"Jarmark numer {n}") for n in range(3)]
    assert queued("search.tasks.update_index") == []
    assert len(queued("search.tasks.update_index_batch")) == 1  # one task for all three
    pending = redis_cache.redis().smembers(redis_cache.make_key(services.PENDING_KEY))
    assert {str(p.pk) for p in pages} <= {m.decode().split()[1] for m in pending}
    assert found(search_backend, "jarmark") == []

    assert services.index_pending() >= 3  # what the queued task runs
    assert sorted(found(search_backend, "jarmark")) == sorted(f"page:{p.pk}" for p in pages)
    assert redis_cache.redis().scard(redis_cache.make_key(services.PENDING_KEY)) == 0

    # The task took the flag down first: the next update queues a new task.
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(title="Festyn rodzinny")
    assert len(queued("search.tasks.update_index_batch")) == 2


def test_an_update_that_fails_to_index_does_not_stop_the_others(
    redis_cache, search_backend, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):
        good = NewsPageFactory(title="Koncert kolęd")
    client = redis_cache.redis()
    client.sadd(redis_cache.make_key(services.PENDING_KEY), "cms_pages.newspage not-a-number")
    assert services.index_pending() >= 2  # the page (with its parents) and the bad one
    assert found(search_backend, "koncert") == [f"page:{good.pk}"]
    assert client.scard(redis_cache.make_key(services.PENDING_KEY)) == 0


def test_without_redis_every_update_gets_its_own_task(
    settings, search_backend, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(title="Jarmark")
        NewsPageFactory(title="Festyn")
    assert len(queued("search.tasks.update_index")) >= 2  # (publish and save: one each)
    assert queued("search.tasks.update_index_batch") == []


def test_when_redis_does_not_answer_the_update_gets_its_own_task(
    settings, search_backend, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    dead = {"default": {**REDIS_CACHE["default"], "LOCATION": "redis://127.0.0.1:1/0"}}
    with (
        override_settings(CACHES={**settings.CACHES, **dead}),
        django_capture_on_commit_callbacks(execute=True),
    ):
        NewsPageFactory(title="Jarmark")
    assert len(queued("search.tasks.update_index")) >= 1
    assert queued("search.tasks.update_index_batch") == []
