"""Moderation: officials hide, restore or keep comments; users report them.

Every decision leaves a ModerationEvent (the audit trail the report and the moderation
screen show).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments.models import CommentFlag

from .. import permissions
from ..caching import touch
from ..models import ConsultationComment, ModerationEvent


def _check_moderator(by, comment) -> None:
    if not permissions.can_moderate_consultation(by, comment.consultation):
        raise PermissionDenied


def hide_comment(*, comment, reason: str, by) -> ConsultationComment:
    """Hide a comment from the public with a stated reason (kept for the report)."""
    _check_moderator(by, comment)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for hiding the comment."))
    with transaction.atomic():
        comment.hidden_at = timezone.now()
        comment.hidden_reason = reason
        comment.hidden_by = by
        comment.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
        ModerationEvent.objects.create(
            comment=comment, action=ModerationEvent.Action.HIDE, reason=reason, actor=by
        )
        touch(comment.consultation_id)
    return comment


def unhide_comment(*, comment, by, reason: str = "") -> ConsultationComment:
    """Show a hidden comment again; the audit trail keeps both decisions."""
    _check_moderator(by, comment)
    with transaction.atomic():
        comment.hidden_at = None
        comment.hidden_reason = ""
        comment.hidden_by = None
        comment.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
        ModerationEvent.objects.create(
            comment=comment, action=ModerationEvent.Action.UNHIDE, reason=reason, actor=by
        )
        touch(comment.consultation_id)
    return comment


def keep_comment(*, comment, by, reason: str = "") -> ModerationEvent:
    """Settle the users' reports on a visible comment: the moderator read it and keeps it.
    A later report asks again."""
    _check_moderator(by, comment)
    return ModerationEvent.objects.create(
        comment=comment, action=ModerationEvent.Action.KEEP, reason=reason, actor=by
    )


def flag_comment(*, comment, user) -> bool:
    """A user suggests removal; returns False when they had already flagged it."""
    if not permissions.CommentPolicy(user, comment.consultation).may_flag:
        raise PermissionDenied
    with transaction.atomic():
        _, created = CommentFlag.objects.get_or_create(
            comment=comment, user=user, flag=CommentFlag.SUGGEST_REMOVAL
        )
        if created:
            ModerationEvent.objects.create(
                comment=comment, action=ModerationEvent.Action.FLAG, actor=user
            )
    return created
