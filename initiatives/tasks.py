"""E-mail to the applicants (django-tasks; primary keys only, read after commit)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from portal.task_priorities import USER_MAIL


def applicant_emails(application) -> list[str]:
    """The applicant who made it and the organisation's approved representatives."""
    from accounts.models import User

    users = User.objects.filter(is_active=True, is_deleted=False).exclude(email="")
    emails = set(users.filter(pk=application.created_by_id).values_list("email", flat=True))
    if application.organisation_id:
        emails |= set(
            users.filter(
                memberships__organisation_id=application.organisation_id,
                memberships__status="approved",
            ).values_list("email", flat=True)
        )
    return sorted(emails)


@task(priority=USER_MAIL)
def send_decision(application_id: int) -> int:
    """Tell the applicants whether the initiative was accepted, with the reasons."""
    from .models import Application, Status

    application = (
        Application.objects.select_related("municipality").filter(pk=application_id).first()
    )
    if application is None or application.status not in (Status.ACCEPTED, Status.REFUSED):
        return 0
    recipients = applicant_emails(application)
    if not recipients:
        return 0
    context = {
        "application": application,
        "accepted": application.status == Status.ACCEPTED,
        "url": settings.BASE_URL + application.get_absolute_url(),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("initiatives/email/decision_subject.txt", context)
        body = render_to_string("initiatives/email/decision_message.txt", context)
    EmailMessage(" ".join(subject.split()), body, to=recipients).send()
    return len(recipients)
