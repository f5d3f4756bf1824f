"""Verbs on organisations' own profiles: a representative submits a change set; an
official approves or rejects it. Atomic; e-mails go from tasks after commit."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation

from . import permissions, tasks
from .models import ProfileChange
from .profile_fields import EDITABLE_FIELDS, comparable, current_value


@transaction.atomic
def submit_profile_change(*, organisation: Organisation, by, data: dict, logo=None):
    """Store what differs from the public profile as the organisation's one pending
    change (a newer submission replaces an older pending one) and tell the officials
    who decide. Nothing on the public profile changes until an official approves.
    Raises ValidationError when nothing differs."""
    if not permissions.can_edit_profile(by, organisation):
        raise PermissionDenied(_("Only the organisation's representatives edit its profile."))
    changes = {}
    for name in EDITABLE_FIELDS:
        if name == "logo" or name not in data:
            continue
        new = comparable(name, data[name])
        if new != current_value(organisation, name):
            changes[name] = new
    if not changes and not logo:
        raise ValidationError(_("You have not changed anything."), code="unchanged")
    ProfileChange.objects.filter(
        organisation=organisation, status=ProfileChange.Status.PENDING
    ).delete()
    change = ProfileChange(organisation=organisation, submitted_by=by, changes=changes)
    if logo:
        change.logo.save(logo.name, logo, save=False)
    change.save()
    transaction.on_commit(lambda: tasks.notify_reviewers_of_profile_change.enqueue(change.pk))
    return change


def _decide(change: ProfileChange, by, status: str, reason: str = "") -> ProfileChange:
    change = (
        ProfileChange.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=change.pk)
    )
    if not permissions.can_review_profile(by, change.organisation):
        raise PermissionDenied(_("You do not decide on this organisation's profile."))
    if change.status != ProfileChange.Status.PENDING:
        raise ValidationError(_("This change has already been decided."), code="decided")
    change.status = status
    change.reason = reason
    change.decided_by = by
    change.decided_at = timezone.now()
    change.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    transaction.on_commit(lambda: tasks.send_profile_change_decision.enqueue(change.pk))
    return change


@transaction.atomic
def approve_profile_change(*, change: ProfileChange, by) -> ProfileChange:
    """Apply the change set to the public profile (a new logo moves to public storage)."""
    change = _decide(change, by, ProfileChange.Status.APPROVED)
    organisation = change.organisation
    for name, value in change.changes.items():
        if name == "municipalities":
            organisation.municipalities.set(value)
        else:
            setattr(organisation, name, value)
    if change.logo:
        with change.logo.open("rb") as source:
            organisation.logo.save(
                change.logo.name.rsplit("/", 1)[-1], ContentFile(source.read()), save=False
            )
    organisation.save()
    return change


@transaction.atomic
def reject_profile_change(*, change: ProfileChange, by, reason: str) -> ProfileChange:
    """Keep the public profile as it is; the representative is told why."""
    if not reason.strip():
        raise ValidationError(_("Say why, so the organisation can correct it."), code="reason")
    return _decide(change, by, ProfileChange.Status.REJECTED, reason.strip())
