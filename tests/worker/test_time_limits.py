"""The background worker stops a task at its time limit, records it as failed, goes on."""

import time

import django_tasks_db.utils
import pytest
from django.core.management import call_command
from django_tasks_db.management.commands import db_worker as db_worker_command
from django_tasks_db.models import DBTaskResult

from worker.limits import TaskTimeLimitExceeded, limit_for, time_limit

from . import tasks

pytestmark = pytest.mark.django_db

DB_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_tasks(settings, monkeypatch):
    """Tasks queued in the database, as in production, run inside the test's transaction."""
    # The worker claims a task with BEGIN EXCLUSIVE on SQLite, impossible inside the test's
    # transaction; a savepoint does the same job here (one worker, no race). Nor may it
    # close the test's connection between tasks.
    monkeypatch.setattr(
        django_tasks_db.utils, "connection_requires_manual_exclusive_transaction", lambda c: False
    )
    monkeypatch.setattr(db_worker_command, "close_old_connections", lambda: None)
    settings.TASKS = DB_BACKEND
    settings.TASK_TIME_LIMITS = {"default": 30, "tests.worker.tasks.hang": 1}


def run_worker(*args):
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", *args, verbosity=0)


def test_task_over_its_limit_fails_and_the_next_task_runs(database_tasks):
    stuck = tasks.hang.enqueue(60)
    after = tasks.quick.enqueue()
    started = time.monotonic()
    run_worker()
    assert time.monotonic() - started < 20  # not the 60 s the task asked for
    stuck_row = DBTaskResult.objects.get(id=stuck.id)
    assert stuck_row.status == "FAILED"
    assert stuck_row.exception_class_path == "worker.limits.TaskTimeLimitExceeded"
    assert "time limit of 1 s" in stuck_row.traceback
    after_row = DBTaskResult.objects.get(id=after.id)
    assert after_row.status == "SUCCESSFUL"
    assert after_row.return_value == "done"


def test_task_within_its_limit_succeeds(database_tasks, settings):
    settings.TASK_TIME_LIMITS = {"default": 30}
    result = tasks.hang.enqueue(0.1)
    run_worker()
    row = DBTaskResult.objects.get(id=result.id)
    assert (row.status, row.return_value) == ("SUCCESSFUL", "finished")


def test_command_line_limit_applies_to_every_task(database_tasks, settings):
    settings.TASK_TIME_LIMITS = {}
    result = tasks.hang.enqueue(60)
    run_worker("--time-limit", "1")
    assert DBTaskResult.objects.get(id=result.id).status == "FAILED"


def test_limits_by_task_path_with_a_default(settings):
    settings.TASK_TIME_LIMITS = {"default": 300, "search.tasks.update_index": 120}
    assert limit_for("search.tasks.update_index") == 120
    assert limit_for("newsletters.tasks.send_email") == 300
    settings.TASK_TIME_LIMITS = {"default": None}
    assert limit_for("anything") is None


def test_configured_limits_cover_the_portals_long_tasks():
    from django.conf import settings

    limits = settings.TASK_TIME_LIMITS
    assert limits["default"] > 0
    # An index update reads one document: its limit is above extraction's wall limit.
    assert limits["search.tasks.update_index"] > settings.DOCUMENT_EXTRACTION["WALL_SECONDS"]


def test_time_limit_restores_an_outer_timer():
    with pytest.raises(TaskTimeLimitExceeded), time_limit(5), time_limit(0.2):
        time.sleep(2)
    with pytest.raises(TaskTimeLimitExceeded, match="outer"), time_limit(0.5, what="outer"):
        with time_limit(10):
            pass
        time.sleep(2)
