"""Background e-mails about organisation memberships (django-tasks).

Tasks take primary keys, never objects: they run after the transaction commits,
possibly in another process, and read the current state themselves.
"""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from portal.task_priorities import USER_MAIL

from .models import Membership, Role, User


def _render(template_prefix: str, context: dict) -> tuple[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        body = render_to_string(f"{template_prefix}_message.txt", context)
    return " ".join(subject.split()), body


@task(priority=USER_MAIL)
def send_membership_decision(membership_id: int) -> bool:
    """Tell the user whether an official approved or rejected their request."""
    membership = (
        Membership.objects.select_related("user", "organisation").filter(pk=membership_id).first()
    )
    if membership is None or membership.status == Membership.Status.PENDING:
        return False
    user = membership.user
    if not user.email or user.is_deleted:
        return False
    subject, body = _render(
        "accounts/email/membership_decision",
        {
            "membership": membership,
            "approved": membership.status == Membership.Status.APPROVED,
            "profile_url": settings.BASE_URL + reverse("accounts:profile"),
        },
    )
    EmailMessage(subject, body, to=[user.email]).send()
    return True


@task(priority=USER_MAIL)
def notify_officials_of_request(membership_id: int) -> int:
    """Tell every official that a request to represent an organisation is waiting."""
    membership = (
        Membership.objects.select_related("user", "organisation").filter(pk=membership_id).first()
    )
    if membership is None or membership.status != Membership.Status.PENDING:
        return 0
    recipients = list(
        User.objects.filter(is_active=True, is_deleted=False)
        .filter(Q(groups__name__in=[Role.OFFICIAL, Role.ADMINISTRATOR]) | Q(is_superuser=True))
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return 0
    subject, body = _render(
        "accounts/email/membership_request",
        {
            "membership": membership,
            "review_url": settings.BASE_URL + reverse("accounts_membership_requests"),
        },
    )
    messages = [EmailMessage(subject, body, to=[email]) for email in recipients]
    return get_connection().send_messages(messages) or 0
