"""Verbs of the search capability: index, remove, schedule, rebuild, search.

Views, signal handlers, commands and other apps call these; they never talk
to a backend's storage directly.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

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
    """Re-index the instance after the current transaction commits (background task).

    The change is recorded as an IndexChange row in the caller's transaction, so a
    rolled-back change schedules nothing and a committed one is never forgotten; the
    sweep (apply_index_changes) re-reads the object, so drafts kept only in memory are
    never indexed.
    """
    from .models import IndexChange

    instance, adapter = _resolve(instance)
    if adapter is None or instance.pk is None:
        return
    IndexChange.objects.create(
        model_label=adapter.model._meta.label_lower, object_pk=str(instance.pk)
    )
    transaction.on_commit(queue_sweep)


# At most one sweep waits in the task queue: the flag is set when one is queued and
# taken down by the sweep before it reads the changes. A change committed before that
# is read by the running sweep; one committed after it queues the next sweep.
SWEEP_FLAG = "search:sweep-queued"
SWEEP_FLAG_SECONDS = 300  # a queued sweep lost by the task queue stops blocking after this
SWEEP_BATCH = 500


def queue_sweep() -> None:
    from django.core.cache import cache

    from .tasks import apply_index_changes

    if cache.add(SWEEP_FLAG, 1, SWEEP_FLAG_SECONDS):
        _enqueue(apply_index_changes)


def apply_index_changes() -> int:
    """Apply every pending IndexChange (the sweep task); returns the changes applied.

    Each row is deleted by id after its object was indexed, so a change recorded while
    the sweep runs stays for this loop or the next sweep. A change that fails to apply
    stays too (logged) and is tried again by the next sweep.
    """
    from django.core.cache import cache

    from .models import IndexChange

    cache.delete(SWEEP_FLAG)
    applied, failed = 0, set()
    while changes := list(IndexChange.objects.exclude(pk__in=failed).order_by("pk")[:SWEEP_BATCH]):
        by_object: dict[tuple[str, str], list[int]] = {}
        for change in changes:
            by_object.setdefault((change.model_label, change.object_pk), []).append(change.pk)
        done = []
        for (label, pk), ids in by_object.items():
            try:
                index_by_pk(label, pk)
            except Exception:  # one bad object must not block the others
                logger.exception("Could not index %s %s", label, pk)
                failed.update(ids)
            else:
                done += ids
        IndexChange.objects.filter(pk__in=done).delete()
        applied += len(done)
    return applied


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
