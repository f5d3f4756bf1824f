"""E-mails about profile changes (django-tasks; primary keys in, current state read)."""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from accounts.models import Role, User
from portal.task_priorities import USER_MAIL


def _render(prefix: str, context: dict) -> tuple[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"{prefix}_subject.txt", context)
        body = render_to_string(f"{prefix}_message.txt", context)
    return " ".join(subject.split()), body


@task(priority=USER_MAIL)
def notify_reviewers_of_profile_change(change_id: int) -> int:
    """Tell the officials of the municipalities where the organisation works (and the
    administrators) that a profile change waits."""
    from .models import ProfileChange

    change = ProfileChange.objects.select_related("organisation").filter(pk=change_id).first()
    if change is None or change.status != ProfileChange.Status.PENDING:
        return 0
    active = User.objects.filter(is_active=True, is_deleted=False).exclude(email="")
    administrators = active.filter(Q(groups__name=Role.ADMINISTRATOR) | Q(is_superuser=True))
    # Officials in the staff group of a municipality where the organisation works.
    local_officials = active.filter(groups__name=Role.OFFICIAL).filter(
        groups__municipality__organisations=change.organisation
    )
    recipients = set(administrators.values_list("email", flat=True)) | set(
        local_officials.values_list("email", flat=True)
    )
    if not recipients:
        return 0
    subject, body = _render(
        "organisations/email/profile_change_request",
        {
            "change": change,
            "review_url": settings.BASE_URL
            + reverse("organisations_profile_change", args=[change.pk]),
        },
    )
    messages = [EmailMessage(subject, body, to=[email]) for email in sorted(recipients)]
    return get_connection().send_messages(messages) or 0


@task(priority=USER_MAIL)
def send_profile_change_decision(change_id: int) -> bool:
    """Tell the representative who submitted the change what the official decided."""
    from .models import ProfileChange

    change = (
        ProfileChange.objects.select_related("organisation", "submitted_by")
        .filter(pk=change_id)
        .first()
    )
    if change is None or change.status == ProfileChange.Status.PENDING:
        return False
    user = change.submitted_by
    if user is None or not user.email or user.is_deleted:
        return False
    subject, body = _render(
        "organisations/email/profile_change_decision",
        {
            "change": change,
            "approved": change.status == ProfileChange.Status.APPROVED,
            "profile_url": settings.BASE_URL + change.organisation.get_absolute_url(),
        },
    )
    EmailMessage(subject, body, to=[user.email]).send()
    return True


def _reviewers_of(municipality):
    """Editors, officials and administrators in the municipality's staff group; the
    portal's administrators when it has none (a window nobody looks after yet)."""
    active = User.objects.filter(is_active=True, is_deleted=False).exclude(email="")
    staff = active.filter(
        groups__name__in=[Role.EDITOR, Role.OFFICIAL, Role.ADMINISTRATOR],
    ).filter(groups__municipality=municipality)
    emails = set(staff.values_list("email", flat=True))
    if not emails:
        administrators = active.filter(Q(groups__name=Role.ADMINISTRATOR) | Q(is_superuser=True))
        emails = set(administrators.values_list("email", flat=True))
    return sorted(emails)


@task(priority=USER_MAIL)
def notify_editors_of_proposal(proposal_id: int) -> int:
    """Tell the municipality's editors and officials that an organisation's proposal
    waits for review in the admin."""
    from .models import Proposal

    proposal = (
        Proposal.objects.select_related("organisation", "municipality")
        .filter(pk=proposal_id, status=Proposal.Status.PENDING, page__isnull=False)
        .first()
    )
    if proposal is None:
        return 0
    recipients = _reviewers_of(proposal.municipality)
    if not recipients:
        return 0
    subject, body = _render(
        "organisations/email/proposal_request",
        {
            "proposal": proposal,
            "review_url": settings.BASE_URL
            + reverse("wagtailadmin_pages:edit", args=[proposal.page_id]),
        },
    )
    messages = [EmailMessage(subject, body, to=[email]) for email in recipients]
    return get_connection().send_messages(messages) or 0


@task(priority=USER_MAIL)
def send_proposal_decision(proposal_id: int) -> bool:
    """Tell the representative who proposed it that the editors published or rejected
    it; each decision once (the proposal is claimed before the message is sent)."""
    from .models import Proposal

    proposal = (
        Proposal.objects.select_related("organisation", "municipality", "proposed_by", "page")
        .filter(pk=proposal_id)
        .first()
    )
    if proposal is None or proposal.status not in (
        Proposal.Status.PUBLISHED,
        Proposal.Status.REJECTED,
    ):
        return False
    user = proposal.proposed_by
    if user is None or not user.email or user.is_deleted or not user.is_active:
        return False
    claimed = (
        Proposal.objects.filter(pk=proposal.pk, status=proposal.status)
        .exclude(notified_status=proposal.status)
        .update(notified_status=proposal.status)
    )
    if not claimed:
        return False
    published = proposal.status == Proposal.Status.PUBLISHED
    subject, body = _render(
        "organisations/email/proposal_decision",
        {
            "proposal": proposal,
            "published": published,
            "page_url": proposal.page.full_url if published and proposal.page else "",
            "list_url": settings.BASE_URL + reverse("ngo:my_proposals"),
        },
    )
    EmailMessage(subject, body, to=[user.email]).send()
    return True
