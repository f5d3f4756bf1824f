"""Mail a person is waiting for goes ahead of bulk work in the background queue."""

from django.core import mail
from django.core.management import call_command

from newsletters import services
from newsletters.models import Topic
from search.tasks import apply_index_changes


def _queue_head():
    from django_tasks_db.models import DBTaskResult

    # The worker's own query: ready tasks in the model's order (priority first).
    return DBTaskResult.objects.ready().first()


def test_confirmation_queued_after_bulk_work_runs_first(
    settings, issue_with_items, subscriber_factory, django_capture_on_commit_callbacks, monkeypatch
):
    import django_tasks_db.utils
    from django_tasks_db.management.commands import db_worker as db_worker_command

    monkeypatch.setattr(
        django_tasks_db.utils, "connection_requires_manual_exclusive_transaction", lambda c: False
    )
    monkeypatch.setattr(db_worker_command, "close_old_connections", lambda: None)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    subscriber_factory(email="czytelnik@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.send_issue_now(issue=issue_with_items)  # a mailing to every subscriber
        for _ in range(20):
            apply_index_changes.enqueue()  # a search-index backlog
        services.request_subscription(
            email="nowa@example.org", topics=[Topic.objects.get(slug="news")], source="signup-form"
        )
    assert _queue_head().task_path == "newsletters.tasks.send_email"

    call_command("db_worker", "--batch", "--no-startup-delay", "--max-tasks", "1", verbosity=0)
    assert [m.to for m in mail.outbox] == [["nowa@example.org"]]


def test_bulk_mailing_yields_to_the_default_priority():
    from newsletters.tasks import deliver_mailing, send_email, start_mailing

    assert send_email.priority > apply_index_changes.priority > start_mailing.priority
    assert deliver_mailing.priority == start_mailing.priority
