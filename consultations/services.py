"""Verbs of the consultations capability: import and publish drafts, comment, moderate.

Views, admin screens, commands and the demo seeder call these functions; each checks
its permission (consultations.permissions), runs in one transaction and leaves an
audit row where the law expects one (moderation, offline entry).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import permissions
from .bleaching import render_user_text
from .caching import touch
from .drafts.services import (
    DRAFT_EXTENSIONS,
    MAX_DRAFT_BYTES,
    DraftImportError,
    consulted_version,
    edit_clause,
    import_draft,
    publish_version,
    reparse_version,
)
from .models import (
    Channel,
    CommentSubmission,
    ConsultationComment,
    ModerationEvent,
)

__all__ = [
    "DRAFT_EXTENSIONS",
    "MAX_DRAFT_BYTES",
    "DraftImportError",
    "consulted_version",
    "edit_clause",
    "import_draft",
    "publish_version",
    "reparse_version",
    "touch",
]


class CommentRefused(permissions.Refusal, Exception):  # noqa: N818 - a refusal, not a crash
    """A comment cannot be accepted; `code` (a permissions.Refusal) tells the view which
    message to show."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


# --- Comments -----------------------------------------------------------------


@dataclass(frozen=True)
class CommentText:
    comment: str
    proposed_wording: str = ""
    justification: str = ""


def _rate_limit_ok(user) -> bool:
    """At most CONSULTATIONS_COMMENT_RATE comments per minute per user (None: off)."""
    limit = getattr(settings, "CONSULTATIONS_COMMENT_RATE", 10)
    if not limit:
        return True
    window = int(timezone.now().timestamp() // 60)
    key = f"consultations:rate:{user.pk}:{window}"
    cache.add(key, 0, timeout=70)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=70)
        count = 1
    return count <= limit


def _target_of(consultation, clause):
    if clause is not None:
        return clause
    version = consulted_version(consultation)
    if version is None:
        raise CommentRefused(CommentRefused.BAD_TARGET)
    return version


def _check_organisation(policy, organisation) -> None:
    """The user may speak only for an organisation whose membership was approved."""
    if organisation is not None and not policy.speaks_for(organisation):
        raise PermissionDenied


def _new_comment(*, consultation, target, clause, text: CommentText, user, **extra):
    name = extra.pop("user_name", None) or (user.public_name if user else "")
    if isinstance(target, ConsultationComment):  # a reply: on the parent's object
        extra.update(content_type_id=target.content_type_id, object_pk=target.object_pk)
    else:
        extra["content_object"] = target
    return ConsultationComment(
        site_id=settings.SITE_ID,
        user=user,
        user_name=name[:50],
        user_email=(user.email if user else "") or "",
        comment=text.comment.strip(),
        proposed_wording=text.proposed_wording.strip(),
        justification=text.justification.strip(),
        body_html=render_user_text(text.comment),
        proposed_wording_html=render_user_text(text.proposed_wording),
        justification_html=render_user_text(text.justification),
        consultation=consultation,
        clause=clause,
        submit_date=timezone.now(),
        is_public=True,
        is_removed=False,
        **extra,
    )


def _check_clause(consultation, clause):
    if clause is None:
        return
    version = clause.version
    if version.consultation_id != consultation.pk or not version.is_published:
        raise CommentRefused(CommentRefused.BAD_TARGET)


def _policy_for(user, consultation, policy):
    if policy is None:
        return permissions.CommentPolicy(user, consultation)
    if policy.user != user or policy.consultation.pk != consultation.pk:
        raise ValueError("the policy was built for another user or consultation")
    return policy


def _sent_before(user, consultation, submission_key):
    """The comment this user already sent with this form, if any."""
    if not submission_key or not getattr(user, "pk", None):
        return None
    return ConsultationComment.objects.filter(
        submission__author=user, submission__key=submission_key, consultation=consultation
    ).first()


def _save_once(comment, consultation, submission_key, lock_thread=None):
    """Save a new comment, or return the one its form already stored.

    Two sendings of one form can race (a retry while the first request still runs):
    the unique constraint on (author, key) of CommentSubmission lets only one in, and
    the other answers with the stored comment.
    """
    try:
        with transaction.atomic():
            if lock_thread is not None:
                # Serialise replies within one thread: xtd renumbers `order` in the thread.
                ConsultationComment.objects.select_for_update().filter(pk=lock_thread).exists()
            comment.save()
            if submission_key:
                CommentSubmission.objects.create(
                    author=comment.user, key=submission_key, comment=comment
                )
            touch(consultation)
    except IntegrityError:
        earlier = _sent_before(comment.user, consultation, submission_key)
        if earlier is None:
            raise
        return earlier
    return comment


