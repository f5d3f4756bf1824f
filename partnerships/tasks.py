"""Background e-mails of the partnership board (django-tasks; primary keys in, never objects)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from accounts.models import Role, User
from portal.task_priorities import USER_MAIL

from .models import AbuseReport, Answer


def _render(template_prefix: str, context: dict) -> tuple[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        body = render_to_string(f"{template_prefix}_message.txt", context)
    return " ".join(subject.split()), body


@task(priority=USER_MAIL)
def send_answer(answer_id: int) -> bool:
    """E-mail an answer to the post's author."""
    answer = (
        Answer.objects.select_related("post", "post__author", "author").filter(pk=answer_id).first()
    )
    if answer is None:
        return False
    poster = answer.post.author
    if not poster.email or poster.is_deleted or not poster.is_active:
        return False
    subject, body = _render(
        "partnerships/email/answer",
        {
            "answer": answer,
            "post": answer.post,
            "post_url": settings.BASE_URL + answer.post.get_absolute_url(),
        },
    )
    reply_to = [answer.author.email] if answer.author.email else None
    EmailMessage(subject, body, to=[poster.email], reply_to=reply_to).send()
    return True


@task(priority=USER_MAIL)
def notify_moderators(report_id: int) -> int:
    """Tell the officials of the post's municipality that a report waits for them."""
    report = (
        AbuseReport.objects.select_related("post", "post__municipality__staff_group")
        .filter(pk=report_id)
        .first()
    )
    if report is None or report.post.municipality.staff_group_id is None:
        return 0
    recipients = list(
        User.objects.filter(is_active=True, is_deleted=False)
        .filter(groups=report.post.municipality.staff_group_id)
        .filter(Q(groups__name__in=[Role.OFFICIAL, Role.ADMINISTRATOR]) | Q(is_superuser=True))
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return 0
    subject, body = _render(
        "partnerships/email/report",
        {
            "report": report,
            "post": report.post,
            "queue_url": settings.BASE_URL + reverse("partnerships:moderation"),
        },
    )
    EmailMessage(subject, body, bcc=recipients).send()
    return len(recipients)
