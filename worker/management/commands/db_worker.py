"""``manage.py db_worker``: django-tasks-db's worker with a time limit per task.

Same options as django-tasks-db's command (this app comes first in INSTALLED_APPS, so
this command is the one that runs). Limits: ``settings.TASK_TIME_LIMITS`` (see
``worker.limits``), or ``--time-limit SECONDS`` for every task of this worker.
"""

import logging
import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from worker.limits import TaskTimeLimitExceeded, limit_for, time_limit

logger = logging.getLogger("worker")


class LimitedWorker(db_worker.Worker):
    """Runs each task under its time limit; a task over it fails and the loop goes on."""

    def __init__(self, *, time_limit_override: float | None = None, **kwargs):
        super().__init__(**kwargs)
        self.time_limit_override = time_limit_override

    def run_task(self, db_task_result) -> None:
        task_path = db_task_result.task_path
        seconds = self.time_limit_override or limit_for(task_path)
        try:
            with time_limit(seconds, what=f"Task {task_path} ({db_task_result.id})"):
                super().run_task(db_task_result)
        except TaskTimeLimitExceeded:
            # The alarm rang after the task had finished, while its result was being
            # stored: the result stands.
            logger.warning("Time limit rang after task %s finished", db_task_result.id)
        db_task_result.refresh_from_db(fields=["status", "exception_class_path"])
        if db_task_result.exception_class_path.endswith("TaskTimeLimitExceeded"):
            logger.error(
                "Task %s (%s) stopped after its time limit of %s s",
                task_path,
                db_task_result.id,
                seconds,
            )


class Command(db_worker.Command):
    help = db_worker.Command.help + " (with a time limit per task: settings.TASK_TIME_LIMITS)"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--time-limit",
            type=float,
            default=None,
            help="Seconds each task may run (default: settings.TASK_TIME_LIMITS).",
        )

    def handle(self, *args, verbosity, reload, batch, time_limit=None, **options):
        # As django-tasks-db's handle(), with the limited worker.
        self.configure_logging(verbosity)
        if reload and batch:
            logger.warning("--reload and --batch cannot be specified together; not reloading.")
            reload = False
        worker = LimitedWorker(
            time_limit_override=time_limit,
            queue_names=options["queue_name"].split(","),
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
