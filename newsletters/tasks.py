"""Background tasks (django-tasks). Arguments are ids and strings, never objects."""

import logging

from django.db import connection
from django.utils.module_loading import import_string
from django_tasks import task

from portal.task_priorities import BULK_MAIL, USER_MAIL

from . import conf, services

logger = logging.getLogger(__name__)


@task(priority=USER_MAIL)
def send_email(class_path: str, kwargs: dict) -> int:
    """Build and send one transactional message (see emails.Email)."""
    email_class = import_string(class_path)
    return email_class(**kwargs).send()


@task(priority=BULK_MAIL)
def start_mailing(kind: str, pk: int) -> int:
    """Create the mailing's delivery rows, then start the sending workers."""
    mailing = services.get_mailing(kind, pk)
    if mailing.status != "sending":
        return 0
    created = services.prepare_deliveries(mailing)
    workers = max(1, conf.get("NEWSLETTER_SEND_WORKERS"))
    if not connection.features.has_select_for_update_skip_locked:
        # SQLite: parallel workers would only queue behind one another's write lock.
        workers = 1
    for _ in range(workers):
        deliver_mailing.enqueue(kind, pk)
    return created


@task(priority=BULK_MAIL)
def deliver_mailing(kind: str, pk: int) -> dict:
    """Send one mailing for a while; re-enqueue itself while rows remain.

    Rows waiting for a retry are picked up by a deferred task when the backend can
    defer (database backend), else by `manage.py send_scheduled_newsletters`.
    """
    mailing = services.get_mailing(kind, pk)
    report = services.deliver_mailing(mailing)
    if not report.finished:
        backend = deliver_mailing.get_backend()
        if report.due_now and (report.sent or report.failed or report.retrying):
            # Out of time with work left: continue in a fresh task.
            deliver_mailing.enqueue(kind, pk)
        elif report.next_retry_at and backend.supports_defer:
            deliver_mailing.using(run_after=report.next_retry_at).enqueue(kind, pk)
    return {
        "sent": report.sent,
        "failed": report.failed,
        "retrying": report.retrying,
        "skipped": report.skipped,
        "finished": report.finished,
    }
