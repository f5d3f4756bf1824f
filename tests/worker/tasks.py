"""Tasks for the worker's tests: one that hangs, one that finishes at once."""

import time

from django_tasks import task


@task()
def hang(seconds: float) -> str:
    time.sleep(seconds)
    return "finished"


@task()
def quick() -> str:
    return "done"
