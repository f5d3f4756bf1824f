"""The Redis (RQ) task backend with the portal's task priorities.

django-tasks-rq's backend declares that it does not support priorities, so
django-tasks refuses every task that has one when the module defining it is imported:
with ``TASKS_BACKEND=django_tasks_rq.RQBackend`` the portal (whose mail tasks have
priorities) does not even start. Had it started, every task would run in arrival
order (the backend only sends the maximum priority, 100, to the front of its queue).
RQ itself has no priorities within a queue: a worker listening to several queues
empties them in the order they were named. So this backend sends a task of the
default queue by its priority to one of three RQ queues, and the worker listens to
them in order:

    manage.py rqworker high default low --with-scheduler --job-class django_tasks_rq.backend.Job

- priority above 0 (mail someone is waiting for, portal.task_priorities.USER_MAIL):
  ``high``; a worker takes these before anything else;
- priority 0 (indexing, report exports): ``default``;
- priority below 0 (newsletters to every subscriber, BULK_MAIL): ``low``.

Within a queue tasks run in the order they were queued. A task given its own
queue name keeps it.
"""

from django_tasks.base import DEFAULT_TASK_PRIORITY, DEFAULT_TASK_QUEUE_NAME
from django_tasks_rq.backend import RQBackend as PlainRQBackend

HIGH, DEFAULT, LOW = "high", DEFAULT_TASK_QUEUE_NAME, "low"
QUEUES = (HIGH, DEFAULT, LOW)  # the order a worker must listen in


def queue_for(priority: int) -> str:
    if priority > DEFAULT_TASK_PRIORITY:
        return HIGH
    if priority < DEFAULT_TASK_PRIORITY:
        return LOW
    return DEFAULT


class RQBackend(PlainRQBackend):
    supports_priority = True  # by queue, see above

    def __init__(self, alias, params):
        super().__init__(alias, params)
        self.queues = set(self.queues) | set(QUEUES)

    def enqueue(self, task, args, kwargs):
        if task.queue_name == DEFAULT_TASK_QUEUE_NAME:
            task = task.using(queue_name=queue_for(task.priority))
        return super().enqueue(task, args, kwargs)
