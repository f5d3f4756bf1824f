"""Verbs of the search capability: index, remove, schedule, rebuild, search.

Views, signal handlers, commands and other apps call these; they never talk
to a backend's storage directly.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from portal.cache import UNREACHABLE

from .backends import all_backend_aliases, get_search_backend
from .registry import adapter_for, adapters

logger = logging.getLogger(__name__)


def backends():
    return [get_search_backend(alias) for alias in all_backend_aliases()]


def _resolve(instance):
    """The most specific instance (Wagtail pages) and its adapter, or (instance, None)."""
    specific = getattr(instance, "specific", None)
    if specific is not None and not callable(specific):
        instance = specific
    return instance, adapter_for(instance)


def index_instance(instance) -> bool:
    """Put the instance into every configured index if it is indexable, or take it out.

    Promise: after this call the index holds the instance's current public
    version, or nothing for it. Returns True if it is now indexed.
    """
    instance, adapter = _resolve(instance)
    if adapter is None:
        return False
    document = adapter.to_document(instance) if adapter.is_indexable(instance) else None
    for backend in backends():
        if document is not None:
            backend.index([document])
        else:
            backend.delete([adapter.key(instance)])
    return document is not None


def remove_instance(instance) -> None:
    """Take the instance out of every configured index (no-op if it is not there)."""
    instance, adapter = _resolve(instance)
    if adapter is not None:
        remove_keys([adapter.key(instance)])


def remove_keys(keys: list[str]) -> None:
    for backend in backends():
        backend.delete(keys)


def index_by_pk(model_label: str, pk) -> bool:
    """Re-read an object from the database and (re)index or remove it."""
    from django.apps import apps

    model = apps.get_model(model_label)
    adapter = adapter_for(model)
    if adapter is None:
        return False
    instance = adapter.get_instance(pk)
    if instance is None:
        remove_keys([adapter.key_for_pk(pk)])
        return False
    return index_instance(instance)


def _enqueue(task, *args) -> None:
    try:
        task.enqueue(*args)
    except Exception:  # An index hiccup must never undo a publish or a moderation.
        logger.exception("Could not enqueue search task %s%r", task.name, args)


def schedule_index(instance) -> None:
    """After the current transaction commits, re-index the instance in a background task.

    The task reads the object again from the database, so drafts kept only in
    memory are never indexed, and a rolled-back change schedules nothing. With Redis
    as the cache, updates are batched (`_enqueue_update`).
    """
    instance, adapter = _resolve(instance)
    if adapter is None or instance.pk is None:
        return
    label = adapter.model._meta.label_lower
    pk = str(instance.pk)
    transaction.on_commit(lambda: _enqueue_update(label, pk))


# Batching: with a shared Redis cache, "index this" goes into a Redis set, and one
# task at a time works through the set; a flag key says that a task is queued. A
# comment post then costs one pipelined Redis round trip instead of a task row (the
# task row was a sixth of a post's CPU). Without Redis: one task per update.
PENDING_KEY = "search:pending"
FLAG_KEY = "search:batch-queued"
FLAG_SECONDS = 300  # a queued task not started by then lets the next update queue another
BATCH_SIZE = 500


def _redis_cache():
    from django.core.cache import caches

    from portal.cache import RedisCache

    cache = caches["default"]  # the backend itself, not django.core.cache.cache's proxy
    # During a Redis outage (portal/cache.py) every update gets its own task.
    return cache if isinstance(cache, RedisCache) and cache.answering() else None


def _enqueue_update(label: str, pk: str) -> None:
    from .tasks import update_index, update_index_batch

    cache = _redis_cache()
    if cache is not None:
        try:
            pipe = cache.redis().pipeline(transaction=False)
            pipe.sadd(cache.make_key(PENDING_KEY), f"{label} {pk}")
            pipe.set(cache.make_key(FLAG_KEY), 1, nx=True, ex=FLAG_SECONDS)
            _added, flagged = pipe.execute()
        except UNREACHABLE as error:  # the update still gets its own task
            cache.note_outage(error)
        except Exception:
            logger.exception("Could not batch the search update of %s %s", label, pk)
        else:
            if flagged:
                _enqueue(update_index_batch)
            return
    _enqueue(update_index, label, pk)


def index_pending() -> int:
    """Work through the pending set (the batch task). Returns the updates applied.

    The flag goes first, so an update added from now on queues a new task; each member
    leaves the set only after it was indexed, so a worker that dies mid-way leaves the
    rest (and the one in hand) for the next task. Re-indexing is idempotent, so two
    tasks that overlap only do some work twice.
    """
    cache = _redis_cache()
    if cache is None:
        return 0
    client = cache.redis()
    pending = cache.make_key(PENDING_KEY)
    client.delete(cache.make_key(FLAG_KEY))
    done = 0
    while members := client.srandmember(pending, BATCH_SIZE):
        for member in members:
            label, pk = member.decode().split(" ", 1)
            try:
                index_by_pk(label, pk)
            except Exception:  # one bad object must not block the others
                logger.exception("Could not index %s %s", label, pk)
            done += 1
        client.srem(pending, *members)
    return done


def schedule_removal(instance) -> None:
    """After commit, remove the instance from the index (for deletions)."""
    from .tasks import remove_from_index

    # No `.specific` here: the row is already gone.
    adapter = adapter_for(instance)
    if adapter is None or instance.pk is None:
        return
    keys = [adapter.key(instance)]
    transaction.on_commit(lambda: _enqueue(remove_from_index, keys))


@dataclass
class RebuildReport:
    indexed: int = 0
    skipped: int = 0
    candidates: int = 0


def rebuild(progress: Callable[[int, int, str], None] | None = None) -> RebuildReport:
    """Empty every configured index and index everything indexable again.

    `progress(done, total, label)` is called as candidates are processed
    (total = number of candidates across adapters, an upper bound).
    Searches during a rebuild see a partial index.
    """
    report = RebuildReport()
    all_adapters = adapters()
    report.candidates = sum(a.count_candidates() for a in all_adapters)
    targets = backends()
    for backend in targets:
        backend.clear()
    done = 0
    for adapter in all_adapters:
        batch = []
        for instance in adapter.iter_indexable():
            # A page type with its own adapter is indexed by that adapter only.
            if adapter_for(instance) is not adapter:
                continue
            document = adapter.to_document(instance)
            if document is None:
                report.skipped += 1
                continue
            batch.append(document)
            if len(batch) >= 200:
                for backend in targets:
                    backend.index(batch)
                done += len(batch)
                report.indexed += len(batch)
                batch = []
                if progress:
                    progress(done, report.candidates, adapter.key_prefix)
        if batch:
            for backend in targets:
                backend.index(batch)
            done += len(batch)
            report.indexed += len(batch)
        if progress:
            progress(done, report.candidates, adapter.key_prefix)
    return report


def search(query, *, filters=None, sort="relevance", page=1, per_page=10):
    """Search the default backend (raises search.query.QueryError for unsearchable input)."""
    return get_search_backend().search(
        query, filters=filters, sort=sort, page=page, per_page=per_page
    )


def suggest(prefix: str, limit: int = 8) -> list[str]:
    return get_search_backend().suggest(prefix, limit=limit)
