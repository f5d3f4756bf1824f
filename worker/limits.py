"""Per-task time limits for the background worker.

``settings.TASK_TIME_LIMITS`` maps a task's dotted path (``"search.tasks.update_index"``)
to its limit in seconds; ``"default"`` covers every other task; ``None`` or 0 means none.
A task over its limit is interrupted with ``TaskTimeLimitExceeded`` (SIGALRM in the
worker's main thread), recorded as failed, and the worker takes the next task.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager

DEFAULT_LIMIT = 300


class TaskTimeLimitExceeded(Exception):  # noqa: N818 - reads as what happened, in the task's result
    """The task ran longer than its limit and was stopped."""


def limit_for(task_path: str) -> float | None:
    from django.conf import settings

    limits = getattr(settings, "TASK_TIME_LIMITS", {}) or {}
    seconds = limits.get(task_path, limits.get("default", DEFAULT_LIMIT))
    return float(seconds) if seconds else None


@contextmanager
def time_limit(seconds: float | None, what: str = "task"):
    """Raise ``TaskTimeLimitExceeded`` in this block after ``seconds`` (wall-clock).

    Only in the main thread (where signals are delivered); elsewhere, and for no limit,
    the block runs unlimited. An outer timer (e.g. a test runner's) is restored after.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum, _frame):
        raise TaskTimeLimitExceeded(f"{what} exceeded its time limit of {seconds:g} s")

    previous_handler = signal.signal(signal.SIGALRM, interrupt)
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:
            left = max(previous_delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, previous_interval)
