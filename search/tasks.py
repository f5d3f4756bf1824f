"""Background tasks (django-tasks) that keep the index in step with the content.

Enqueued by `search.services.schedule_index` / `schedule_removal` after the
transaction commits; arguments are labels, primary keys and keys, never objects.
"""

from django_tasks import task


@task()
def update_index(model_label: str, pk: str) -> bool:
    """Re-read one object and index it, or remove it if it is no longer public."""
    from .services import index_by_pk

    return index_by_pk(model_label, pk)


@task()
def update_index_batch() -> int:
    """Apply the batched updates waiting in Redis (search.services.index_pending)."""
    from .services import index_pending

    return index_pending()


@task()
def remove_from_index(keys: list[str]) -> int:
    """Remove entries by key from every configured index."""
    from .services import remove_keys

    remove_keys(keys)
    return len(keys)
