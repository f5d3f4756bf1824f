"""Decision e-mails to a project's author (django-tasks, user-facing priority; primary
keys in, never objects): the verification, the decision on an appeal, the result of
the vote.

Each message is sent once. The task claims the project (or appeal) by stamping
its `..._mailed_at` in the same transaction in which it sends: a second task for the
same decision waits for the row, finds it stamped and sends nothing; a failed send
leaves it unstamped for the next try. A task reads the decision as it is when it runs.
"""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from portal.task_priorities import USER_MAIL

from .models import Appeal, Project, Status

# Dates in the messages are Polish time, whatever the server's zone.
WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")


def author_address(project: Project) -> str:
    author = project.author
    if author is None or not author.is_active:
        return ""
    return author.email


def _send(prefix: str, context: dict, to: str) -> None:
    context = {"base_url": settings.BASE_URL, "site_name": settings.WAGTAIL_SITE_NAME, **context}
    with translation.override(settings.LANGUAGE_CODE), timezone.override(WARSAW):
        subject = " ".join(render_to_string(f"{prefix}_subject.txt", context).split())
        body = render_to_string(f"{prefix}_message.txt", context)
    EmailMessage(subject, body, to=[to]).send()


def _claim(model, pk: int, stamp: str, **conditions) -> bool:
    """Stamp the row unless it is stamped already (row locked until the transaction
    ends, so a parallel task for the same row waits and then finds the stamp)."""
    return bool(
        model.objects.filter(pk=pk, **{f"{stamp}__isnull": True}, **conditions).update(
            **{stamp: timezone.now()}
        )
    )


def _links(project: Project) -> dict:
    return {
        "project_url": settings.BASE_URL + project.get_absolute_url(),
        "edition_url": settings.BASE_URL + project.edition.get_absolute_url(),
    }


@task(priority=USER_MAIL)
def send_verification_mail(project_id: int) -> bool:
    """The verification decision: admitted to the vote, or not admitted with the
    reasoning and how to appeal by when."""
    with transaction.atomic():
        project = (
            Project.objects.select_related("edition", "pool", "author")
            .filter(pk=project_id, status__in=[Status.ADMITTED, Status.REJECTED])
            .first()
        )
        if project is None or not author_address(project):
            return False
        if not _claim(Project, project.pk, "verification_mailed_at", status=project.status):
            return False
        _send(
            f"budget/email/verification_{project.status}",
            {
                "project": project,
                "edition": project.edition,
                "deadline": project.appeal_deadline,
                **_links(project),
            },
            author_address(project),
        )
    return True


@task(priority=USER_MAIL)
def send_appeal_mail(appeal_id: int) -> bool:
    """The decision on the author's appeal, with its reasoning."""
    with transaction.atomic():
        appeal = (
            Appeal.objects.select_related("project__edition", "project__author")
            .exclude(outcome=Appeal.Outcome.PENDING)
            .filter(pk=appeal_id)
            .first()
        )
        if appeal is None or not author_address(appeal.project):
            return False
        if not _claim(Appeal, appeal.pk, "decision_mailed_at", outcome=appeal.outcome):
            return False
        project = appeal.project
        _send(
            f"budget/email/appeal_{appeal.outcome}",
            {"appeal": appeal, "project": project, "edition": project.edition, **_links(project)},
            author_address(project),
        )
    return True


@task(priority=USER_MAIL)
def send_results_mails(edition_id: int) -> int:
    """Each admitted project's author learns whether the project was chosen (once
    per project). Returns the number of messages sent."""
    sent = 0
    projects = (
        Project.objects.filter(
            edition_id=edition_id,
            edition__results_published_at__isnull=False,
            status=Status.ADMITTED,
            results_mailed_at__isnull=True,
            author__isnull=False,
        )
        .select_related("edition", "pool", "author")
        .order_by("pk")
    )
    for project in projects:
        if not author_address(project):
            continue
        with transaction.atomic():
            if not _claim(Project, project.pk, "results_mailed_at"):
                continue
            _send(
                "budget/email/result",
                {
                    "project": project,
                    "edition": project.edition,
                    "results_url": settings.BASE_URL
                    + reverse("budget:results", args=[project.edition_id]),
                    **_links(project),
                },
                author_address(project),
            )
        sent += 1
    return sent
