"""Background e-mails of the cooperation bodies (django-tasks; primary keys, never objects)."""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from portal.task_priorities import USER_MAIL

from .ical import meeting_calendar
from .models import BodyMember, Meeting, TaskProposal


def _render(template_prefix: str, context: dict) -> tuple[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        body = render_to_string(f"{template_prefix}_message.txt", context)
    return " ".join(subject.split()), body


@task(priority=USER_MAIL)
def notify_members_of_meeting(meeting_id: int) -> int:
    """E-mail every current member of the body that a meeting is scheduled, with the
    meeting as an .ics attachment. Sends once per meeting; returns the number sent."""
    meeting = Meeting.objects.select_related("body__municipality").filter(pk=meeting_id).first()
    if meeting is None or meeting.members_notified_at is not None:
        return 0
    emails = sorted(
        set(
            BodyMember.objects.current()
            .filter(body=meeting.body, user__is_active=True, user__is_deleted=False)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )
    url = settings.BASE_URL + reverse("cooperation:meeting", kwargs={"pk": meeting.pk})
    subject, body = _render("cooperation/email/meeting_scheduled", {"meeting": meeting, "url": url})
    host = settings.BASE_URL.split("://", 1)[-1].split("/")[0].split(":")[0]
    ics = meeting_calendar(meeting, url=url, host=host, now=timezone.now())
    messages = []
    for email in emails:
        message = EmailMessage(subject, body, to=[email])
        message.attach(f"posiedzenie-{meeting.pk}.ics", ics, "text/calendar")
        messages.append(message)
    sent = (get_connection().send_messages(messages) or 0) if messages else 0
    Meeting.objects.filter(pk=meeting.pk).update(members_notified_at=timezone.now())
    return sent


@task(priority=USER_MAIL)
def send_proposal_answer(proposal_id: int) -> bool:
    """Tell the member who submitted a public task proposal that the department answered."""
    proposal = (
        TaskProposal.objects.select_related("submitted_by", "body").filter(pk=proposal_id).first()
    )
    user = proposal.submitted_by if proposal else None
    if proposal is None or not proposal.answered_at or user is None:
        return False
    if not user.email or user.is_deleted or not user.is_active:
        return False
    url = settings.BASE_URL + reverse("cooperation:proposal", kwargs={"pk": proposal.pk})
    subject, body = _render("cooperation/email/proposal_answer", {"proposal": proposal, "url": url})
    EmailMessage(subject, body, to=[user.email]).send()
    return True
