"""Tasks for the worker's tests: one that hangs, one that finishes at once, three that
note the order they ran in."""

import time

from django_tasks import task

from portal.task_priorities import BULK_MAIL, USER_MAIL


@task()
def hang(seconds: float) -> str:
    time.sleep(seconds)
    return "finished"


@task()
def quick() -> str:
    return "done"


# Tasks that note the order they ran in (the RQ priority tests run them in-process).
RAN: list[str] = []


@task(priority=USER_MAIL)
def user_mail(label: str) -> None:
    RAN.append(label)


@task()
def indexing(label: str) -> None:
    RAN.append(label)


@task(priority=BULK_MAIL)
def bulk_mail(label: str) -> None:
    RAN.append(label)