def post_comment(
    *,
    consultation,
    user,
    text: CommentText,
    clause=None,
    organisation=None,
    ip_address=None,
    policy=None,
    submission_key="",
) -> ConsultationComment:
    """Store a resident's or NGO's comment on a clause (or on the act when clause is None).

    Refuses (CommentRefused with a code) when the consultation is not open, the user
    may not comment, the target is not part of this consultation's published draft, or
    the user exceeds the rate limit. `organisation` must be one the user represents.
    `policy`: the request's permissions.CommentPolicy for this user and consultation,
    if the caller has one (its facts are then not read twice).
    `submission_key`: the form's random token; a second sending of the same form by the
    same user stores nothing and returns the comment the first one stored.
    """
    if (earlier := _sent_before(user, consultation, submission_key)) is not None:
        return earlier
    policy = _policy_for(user, consultation, policy)
    if code := policy.comment_refusal():
        raise CommentRefused(code)
    _check_clause(consultation, clause)
    _check_organisation(policy, organisation)
    if not _rate_limit_ok(user):
        raise CommentRefused(CommentRefused.RATE_LIMITED)
    comment = _new_comment(
        consultation=consultation,
        target=_target_of(consultation, clause),
        clause=clause,
        text=text,
        user=user,
        organisation=organisation,
        ip_address=ip_address,
    )
    return _save_once(comment, consultation, submission_key)


def reply(
    *,
    parent,
    user,
    text: CommentText,
    organisation=None,
    ip_address=None,
    policy=None,
    submission_key="",
) -> ConsultationComment:
    """Store a reply in the parent's thread (same clause or act), within the max depth.

    Refuses like post_comment(); `policy` and `submission_key` as there.
    """
    consultation = parent.consultation
    if (earlier := _sent_before(user, consultation, submission_key)) is not None:
        return earlier
    policy = _policy_for(user, consultation, policy)
    if code := policy.reply_refusal(parent):
        raise CommentRefused(code)
    _check_organisation(policy, organisation)
    if not _rate_limit_ok(user):
        raise CommentRefused(CommentRefused.RATE_LIMITED)
    comment = _new_comment(
        consultation=consultation,
        target=parent,
        clause=parent.clause,
        text=text,
        user=user,
        organisation=organisation,
        ip_address=ip_address,
        parent_id=parent.pk,
    )
    return _save_once(comment, consultation, submission_key, lock_thread=parent.thread_id)


def enter_offline_comment(
    *,
    consultation,
    text: CommentText,
    channel: str,
    submitter_name: str,
    entered_by,
    clause=None,
    organisation=None,
) -> ConsultationComment:
    """Record a comment received on paper, by e-mail or at a meeting (officials only).

    The comment is public like any other, shows the submitter's name and channel, is
    counted in the report, and leaves an ENTER audit row naming the official.
    """
    if not permissions.can_enter_offline_comment(entered_by, consultation):
        raise PermissionDenied
    if channel not in (Channel.PAPER, Channel.EMAIL, Channel.MEETING):
        raise ValidationError(_("Choose paper, e-mail or meeting."))
    if not submitter_name.strip():
        raise ValidationError(_("Give the submitter's name."))
    if not text.comment.strip():
        raise ValidationError(_("The comment is empty."))
    try:
        _check_clause(consultation, clause)
        target = _target_of(consultation, clause)
    except CommentRefused as exc:
        raise ValidationError(_("Choose a clause of this consultation's draft.")) from exc
    comment = _new_comment(
        consultation=consultation,
        target=target,
        clause=clause,
        text=text,
        user=None,
        user_name=submitter_name.strip(),
        organisation=organisation,
        channel=channel,
        submitter_name=submitter_name.strip()[:255],
        entered_by=entered_by,
    )
    with transaction.atomic():
        comment.save()
        ModerationEvent.objects.create(
            comment=comment,
            action=ModerationEvent.Action.ENTER,
            reason=comment.get_channel_display(),
            actor=entered_by,
        )
        touch(consultation)
    return comment


def hide_comment(*, comment, reason: str, by) -> ConsultationComment:
    """Hide a comment from the public with a stated reason (kept for the report)."""
    if not permissions.can_moderate_consultation(by, comment.consultation):
        raise PermissionDenied
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
    if not permissions.can_moderate_consultation(by, comment.consultation):
        raise PermissionDenied
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
    if not permissions.can_moderate_consultation(by, comment.consultation):
        raise PermissionDenied
    return ModerationEvent.objects.create(
        comment=comment, action=ModerationEvent.Action.KEEP, reason=reason, actor=by
    )


def flag_comment(*, comment, user) -> bool:
    """A user suggests removal; returns False when they had already flagged it."""
    from django_comments.models import CommentFlag

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


def react(*, comment, user, like: bool) -> None:
    """Like or dislike (xtd feedback flags); a second click on the same choice undoes it."""
    from django_comments.models import CommentFlag
    from django_comments_xtd.models import DISLIKEDIT_FLAG, LIKEDIT_FLAG

    if not permissions.CommentPolicy(user, comment.consultation).may_react:
        raise PermissionDenied
    flag, other = (LIKEDIT_FLAG, DISLIKEDIT_FLAG) if like else (DISLIKEDIT_FLAG, LIKEDIT_FLAG)
    with transaction.atomic():
        CommentFlag.objects.filter(comment=comment, user=user, flag=other).delete()
        mine = CommentFlag.objects.filter(comment=comment, user=user, flag=flag)
        deleted, _detail = mine.delete()
        if not deleted:
            CommentFlag.objects.create(comment=comment, user=user, flag=flag)
        touch(comment.consultation_id)
