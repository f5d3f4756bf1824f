"""Background tasks (django-tasks) that keep the index in step with the content.

Enqueued by `search.services.queue_sweep` / `schedule_removal` after the
transaction commits; arguments are labels, primary keys and keys, never objects.
"""

from django_tasks import task


@task()
def apply_index_changes() -> int:
    """Apply the pending index changes (search.services.apply_index_changes)."""
    from .services import apply_index_changes

    return apply_index_changes()


@task()
def remove_from_index(keys: list[str]) -> int:
    """Remove entries by key from every configured index."""
    from .services import remove_keys

    remove_keys(keys)
    return len(keys)
