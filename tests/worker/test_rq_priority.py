"""On the Redis (RQ) task backend, mail someone is waiting for runs before indexing and
bulk mail queued earlier, as on the database backend. django-tasks-rq alone refuses tasks
with a priority (and would keep every task in arrival order), so the portal's backend
routes tasks by priority to the queues `high`, `default` and `low`, which a worker empties in order.

Uses the local Redis, database 7 (emptied before and after)."""

import pytest

from tests.ci_strict import needs
from worker import rq as portal_rq

from . import tasks

REDIS_URL = "redis://127.0.0.1:6379/7"
BACKLOG = [
    (tasks.bulk_mail, "newsletter-1"),
    (tasks.bulk_mail, "newsletter-2"),
    (tasks.indexing, "index-1"),
    (tasks.indexing, "index-2"),
    (tasks.user_mail, "confirmation"),
]


@pytest.fixture
def redis_7():
    from redis import Redis
    from redis.exceptions import ConnectionError as RedisDown

    redis = Redis.from_url(REDIS_URL)
    try:
        redis.ping()
    except RedisDown:
        pytest.skip(needs("Redis", f"nothing answers at {REDIS_URL}"))
    redis.flushdb()
    yield redis
    redis.flushdb()


def use_rq(settings, backend_path):
    settings.TASKS = {"default": {"BACKEND": backend_path}}
    settings.RQ_QUEUES = {name: {"URL": REDIS_URL} for name in portal_rq.QUEUES}


@pytest.fixture
def rq_backend(settings, redis_7):
    def configure(path):
        use_rq(settings, path)
        tasks.RAN.clear()
        for task, label in BACKLOG:
            task.using(backend="default").enqueue(label)

    yield configure
    tasks.RAN.clear()


def run_worker(*queues):
    """What `manage.py rqworker high default low` does, in this process, until empty."""
    import django_rq
    from django_tasks_rq.backend import Job
    from rq import SimpleWorker

    worker = django_rq.get_worker(*queues, job_class=Job, worker_class=SimpleWorker)
    worker.work(burst=True)


def test_confirmation_queued_last_runs_first(rq_backend, db):
    rq_backend("worker.rq.RQBackend")
    run_worker(*portal_rq.QUEUES)
    assert tasks.RAN == ["confirmation", "index-1", "index-2", "newsletter-1", "newsletter-2"]


def test_plain_django_tasks_rq_refuses_the_portals_mail_tasks(settings, redis_7):
    """What we found: django-tasks-rq does not support priorities, so the portal's tasks
    (mail has a priority) could not even be defined on it: the portal would not start."""
    from django_tasks.exceptions import InvalidTaskError
    from django_tasks_rq.backend import RQBackend as PlainRQBackend

    from newsletters.tasks import send_email

    use_rq(settings, "worker.rq.RQBackend")
    with pytest.raises(InvalidTaskError, match="priority"):
        PlainRQBackend("default", {}).validate_task(send_email)


def test_the_portals_tasks_go_to_their_queues(settings, redis_7):
    from accounts import tasks as account_tasks
    from newsletters.tasks import deliver_mailing, send_email, start_mailing
    from search.tasks import apply_index_changes

    use_rq(settings, "worker.rq.RQBackend")
    expected = {
        send_email: "high",
        apply_index_changes: "default",
        start_mailing: "low",
        deliver_mailing: "low",
    }
    expected.update(
        {
            getattr(account_tasks, name): "high"
            for name in dir(account_tasks)
            if getattr(getattr(account_tasks, name), "priority", 0) > 0
        }
    )
    for task, queue in expected.items():
        assert portal_rq.queue_for(task.priority) == queue, task.module_path


def test_settings_take_the_plain_backend_name_to_mean_the_portals():
    import subprocess
    import sys

    code = (
        "import django; django.setup(); from django.conf import settings; "
        "import newsletters.tasks; "  # defining the mail tasks must not fail
        "print(settings.TASKS['default']['BACKEND'], sorted(settings.RQ_QUEUES))"
    )
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={
            **__import__("os").environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",  # base's TASKS, as in production
            "TASKS_BACKEND": "django_tasks_rq.RQBackend",
        },
    ).stdout
    assert out.split() == ["worker.rq.RQBackend", "['default',", "'high',", "'low']"]
