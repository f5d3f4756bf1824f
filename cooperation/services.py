"""The verbs of the cooperation bodies. Views and admin screens call these; each checks
what it promises and raises ValidationError with a message for the person when a step
is not allowed now."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import permissions
from .models import Minutes, TaskProposal


def schedule_meeting(*, meeting, by=None):
    """Save a new meeting; its body's current members are e-mailed once it is committed."""
    from .tasks import notify_members_of_meeting

    meeting.full_clean()
    meeting.save()
    transaction.on_commit(lambda: notify_members_of_meeting.enqueue(meeting.pk))
    return meeting


@transaction.atomic
def save_minutes(*, meeting, text: str, by):
    """Write or rewrite the draft minutes. Approved or published minutes stay as they are."""
    if not permissions.can_draft_minutes(by, meeting):
        raise PermissionDenied
    minutes = Minutes.objects.select_for_update().filter(meeting=meeting).first()
    if minutes is not None and minutes.status != Minutes.Status.DRAFT:
        raise ValidationError(_("These minutes have been approved and can no longer be changed."))
    if not text.strip():
        raise ValidationError(_("Write the text of the minutes."))
    minutes = minutes or Minutes(meeting=meeting)
    minutes.text = text
    minutes.drafted_by = by
    minutes.drafted_at = timezone.now()
    minutes.save()
    return minutes


@transaction.atomic
def approve_minutes(*, minutes, by):
    """An official of the body's municipality approves the draft."""
    if not permissions.can_manage_body(by, minutes.meeting.body):
        raise PermissionDenied
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.status != Minutes.Status.DRAFT:
        raise ValidationError(_("Only draft minutes can be approved."))
    minutes.status = Minutes.Status.APPROVED
    minutes.approved_by = by
    minutes.approved_at = timezone.now()
    minutes.save(update_fields=["status", "approved_by", "approved_at"])
    return minutes


@transaction.atomic
def publish_minutes(*, minutes, by):
    """Approved minutes become public on the meeting's page."""
    if not permissions.can_manage_body(by, minutes.meeting.body):
        raise PermissionDenied
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.status != Minutes.Status.APPROVED:
        raise ValidationError(_("Minutes are published only after they are approved."))
    minutes.status = Minutes.Status.PUBLISHED
    minutes.published_at = timezone.now()
    minutes.save(update_fields=["status", "published_at"])
    return minutes


def submit_proposal(*, body, by, **fields):
    """A member of a working group or team proposes a public task on the group's behalf."""
    if not permissions.can_submit_proposal(by, body):
        raise PermissionDenied
    proposal = TaskProposal(body=body, submitted_by=by, **fields)
    proposal.full_clean()
    proposal.save()
    return proposal


@transaction.atomic
def answer_proposal(*, proposal, answer: str, by):
    """The department's answer; the member who submitted the proposal is e-mailed."""
    from .tasks import send_proposal_answer

    if not permissions.can_manage_body(by, proposal.body):
        raise PermissionDenied
    if not answer.strip():
        raise ValidationError({"answer": _("Write the answer.")})
    first = proposal.answered_at is None
    proposal.answer = answer
    proposal.answered_by = by
    proposal.answered_at = proposal.answered_at or timezone.now()
    proposal.save(update_fields=["answer", "answered_by", "answered_at"])
    if first:
        transaction.on_commit(lambda: send_proposal_answer.enqueue(proposal.pk))
    return proposal
